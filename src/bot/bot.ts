import {
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { Message } from '../channels/activity';
import { consultMessages, trainingMessage } from '../channels/render';
import type { Educators } from '../channels/educators';
import { channelOf, type ChannelProfile } from '../channels/table';
import type { Conversation, Outcome, Sender } from '../conversation/service';
import { answeredCard, staleCard } from '../view/adaptive-card';
import { scoreButtonData } from '../view/training-render';
import { notes } from '../view/strings';
import type { View } from '../view/view';
import { channelSpace, conversationKey } from './conversation-key';

/** The verb of a Teams refresh of a learner's user-specific card. */
const viewVerb = 'trainView';

const cardResponse = (card: Record<string, unknown>): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});

/** Group chats, channels and Slack threads: answers are attributed, reveals go to the learner alone. */
function isShared(activity: Partial<Activity>): boolean {
  const c = activity.conversation;
  return Boolean(c?.isGroup) || c?.conversationType === 'channel' || c?.conversationType === 'groupChat';
}

/**
 * Where the channel asks for a mention in shared conversations, a typed message counts only when it mentions
 * the bot (Teams delivers channel messages only then, without resource-specific consent); clicks carry a value.
 */
function addressedToBot(activity: Partial<Activity>, channel: ChannelProfile): boolean {
  if (!channel.mention || !isShared(activity) || activity.value !== undefined) return true;
  return (activity.entities ?? []).some(
    (e) =>
      e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/**
 * Who sends the turn, as the conversation service knows them: the channel's stable user id (never stored as
 * it is), the conversation, and whether this turn can answer them alone (a card invoke's answer goes to the
 * clicker only; elsewhere where the channel has private replies).
 */
function senderOf(ctx: TurnContext, channel: ChannelProfile, invoke: boolean, educators: Educators): Sender {
  const a = ctx.activity;
  const userId = (channel.userId === 'aadObjectId' && a.from?.aadObjectId) || a.from?.id || 'unknown';
  const shared = isShared(a);
  const name = a.from?.name?.trim();
  const space = channelSpace(ctx);
  return {
    channelId: space,
    userId,
    conversation: conversationKey(ctx),
    shared,
    canReplyPrivately: !shared || invoke || channel.privately === 'ephemeral',
    privateOnClick: channel.privately === 'cardView' && channel.universalActions,
    // Only an id the channel proved can name an educator (an unproven turn's space is `local:…`).
    educator: educators.has(space, userId),
    ...(name ? { name } : {}),
  };
}

/**
 * The Bot Framework edge (Teams, Web Chat, the Emulator, and the channels with an endpoint of their own through
 * ./endpoint-adapter.ts): activities in, the conversation service's outcome out, drawn as the channel's row of
 * the channel table says. Nothing clinical happens here, and nothing here reads or logs message text.
 */
export class ConsultBot extends TeamsActivityHandler {
  constructor(
    private readonly conversation: Conversation,
    private readonly educators: Educators,
  ) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.onTurnMessage(ctx);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botAdded = ctx.activity.membersAdded?.some((m) => m.id === ctx.activity.recipient?.id);
      if (botAdded) await this.welcome(ctx);
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.welcome(ctx);
      await next();
    });
  }

  private async welcome(ctx: TurnContext): Promise<void> {
    // Installation and "bot added" both arrive: the service greets once per conversation.
    await this.send(ctx, await this.conversation.welcome(conversationKey(ctx)));
  }

  private async send(ctx: TurnContext, views: View[]): Promise<void> {
    const channel = channelOf(ctx.activity.channelId);
    const messages = views.flatMap((v) => consultMessages(v, channel));
    if (messages.length) await ctx.sendActivities(messages as Partial<Activity>[]);
  }

  private async onTurnMessage(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const channel = channelOf(a.channelId);
    if (!addressedToBot(a, channel)) return;
    // In channels and group chats the bot is mentioned; the mention is not part of the command.
    const text = TurnContext.removeRecipientMention(a as Activity) ?? a.text;
    const sender = senderOf(ctx, channel, false, this.educators);
    const out = await this.conversation.turn(sender, { text, value: a.value }, a.id);
    const messages = this.messagesOf(out, channel, sender, a.conversation?.id ?? '');
    if (messages.length) await ctx.sendActivities(messages as Partial<Activity>[]);
    // The clicked question becomes a record of the answer, with nothing left to click. A stale click answered
    // nothing, so its message is left as it was (the bot has said so).
    if (out.mode === 'consult' && out.answered && channel.updatesClicked && a.replyToId) {
      const [record] = consultMessages(out.answered, channel);
      if (record) await ctx.updateActivity({ ...(record as Partial<Activity>), id: a.replyToId });
    }
  }

  /** Everything a message turn sends: the shared views, then the sender's own (privately where possible). */
  private messagesOf(out: Outcome, channel: ChannelProfile, sender: Sender, conversationId: string) {
    if (out.mode === 'duplicate') return [];
    const privately = sender.shared && channel.privately === 'ephemeral';
    if (out.mode === 'consult')
      return [...out.shared, ...out.own].flatMap((v) => consultMessages(v, channel));
    const messages: Message[] = [];
    if (out.shared.length)
      messages.push(trainingMessage(out.shared, channel, { privately: false, conversationId }));
    if (out.own.length) messages.push(trainingMessage(out.own, channel, { privately, conversationId }));
    return messages;
  }

  /**
   * An invoke the bot does not handle (message extensions, task modules, sign-in, feedback...) is the
   * client's request for something this bot does not offer: 400, where botbuilder answers 501.
   */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(ctx);
    if (response.status !== 501) return response;
    return { status: 400, body: { code: 'NotSupported', message: 'this bot does not handle that request' } };
  }

  /**
   * Universal actions (Action.Execute): the clicked card is replaced in place by what the click did: a record
   * of the answer (or, for an old card, a note that it is out of date), then the next step follows; a trainee's
   * reveal and next decision, seen by the clicker alone.
   */
  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const channel = channelOf(ctx.activity.channelId);
    const sender = senderOf(ctx, channel, true, this.educators);
    const data = invokeValue.action?.data as Record<string, unknown> | undefined;
    if (invokeValue.action?.verb === viewVerb && typeof data?.trainView === 'string')
      return this.learnerCard(
        ctx,
        channel,
        await this.conversation.viewOf(sender, data.trainView),
        data.trainView,
      );
    const out = await this.conversation.turn(sender, { value: data }, ctx.activity.id);
    // A re-delivered click was applied the first time: acknowledged without touching the card.
    if (out.mode === 'duplicate')
      // botbuilder types `value` as an object, but a message response carries a string.
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: notes.duplicate as unknown as Record<string, unknown>,
      };
    const conversationId = ctx.activity.conversation?.id ?? '';
    if (out.mode === 'training') {
      const shared = out.shared.length
        ? [trainingMessage(out.shared, channel, { privately: false, conversationId })]
        : [];
      if (shared.length) await ctx.sendActivities(shared as Partial<Activity>[]);
      // A record tapped for ("Show my record") stays the tapper's own and current: refreshed as a record.
      const record = out.own.some((v) => v.kind === 'trainScore');
      return this.learnerCard(
        ctx,
        channel,
        out.own,
        record ? { verb: 'train', data: scoreButtonData } : out.attemptId,
      );
    }
    // The notice (out of date; feedback already recorded...) is in the replaced card; send only what comes next.
    const views = [...out.shared, ...out.own];
    const notice = out.answered ? undefined : views.find((v) => v.kind === 'notice');
    await this.send(
      ctx,
      views.filter((v) => v !== notice),
    );
    const note = notice?.kind === 'notice' ? notice.note : 'stale';
    return cardResponse((out.answered ? answeredCard(out.answered) : staleCard(note)).content);
  }

  /**
   * A learner's views as the card they clicked, seen by them alone; where the channel has user-specific card
   * views, it asks for this learner's view again (their own progress) whenever it renders the card for them.
   */
  private learnerCard(
    ctx: TurnContext,
    channel: ChannelProfile,
    views: Parameters<typeof trainingMessage>[0],
    view: string | { verb: string; data: unknown } | undefined,
  ): AdaptiveCardInvokeResponse {
    const message = trainingMessage(views, channel, {
      privately: true,
      conversationId: ctx.activity.conversation?.id ?? '',
    });
    const card = { ...(message.attachments?.[0]?.content as Record<string, unknown>) };
    const userId = ctx.activity.from?.id;
    const refresh = typeof view === 'string' ? { verb: viewVerb, data: { trainView: view } } : view;
    if (channel.privately === 'cardView' && refresh && userId)
      card.refresh = { action: { type: 'Action.Execute', ...refresh }, userIds: [userId] };
    return cardResponse(card);
  }
}
