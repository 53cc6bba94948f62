import { handleTurn, type TurnEnv, type TurnResult } from '../../dialogs/consult';
import type { ConsultRecord } from '../../dialogs/consult-record';
import { parseInput } from '../../dialogs/parse-input';
import { pathway } from '../../src/content';
import { feedbackWording, reasonLabels } from '../../src/view/feedback';
import { notes } from '../../src/view/strings';
import { renderText } from '../../src/view/text';

// Feedback on the pure turn: what the bot says back, what the turn hands the store, and that the consult
// itself (its answers, its plan, its revision) is the same after as before.

const env: TurnEnv = { content: pathway, now: new Date('2026-12-07T18:42:11Z'), newId: () => 'consult-1' };
/** A whole consult, typed: it ends in the interim plan (imaging pending). */
const finished = ['start', '1', '1', 'yes', '1', 'Not done yet'];

function play(said: readonly (string | object)[], from?: ConsultRecord) {
  let record = from;
  let last: TurnResult | undefined;
  const stored: unknown[] = [];
  for (const s of said) {
    last = handleTurn(
      record,
      typeof s === 'string' ? parseInput(s, undefined) : parseInput(undefined, s),
      env,
    );
    record = last.record;
    stored.push(...(last.feedback ?? []));
  }
  return { record: record!, last: last!, stored, says: last!.views.map(renderText).join('\n') };
}

const plan = play(finished);
const at = { consultId: plan.record.consultId, step: plan.record.revision };

describe('feedback on a recommendation, on the pure turn', () => {
  it('follows every recommendation with the helpful / not helpful control for that recommendation', () => {
    const kinds = plan.last.views.map((v) => v.kind);
    expect(kinds.indexOf('feedbackAsk')).toBe(kinds.indexOf('recommendation') + 1);
    expect(plan.last.views).toContainEqual({ kind: 'feedbackAsk', ...at });
    expect(plan.says).toContain(`${feedbackWording.ask} Type helpful or not helpful.`);
    // Not under a question.
    expect(play(['start']).last.views.map((v) => v.kind)).not.toContain('feedbackAsk');
  });

  it('stores one helpful record with the outcome, the content version and the day, and thanks in one line', () => {
    const r = play([{ feedback: 'helpful', ...at }], plan.record);
    expect(r.stored).toEqual([
      {
        date: '2026-12-07',
        contentVersion: pathway.version,
        outcome: 'interimPlan',
        item: 'plan',
        helpful: true,
      },
    ]);
    expect(r.says).toBe(feedbackWording.thanks);
    expect(r.says).not.toContain('\n');
    // The same card clicked again, or helpful typed: said so, not counted again.
    const again = play(
      [{ feedback: 'helpful', ...at }, 'helpful', { feedback: 'notHelpful', ...at }],
      plan.record,
    );
    expect(again.stored).toHaveLength(1);
    expect(again.says).toBe(notes.feedbackAlready);
  });

  it('asks for a reason, then the part, and stores the choice; the consult is unchanged', () => {
    const r = play(
      [
        { feedback: 'notHelpful', ...at },
        { feedback: 'notHelpful', reason: 'outdated', ...at },
        { feedback: 'notHelpful', reason: 'outdated', item: 'interimUrgentImaging', ...at },
      ],
      plan.record,
    );
    expect(r.stored).toEqual([
      {
        date: '2026-12-07',
        contentVersion: pathway.version,
        outcome: 'interimPlan',
        item: 'interimUrgentImaging',
        helpful: false,
        reason: 'outdated',
      },
    ]);
    expect(r.record.log).toEqual(plan.record.log);
    expect(r.record.revision).toBe(plan.record.revision);
    expect(r.record.snapshot).toEqual(plan.record.snapshot);
    // The plan is shown as before.
    const again = play(['details'], r.record);
    expect(again.says).toBe(play(['details'], plan.record).says);
  });

  it('offers the reasons, then the plan as a whole and each item, as numbered choices', () => {
    const reason = play([{ feedback: 'notHelpful', ...at }], plan.record);
    expect(reason.says).toContain(feedbackWording.reason);
    expect(reason.says).toContain(`  4) ${reasonLabels.missing}`);
    const item = play([{ feedback: 'notHelpful', reason: 'wrong', ...at }], plan.record);
    expect(item.says).toContain(`  1) ${feedbackWording.wholePlan}`);
    const short = pathway.items.find((i) => i.id === 'interimUrgentImaging')!.short!;
    expect(item.says).toContain(`) ${short}`);
  });

  it('takes typed numbers after "not helpful", and nothing else changes', () => {
    const r = play(['not helpful', '5', '1'], plan.record);
    expect(r.stored).toEqual([expect.objectContaining({ helpful: false, reason: 'other', item: 'plan' })]);
    expect(r.says).toBe(feedbackWording.thanks);
    // A number out of range is asked again politely, never stored.
    const bad = play(['not helpful', '9'], plan.record);
    expect(bad.stored).toEqual([]);
    expect(bad.says).toContain(notes.unrecognised);
    expect(bad.says).toContain(feedbackWording.reason);
  });

  it('asks again for a forged reason or an unknown item, and stores nothing', () => {
    for (const forged of [
      { feedback: 'notHelpful', reason: 'boring', ...at },
      { feedback: 'notHelpful', reason: 'wrong', item: 'noSuchItem', ...at },
      { feedback: 'notHelpful', reason: 'wrong', item: 'icpNeurosurgery', ...at }, // not in this plan
      { feedback: 'maybe', ...at },
    ]) {
      const r = play([forged], plan.record);
      expect(r.stored).toEqual([]);
      expect(r.says).toContain(notes.feedbackUnknown);
      expect(r.record.feedbackGiven).toBeUndefined();
    }
  });

  it('answers a click on an old card, or before the plan, with "out of date" and stores nothing', () => {
    for (const old of [
      { feedback: 'helpful', ...at, step: at.step - 1 },
      { feedback: 'helpful', ...at, consultId: 'another' },
    ]) {
      const r = play([old], plan.record);
      expect(r.stored).toEqual([]);
      expect(r.says).toBe(notes.feedbackStale);
    }
    // After a change the plan is another one: the old card is out of date.
    const changed = play(['change 1'], plan.record);
    expect(play([{ feedback: 'helpful', ...at }], changed.record).says).toBe(notes.feedbackStale);
    expect(play(['helpful'], play(['start']).record).says).toBe(notes.feedbackNotYet);
  });

  it('counts one act per person in a shared chat', () => {
    const alice = { ...env, by: { id: 'a'.repeat(16) } };
    const bob = { ...env, by: { id: 'b'.repeat(16) } };
    const click = parseInput(undefined, { feedback: 'helpful', ...at });
    const first = handleTurn(plan.record, click, alice);
    expect(first.feedback).toHaveLength(1);
    expect(handleTurn(first.record, click, alice).feedback).toBeUndefined();
    expect(handleTurn(first.record, click, bob).feedback).toHaveLength(1);
  });
});
