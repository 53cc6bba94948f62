import { cardBudgetChars } from '../view/adaptive-card';
import { slackLimits } from '../view/slack-blocks';

/**
 * What the bot does differently per channel, one row each. Every channel decision reads this table (a lint
 * rule refuses a comparison of a channel id anywhere else): a new channel is its own folder plus one row.
 */
export interface ChannelProfile {
  /** The row's name (the channel id, or `default`). */
  name: string;
  /** How views are drawn: plain text, Adaptive Cards 1.5, or Slack's Block Kit (src/channels/render.ts). */
  format: 'text' | 'adaptiveCard' | 'blockKit';
  /**
   * Buttons are Action.Execute (with an Action.Submit fallback): a click arrives as an invoke, answered with
   * the card that replaces the clicked one in place.
   */
  universalActions: boolean;
  /** The numbered sources of a recommendation also go out as the channel's citations. */
  citations: boolean;
  /** Where a card message carries its plain text: `text` beside it, or the card's `fallbackText`. */
  plainText: 'text' | 'cardFallback';
  /**
   * How it shows one person a reply the others in a shared conversation do not see: a user-specific view
   * of the card they clicked (Teams' card refresh), an ephemeral message (Slack), or not at all.
   */
  privately: 'cardView' | 'ephemeral' | 'none';
  /** In a shared conversation a typed message counts only when it mentions the bot. */
  mention: boolean;
  /** The most one message may carry, in the renderer's measure (a card's JSON and text; Block Kit text). */
  maxMessageChars: number;
  /** The clicked question is replaced by a record of the answer by updating its message. */
  updatesClicked: boolean;
  /** It reaches the bot at an endpoint of its own, never through /api/messages. */
  ownEndpoint: boolean;
  /** The field of the sender's account that names them the same in every conversation. */
  userId: 'aadObjectId' | 'id';
  /**
   * `details` answers with a one-line pointer to the plan's folded sections instead of posting them all
   * again: where the cards fold them in place and the transcript keeps them (the local page).
   */
  detailsAbove: boolean;
  /**
   * A file attachment sent as a `data:` URL is offered as a download (Web Chat, the Emulator): the note
   * carries the consult's FHIR form so. Elsewhere `note fhir` gives it as a block of text.
   */
  files: boolean;
}

const webChat: Omit<ChannelProfile, 'name'> = {
  format: 'adaptiveCard',
  // Web Chat and the Emulator render 1.5 but not Action.Execute.
  universalActions: false,
  citations: false,
  plainText: 'text',
  privately: 'none',
  mention: false,
  maxMessageChars: cardBudgetChars,
  updatesClicked: false,
  ownEndpoint: false,
  userId: 'id',
  detailsAbove: true,
  files: true,
};

/** The rows, by channel id. A Bot Framework channel without a row of its own is drawn as Web Chat is. */
export const channels = {
  msteams: {
    name: 'msteams',
    format: 'adaptiveCard',
    universalActions: true,
    citations: true,
    plainText: 'cardFallback',
    privately: 'cardView',
    // Teams gives the bot channel and group messages only when it is mentioned (no resource-specific consent).
    mention: true,
    maxMessageChars: cardBudgetChars,
    updatesClicked: false,
    ownEndpoint: false,
    userId: 'aadObjectId',
    // Kept as it was: Teams was not part of the review that asked for the pointer (issue 20, part 5).
    detailsAbove: false,
    // A bot's file in Teams needs the user's consent and their OneDrive: the JSON comes as text instead.
    files: false,
  },
  slack: {
    name: 'slack',
    format: 'blockKit',
    universalActions: false,
    citations: false,
    plainText: 'text',
    privately: 'ephemeral',
    // In a channel Slack sends the bot only the messages that mention it (app_mention).
    mention: true,
    maxMessageChars: slackLimits.messageText,
    updatesClicked: true,
    ownEndpoint: true,
    userId: 'id',
    // Slack's recommendation has no folds: its details are replies in the thread.
    detailsAbove: false,
    files: false,
  },
  terminal: {
    name: 'terminal',
    format: 'text',
    universalActions: false,
    citations: false,
    plainText: 'text',
    privately: 'none',
    mention: false,
    maxMessageChars: Infinity,
    updatesClicked: false,
    ownEndpoint: false,
    userId: 'id',
    detailsAbove: false,
    files: false,
  },
  default: { name: 'default', ...webChat },
} satisfies Record<string, ChannelProfile>;

/** The row of a channel id (compared without regard to case, as channels spell it differently). */
export function channelOf(channelId: string | undefined): ChannelProfile {
  const id = (channelId ?? '').toLowerCase();
  return Object.hasOwn(channels, id) ? channels[id as keyof typeof channels] : channels.default;
}
