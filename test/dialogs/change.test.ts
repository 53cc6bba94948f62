import type { QuestionId } from '../../src/content/case-model';
import { pathway } from '../../src/content';
import { buildRecommendation, type Recommendation } from '../../src/pathway/recommend';
import { handleTurn, type TurnEnv, type TurnResult } from '../../dialogs/consult';
import type { ConsultRecord } from '../../dialogs/consult-record';
import { parseInput } from '../../dialogs/parse-input';
import { renderText } from '../../src/view/text';
import type { View } from '../../src/view/view';
import { generatePaths } from '../support/paths';

let n = 0;
const env: TurnEnv = { content: pathway, now: new Date('2026-12-01T09:00:00Z'), newId: () => `c${++n}` };

/** The longest complete consult the statechart takes (most questions asked). */
function longestConsult(): { question: QuestionId; answer: string }[] {
  let longest: { question: QuestionId; answer: string }[] = [];
  for (const p of generatePaths()) if (p.entries.length > longest.length) longest = p.entries;
  return longest;
}

// The last view but the helpful / not helpful control that follows a recommendation.
const last = (r: TurnResult) => r.views.filter((v) => v.kind !== 'feedbackAsk').at(-1)!;
const asked = (v: View) => (v.kind === 'question' ? v.questionId : undefined);
const click = (record: ConsultRecord, question: string, answer: string) =>
  handleTurn(
    record,
    { kind: 'card', question, answer, consultId: record.consultId, step: record.revision },
    env,
  );

function run(entries: { question: QuestionId; answer: string }[]): TurnResult {
  let result = handleTurn(undefined, parseInput('start', undefined), env);
  for (const e of entries) {
    expect(asked(last(result))).toBe(e.question);
    result = click(result.record, e.question, e.answer);
  }
  expect(last(result).kind).toBe('recommendation');
  return result;
}

const ids = (r: Recommendation) => r.sections.flatMap((s) => s.items.map((i) => i.id));
const becauseOf = (r: Recommendation, id: string) =>
  JSON.stringify(r.sections.flatMap((s) => s.items).find((i) => i.id === id)?.because);

describe('change <question> on every question of a long consult', () => {
  const consult = longestConsult();
  const finished = run(consult);
  const before = (last(finished) as Extract<View, { kind: 'recommendation' }>).recommendation;

  it('is a long consult', () => expect(consult.length).toBeGreaterThanOrEqual(14));

  it.each(consult.map((e, i) => [e.question, i]))(
    '%s: asks it again, replays the rest, and says exactly what changed',
    (question, i) => {
      const q = pathway.questions.find((x) => x.id === question)!;
      const old = consult[i as number]!.answer;
      const value = q.options.find((o) => o.value !== old)!.value;
      // Typed by number in the summary, and as the button sends it: the same question is asked again.
      const typed = handleTurn(finished.record, parseInput(`change ${(i as number) + 1}`, undefined), env);
      const byButton = handleTurn(finished.record, parseInput(undefined, { change: question }), env);
      expect(asked(last(typed))).toBe(question);
      expect(asked(last(byButton))).toBe(question);
      expect(typed.views).toHaveLength(1);
      // The card of the finished consult is out of date now.
      expect(typed.record.revision).toBeGreaterThan(finished.record.revision);

      let result = click(typed.record, question as string, value);
      const answered = new Set(consult.map((e) => e.question));
      const newlyAsked: string[] = [];
      while (last(result).kind === 'question') {
        const next = asked(last(result))!;
        // Only a question the statechart now needs is asked; the answers that still apply are kept.
        expect(answered.has(next)).toBe(false);
        newlyAsked.push(next);
        result = click(result.record, next, pathway.questions.find((x) => x.id === next)!.options[0]!.value);
      }
      const shown = last(result) as Extract<View, { kind: 'recommendation' }>;
      expect(shown.kind).toBe('recommendation');
      const after = buildRecommendation(pathway, shown.recommendation.outcome.id, result.record.log);
      const changes = shown.changes!;
      expect(changes.added.map((x) => x.id).sort()).toEqual(
        ids(after)
          .filter((x) => !ids(before).includes(x))
          .sort(),
      );
      expect(changes.removed.map((x) => x.id).sort()).toEqual(
        ids(before)
          .filter((x) => !ids(after).includes(x))
          .sort(),
      );
      expect(changes.changed.map((x) => x.id).sort()).toEqual(
        ids(after)
          .filter((x) => ids(before).includes(x) && becauseOf(before, x) !== becauseOf(after, x))
          .sort(),
      );
      expect(result.record.log.find((e) => e.question === question)?.answer).toBe(value);
      // The change is audited as an answer, and "What changed" is shown once.
      expect(result.events.some((e) => e.kind === 'recommended')).toBe(true);
      const again = handleTurn(result.record, parseInput('summary', undefined), env);
      expect(again.record.previous).toBeUndefined();
    },
  );

  it('refuses a question that has no answer, and asks which when none is named', () => {
    const none = handleTurn(finished.record, parseInput('change priorBrainTreatment', undefined), env);
    expect(none.views[0]).toEqual({ kind: 'notice', note: 'notAnswered' });
    expect(handleTurn(finished.record, parseInput('change', undefined), env).views[0]).toEqual({
      kind: 'notice',
      note: 'changeWhich',
    });
  });

  it('is given up with back, leaving the answers as they were', () => {
    const changing = handleTurn(finished.record, parseInput('change 2', undefined), env);
    const back = handleTurn(changing.record, parseInput('back', undefined), env);
    expect(back.record.log).toEqual(finished.record.log);
    expect(last(back).kind).toBe('recommendation');
  });
});

