import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from '../log';
import { escapeMrkdwn } from '../view/slack-blocks';
import { channelProvenKey } from '../bot/conversation-key';
import { ephemeralKey } from '../bot/training-edge';
import { slackMessagesOf } from './outgoing';

/** Where a Slack consult lives: a direct-message channel, or one thread of a channel. */
export interface SlackPlace {
  channel: string;
  threadTs?: string;
}

/** The Bot Framework conversation id of a place: `channel` for a DM, `channel:thread_ts` for a thread. */
export function conversationIdOf(place: SlackPlace): string {
  return place.threadTs ? `${place.channel}:${place.threadTs}` : place.channel;
}

export function placeOf(conversationId: string | undefined): SlackPlace {
  const [channel = '', threadTs] = (conversationId ?? '').split(':');
  if (!channel) throw new Error('a Slack activity needs a conversation id');
  return threadTs ? { channel, threadTs } : { channel };
}

/** Tries of one Web API call that Slack answers with 429, and the longest Retry-After the bot waits out. */
const rateLimitTries = 3;
const maxRetryAfterSeconds = 30;

/**
 * Slack answers 429 with a Retry-After (chat.postMessage takes about one message per second per channel): the
 * call is made again after it, so a reply is posted late rather than never. Only 429s are repeated: after any
 * other failure Slack may have posted the message already, and a repeat would post it twice.
 * (The client is made with `rejectRateLimitedCalls`, so a 429 reaches here as its own error.)
 */
export async function waitingOutRateLimits<T>(call: () => Promise<T>, log?: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const { code, retryAfter } = err as { code?: unknown; retryAfter?: unknown };
      const wait = typeof retryAfter === 'number' ? retryAfter : NaN;
      if (code !== ErrorCode.RateLimitedError || attempt >= rateLimitTries || !(wait <= maxRetryAfterSeconds))
        throw err;
      log?.warn({ code: 'slack_rate_limited', retryAfter: wait, attempt }, 'waiting out Retry-After');
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  }
}

/**
 * A Bot Framework adapter for Slack's Web API: a turn's replies are posted with chat.postMessage (in the thread
 * of the consult), updates are chat.update and deletes chat.delete. Incoming requests are verified and turned
 * into activities by the route (./route.ts); this class only runs turns and talks to Slack.
 */
export class SlackAdapter extends BotAdapter {
  constructor(
    private readonly client: WebClient,
    private readonly log?: Logger,
  ) {
    super();
  }

  /** Runs one turn for an activity built from a Slack event or click, whose signature the route checked. */
  process(activity: Partial<Activity>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const ctx = new TurnContext(this, activity);
    ctx.turnState.set(channelProvenKey, true);
    return this.runMiddleware(ctx, logic);
  }

  async sendActivities(_ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    // One after another: Slack shows a thread in the order messages arrive.
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' }); // typing, delay and trace activities have no Slack counterpart
        continue;
      }
      const { channel, threadTs } = placeOf(activity.conversation?.id);
      // Trainee mode: a learner's reveal is shown to them alone (../bot/training-edge.ts).
      const user = (activity.channelData as Record<string, unknown> | undefined)?.[ephemeralKey];
      // One view can be several messages: details go in the thread (in a DM, under the view's first message).
      let first: string | undefined;
      for (const m of slackMessagesOf(activity)) {
        const thread = threadTs ?? (m.thread ? first : undefined);
        if (typeof user === 'string') {
          const sent = await waitingOutRateLimits(
            () =>
              this.client.chat.postEphemeral({
                channel,
                user,
                text: escapeMrkdwn(m.text),
                ...(m.blocks.length ? { blocks: m.blocks } : {}),
                ...(thread ? { thread_ts: thread } : {}),
              }),
            this.log,
          );
          first ??= sent.message_ts;
          continue;
        }
        const message = {
          channel,
          text: escapeMrkdwn(m.text),
          ...(m.blocks.length ? { blocks: m.blocks } : {}),
          unfurl_links: false,
          unfurl_media: false,
        };
        const posted = await waitingOutRateLimits(
          () =>
            this.client.chat.postMessage(
              thread
                ? { ...message, thread_ts: thread, reply_broadcast: Boolean(m.broadcast && threadTs) }
                : message,
            ),
          this.log,
        );
        first ??= posted.ts;
      }
      responses.push({ id: first ?? '' });
    }
    return responses;
  }

  async updateActivity(_ctx: TurnContext, activity: Partial<Activity>): Promise<void> {
    if (!activity.id) throw new Error('updateActivity needs the id (ts) of the message to update');
    const { channel } = placeOf(activity.conversation?.id);
    const [m] = slackMessagesOf(activity);
    const ts = activity.id;
    await waitingOutRateLimits(
      () =>
        this.client.chat.update({
          channel,
          ts,
          text: escapeMrkdwn(m?.text ?? ''),
          // Without blocks the message becomes plain text: an empty list removes the old blocks.
          blocks: m?.blocks ?? [],
        }),
      this.log,
    );
  }

  async deleteActivity(_ctx: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    if (!reference.activityId) throw new Error('deleteActivity needs the id (ts) of the message to delete');
    const { channel } = placeOf(reference.conversation?.id);
    const ts = reference.activityId;
    await waitingOutRateLimits(() => this.client.chat.delete({ channel, ts }), this.log);
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
    await this.process(activity, logic);
  }
}
