import type { Activity } from '../support/server';
import { pathway } from '../../src/content';
import { holds } from '../../src/content/conditions';
import { notes } from '../../src/view/strings';
import { activity, buttonData, post, type Running, startServer } from '../support/server';
import { plainTextOf } from '../support/plain-text';

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

let n = 0;
/** A fresh conversation for each test, on the Emulator channel. */
function conversation() {
  const id = `http-${++n}`;
  const say = async (text: string) =>
    (await post(server.url, activity({ conversation: { id } as Activity['conversation'], text }))).activities;
  const send = async (value: unknown) =>
    (await post(server.url, activity({ conversation: { id } as Activity['conversation'], value })))
      .activities;
  return { id, say, send };
}
const texts = (replies: Partial<Activity>[]) => replies.map(plainTextOf).join('\n');

describe('the HTTP endpoints', () => {
  it('answers /healthz and /readyz with 200 while the store answers', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('refuses malformed JSON, a non-object body and a body over 256 KB with a 4xx, and keeps serving', async () => {
    expect((await post(server.url, '{not json')).status).toBe(400);
    expect((await post(server.url, '[1,2,3]')).status).toBe(400);
    expect((await post(server.url, '"text"')).status).toBe(400);
    const big = JSON.stringify({ ...activity(), text: 'x'.repeat(300 * 1024) });
    expect((await post(server.url, big)).status).toBe(413);
    const { say } = conversation();
    const replies = await say('start');
    expect(texts(replies)).toContain(pathway.questions[0]!.prompt);
  });

  it('serves the local chat page at / in local mode', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('a consult over /api/messages', () => {
  it('starts with a one-line welcome and the disclaimer on the first message, whatever it says', async () => {
    const replies = await conversation().say('hello');
    expect(plainTextOf(replies[0]!)).toContain(pathway.welcome);
    expect(plainTextOf(replies[0]!)).toContain(pathway.disclaimer);
    expect(texts(replies)).toContain(pathway.questions[0]!.prompt);
  });

  it('accepts a typed answer by number, by value and by label', async () => {
    const c = conversation();
    await c.say('start');
    expect(texts(await c.say('1'))).toContain('Is there an emergency right now?');
    expect(texts(await c.say('none'))).toContain('Is the symptom');
    expect(texts(await c.say('Yes'))).toContain('gadolinium');
  });

  it('re-asks the current question with a hint when the reply is gibberish', async () => {
    const c = conversation();
    await c.say('start');
    const replies = await c.say('purple monkey dishwasher');
    expect(texts(replies)).toContain(notes.unrecognised);
    expect(texts(replies)).toContain('What kind of consult is this?');
    expect(texts(await c.say('7'))).toContain(notes.unrecognised); // out of range
  });

  it('refuses a click on an old card with "out of date" and changes nothing', async () => {
    const c = conversation();
    const first = await c.say('start');
    const old = buttonData(first, 'newSymptoms')!;
    const second = await c.send(old);
    expect(texts(second)).toContain('Is there an emergency right now?');
    const replay = await c.send(old); // the same card clicked again
    expect(texts(replay)).toContain(notes.stale);
    expect(texts(replay)).toContain('Is there an emergency right now?');
    const otherQuestion = await c.send({ question: 'kps', answer: 'kps90to100' });
    expect(texts(otherQuestion)).toContain(notes.stale);
    const summary = await c.say('summary');
    expect(texts(summary)).not.toContain('Karnofsky');
  });

  it('accepts exactly the case-model button data, with nothing else', async () => {
    const c = conversation();
    await c.say('start');
    expect(texts(await c.send({ question: 'scenario', answer: 'newSymptoms' }))).toContain('emergency');
  });

  it('treats an unknown answer value on a current-question card as unrecognised', async () => {
    const c = conversation();
    await c.say('start');
    expect(texts(await c.send({ question: 'scenario', answer: 'bogus' }))).toContain(notes.unrecognised);
  });

  it('supports back, why, summary, help, restart and start at any step', async () => {
    const c = conversation();
    await c.say('start');
    await c.say('1');
    await c.say('1');
    const why = texts(await c.say('why'));
    expect(why).toContain(pathway.questions.find((q) => q.id === 'seizure')!.why);
    const summary = texts(await c.say('summary'));
    expect(summary).toMatch(/Consult type: New symptom, metastases suspected/);
    expect(summary).toMatch(/Emergency signs: No/);
    const back = texts(await c.say('back'));
    expect(back).toContain('Undid: Emergency signs: No');
    expect(back).toContain('Is there an emergency right now?');
    expect(texts(await c.say('help'))).toMatch(/restart: drop the answers/);
    expect(texts(await c.say('start'))).toContain(notes.inProgress);
    const restarted = texts(await c.say('restart'));
    expect(restarted).toContain('Starting a new consult.');
    expect(restarted).toContain('What kind of consult is this?');
    expect(texts(await c.say('summary'))).toContain('(no answers yet)');
    expect(texts(await c.say('back'))).toContain(notes.nothingToUndo);
  });

  it('keeps two conversations apart', async () => {
    const a = conversation();
    const b = conversation();
    await a.say('start');
    await b.say('start');
    await a.say('2');
    expect(texts(await b.say('summary'))).toContain('(no answers yet)');
    expect(texts(await a.say('summary'))).toContain('Known metastases, progressing');
  });

  it('shows emergency actions at once when a red flag is answered, before the next question', async () => {
    const c = conversation();
    await c.say('start');
    await c.say('1');
    const replies = await c.say('Convulsive status epilepticus');
    const answers = { scenario: 'newSymptoms', redFlags: 'statusEpilepticus' } as const;
    const urgent = pathway.items.filter((i) => i.urgent && holds(i.when, answers));
    expect(urgent.length).toBeGreaterThan(0);
    for (const i of urgent) expect(plainTextOf(replies[0]!)).toContain(i.text);
    expect(plainTextOf(replies.at(-1)!)).toContain('gadolinium'); // the seizure question is skipped
  });

  it('apologises when a turn fails, and keeps every answer saved before the failure', async () => {
    const c = conversation();
    await c.say('start');
    await c.say('1');
    const store = server.app.store;
    const save = store.save.bind(store);
    store.save = async () => {
      throw new Error('disk full');
    };
    try {
      expect(texts(await c.say('1'))).toContain(notes.failed);
    } finally {
      store.save = save;
    }
    const summary = texts(await c.say('summary'));
    expect(summary).toContain('Consult type: New symptom, metastases suspected');
    expect(summary).not.toContain('Emergency signs');
    expect(texts(await c.say('1'))).toContain('Is the symptom');
  });
});
