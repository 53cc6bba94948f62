import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { plainTextOf } from '../../src/bot/activities';
import { activity, post } from '../support/server';

const entry = join(__dirname, '../../dist/src/index.js');

/** Starts the built bot as its own process on the SQLite store; resolves with its URL. */
function startBot(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(entry)) throw new Error(`build first (npm run build): ${entry} is missing`);
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: '0',
      STORAGE: 'sqlite',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MicrosoftAppId: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${out}`)), 20000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.on('exit', (code) => reject(new Error(`bot exited with ${code}:\n${out}`)));
  });
}

const conversation = { id: 'durable-1' } as Activity['conversation'];
const say = async (url: string, text: string) =>
  (await post(url, activity({ conversation, text }))).activities.map(plainTextOf).join('\n');

describe('a consult on the embedded SQLite store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bcbm-durable-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('continues from the last answer after the process is killed with SIGKILL mid-consult', async () => {
    const first = await startBot(dataDir);
    await say(first.url, 'start');
    await say(first.url, 'New symptom, metastases suspected');
    await say(first.url, 'No');
    const beforeKill = await say(first.url, 'Yes');
    expect(beforeKill).toContain('gadolinium');
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startBot(dataDir);
    try {
      const summary = await say(second.url, 'summary');
      expect(summary).toContain('Consult type: New symptom, metastases suspected');
      expect(summary).toContain('Emergency signs: No');
      expect(summary).toContain('Seizure: Yes');
      expect(await say(second.url, '1')).toContain('What did the imaging show?');
    } finally {
      second.child.kill('SIGTERM');
    }
  });

  it('finishes a turn in flight and exits cleanly on SIGTERM', async () => {
    const bot = await startBot(dataDir);
    const exit = new Promise<number | null>((r) => bot.child.once('exit', (code) => r(code)));
    // Send the headers and half the body, stop the bot, then send the rest: the turn must still be served.
    const body = JSON.stringify(activity({ conversation, text: 'summary' }));
    const { hostname, port } = new URL(bot.url);
    const socket = connect(Number(port), hostname);
    let response = '';
    socket.on('data', (c: Buffer) => (response += c.toString()));
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.write(
      `POST /api/messages HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body.slice(0, 40));
    await new Promise((r) => setTimeout(r, 300));
    bot.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.end(body.slice(40));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('Summary so far');
    await expect(exit).resolves.toBe(0);
  });
});
