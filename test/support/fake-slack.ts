import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { KnownBlock } from '@slack/web-api';
import { startServer, type Running } from './server';

/** A Web API call the bot made, as the fake received it. */
export interface SlackCall {
  method: string;
  authorization: string | undefined;
  channel: string;
  thread_ts?: string;
  ts?: string;
  /** chat.postEphemeral: the one user who sees it. */
  user?: string;
  text: string;
  blocks: KnownBlock[];
  /** The ts the fake gave a posted message. */
  postedTs?: string;
}

export interface FakeSlack {
  url: string;
  calls: SlackCall[];
  /** Users whose display name the bot looked up (users.info). */
  lookups: string[];
  /** Calls answered 429 (by method), as Slack does when a method's rate limit is reached. */
  limited: string[];
  /** The next `times` calls of `method` are answered 429 with `Retry-After: seconds`. */
  rateLimit: (method: string, times: number, seconds?: number) => void;
  /** users.info fails for these users, as it does for a user the app may not see. */
  nameless: Set<string>;
  close: () => Promise<void>;
}

/**
 * A loopback stand-in for the Slack Web API: records chat.postMessage, chat.update and chat.delete and answers
 * as Slack does (`{ ok: true, channel, ts }`), or with 429 and a Retry-After when told to. The client sends
 * form-encoded arguments, `blocks` as JSON.
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const lookups: string[] = [];
  const limited: string[] = [];
  const limits = new Map<string, { times: number; seconds: number }>();
  const nameless = new Set<string>();
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const raw = Buffer.concat(chunks).toString('utf8');
      const limit = limits.get(method);
      if (limit && limit.times > 0) {
        limit.times--;
        limited.push(method);
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.seconds) });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const args: Record<string, string> = (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw) as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(raw));
      if (method === 'users.info') {
        // Display names: "Dr <id>", so a test can tell a looked-up name from a bare id.
        lookups.push(args.user ?? '');
        res.writeHead(200, { 'content-type': 'application/json' });
        if (nameless.has(args.user ?? '')) {
          res.end(JSON.stringify({ ok: false, error: 'user_not_found' }));
          return;
        }
        res.end(
          JSON.stringify({
            ok: true,
            user: { id: args.user, name: 'x', profile: { display_name: `Dr ${args.user}` } },
          }),
        );
        return;
      }
      const postedTs =
        method === 'chat.postMessage' ? `1700000100.${String(++n).padStart(6, '0')}` : undefined;
      calls.push({
        method,
        authorization: req.headers.authorization,
        channel: args.channel ?? '',
        thread_ts: args.thread_ts,
        ts: args.ts,
        user: args.user,
        text: args.text ?? '',
        blocks: args.blocks ? (JSON.parse(args.blocks) as KnownBlock[]) : [],
        postedTs,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, channel: args.channel, ts: postedTs ?? args.ts }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    lookups,
    limited,
    rateLimit: (method, times, seconds = 1) => limits.set(method, { times, seconds }),
    nameless,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const signingSecret = 'test-secret';

/** Slack's request signature: v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export function signature(body: string, timestamp: number, secret = signingSecret): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The headers of a request that Slack signed at `timestamp`. */
export function signedHeaders(
  body: string,
  contentType: string,
  timestamp = nowSeconds(),
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(body, timestamp),
  };
}

/** The settings that turn Slack on, with the Web API at this fake's URL. */
export const slackEnv = (apiUrl: string) => ({
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_API_URL: apiUrl,
  TRAINING_LEARNER_KEY: 'a-test-key-for-slack-hashes',
});

/**
 * The real server with Slack on, its Web API a fake, for the tests of one file: started before them, closed
 * after. The getter gives both once they run.
 */
export function useSlackServer(): () => { server: Running; slack: FakeSlack } {
  let running: { server: Running; slack: FakeSlack } | undefined;
  beforeAll(async () => {
    const slack = await startFakeSlack();
    running = { slack, server: await startServer(slackEnv(slack.url)) };
  });
  afterAll(async () => {
    await running?.server.close();
    await running?.slack.close();
  });
  return () => {
    if (!running) throw new Error('the Slack server is not running');
    return running;
  };
}

/** Polls until `check` returns a value (not undefined or false), or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | false, what: string, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
