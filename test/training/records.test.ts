import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLogger } from '../../src/log';
import { MemoryStore } from '../../src/store/memory';
import { openTraining } from '../../src/conversation/training';
import { reportCsv } from '../../tools/train-report';
import { activity, post, startServer } from '../support/server';
import { button, emergencyCase, rightOf, textOf, wrongOf } from './support';

const secretId = 'user-secret-7731';
const secretName = 'Dr Secretname';

describe('learner records', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcbm-train-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('survive a restart in SQLite, stored under a keyed hash, never the user id or name', async () => {
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const say = async (url: string, body: Record<string, unknown>, conversation: string) =>
      (
        await post(
          url,
          activity({
            conversation: { id: conversation } as never,
            from: { id: secretId, name: secretName },
            ...body,
          }),
        )
      ).activities;
    let server = await startServer(env);
    const c = emergencyCase(server.app.training.cases);
    let replies = await say(server.url, { text: `train ${c.id}` }, 'conv-a');
    for (const k of c.decisions.slice(0, 2))
      replies = await say(server.url, { value: button(replies, rightOf(k)) }, 'conv-a');
    await server.close();

    server = await startServer(env);
    try {
      // The record follows the learner into another conversation.
      const score = textOf(await say(server.url, { text: 'score' }, 'conv-b'));
      expect(score).toContain(`- ${c.decisions[0]!.decision.title}: 1/1 right`);
      expect(score).toContain(`- ${c.decisions[1]!.decision.title}: 1/1 right`);
    } finally {
      await server.close();
    }

    const db = new Database(join(dir, 'consults.sqlite'), { readonly: true });
    const rows = db.prepare('select key, value from consults').all() as { key: string; value: string }[];
    db.close();
    const learners = rows.filter((r) => r.key.startsWith('learner:'));
    expect(learners).toHaveLength(1);
    expect(learners[0]!.key).toMatch(/^learner:[0-9a-f]{40}$/);
    for (const r of rows) {
      expect(`${r.key} ${r.value}`).not.toContain(secretId);
      expect(`${r.key} ${r.value}`).not.toContain(secretName);
    }
  });

  it('hash the same user differently under another key', () => {
    const log = makeLogger('silent');
    const a = openTraining(new MemoryStore(), 'first-key-of-sixteen-chars', log);
    const b = openTraining(new MemoryStore(), 'second-key-of-sixteen-chars', log);
    expect(a.hashOf('msteams', secretId)).toBe(a.hashOf('msteams', secretId));
    expect(a.hashOf('msteams', secretId)).not.toBe(b.hashOf('msteams', secretId));
  });

  it('count every attempt when two instances write the aggregates at once (compare-and-set, retried)', async () => {
    const store = new MemoryStore();
    const log = makeLogger('silent');
    const one = openTraining(store, 'shared-key-of-sixteen-chars', log);
    const two = openTraining(store, 'shared-key-of-sixteen-chars', log);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? one : two).turn(
          {
            channelId: 'emulator',
            userId: `u${i}`,
            conversation: `c${i}`,
            shared: false,
            canReplyPrivately: true,
            privateOnClick: false,
            educator: false,
          },
          { kind: 'train' },
        ),
      ),
    );
    const report = await one.reportView();
    expect(report.attempts).toBe(12);
    const csv = reportCsv(report);
    expect(csv.split('\n')[0]).toBe(
      'decision,answered,right,percent_right,attempts,completed,completion_rate',
    );
    expect(csv).toContain('"Emergency action",0,0,,12,0,0.0');
    expect(csv).not.toMatch(/u\d/);
  });

  it('apply one of two racing clicks on the same decision from two instances; the other is out of date', async () => {
    const store = new MemoryStore();
    const log = makeLogger('silent');
    const one = openTraining(store, 'shared-key-of-sixteen-chars', log);
    const two = openTraining(store, 'shared-key-of-sixteen-chars', log);
    const who = {
      channelId: 'emulator',
      userId: 'racer',
      conversation: 'race',
      shared: false,
      canReplyPrivately: true,
      privateOnClick: false,
      educator: false,
    };
    const c = emergencyCase(one.cases);
    const started = await one.turn(who, { kind: 'train', caseId: c.id });
    const k = c.decisions[0]!;
    const click = (choice: string) =>
      ({
        kind: 'choice',
        caseId: c.id,
        decision: k.decision.id,
        choice,
        attempt: started.attemptId,
        step: 0,
      }) as const;
    const [a, b] = await Promise.all([one.turn(who, click(rightOf(k))), two.turn(who, click(wrongOf(k)))]);
    const kinds = [a, b].map((r) => r.own[0]?.kind).sort();
    expect(kinds).toEqual(['trainNotice', 'trainReveal']);
    const score = await one.turn(who, { kind: 'score' });
    expect(score.own[0]).toMatchObject({ kind: 'trainScore' });
    expect((score.own[0] as { decisions: { answered: number }[] }).decisions).toEqual([
      expect.objectContaining({ title: k.decision.title, answered: 1 }),
    ]);
  });
});
