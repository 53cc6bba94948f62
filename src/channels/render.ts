import { blockKitMessages, blockKitTraining } from '../slack/render';
import { headings } from '../view/strings';
import { renderText } from '../view/text';
import { trainText } from '../view/training-render';
import type { TrainView } from '../view/training-view';
import type { View } from '../view/view';
import type { Message } from './activity';
import { cardMessages, trainingCardMessage } from './cards';
import type { ChannelProfile } from './table';

/** Whom a training message is for: the sender alone, in a conversation others read (`conversationId`)? */
interface Recipients {
  privately: boolean;
  conversationId: string;
}

/** Each format's renderers: a consult view as messages; the views of one training turn as one message. */
const formats: Record<
  ChannelProfile['format'],
  {
    consult: (view: View, channel: ChannelProfile) => Message[];
    training: (views: TrainView[], channel: ChannelProfile, to: Recipients) => Message;
  }
> = {
  adaptiveCard: { consult: cardMessages, training: (views, channel) => trainingCardMessage(views, channel) },
  blockKit: { consult: blockKitMessages, training: (views, _channel, to) => blockKitTraining(views, to) },
  text: {
    consult: (view) => [
      { type: 'message', text: renderText(view), textFormat: 'plain' },
      // Where the note cannot carry a file, it says how to get the consult's FHIR form as text.
      ...(view.kind === 'note'
        ? [{ type: 'message' as const, text: headings.noteFhirHint, textFormat: 'plain' }]
        : []),
    ],
    training: (views) => ({ type: 'message', text: views.map(trainText).join('\n\n'), textFormat: 'plain' }),
  },
};

/** A consult view as the messages of a channel, in the format its row names. */
export function consultMessages(view: View, channel: ChannelProfile): Message[] {
  const shown: View =
    view.kind === 'details' && channel.detailsAbove ? { kind: 'notice', note: 'detailsAbove' } : view;
  return formats[channel.format].consult(shown, channel);
}

/**
 * The views of one training turn as one message. `privately`: for the sender alone, in a conversation where
 * others read along (`conversationId` says where, for buttons that must find their way back).
 */
export function trainingMessage(views: TrainView[], channel: ChannelProfile, to: Recipients): Message {
  return formats[channel.format].training(views, channel, to);
}
