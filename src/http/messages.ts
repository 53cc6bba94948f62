import type { IncomingHttpHeaders } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { ConsultAdapter } from '../bot/adapter';
import { channelOf } from '../channels/table';
import type { Logger } from '../log';
import { refusalOf } from './activity-schema';
import { header } from './request';

const messagesPath = '/api/messages';

export interface MessagesDeps {
  adapter: ConsultAdapter;
  /** The consult bot: `run` is ActivityHandler.run. */
  bot: { run(ctx: TurnContext): Promise<void> };
  log: Logger;
  /** No Microsoft credentials: nothing authenticates a request, so only loopback, non-cross-site posts are taken. */
  localMode: boolean;
  maxBodyBytes: number;
}

/**
 * JSON only. A web page can make the browser post a form (urlencoded, multipart or text/plain) to any
 * address without asking, but not JSON: that needs a CORS preflight, which this server never grants.
 */
function isJson(contentType: string | undefined): boolean {
  const [type = '', ...params] = (contentType ?? '').toLowerCase().split(';');
  if (type.trim() !== 'application/json') return false;
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  return charset === undefined || charset === 'charset=utf-8';
}

const isLoopback = (hostname: string) =>
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname === 'localhost' || hostname === '[::1]';

/** The host name of a Host header (`name:port`, `[::1]:port`), or undefined when it is not one. */
function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Local mode: only loopback traffic, and from a browser only the bot's own page. The Host must be a loopback
 * name whether or not an Origin is sent: a reverse proxy that forwards more than /api/slack/events, or a page
 * on another site that rebinds its DNS name to 127.0.0.1, sends another name. Browsers send Origin with every
 * POST (the Emulator, curl and the terminal chat send none), and it must then be this very page.
 */
function fromLoopback(headers: IncomingHttpHeaders): boolean {
  const host = header(headers, 'host')?.toLowerCase();
  const hostname = host === undefined ? undefined : hostnameOf(host);
  if (hostname === undefined || !isLoopback(hostname)) return false;
  const origin = header(headers, 'origin');
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null": a sandboxed frame or a file:// page
  }
  return url.protocol === 'http:' && url.host === host;
}

class TooLarge extends Error {}

/**
 * A JSON answer (a turn's replies are up to about 40 KB for a recommendation), encoded once: restify's
 * formatter would serialise the body, measure its UTF-8 length, then encode it again to write it.
 */
function sendJson(res: restify.Response, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
  res.end(bytes);
}

/**
 * The body, up to `limit` bytes. Past the limit the rest is read and dropped, never cut off: destroying the
 * request would reset the connection while the client is still sending, and it would see no 413 at all.
 */
function readBody(req: restify.Request, limit: number): Promise<Buffer> {
  if (Number(header(req.headers, 'content-length') ?? 0) > limit) return Promise.reject(new TooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd);
      req.resume(); // still flowing, with no listener: the rest is dropped as it arrives
      reject(new TooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/**
 * `POST /api/messages`: only a well-formed activity reaches botbuilder. Each refusal is a 4xx naming what
 * is wrong (a schema field, never a key the client made up), logged by code only: nothing the client sent.
 */
export function registerMessages(server: restify.Server, deps: MessagesDeps): void {
  const { adapter, bot, log, localMode, maxBodyBytes } = deps;

  server.post(messagesPath, async (req, res) => {
    const refuse = (status: number, code: string, error: string, field?: string) => {
      log.info({ code, status, ...(field ? { field } : {}) }, 'activity refused');
      sendJson(res, status, { error, ...(field ? { field } : {}) });
    };
    if (localMode && !fromLoopback(req.headers))
      return refuse(
        403,
        'not_loopback',
        'in local mode only this machine may post here, and from a browser only the local chat page',
      );
    if (!isJson(header(req.headers, 'content-type')))
      return refuse(415, 'unsupported_media_type', 'the body must be application/json (UTF-8)');
    const encoding = header(req.headers, 'content-encoding');
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity')
      return refuse(415, 'unsupported_encoding', 'the body must not be compressed');

    let raw: Buffer;
    try {
      raw = await readBody(req, maxBodyBytes);
    } catch (err) {
      if (err instanceof TooLarge)
        return refuse(413, 'too_large', `the body is larger than ${maxBodyBytes} bytes`);
      return refuse(400, 'unreadable', 'the body could not be read');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(400, 'invalid_json', 'the body is not valid JSON');
    }
    const refusal = refusalOf(body);
    if (refusal)
      return refuse(400, 'invalid_activity', `${refusal.field}: ${refusal.problem}`, refusal.field);
    // A channel with an endpoint of its own authenticates its requests its way: a consult of its is never
    // reached through /api/messages, in any mode (in local mode nothing here would check the caller).
    const channel = channelOf((body as Activity).channelId);
    if (channel.ownEndpoint)
      return refuse(
        403,
        'own_edge',
        `channelId: ${channel.name} is served at its own endpoint only`,
        'channelId',
      );

    try {
      const auth = header(req.headers, 'authorization') ?? '';
      const { status, body: reply } = await adapter.handle(auth, body as Activity, (ctx) => bot.run(ctx));
      if (status === 401) return refuse(401, 'unauthenticated', 'the request is not authenticated');
      if (reply === undefined) res.send(status);
      else sendJson(res, status, reply);
    } catch (err) {
      // Outside a turn (a turn's own errors go to onTurnError): answered without the SDK's message or stack.
      log.error({ code: 'activity_failed', err: { name: (err as Error).name } }, 'activity failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'the bot could not handle this activity' });
    }
  });
}
