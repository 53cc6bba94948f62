import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
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
});
