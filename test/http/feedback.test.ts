import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { pathway } from '../../src/content';
import { feedbackWording } from '../../src/view/feedback';
import { notes } from '../../src/view/strings';
import { feedbackReport } from '../../tools/feedback-report';
import { plainTextOf } from '../support/plain-text';
import { activity, post, startServer, type Activity, type Running } from '../support/server';

// Feedback through the real server (restify, the Bot Framework adapter, the conversation service) on a real
// SQLite file, as the local page sends it; then the editors' report over the same DATA_DIR, and what is on disk.

const dataDir = mkdtempSync(join(tmpdir(), 'bcbm-feedback-http-'));
let server: Running;
beforeAll(async () => {
  server = await startServer({ STORAGE: 'sqlite', DATA_DIR: dataDir });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const user = { id: 'user-feedback-7', name: 'Dr Grace Hopper' };
const typed = 'Mrs Jane Example, MRN 0012345, bed 4';

function conversation(id: string) {
  const send = async (said: { text?: string; value?: unknown }) => {
    const res = await post(
      server.url,
      activity({ conversation: { id } as Activity['conversation'], from: user, ...said }),
    );
    expect(res.status).toBe(200);
    return res.activities;
  };
  return { say: (text: string) => send({ text }), click: (value: unknown) => send({ value }) };
}
const texts = (replies: Partial<Activity>[]) => replies.map(plainTextOf).join('\n');

type Action = { title: string; data: Record<string, unknown> };
/** The data of the button with this title on the last card in the replies that has it. */
function button(replies: Partial<Activity>[], title: string): Record<string, unknown> {
  for (const a of [...replies].reverse()) {
    const actions = (a.attachments?.[0]?.content as { actions?: Action[] } | undefined)?.actions ?? [];
    const hit = actions.find((x) => x.title === title);
    if (hit) return hit.data;
  }
  throw new Error(`no button "${title}" in the replies`);
}

/** A consult typed to its end (the interim plan, imaging pending): the replies that show the plan. */
async function finish(c: ReturnType<typeof conversation>) {
  for (const text of ['start', '1', '1', 'yes', '1']) await c.say(text);
  const plan = await c.say('Not done yet');
  expect(texts(plan)).toContain(pathway.outcomes.find((o) => o.id === 'interimPlan')!.title);
  return plan;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('feedback over /api/messages, on SQLite, to the report', () => {
  it('takes a helpful click once, a not helpful click with its reason and part, and refuses forged ones', async () => {
    const a = conversation('feedback-conv-a');
    const planA = await finish(a);
    expect(texts(planA)).toContain(feedbackWording.ask);
    const helpful = button(planA, 'Helpful');
    expect(texts(await a.click(helpful))).toBe(feedbackWording.thanks);
    // The same card clicked again (Web Chat leaves it clickable): not counted twice.
    expect(texts(await a.click(helpful))).toBe(notes.feedbackAlready);
    expect(texts(await a.click(button(planA, 'Not helpful')))).toBe(notes.feedbackAlready);
    // Free text at the end is refused, and stored nowhere.
    expect(texts(await a.say(typed))).toBe(notes.finished);

    const b = conversation('feedback-conv-b');
    const planB = await finish(b);
    const reasons = await b.click(button(planB, 'Not helpful'));
    expect(texts(reasons)).toContain(feedbackWording.reason);
    // A forged reason is asked again; nothing is stored.
    const forgedReason = await b.click({ ...button(reasons, 'Outdated'), reason: 'boring' });
    expect(texts(forgedReason)).toContain(notes.feedbackUnknown);
    expect(texts(forgedReason)).toContain(feedbackWording.reason);
    const parts = await b.click(button(reasons, 'Outdated'));
    expect(texts(parts)).toContain(feedbackWording.item);
    const send = button(parts, feedbackWording.send);
    // An item this plan does not have (an old or forged card), and a Send with no choice: asked again.
    for (const forged of [{ ...send, item: 'icpNeurosurgery' }, send]) {
      const again = await b.click(forged);
      expect(texts(again)).toContain(feedbackWording.item);
    }
    expect(texts(await b.click({ ...send, item: 'interimUrgentImaging' }))).toBe(feedbackWording.thanks);
    // An old card of this consult after a change: out of date.
    await b.say('change 1');
    expect(texts(await b.click(helpful))).toBe(notes.feedbackStale);
    expect(texts(await b.click({ ...send, item: 'plan' }))).toBe(notes.feedbackStale);

    // The editors' report, read with the bot's settings.
    const out = new PassThrough();
    let csv = '';
    out.on('data', (c: Buffer) => (csv += c.toString()));
    const rows = await feedbackReport({ STORAGE: 'sqlite', DATA_DIR: dataDir }, out);
    expect(rows).toBe(2);
    expect(csv).toBe(
      [
        'date,content_version,outcome,item,helpful,reason',
        `${today()},${pathway.version},interimPlan,plan,yes,`,
        `${today()},${pathway.version},interimPlan,interimUrgentImaging,no,outdated`,
        '',
      ].join('\r\n'),
    );
  });

  it('stores no conversation id, user id, name or typed text in any feedback row', () => {
    const db = new Database(join(dataDir, 'consults.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('select * from feedback').all() as Record<string, unknown>[];
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(
          ['content_version', 'day', 'helpful', 'id', 'item', 'outcome', 'reason'].sort(),
        );
        expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/); // a day, not a time
        const all = JSON.stringify(row);
        for (const secret of [
          'feedback-conv',
          'user-feedback-7',
          'Hopper',
          'Grace',
          'Jane',
          '0012345',
          'emulator',
        ])
          expect(all).not.toContain(secret);
        // Nor the consult: its id is in the consults table, never beside feedback.
        const consultIds = (db.prepare('select value from consults').all() as { value: string }[]).map(
          (c) => (JSON.parse(c.value) as { consultId: string }).consultId,
        );
        for (const id of consultIds) expect(all).not.toContain(id);
      }
    } finally {
      db.close();
    }
  });
});
