import type { Activity } from './activity';

/**
 * How a channel with an endpoint of its own (Slack) sends what the bot says: the Bot Framework edge
 * (src/bot/endpoint-adapter.ts) hands it each turn's activities, addressed (conversation, recipient), in
 * order. Nothing here knows the Bot Framework SDK.
 */
export interface ChannelTransport {
  /** Sends the activities one after another; the id each got (`''` for one with no counterpart). */
  send(activities: Activity[]): Promise<string[]>;
  /** Replaces the message `activity.id` with this activity. */
  update(activity: Activity & { id: string }): Promise<void>;
  delete(conversationId: string, id: string): Promise<void>;
}