describe('what changed is told whole, in plain words (usability review)', () => {
  const typical: { question: QuestionId; answer: string }[] = [
    { question: 'scenario', answer: 'newSymptoms' },
    { question: 'redFlags', answer: 'none' },
    { question: 'seizure', answer: 'yes' },
    { question: 'mriAccess', answer: 'available' },
    { question: 'imagingResult', answer: 'parenchymal' },
    { question: 'lesionCount', answer: 'one' },
    { question: 'largestLesion', answer: 'under3cm' },
    { question: 'massEffect', answer: 'no' },
    { question: 'resectable', answer: 'no' },
    { question: 'kps', answer: 'kps90to100' },
    { question: 'age', answer: 'under60' },
    { question: 'her2', answer: 'positive' },
    { question: 'hormoneReceptor', answer: 'positive' },
    { question: 'extracranial', answer: 'controlled' },
    { question: 'systemicTherapy', answer: 'firstLine' },
    { question: 'her2Regimen', answer: 'trastuzumabPertuzumab' },
  ];
  const changeTo = (question: QuestionId, answer: string) => {
    const finished = run(typical);
    const asked = handleTurn(finished.record, parseInput(undefined, { change: question }), env);
    const shown = last(click(asked.record, question, answer)) as Extract<View, { kind: 'recommendation' }>;
    return renderText(shown).split('\n');
  };

  it('names a change of age in the Breast GPA and its median, not "nothing changed"', () => {
    const lines = changeTo('age', 'sixtyOrOver');
    expect(lines).toContain('- Age: Under 60 → 60 or over');
    expect(lines).toContain('- Breast GPA: 3.5 (median 36.3 months) → 3 (median 23.5 months)');
    expect(lines).not.toContain('- Nothing else in the plan or the prognosis changed.');
  });

  it('names the answers no longer asked after a change, and the prognosis', () => {
    const lines = changeTo('her2', 'negative');
    expect(lines).toContain('- HER2: Positive → Negative (IHC 0)');
    expect(lines).toContain('- No longer asked: HER2 regimen (Trastuzumab and pertuzumab)');
    expect(lines).toContain('- Breast GPA: 3.5 (median 36.3 months) → 2.5 (median 23.5 months)');
    expect(lines.join('\n')).not.toMatch(/Now because/);
  });

  it('names a key decision that came out another way', () => {
    expect(changeTo('extracranial', 'progressive')).toContain(
      '- Systemic therapy: Keep the current systemic therapy → Change systemic therapy (progressing outside the brain)',
    );
  });

  it('says when nothing but the answer moved', () => {
    expect(changeTo('seizure', 'yes')).toContain('- Nothing else in the plan or the prognosis changed.');
  });
});
