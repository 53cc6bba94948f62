import { connect, type Socket } from 'node:net';
import type { Activity } from '../support/server';
import { killLeftovers, startBot, type BotProcess } from '../support/bot-process';
import { activity } from '../support/server';
import { figure } from '../support/figures';

/**
 * A POST whose headers and first bytes are sent now and the rest on `finish()`: a turn in flight. It asks for
 * `100 Continue`, which the server sends as it takes the request: once that is back, the request is being served.
 */
async function halfSent(url: string, body: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let response = '';
  socket.on('data', (c: Buffer) => (response += c.toString()));
  const closed = new Promise<void>((r) => socket.on('close', () => r()));
  await new Promise<void>((r) => socket.once('connect', () => r()));
  socket.write(
    `POST /api/messages HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n`,
  );
  await new Promise<void>((resolve) => {
    const seen = () => {
      if (!response.includes('100 Continue')) return;
      socket.off('data', seen);
      resolve();
    };
    socket.on('data', seen);
  });
  socket.write(body.slice(0, 40));
  return {
    finish: async () => {
      socket.end(body.slice(40));
      await closed;
      return response;
    },
  };
}

/** Resolves once the bot stops accepting connections: it has begun to stop. */
async function refusesConnections(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(Number(port), hostname);
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const up = async (url: string) =>
  fetch(`${url}/healthz`).then(
    (r) => r.ok,
    () => false,
  );

/** Closes the reading end of the bot's stdout and stderr: every log line from then on meets a broken pipe. */
function closePipes(bot: BotProcess) {
  bot.child.stdout!.destroy();
  bot.child.stderr!.destroy();
}

describe('stopping the bot', () => {
  afterEach(killLeftovers);

  it('exits on SIGTERM when its log pipes are closed', async () => {
    const bot = await startBot({ STORAGE: 'memory' });
    closePipes(bot);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    // pino's own destination would retry its last line every 100 ms for ever here, and never exit.
    await expect(bot.exited).resolves.toEqual({ code: 0, signal: null });
    figure(`shutdown with closed log pipes: ${Date.now() - signalled} ms`);
  }, 20_000);

  it('finishes a turn in flight and exits on SIGTERM even when its log pipes are closed', async () => {
    const bot: BotProcess = await startBot({ STORAGE: 'memory' });
    const conversation = { id: 'shutdown-1' } as Activity['conversation'];
    const inFlight = await halfSent(bot.url, JSON.stringify(activity({ conversation, text: 'start' })));
    closePipes(bot);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    await refusesConnections(bot.url);
    const response = await inFlight.finish();
    expect(response).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200/);
    expect(response).toContain('What kind of consult is this?');
    await expect(bot.exited).resolves.toEqual({ code: 0, signal: null });
    figure(`shutdown with closed log pipes and a turn in flight: ${Date.now() - signalled} ms`);
  }, 20_000);

  it('stops the bot when npm start is sent SIGTERM (no bot left serving)', async () => {
    const npm = await startBot({ STORAGE: 'memory' }, 'npm start');
    // npm test builds first: a start with a fresh build must not build again.
    expect(npm.output()).not.toContain('building');
    expect(await up(npm.url)).toBe(true);
    npm.child.kill('SIGTERM');
    // npm exits after its child: the bot got the signal and stopped, so nothing answers on its port.
    await npm.exited;
    expect(npm.output()).toContain('"signal":"SIGTERM"');
    expect(npm.output()).toContain('"msg":"stopped"');
    expect(await up(npm.url)).toBe(false);
  }, 30_000);
});
