import { pathway } from '../../src/content';
import { training } from '../../src/content/training-content';
import { loadCases } from '../../src/pathway/training-bank';
import { emptyLearner, type LearnerRecord } from '../../dialogs/train-record';
import { dueTypes, pickCase, reviewAfter } from '../../dialogs/train-schedule';

const cases = loadCases(pathway, training);
const day = 24 * 3600 * 1000;
const t0 = '2027-03-01T08:00:00.000Z';
const after = (days: number) => new Date(Date.parse(t0) + days * day);

describe('spaced repetition (Qstream intervals)', () => {
  it('brings a wrong answer back after 12 days and a right one after 24, counted from the answer', () => {
    expect(reviewAfter(undefined, false, t0).due).toBe(after(12).toISOString());
    expect(reviewAfter(undefined, true, t0).due).toBe(after(24).toISOString());
  });

  it('retires a decision type after two right in a row, and a wrong answer starts the count again', () => {
    const once = reviewAfter(undefined, true, t0);
    const retired = reviewAfter(once, true, after(24).toISOString());
    expect(retired.streak).toBe(2);
    expect(retired.due).toBeUndefined();
    const wrong = reviewAfter(once, false, after(24).toISOString());
    expect(wrong).toMatchObject({ streak: 0, due: after(36).toISOString() });
  });

  it('lists as due only the types whose time has come', () => {
    const learner: LearnerRecord = {
      ...emptyLearner(),
      reviews: { steroids: reviewAfter(undefined, false, t0), followUp: reviewAfter(undefined, true, t0) },
    };
    expect(dueTypes(learner, after(11))).toEqual([]);
    expect(dueTypes(learner, after(12))).toEqual(['steroids']);
    expect(dueTypes(learner, after(25))).toEqual(['steroids', 'followUp']);
  });

  it('picks a case serving the due types first', () => {
    const learner: LearnerRecord = {
      ...emptyLearner(),
      reviews: Object.fromEntries(
        training.decisions.map((d) => [d.id, reviewAfter(undefined, d.id !== 'emergency', t0)]),
      ),
    };
    const picked = pickCase(cases, learner, 'learner-a', after(13));
    expect(picked?.decisions.map((k) => k.decision.id)).toContain('emergency');
  });

  it('does not give every new learner the same case', () => {
    const picks = new Set(
      Array.from({ length: 12 }, (_, i) => pickCase(cases, emptyLearner(), `learner-${i}`, after(0))?.id),
    );
    expect(picks.size).toBeGreaterThan(1);
  });
});
