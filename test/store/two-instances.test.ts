import type { Activity } from '../support/server';
import { BlobStore } from '../../src/store/blob';
import type { AuditEvent } from '../../src/store/store';
import { notes } from '../../src/view/strings';
import { startAzurite, type Azurite } from '../../tools/azurite';
import { startBot, type BotProcess } from '../support/bot-process';
import { activity, post } from '../support/server';

/** Two bot processes behind one (imaginary) load balancer, on one Azure Blob container in Azurite. */
let azurite: Azurite;
let bots: BotProcess[] = [];
const container = `two${Date.now()}`;
beforeAll(async () => {
  azurite = await startAzurite();
  const env = {
    STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: container,
  };
  bots = await Promise.all([startBot(env), startBot(env)]);
}, 60000);
afterAll(async () => {
  for (const b of bots) b.child.kill('SIGKILL');
  await Promise.all(bots.map((b) => b.exited));
  await azurite?.stop();
});

const conversation = (id: string) => ({ id }) as Activity['conversation'];

/** The answer buttons (case-model data) of the last question card in the replies. */
function answerButtons(replies: Partial<Activity>[]): { question: string; answer: string }[] {
  for (const a of [...replies].reverse()) {
    const actions = (a.attachments?.[0]?.content as { actions?: { data?: Record<string, unknown> }[] })
      ?.actions;
    const data = (actions ?? []).map((x) => x.data).filter((d) => d?.question && d?.answer);
    if (data.length) return data as { question: string; answer: string }[];
  }
  return [];
}

/** The audit log of the shared container, read back through a third client. */
async function auditLog(): Promise<AuditEvent[]> {
  const store = await BlobStore.open(azurite.connectionString, container);
  const events: AuditEvent[] = [];
  for await (const e of store.auditLog()) events.push(e);
  return events;
}

describe('two instances on one Azure Blob store', () => {
  it('carries a consult whose turns alternate between the instances to its recommendation, every answer kept in order', async () => {
    const c = conversation('alternate');
    let replies = (await post(bots[0]!.url, activity({ conversation: c, text: 'start' }))).activities;
    const clicked: string[] = [];
    for (let turn = 1; turn < 40; turn++) {
      const button = answerButtons(replies)[0];
      if (!button) break;
      clicked.push(`${button.question}=${button.answer}`);
      const res = await post(bots[turn % 2]!.url, activity({ conversation: c, value: button }));
      expect(res.status).toBe(200);
      replies = res.activities;
    }
    expect(clicked.length).toBeGreaterThan(4);
    const log = await auditLog();
    const consultId = log.find((e) => e.kind === 'started')!.consultId;
    const mine = log.filter((e) => e.consultId === consultId);
    expect(mine.filter((e) => e.kind === 'answered').map((e) => `${e.question}=${e.answer}`)).toEqual(
      clicked,
    );
    expect(mine.at(-1)).toMatchObject({ kind: 'recommended', outcome: expect.any(String) });
  });

  it('applies the same delivery, sent to both instances at once, once', async () => {
    const c = conversation('duplicate');
    await post(bots[0]!.url, activity({ conversation: c, text: 'start' }));
    const same = activity({ conversation: c, text: '1' });
    const responses = await Promise.all(bots.map((b) => post(b.url, same)));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    // One instance answers; the other recognises the retried delivery and sends nothing.
    expect(responses.filter((r) => r.activities.length > 0)).toHaveLength(1);
    const summary = (await post(bots[1]!.url, activity({ conversation: c, text: 'summary' }))).activities;
    const text = JSON.stringify(summary);
    expect(text).toContain('Consult type: New symptom, metastases suspected');
    expect(text).not.toContain('Emergency signs');
  });

  it('records one answer for twenty identical clicks fired at once across both instances; the others are told the card is out of date', async () => {
    const c = conversation('twenty');
    const first = (await post(bots[0]!.url, activity({ conversation: c, text: 'start' }))).activities;
    const button = answerButtons(first)[0]!;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(bots[i % 2]!.url, activity({ conversation: c, value: button })),
      ),
    );
    expect(responses.every((r) => r.status >= 200 && r.status < 300)).toBe(true);
    const stale = responses.filter((r) => JSON.stringify(r.activities).includes(notes.stale));
    expect(stale).toHaveLength(19);
    const recorded = (await auditLog()).filter(
      (e) => e.kind === 'answered' && e.question === button.question && e.answer === button.answer,
    );
    // Each consult so far answered this question once (the other tests' consults included).
    expect(recorded.length).toBe(new Set(recorded.map((e) => e.consultId)).size);
  });
});
