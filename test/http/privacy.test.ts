import { Writable } from 'node:stream';
import type { Activity } from '../support/server';
import { readConfig } from '../../src/config';
import { makeLogger } from '../../src/log';
import { buildApp, type App } from '../../src/server';
import { activity, post } from '../support/server';

describe('patient privacy in the logs', () => {
  let app: App;
  let url: string;
  let logs = '';
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = await buildApp(readConfig({ STORAGE: 'memory' }), makeLogger('trace', sink));
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(() => app.close());

  it('logs conversation ids but never what was typed, even at trace level', async () => {
    const conversation = { id: 'privacy-1' } as Activity['conversation'];
    const from = { id: 'user-9', name: 'Dr Sensitive Name' };
    for (const text of ['start', 'Jane Doe, MRN 99887766, born 1961', '1', 'summary'])
      await post(url, activity({ conversation, from, text }));
    expect(logs).toContain('privacy-1');
    expect(logs).not.toMatch(/Jane Doe|99887766|1961/);
    expect(logs).not.toContain('Dr Sensitive Name');
    expect(logs).not.toContain('What kind of consult'); // nor what the bot said
  });

  it('logs a consult as consult turns only: its `start` is not logged as a training turn', async () => {
    const conversation = { id: 'privacy-3' } as Activity['conversation'];
    const before = logs.length;
    for (const text of ['start', '1']) await post(url, activity({ conversation, text }));
    const lines = logs.slice(before).trim().split('\n');
    expect(lines.some((l) => l.includes('"turn saved"'))).toBe(true);
    expect(lines.filter((l) => l.includes('training_turn'))).toEqual([]);
  });

  it('logs no typed text from a 5,000-level activity, nor from restify, which logs through the same logger', async () => {
    const deep = `${'{"a":'.repeat(5000)}{"text":"Jane Roe MRN 55443322"}${'}'.repeat(5000)}`;
    for (const field of ['from', 'recipient', 'conversation', 'value', 'channelData']) {
      const a: Record<string, unknown> = activity({
        conversation: { id: 'privacy-2' } as Activity['conversation'],
        text: 'Jane Roe MRN 55443322',
      });
      delete a[field]; // JSON.parse keeps the last of two equal keys: the deep one must be the only one
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"${field}":${deep},${JSON.stringify(a).slice(1)}`,
      });
      expect(res.status).toBe(400);
    }
    // restify logs its routing errors (whose message quotes the URL) at trace level: through our logger.
    expect((await fetch(`${url}/api/nowhere?note=Jane%20Roe%20MRN%2055443322`)).status).toBe(404);
    expect(logs).toContain('"component":"restify"');
    expect(logs).toContain('"code":"invalid_activity"');
    expect(logs).not.toMatch(/Jane|Roe|55443322/);
  });
});
