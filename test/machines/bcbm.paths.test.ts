import { pathway } from '../../src/content';
import { caseModel, type QuestionId } from '../../src/content/case-model';
import { holds } from '../../src/content/conditions';
import { buildRecommendation, itemsFor, type AnswerEntry } from '../../src/pathway/recommend';
import { bcbmMachine } from '../../machines/bcbm.machine';
import { replay, stepOf } from '../../machines/step';
import { answersOf, forEachConsult, generatePaths, routingQuestions } from '../support/paths';

const paths = generatePaths();

/** Everything the clinician is told, as one comparable string. */
function advice(outcomeId: string, entries: AnswerEntry[]): string {
  const r = buildRecommendation(pathway, outcomeId, entries);
  return JSON.stringify([
    outcomeId,
    r.sections.flatMap((s) => s.items.map((i) => i.id)),
    r.unknowns.map((u) => u.id),
    r.pitfalls.map((p) => p.id),
    r.prognosis && [r.prognosis.min, r.prognosis.max],
  ]);
}

/** Finishes a consult whose answers were changed: replays what still applies, then takes the first option. */
function complete(entries: AnswerEntry[]): { outcomeId: string; entries: AnswerEntry[] } {
  const done = [...replay(entries).applied];
  for (;;) {
    const step = stepOf(replay(done).snapshot);
    if (step.kind === 'outcome') return { outcomeId: step.outcomeId, entries: done };
    done.push({ question: step.questionId, answer: caseModel[step.questionId][0] });
  }
}

function questionStates(): QuestionId[] {
  const found: QuestionId[] = [];
  const visit = (node: { meta?: { questionId?: QuestionId }; states?: Record<string, unknown> }) => {
    if (node.meta?.questionId) found.push(node.meta.questionId);
    Object.values(node.states ?? {}).forEach((s) => visit(s as typeof node));
  };
  visit(bcbmMachine.config as never);
  return found;
}

describe('every path through the statechart (generated with xstate/graph)', () => {
  it('generates paths that together ask every question the machine has', () => {
    expect(paths.length).toBeGreaterThan(20);
    const asked = new Set(paths.flatMap((p) => p.entries.map((e) => e.question)));
    expect([...asked].sort()).toEqual([...new Set(questionStates())].sort());
  });

  it('reaches every recommendation (outcome) in the content', () => {
    const reached = new Set(
      paths.map((p) => stepOf(p.final)).map((s) => (s.kind === 'outcome' ? s.outcomeId : '')),
    );
    expect([...reached].sort()).toEqual(pathway.outcomes.map((o) => o.id).sort());
  });

  it('branches only on answers the guards read', () => {
    expect(routingQuestions()).toEqual(
      expect.arrayContaining([
        'scenario',
        'redFlags',
        'imagingResult',
        'massEffect',
        'largestLesion',
        'lesionCount',
      ]),
    );
  });

  it.each(paths.map((p) => [p.description, p] as const))('%s', (_name, path) => {
    const questions = path.entries.map((e) => e.question);
    expect(new Set(questions).size).toBe(questions.length); // no question asked twice
    const again = replay(path.entries);
    expect(again.dropped).toEqual([]);
    const step = stepOf(again.snapshot);
    expect(step.kind).toBe('outcome');
    if (step.kind !== 'outcome') return;

    const r = buildRecommendation(pathway, step.outcomeId, path.entries);
    expect(r.sections.flatMap((s) => s.items).length).toBeGreaterThan(0);
    expect(r.pitfalls.length).toBeGreaterThan(0);
    for (const item of r.sections.flatMap((s) => s.items)) {
      expect(item.refs.length).toBeGreaterThan(0);
      for (const ref of item.refs) expect(r.references[ref.n - 1]?.citation.id).toBe(ref.citation.id);
    }
    for (const p of r.pitfalls)
      for (const ref of p.refs) expect(r.references[ref.n - 1]?.citation.id).toBe(ref.citation.id);
    expect(r.inputs.map((i) => i.question)).toEqual(questions); // the inputs are echoed back in order
    expect(r.disclaimer).toBe(pathway.disclaimer);
    expect(r.content.version).toBe(pathway.version);
  });
});

describe('every complete consult (every combination of answers the machine takes)', () => {
  const items = new Set<string>();
  const pitfalls = new Set<string>();
  const unknowns = new Set<string>();
  let consults = 0;
  const sample: { entries: AnswerEntry[]; outcomeId: string }[] = [];
  forEachConsult((entries, step) => {
    if (step.kind !== 'outcome') return;
    consults++;
    const answers = answersOf(entries);
    for (const i of itemsFor(pathway, answers)) items.add(i.id);
    for (const p of pathway.pitfalls) if (p.when && holds(p.when, answers)) pitfalls.add(p.id);
    for (const u of pathway.unknowns) if (holds(u.when, answers)) unknowns.add(u.id);
    if (consults % 997 === 1) sample.push({ entries, outcomeId: step.outcomeId });
  });

  it('covers a large space of consults', () => {
    expect(consults).toBeGreaterThan(10000);
  });

  it('selects every advice item in the content for some consult', () => {
    expect(pathway.items.map((i) => i.id).filter((id) => !items.has(id))).toEqual([]);
  });

  it('gathers every case pitfall and lists every unknown for some consult', () => {
    expect(
      pathway.pitfalls
        .filter((p) => p.when)
        .map((p) => p.id)
        .filter((id) => !pitfalls.has(id)),
    ).toEqual([]);
    expect(pathway.unknowns.map((u) => u.id).filter((id) => !unknowns.has(id))).toEqual([]);
  });

  it('asks no question whose answers all lead to the same advice', () => {
    const deciding = new Set<QuestionId>();
    for (const { entries, outcomeId } of sample) {
      const base = advice(outcomeId, entries);
      for (const [i, e] of entries.entries()) {
        if (deciding.has(e.question)) continue;
        for (const other of caseModel[e.question].filter((v) => v !== e.answer)) {
          const changed = entries.map((x, j) => (j === i ? { ...x, answer: other } : x));
          const cf = complete(changed);
          if (advice(cf.outcomeId, cf.entries) !== base) {
            deciding.add(e.question);
            break;
          }
        }
      }
    }
    expect([...new Set(questionStates())].filter((q) => !deciding.has(q))).toEqual([]);
  });
});
