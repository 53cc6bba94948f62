import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Activity as ChannelActivity } from '../channels/activity';
import type { ChannelTransport } from '../channels/transport';
import { channelProvenKey } from './conversation-key';

/**
 * The Bot Framework adapter of a channel with an endpoint of its own (Slack): its route verifies a request and
 * turns it into an activity; this runs the same bot on it as /api/messages does, and hands what the bot sends
 * to the channel's transport. It is the only part of such a channel that knows the Bot Framework SDK.
 */
export class EndpointAdapter extends BotAdapter {
  constructor(private readonly transport: ChannelTransport) {
    super();
  }

  /** Runs one turn for an activity whose request the channel's route verified (its signature). */
  process(activity: ChannelActivity, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const ctx = new TurnContext(this, activity as Partial<Activity>);
    ctx.turnState.set(channelProvenKey, true);
    return this.runMiddleware(ctx, logic);
  }

  async sendActivities(_ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const ids = await this.transport.send(activities as ChannelActivity[]);
    return ids.map((id) => ({ id }));
  }

  async updateActivity(_ctx: TurnContext, activity: Partial<Activity>): Promise<void> {
    if (!activity.id) throw new Error('updateActivity needs the id of the message to update');
    await this.transport.update({ ...(activity as ChannelActivity), id: activity.id });
  }

  async deleteActivity(_ctx: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    if (!reference.activityId || !reference.conversation?.id)
      throw new Error('deleteActivity needs the conversation and the id of the message to delete');
    await this.transport.delete(reference.conversation.id, reference.activityId);
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.process(activity as ChannelActivity, logic);
  }
}
