import { turnErrorHandler } from '../bot/turn-error';
import type { IncomingHttpHeaders } from 'node:http';
import {
  HTTPModuleFunctions,
  isRawBodyError,
  isValidSlackRequest,
  type BufferedIncomingMessage,
} from '@slack/bolt';
import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { Channels, type Activity, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { answeredViewKey } from '../bot/consult-bot';
import { toActivities } from '../bot/activities';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { ConsultStore } from '../store/store';
import type { AnsweredView } from '../view/view';
import { SlackAdapter } from './adapter';
import { displayNames } from './names';
import {
  activityFromClick,
  activityFromEvent,
  SlackRequest,
  type BlockActions,
  type EventCallback,
} from './payloads';

export interface SlackDeps {
  slack: NonNullable<Config['slack']>;
  /** The consult bot: `run` is ActivityHandler.run. */
  bot: { run(ctx: TurnContext): Promise<void> };
  store: ConsultStore;
  log: Logger;
}

export interface SlackRoute {
  adapter: SlackAdapter;
  /** Resolves once the events and clicks acknowledged so far have been handled. */
  idle(): Promise<void>;
}

export const slackPath = '/api/slack/events';

/** Slack's requests are small; anything larger is refused before it is read further. */
const maxBodyBytes = 256 * 1024;

/** Slack signs a request with its send time; this far ahead of our clock it is refused (Bolt checks the past). */
const maxSkewSeconds = 5 * 60;

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Slack's request signing (v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret), checked by Bolt's
 * `isValidSlackRequest` on the raw bytes; Bolt refuses a stale timestamp, one far in the future is refused here.
 */
export function isSignedBySlack(
  headers: IncomingHttpHeaders,
  raw: Buffer,
  signingSecret: string,
  nowMs = Date.now(),
): boolean {
  const signature = header(headers, 'x-slack-signature');
  const timestamp = header(headers, 'x-slack-request-timestamp');
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const ts = Number(timestamp);
  if (ts - nowMs / 1000 > maxSkewSeconds) return false;
  return isValidSlackRequest({
    signingSecret,
    body: raw.toString('utf8'),
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
    nowMilliseconds: nowMs,
  });
}

/**
 * Events arrive as JSON; interactivity as a form with one field, `payload`, holding JSON. The form is read
 * here whatever its parameters (Bolt's parser knows it only by the exact media type, and would hand on a form
 * without `payload` as an object); everything else goes to Bolt's parser.
 */
function parse(req: BufferedIncomingMessage): unknown {
  const contentType = header(req.headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(req.rawBody.toString('utf8')).get('payload');
    return payload === null ? undefined : JSON.parse(payload);
  }
  return HTTPModuleFunctions.parseHTTPRequestBody(req);
}

/** The Web API client logs request bodies (message text) at debug level: only its warnings and errors are kept. */
function clientLogger(log: Logger): SlackLogger {
  const say =
    (level: 'warn' | 'error') =>
    (...msg: unknown[]) =>
      log[level]({ code: 'slack_web_api' }, msg.map(String).join(' '));
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: say('warn'),
    error: say('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}

/**
 * `POST /api/slack/events`: Slack's Events API and interactivity, on one URL. A request is verified first (a
 * failed check is 401 and nothing runs), acknowledged at once (Slack waits 3 seconds, then retries or shows an
 * error), and handled after the acknowledgement.
 */
export function registerSlack(server: restify.Server, deps: SlackDeps): SlackRoute {
  const { slack, bot, store, log } = deps;
  const client = new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    // A failed call fails the turn (and is logged) rather than being repeated behind the user's back: it may
    // have been posted. A 429 is the exception, waited out by the adapter (waitingOutRateLimits).
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: clientLogger(log),
  });
  const adapter = new SlackAdapter(client, log);
  const nameOf = displayNames(client, log);
  adapter.onTurnError = turnErrorHandler(log, 'slack turn failed');

  const pending = new Set<Promise<void>>();
  const later = (work: () => Promise<void>) => {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err: Error) => log.error({ code: 'slack_handling_failed', err: { name: err.name } }, 'slack'))
      .finally(() => pending.delete(run));
    pending.add(run);
  };

  /** The sender's display name, shown to them with their own answers (never stored). */
  async function named(activity: Partial<Activity>): Promise<void> {
    const name = activity.from?.id ? await nameOf(activity.from.id) : undefined;
    if (name && activity.from) activity.from.name = name;
  }

  async function onEvent(body: EventCallback, retry: number | undefined): Promise<void> {
    const activity = activityFromEvent(body);
    if (!activity) return;
    // Slack re-sends an event it thinks was not received (X-Slack-Retry-Num): the event id is handled once.
    // When the store cannot record it (a full disk), the turn still runs: a turn that changes the consult
    // records its own delivery with its answer, and one that reads (`summary`) can still be answered.
    const first = await store.firstDelivery('slack:events', body.event_id).catch((err: Error) => {
      log.warn({ code: 'delivery_not_recorded', err: { name: err.name } }, 'slack event handled unrecorded');
      return true;
    });
    if (!first) {
      log.info({ eventId: body.event_id, retry, code: 'duplicate_delivery' }, 'ignored');
      return;
    }
    await named(activity);
    await adapter.process(activity, (ctx) => bot.run(ctx));
  }

  async function onClick(body: BlockActions): Promise<void> {
    const click = activityFromClick(body);
    if (!click) return;
    await named(click.activity);
    await adapter.process(click.activity, async (ctx) => {
      await bot.run(ctx);
      // The clicked question becomes a record of the answer, with no buttons left. A stale click answered
      // nothing, so its message is left as it was (the bot has said so in the thread).
      const answered = ctx.turnState.get(answeredViewKey) as AnsweredView | undefined;
      const [record] = answered ? toActivities(answered, Channels.Slack) : [];
      if (record) await ctx.updateActivity({ ...record, id: click.messageTs });
    });
  }

  server.post(slackPath, async (req, res) => {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, maxBodyBytes);
    } catch (err) {
      // Too large (413), cut short or of a length other than announced (400): nothing was run. The rest of
      // the body is read and dropped: a connection closed while the client still sends is reset, no 413 seen.
      const status = isRawBodyError(err) && err.statusCode < 500 ? err.statusCode : 400;
      req.resume();
      res.send(status, { error: 'unreadable body' });
      return;
    }
    if (!isSignedBySlack(req.headers, buffered.rawBody, slack.signingSecret)) {
      log.warn({ code: 'slack_signature_invalid' }, 'refused');
      res.send(401, { error: 'invalid Slack signature' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = parse(buffered);
    } catch {
      res.send(400, { error: 'the body is not a Slack payload' });
      return;
    }
    const body = SlackRequest.safeParse(parsed);
    // Signed but of a kind the bot does not handle (other events, shortcuts, modals): acknowledged, ignored.
    if (!body.success) {
      res.send(200);
      return;
    }
    if (body.data.type === 'url_verification') {
      res.send(200, { challenge: body.data.challenge });
      return;
    }
    res.send(200);
    const data = body.data;
    const retry = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    if (data.type === 'event_callback') later(() => onEvent(data, retry));
    else later(() => onClick(data));
  });

  return {
    adapter,
    idle: async () => {
      while (pending.size) await Promise.all(pending);
    },
  };
}
