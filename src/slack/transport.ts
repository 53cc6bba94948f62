import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Activity } from '../channels/activity';
import type { ChannelTransport } from '../channels/transport';
import type { Logger } from '../log';
import { escapeMrkdwn } from '../view/slack-blocks';
import { placeOf } from './place';
import { slackMessagesOf } from './render';

/** Tries of one Web API call that Slack answers with 429, and the longest Retry-After the bot waits out. */
const rateLimitTries = 3;
const maxRetryAfterSeconds = 30;

/**
 * Slack answers 429 with a Retry-After (chat.postMessage takes about one message per second per channel): the
 * call is made again after it, so a reply is posted late rather than never. Only 429s are repeated: after any
 * other failure Slack may have posted the message already, and a repeat would post it twice.
 * (The client is made with `rejectRateLimitedCalls`, so a 429 reaches here as its own error.)
 */
async function waitingOutRateLimits<T>(call: () => Promise<T>, log?: Logger): Promise<T> {
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
 * Slack's Web API as a channel transport: a turn's replies are posted with chat.postMessage (in the thread of
 * the consult; ephemeral ones with chat.postEphemeral, to their recipient alone), updates are chat.update and
 * deletes chat.delete. The Bot Framework edge runs the turns (src/bot/endpoint-adapter.ts); incoming requests
 * are verified and turned into activities by the route (./route.ts).
 */
export class SlackTransport implements ChannelTransport {
  constructor(
    private readonly client: WebClient,
    private readonly log?: Logger,
  ) {}

  async send(activities: Activity[]): Promise<string[]> {
    const ids: string[] = [];
    // One after another: Slack shows a thread in the order messages arrive.
    for (const activity of activities) {
      if (activity.type !== 'message') {
        ids.push(''); // typing, delay and trace activities have no Slack counterpart
        continue;
      }
      const { channel, threadTs } = placeOf(activity.conversation?.id);
      // Trainee mode: a learner's reveal is shown to them alone.
      const user = activity.deliveryMode === 'ephemeral' ? activity.recipient?.id : undefined;
      // One view can be several messages: details go in the thread (in a DM, under the view's first message).
      let first: string | undefined;
      for (const m of slackMessagesOf(activity)) {
        const thread = threadTs ?? (m.thread ? first : undefined);
        if (user) {
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
      ids.push(first ?? '');
    }
    return ids;
  }

  async update(activity: Activity & { id: string }): Promise<void> {
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

  async delete(conversationId: string, ts: string): Promise<void> {
    const { channel } = placeOf(conversationId);
    await waitingOutRateLimits(() => this.client.chat.delete({ channel, ts }), this.log);
  }
}
