import {
  Channels,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { Answerer } from '../../dialogs/answerers';
import { parseInput, type TurnInput } from '../../dialogs/parse-input';
import type { TurnResult } from '../../dialogs/consult';
import { duplicate, type ConsultService } from '../consult-service';
import type { KeyedHash } from '../keyed-hash';
import type { Logger } from '../log';
import type { ConsultStore } from '../store/store';
import { answeredCard } from '../view/adaptive-card';
import { howToStart, notes } from '../view/strings';
import type { View } from '../view/view';
import { toActivities } from './activities';
import { conversationKey } from './conversation-key';
import type { TrainingEdge } from './training-edge';

/**
 * Turn state: the question this turn answered (an AnsweredView), for channel edges that replace the clicked
 * card themselves (Slack updates the question message after the turn).
 */
export const answeredViewKey = Symbol('answeredView');

/**
 * In Teams channels and group chats a typed message counts only when it mentions the bot (with
 * resource-specific consent Teams would deliver every message); card clicks carry a value instead.
 */
function addressedToBot(activity: Partial<Activity>): boolean {
  if (activity.channelId !== 'msteams' || !isShared(activity) || activity.value !== undefined) return true;
  return (activity.entities ?? []).some(
    (e) =>
      e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/** Group chats, channels and Slack threads: answers are attributed (dialogs/answerers.ts). */
function isShared(activity: Partial<Activity>): boolean {
  const c = activity.conversation;
  return Boolean(c?.isGroup) || c?.conversationType === 'channel' || c?.conversationType === 'groupChat';
}

/**
 * The Bot Framework edge: turns activities into consult inputs and views into activities.
 * Everything clinical happens in the consult service; nothing here reads or logs message text.
 */
export class ConsultBot extends TeamsActivityHandler {
  constructor(
    private readonly service: ConsultService,
    private readonly store: ConsultStore,
    private readonly log: Logger,
    /** Keyed with TRAINING_LEARNER_KEY: what is stored of who answered. */
    private readonly pseudonyms: KeyedHash,
    // Trainee mode: its commands and buttons are taken before the consult sees the turn.
    private readonly training?: TrainingEdge,
  ) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.onConsultMessage(ctx);
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
    // Installation and "bot added" both arrive; greet once per conversation.
    if (!(await this.store.firstDelivery(conversationKey(ctx), 'welcome'))) return;
    const { welcome, disclaimer } = this.service.content;
    await this.send(ctx, [{ kind: 'welcome', text: `${welcome} ${howToStart}`, disclaimer }]);
  }

  /**
   * Teams re-delivers an activity when a reply is slow: the activity id is recorded with the turn
   * (one store transaction), and a delivery seen before gives undefined, to be acknowledged and ignored.
   */
  private async consultTurn(ctx: TurnContext, input: TurnInput): Promise<TurnResult | undefined> {
    const key = conversationKey(ctx);
    const result = await this.service.turn(key, input, this.answererOf(ctx, key), ctx.activity.id);
    return result === duplicate ? undefined : result;
  }

  /**
   * Who answers in a shared conversation: a pseudonym of their channel user id (Teams' aadObjectId where
   * there is one), keyed and per conversation, so that neither their name nor their id is stored and their
   * answers in two consults cannot be linked; and the name the channel gives in this turn, shown to them.
   */
  private answererOf(ctx: TurnContext, key: string): Answerer | undefined {
    const a = ctx.activity;
    const userId = (a.channelId === Channels.Msteams && a.from?.aadObjectId) || a.from?.id;
    if (!isShared(a) || !userId) return undefined;
    const name = a.from?.name?.trim();
    return { id: this.pseudonyms.of(`answerer\u0000${key}\u0000${userId}`, 16), ...(name ? { name } : {}) };
  }

  private async send(ctx: TurnContext, views: View[]): Promise<void> {
    const activities = views.flatMap((v) => toActivities(v, ctx.activity.channelId));
    if (activities.length) await ctx.sendActivities(activities);
  }

  private async onConsultMessage(ctx: TurnContext): Promise<void> {
    if (!addressedToBot(ctx.activity)) return;
    // In channels and group chats the bot is mentioned; the mention is not part of the command.
    const text = TurnContext.removeRecipientMention(ctx.activity as Activity) ?? ctx.activity.text;
    if (await this.training?.onMessage(ctx, text)) return;
    const result = await this.consultTurn(ctx, parseInput(text, ctx.activity.value));
    if (!result) return;
    if (result.answered) ctx.turnState.set(answeredViewKey, result.answered);
    await this.send(ctx, result.views);
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
   * Teams universal actions (Action.Execute): the clicked card is replaced in place by a record of
   * the answer (or, for an old card, by a note that it is out of date), then the next step follows.
   */
  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const card = (view: Parameters<typeof answeredCard>[0] | undefined) => ({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: view
        ? answeredCard(view).content
        : {
            type: 'AdaptiveCard',
            version: '1.5',
            body: [{ type: 'TextBlock', text: notes.stale, wrap: true }],
          },
    });
    const trained = await this.training?.onInvoke(ctx, invokeValue);
    if (trained) return trained;
    const result = await this.consultTurn(ctx, parseInput(undefined, invokeValue.action?.data));
    // A re-delivered click was applied the first time: acknowledge it without touching the card.
    if (!result)
      // botbuilder types `value` as an object, but a message response carries a string.
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: notes.duplicate as unknown as Record<string, unknown>,
      };
    // The stale notice is in the replaced card already; send only what comes next.
    await this.send(
      ctx,
      result.views.filter((v) => !(v.kind === 'notice' && v.note === 'stale')),
    );
    return card(result.answered);
  }
}
