import { turnErrorHandler } from '../bot/turn-error';
import type { IncomingHttpHeaders } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { Channels, type TurnContext } from 'botbuilder';
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

/** Slack signs a request with its send time; older (or later) than this it is refused as a possible replay. */
const maxSkewSeconds = 5 * 60;

class TooLarge extends Error {}

async function readBody(req: restify.Request): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Slack's request signing (v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret), checked by Slack's own
 * library on the raw bytes. The library refuses a stale timestamp; a timestamp far in the future is refused here.
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
  try {
    verifySlackRequest({
      signingSecret,
      body: raw.toString('utf8'),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
      nowMilliseconds: nowMs,
    });
    return true;
  } catch {
    return false;
  }
}

/** Events arrive as JSON; interactivity as a form with one field, `payload`, holding JSON. */
function parse(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const payload = new URLSearchParams(text).get('payload');
    return payload === null ? undefined : JSON.parse(payload);
  }
  return JSON.parse(text);
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
    // A failed call fails the turn (and is logged) rather than being repeated behind the user's back.
    retryConfig: { retries: 0 },
    logger: clientLogger(log),
  });
  const adapter = new SlackAdapter(client);
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

  async function onEvent(body: EventCallback, retry: string | undefined): Promise<void> {
    const activity = activityFromEvent(body);
    if (!activity) return;
    // Slack re-sends an event it thinks was not received (X-Slack-Retry-Num): the event id is handled once.
    if (!(await store.firstDelivery('slack:events', body.event_id))) {
      log.info({ eventId: body.event_id, retry, code: 'duplicate_delivery' }, 'ignored');
      return;
    }
    if (activity.from?.id) activity.from.name = await nameOf(activity.from.id);
    await adapter.process(activity, (ctx) => bot.run(ctx));
  }

  async function onClick(body: BlockActions): Promise<void> {
    const click = activityFromClick(body);
    if (!click) return;
    if (click.activity.from?.id) click.activity.from.name = await nameOf(click.activity.from.id);
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
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (err) {
      res.send(err instanceof TooLarge ? 413 : 400, { error: 'unreadable body' });
      return;
    }
    if (!isSignedBySlack(req.headers, raw, slack.signingSecret)) {
      log.warn({ code: 'slack_signature_invalid' }, 'refused');
      res.send(401, { error: 'invalid Slack signature' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = parse(raw, header(req.headers, 'content-type'));
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
    if (data.type === 'event_callback') later(() => onEvent(data, header(req.headers, 'x-slack-retry-num')));
    else later(() => onClick(data));
  });

  return {
    adapter,
    idle: async () => {
      while (pending.size) await Promise.all(pending);
    },
  };
}
