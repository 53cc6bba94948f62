import type { Activity } from '../support/server';
import { notes } from '../../src/view/strings';
import { activity, post, startServer, type Running } from '../support/server';
import { button, emergencyCase, rightOf, textOf, trainButtons, wrongOf } from './support';

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

let conversations = 0;
/** A learner in their own Web Chat / Emulator conversation, over /api/messages with expectReplies. */
function learner(id = `learner-${++conversations}`) {
  const conversation = { id: `conv-train-${id}-${++conversations}` } as Activity['conversation'];
  const from = { id, name: 'Dr Trainee' };
  const send = async (body: Partial<Activity>) => {
    const res = await post(server.url, activity({ conversation, from, ...body }));
    expect(res.status).toBe(200);
    return res.activities;
  };
  return {
    say: (text: string, id?: string) => send({ text, ...(id ? { id } : {}) }),
    click: (value: Record<string, unknown>) => send({ value }),
  };
}

const cases = () => server.app.training.cases;
const scoreLine = (replies: Partial<Activity>[]) =>
  /Score: (\d+)\/(\d+)/.exec(textOf(replies))?.slice(1).map(Number);

describe('trainee mode over /api/messages', () => {
  it('starts with `train` as the first message, shows the case and the first decision, reveals nothing', async () => {
    const replies = await learner().say('train');
    const text = textOf(replies);
    expect(text).toMatch(/^Case [0-9a-f]{6}\. A woman/m);
    expect(text).toMatch(/Decision 1 of \d+/);
    expect(text).not.toMatch(/Correct|Incorrect|pathway's choice/);
    expect(trainButtons(replies).length).toBeGreaterThanOrEqual(2);
  });

  it('scores a case played wrong lower than the same case replayed right (M/M)', async () => {
    const c = emergencyCase(cases());
    const me = learner();
    let replies = await me.say(`train ${c.id}`);
    expect(textOf(replies)).toContain(`Case ${c.id}.`);
    for (const k of c.decisions) {
      replies = await me.click(button(replies, wrongOf(k)));
      const first = textOf(replies).split('\n')[0];
      // The first line: Incorrect, and the pathway's choice by its exact button label.
      expect(first).toBe(
        `Incorrect. The pathway's choice: ${k.right[0]!.label}. You chose: ${k.decision.options.find((o) => o.value === wrongOf(k))!.label}.`,
      );
      expect(textOf(replies)).toMatch(/\n\[1\] .+\d{4}/);
    }
    expect(scoreLine(replies)).toEqual([0, c.decisions.length]);
    expect(textOf(replies)).toMatch(/Critical errors:\n- Emergency action:/);
    expect(textOf(replies)).toMatch(/Decisions missed:[\s\S]*Pitfall: [\s\S]*To review:/);

    replies = await me.say(`train ${c.id}`);
    for (const k of c.decisions) {
      replies = await me.click(button(replies, rightOf(k)));
      expect(textOf(replies).split('\n')[0]).toBe(`Correct. The pathway's choice: ${k.right[0]!.label}.`);
    }
    expect(scoreLine(replies)).toEqual([c.decisions.length, c.decisions.length]);
    expect(textOf(replies)).toContain('Every decision matched the pathway.');

    const score = textOf(await me.say('score'));
    expect(score).toContain('Your record: 2 cases done.');
    expect(score).toContain('- Emergency action: 1/2 right (✘✔, oldest first)');
    // The recent cases, newest first, each with N of M decisions right.
    const m = c.decisions.length;
    const date = '\\d{4}-\\d\\d-\\d\\d';
    expect(score).toMatch(
      new RegExp(
        `Recent cases, newest first:\n- Case ${c.id}, ${date}: ${m}/${m} right\n- Case ${c.id}, ${date}: 0/${m} right\nBy decision type:\n- `,
      ),
    );
  });

  it('lists a case left unfinished in the score with the decisions answered so far', async () => {
    const c = emergencyCase(cases());
    const me = learner();
    const replies = await me.say(`train ${c.id}`);
    await me.click(button(replies, rightOf(c.decisions[0]!)));
    const m = c.decisions.length;
    expect(textOf(await me.say('score'))).toMatch(
      new RegExp(`- Case ${c.id}, \\d{4}-\\d\\d-\\d\\d: 1/${m} right so far, 1 of ${m} answered\n`),
    );
    await me.say('start');
    expect(textOf(await me.say('score'))).toContain(`1 of ${m} answered, left unfinished`);
  });

  it('takes typed answers by number or label, gives a hint on why, and keeps a committed answer (no back)', async () => {
    const c = emergencyCase(cases());
    const me = learner();
    await me.say(`train ${c.id}`);
    const hint = textOf(await me.say('why'));
    expect(hint).toContain(`Hint (${c.decisions[0]!.decision.title}): ${c.decisions[0]!.decision.hint}`);
    expect(hint).not.toMatch(/Correct|Incorrect|pathway's choice/);
    const index = c.decisions[0]!.decision.options.findIndex((o) => o.value === rightOf(c.decisions[0]!));
    expect(textOf(await me.say(String(index + 1)))).toMatch(/^Correct\./);
    const second = c.decisions[1]!;
    expect(textOf(await me.say(`${second.right[0]!.label}.`))).toMatch(/^Correct\./);
    const back = textOf(await me.say('back'));
    expect(back).toContain('a committed answer stays committed');
    expect(back).toContain(`Decision 3 of ${c.decisions.length}`);
  });

  it('applies a typed answer delivered twice (a channel retry, same activity id) once', async () => {
    const c = emergencyCase(cases());
    const me = learner();
    await me.say(`train ${c.id}`);
    const index = c.decisions[0]!.decision.options.findIndex((o) => o.value === rightOf(c.decisions[0]!));
    const first = textOf(await me.say(String(index + 1), 'retried-delivery-1'));
    expect(first).toMatch(/^Correct\./);
    expect(first).toContain(`Decision 2 of ${c.decisions.length}`);
    // The retry sends nothing and answers nothing: decision 2 is still open.
    expect(await me.say(String(index + 1), 'retried-delivery-1')).toEqual([]);
    expect(textOf(await me.say('why'))).toContain(`Hint (${c.decisions[1]!.decision.title})`);
    expect(textOf(await me.say('score'))).toContain('- Emergency action: 1/1 right');
  });

  it('changes nothing on a stale click and answers with the consult’s "out of date" reply', async () => {
    const c = emergencyCase(cases());
    const me = learner();
    const start = await me.say(`train ${c.id}`);
    const firstRight = button(start, rightOf(c.decisions[0]!));
    const firstWrong = button(start, wrongOf(c.decisions[0]!));
    let replies = await me.click(firstRight);
    // The same decision again, with the other answer: refused.
    const stale = textOf(await me.click(firstWrong));
    expect(stale).toContain(notes.stale);
    expect(stale).toContain(`Decision 2 of ${c.decisions.length}`);
    for (const k of c.decisions.slice(1)) replies = await me.click(button(replies, rightOf(k)));
    expect(scoreLine(replies)).toEqual([c.decisions.length, c.decisions.length]);
    // After the end: an old card still changes nothing.
    expect(textOf(await me.click(firstWrong))).toContain(notes.stale);
    expect(textOf(await me.say('score'))).toContain('- Emergency action: 1/1 right');
  });

  it('leaves training on start: the consult begins and takes the next typed answer', async () => {
    const c = emergencyCase(cases());
    const me = learner();
    await me.say(`train ${c.id}`);
    const consult = textOf(await me.say('start'));
    expect(consult).not.toMatch(/Decision \d+ of/);
    expect(consult).toMatch(/1\. /);
    const after = textOf(await me.say('1'));
    expect(after).not.toMatch(/Correct|Incorrect/);
  });

  it('brings a missed decision type back after about 12 days, counted from the stored attempt (injected clock)', async () => {
    const c = emergencyCase(cases());
    const me = learner();
    const t0 = Date.parse('2027-01-04T09:00:00Z');
    const day = 24 * 3600 * 1000;
    server.app.training.now = () => new Date(t0);
    try {
      let replies = await me.say(`train ${c.id}`);
      for (const k of c.decisions)
        replies = await me.click(button(replies, k.decision.id === 'emergency' ? wrongOf(k) : rightOf(k)));
      expect(scoreLine(replies)).toEqual([c.decisions.length - 1, c.decisions.length]);

      server.app.training.now = () => new Date(t0 + 11 * day);
      expect(textOf(await me.say('score'))).toContain('Nothing is due for review now.');

      server.app.training.now = () => new Date(t0 + 12 * day + 60_000);
      expect(textOf(await me.say('score'))).toContain('Due for review now: Emergency action.');
      const next = textOf(await me.say('train'));
      expect(next).not.toContain(`Case ${c.id}.`);
      expect(next).toMatch(/Decision 1 of \d+: Emergency action\./);
    } finally {
      server.app.training.now = () => new Date();
    }
  });

  it('does not post a record in a shared chat of a channel that cannot reply privately: it points to a 1:1 chat', async () => {
    const conversation = { id: 'conv-train-group', isGroup: true } as Activity['conversation'];
    const say = async (text: string) => {
      const res = await post(
        server.url,
        activity({ conversation, from: { id: 'group-learner', name: 'X' }, text }),
      );
      return textOf(res.activities);
    };
    const c = emergencyCase(cases());
    await say(`train ${c.id}`);
    const score = await say('score');
    expect(score).toBe(
      'Your record is for you alone, and this chat cannot show it to you only: ask me for score in a one-to-one chat.',
    );
  });

  it('refuses `train report` in one line to a learner who is not a named educator', async () => {
    const report = textOf(await learner().say('train report'));
    expect(report).toBe('Sorry, the training report is for educators only.');
  });
});
