import type { IncomingHttpHeaders } from 'node:http';
import {
  HTTPModuleFunctions,
  isRawBodyError,
  isValidSlackRequest,
  type BufferedIncomingMessage,
} from '@slack/bolt';
import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import type restify from 'restify';
import type { Activity } from '../channels/activity';
import type { Config } from '../config';
import { header } from '../http/request';
import type { Logger } from '../log';
import { displayNames } from './names';
import { activityFromClick, activityFromEvent, SlackRequest } from './payloads';

export interface SlackRoute {
  /** Resolves once the events and clicks acknowledged so far have been handled. */
  idle(): Promise<void>;
}

export const slackPath = '/api/slack/events';

/** Slack signs a request with its send time; this far ahead of our clock it is refused (Bolt checks the past). */
const maxSkewSeconds = 5 * 60;

/**
 * Slack's request signing (v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret), checked by Bolt's
 * `isValidSlackRequest` on the raw bytes; Bolt refuses a stale timestamp, one far in the future is refused here.
 */
function isSignedBySlack(
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

/** The Web API client of a Slack app: failures are the turn's, never repeated behind the user's back. */
export function slackClient(slack: NonNullable<Config['slack']>, log: Logger): WebClient {
  return new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    // A failed call fails the turn (and is logged) rather than being repeated: it may have been posted. A
    // 429 is the exception, waited out by the transport (waitingOutRateLimits).
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: clientLogger(log),
  });
}

export interface SlackRouteDeps {
  slack: NonNullable<Config['slack']>;
  client: WebClient;
  /** Runs a turn for an activity from a request whose signature checked out (the Bot Framework edge). */
  handle: (activity: Activity) => Promise<void>;
  log: Logger;
  maxBodyBytes: number;
}

/**
 * `POST /api/slack/events`: Slack's Events API and interactivity, on one URL. A request is verified first (a
 * failed check is 401 and nothing runs), acknowledged at once (Slack waits 3 seconds, then retries or shows an
 * error), and handled after the acknowledgement. A retried event is handled once: its activity carries the
 * message's own ts as its id, which the conversation service applies once.
 */
export function registerSlack(server: restify.Server, deps: SlackRouteDeps): SlackRoute {
  const { slack, client, handle, log, maxBodyBytes } = deps;
  const nameOf = displayNames(client, log);

  const pending = new Set<Promise<void>>();
  const afterAck = (work: () => Promise<void>) => {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err: Error) => log.error({ code: 'slack_handling_failed', err: { name: err.name } }, 'slack'))
      .finally(() => pending.delete(run));
    pending.add(run);
  };

  /** The sender's display name, shown to them with their own answers (never stored), then the turn. */
  async function named(activity: Activity | undefined): Promise<void> {
    if (!activity) return;
    const name = activity.from?.id ? await nameOf(activity.from.id) : undefined;
    if (name && activity.from) activity.from.name = name;
    await handle(activity);
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
    if (data.type === 'event_callback') {
      const retry = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
      if (retry) log.info({ eventId: data.event_id, retry }, 'slack retried an event');
      afterAck(() => named(activityFromEvent(data)));
    } else afterAck(() => named(activityFromClick(data)));
  });

  return {
    idle: async () => {
      while (pending.size) await Promise.all(pending);
    },
  };
}
