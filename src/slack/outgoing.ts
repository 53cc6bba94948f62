import type { Activity } from 'botbuilder';
import { viewKey } from '../bot/activities';
import { ephemeralKey, trainViewsKey } from '../bot/training-edge';
import { renderSlack, type SlackMessage } from '../view/slack-blocks';
import { trainSlack } from '../view/training-render';
import type { TrainView } from '../view/training-view';
import type { View } from '../view/view';

/**
 * The Slack messages for an activity the bot sends: its view in Block Kit (only Slack's edge knows that
 * format), or its plain text. Text is plain here; the adapter escapes it for Slack.
 */
export function slackMessagesOf(activity: Partial<Activity>): SlackMessage[] {
  const data = activity.channelData as Record<string, unknown> | undefined;
  const view = data?.[viewKey] as View | undefined;
  if (view) return renderSlack(view);
  const training = data?.[trainViewsKey] as TrainView[] | undefined;
  if (training) {
    // An ephemeral message's clicks may come back without the thread: its buttons carry it.
    const thread = data?.[ephemeralKey] ? activity.conversation?.id?.split(':')[1] : undefined;
    const m = trainSlack(training, thread);
    return [{ text: m.text, blocks: m.blocks }];
  }
  return [{ text: activity.text ?? '', blocks: [] }];
}
