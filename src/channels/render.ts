import { blockKitMessages, blockKitTraining } from '../slack/render';
import { renderText } from '../view/text';
import { trainText } from '../view/training-render';
import type { TrainView } from '../view/training-view';
import type { View } from '../view/view';
import type { Message } from './activity';
import { cardMessages, trainingCardMessage } from './cards';
import type { ChannelProfile } from './table';

/** A consult view as the messages of a channel, in the format its row names. */
export function consultMessages(view: View, channel: ChannelProfile): Message[] {
  switch (channel.format) {
    case 'adaptiveCard':
      return cardMessages(view, channel);
    case 'blockKit':
      return blockKitMessages(view, channel);
    case 'text':
      return [{ type: 'message', text: renderText(view), textFormat: 'plain' }];
  }
}

/**
 * The views of one training turn as one message. `privately`: for the sender alone, in a conversation where
 * others read along (`conversationId` says where, for buttons that must find their way back).
 */
export function trainingMessage(
  views: TrainView[],
  channel: ChannelProfile,
  to: { privately: boolean; conversationId: string },
): Message {
  switch (channel.format) {
    case 'adaptiveCard':
      return trainingCardMessage(views, channel);
    case 'blockKit':
      return blockKitTraining(views, to);
    case 'text':
      return { type: 'message', text: views.map(trainText).join('\n\n'), textFormat: 'plain' };
  }
}
