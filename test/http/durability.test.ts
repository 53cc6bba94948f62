import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from '../support/server';
import Database from 'better-sqlite3';
import { killLeftovers, startBot as startProcess } from '../support/bot-process';
import { activity, post } from '../support/server';
import { plainTextOf } from '../support/plain-text';

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

  it('has every turn that group commit acknowledged on disk when the process is killed right after', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bcbm-group-'));
    const bot = await startBot(folder);
    // Forty conversations answer at once: their turns are in flight together and share commits.
    const ids = Array.from({ length: 40 }, (_, i) => ({ id: `group-${i}` }) as Activity['conversation']);
    await Promise.all(ids.map((c) => post(bot.url, activity({ conversation: c, text: 'start' }))));
    const acks = await Promise.all(ids.map((c) => post(bot.url, activity({ conversation: c, text: '1' }))));
    bot.child.kill('SIGKILL');
    await bot.exited;
    expect(acks.map((a) => a.status)).toEqual(ids.map(() => 200));
    const db = new Database(join(folder, 'consults.sqlite'));
    try {
      const rows = db
        .prepare<[], { value: string }>("select value from consults where key like 'local:emulator:group-%'")
        .all();
      const answered = rows.filter((r) =>
        (JSON.parse(r.value) as { log: { question: string }[] }).log.some((e) => e.question === 'scenario'),
      );
      expect(answered).toHaveLength(40);
      expect(
        db.prepare("select count(*) as n from audit where kind = 'answered' and question = 'scenario'").get(),
      ).toEqual({ n: 40 });
    } finally {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
