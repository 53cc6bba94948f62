import type { Message } from '../channels/activity';
import type { ChannelProfile } from '../channels/table';
import { renderSlack, type SlackMessage } from '../view/slack-blocks';
import { renderText } from '../view/text';
import { trainSlack, trainText } from '../view/training-render';
import type { TrainView } from '../view/training-view';
import type { View } from '../view/view';
import { placeOf } from './place';

/**
 * Slack's views travel in the activity itself: its `text` is the plain text (transcripts, the fallback), its
 * `channelData.blockKit` the Block Kit messages the view is drawn as (one view may be several: a
 * recommendation's details follow in its thread). src/slack/transport.ts posts them.
 */
const blockKitKey = 'blockKit';

export function blockKitMessages(view: View, channel: ChannelProfile): Message[] {
  return [
    {
      type: 'message',
      text: renderText(view),
      textFormat: 'plain',
      channelData: { [blockKitKey]: renderSlack(view, channel.maxMessageChars) },
    },
  ];
}

/** A training turn's views; one for the sender alone is an ephemeral message whose buttons carry the thread. */
export function blockKitTraining(
  views: TrainView[],
  to: { privately: boolean; conversationId: string },
): Message {
  const thread = to.privately ? placeOf(to.conversationId).threadTs : undefined;
  const m = trainSlack(views, thread);
  const messages: SlackMessage[] = [{ text: m.text, blocks: m.blocks }];
  return {
    type: 'message',
    text: views.map(trainText).join('\n\n'),
    textFormat: 'plain',
    channelData: { [blockKitKey]: messages },
    ...(to.privately ? { deliveryMode: 'ephemeral' } : {}),
  };
}

/** The Block Kit messages an activity carries, or its plain text as one message. */
export function slackMessagesOf(activity: { text?: string; channelData?: Record<string, unknown> }) {
  const messages = activity.channelData?.[blockKitKey] as SlackMessage[] | undefined;
  return messages ?? [{ text: activity.text ?? '', blocks: [] }];
}
