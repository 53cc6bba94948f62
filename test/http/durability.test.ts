import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { plainTextOf } from '../../src/bot/activities';
import { killLeftovers, startBot as startProcess } from '../support/bot-process';
import { activity, post } from '../support/server';

/** The built bot on the SQLite store in `dataDir`. */
const startBot = (dataDir: string) => startProcess({ STORAGE: 'sqlite', DATA_DIR: dataDir });

const conversation = { id: 'durable-1' } as Activity['conversation'];
const say = async (url: string, text: string) =>
  (await post(url, activity({ conversation, text }))).activities.map(plainTextOf).join('\n');

describe('a consult on the embedded SQLite store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bcbm-durable-'));
  afterAll(() => {
    killLeftovers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues from the last answer after the process is killed with SIGKILL mid-consult', async () => {
    const first = await startBot(dataDir);
    await say(first.url, 'start');
    await say(first.url, 'New neurologic symptom, brain metastases suspected');
    await say(first.url, 'No');
    const beforeKill = await say(first.url, 'Yes');
    expect(beforeKill).toContain('gadolinium');
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startBot(dataDir);
    try {
      const summary = await say(second.url, 'summary');
      expect(summary).toContain('Consult type: New neurologic symptom');
      expect(summary).toContain('Emergency signs: No');
      expect(summary).toContain('Seizure: Yes');
      expect(await say(second.url, '1')).toContain('What did the imaging show?');
    } finally {
      second.child.kill('SIGTERM');
    }
  });
});
