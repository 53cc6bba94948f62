import { pathway } from '../../src/content';
import { training } from '../../src/content/training-content';
import { seeded } from '../../src/pathway/seeded';
import { loadCases } from '../../src/pathway/training-bank';
import { trainTurn, type TrainContext, type TrainInput } from '../../dialogs/train';
import { emptyLearner, type LearnerRecord, type RunningCase } from '../../dialogs/train-record';
import { sittingIdleMinutes } from '../../dialogs/train-schedule';

const cases = loadCases(pathway, training);

/**
 * A learner drawing cases with `train` as people do: finishing some, leaving others unfinished by starting one
 * in another chat, joining cases others run, over a seeded random walk with a moving clock.
 */
function walk(seed: number, draws: number) {
  const random = seeded(seed);
  let learner: LearnerRecord = emptyLearner();
  const running = new Map<string, RunningCase>();
  let now = Date.parse('2027-03-01T08:00:00Z');
  let ids = 0;
  const sittings: string[][] = [[]];
  const turn = (input: TrainInput, conversation: string) => {
    const ctx: TrainContext = {
      content: pathway,
      training,
      cases,
      now: new Date(now),
      newId: () => `a${++ids}`,
      learnerKey: `learner-${seed}`,
      conversation,
      shared: false,
      canReplyPrivately: true,
      privateOnClick: false,
    };
    const r = trainTurn(learner, running.get(conversation), input, ctx);
    learner = r.learner;
    if (r.running) running.set(conversation, r.running);
    return r;
  };
  for (let i = 0; i < draws; i++) {
    const conversation = `chat-${Math.floor(random() * 3)}`;
    // Someone else started a case in that chat: `train` there would join it.
    if (random() < 0.3)
      running.set(conversation, {
        schema: 1,
        caseId: cases[Math.floor(random() * cases.length)]!.id,
        startedAt: '',
      });
    const r = turn({ kind: 'train' }, conversation);
    const attempt = r.learner.attempts.at(-1)!;
    if (r.started) sittings.at(-1)!.push(attempt.caseId);
    const c = cases.find((x) => x.id === attempt.caseId)!;
    const answer = random() < 0.7 ? c.decisions.length : Math.floor(random() * c.decisions.length);
    for (const k of c.decisions.slice(attempt.choices.length, answer)) {
      now += 60_000;
      const option = k.decision.options[Math.floor(random() * k.decision.options.length)]!;
      turn({ kind: 'choice', caseId: c.id, decision: k.decision.id, choice: option.value }, conversation);
    }
    now += 5 * 60_000;
  }
  return { sittings, learner, turn, advance: (ms: number) => (now += ms) };
}

describe('a sitting (from train until the learner leaves training or an hour without an answer)', () => {
  it.each([1, 2, 3, 4, 5, 6])('asks no case twice within one sitting over 40 draws (seed %i)', (seed) => {
    const { sittings } = walk(seed, 40);
    const asked = sittings[0]!;
    expect(asked.length).toBeGreaterThanOrEqual(25); // a `train` in a chat with a case unfinished goes on with it
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('starts a new sitting after leaving training or an idle hour, where a case may come again', () => {
    const { learner, turn, advance } = walk(7, 3);
    const since = learner.sittingSince;
    expect(since).toBeDefined();
    const left = turn({ kind: 'leave' }, 'chat-0');
    expect(left.learner.sittingSince).toBeUndefined();
    advance(60_000);
    const again = turn({ kind: 'train' }, 'chat-9');
    expect(Date.parse(again.learner.sittingSince!)).toBeGreaterThan(Date.parse(since!));
    advance((sittingIdleMinutes + 1) * 60_000);
    const later = turn({ kind: 'train' }, 'chat-8');
    expect(Date.parse(later.learner.sittingSince!)).toBeGreaterThan(Date.parse(again.learner.sittingSince!));
  });
});
