/**
 * The Bot Framework activity, as far as this bot reads and writes it: plain JSON of the protocol (the Bot
 * Connector's, Web Chat's, and the Microsoft 365 Agents SDK's alike), with no SDK behind it. The renderers
 * and the channels with an endpoint of their own (Slack) speak it; only src/bot hands it to botbuilder.
 */
interface Account {
  id: string;
  name?: string;
  /** Teams: the user's Entra object id, the same in every conversation. */
  aadObjectId?: string;
}

interface ConversationRef {
  id: string;
  isGroup?: boolean;
  conversationType?: string;
  name?: string;
  tenantId?: string;
}

interface Attachment {
  contentType: string;
  content?: unknown;
  /** A file's content as a `data:` URL, and its name. */
  contentUrl?: string;
  name?: string;
}

export interface Activity {
  type: string;
  id?: string;
  channelId?: string;
  timestamp?: Date;
  serviceUrl?: string;
  from?: Account;
  recipient?: Account;
  conversation?: ConversationRef;
  replyToId?: string;
  text?: string;
  textFormat?: string;
  /** A notification's first line (Teams). */
  summary?: string;
  /** Card data posted back: a click. */
  value?: unknown;
  attachments?: Attachment[];
  entities?: Record<string, unknown>[];
  /** What a channel carries besides the protocol: Slack's Block Kit messages (src/slack/render.ts). */
  channelData?: Record<string, unknown>;
  /** `ephemeral`: shown to the recipient alone (a Slack ephemeral message). */
  deliveryMode?: string;
}

/** What a renderer gives: a message to send, before the edge addresses it. */
export type Message = Omit<Activity, 'type'> & { type: 'message' };
