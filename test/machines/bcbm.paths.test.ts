import { pathway } from '../../src/content';
import { caseModel, type QuestionId } from '../../src/content/case-model';
import { holds } from '../../src/content/conditions';
import { buildRecommendation, type AnswerEntry } from '../../src/pathway/recommend';
import { bcbmMachine } from '../../machines/bcbm.machine';
import { replay, stepOf } from '../../machines/step';
import { consultsOf, generatePaths, routingQuestions, witness } from '../support/paths';

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

describe('every path through the statechart (generated from the machine graph)', () => {
  it('generates paths that together ask every question the machine has', () => {
    expect(paths.length).toBeGreaterThan(200);
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
      [
        'scenario',
        'redFlags',
        'imagingResult',
        'massEffect',
        'largestLesion',
        'lesionCount',
        'progressionSite',
        'priorBrainTreatment',
        'kps',
        'her2',
        'systemicTherapy',
      ].sort(),
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

describe('every complete consult (each path stands for all the answers that take its route)', () => {
  const reachable = (when: Parameters<typeof holds>[0]) => paths.some((p) => witness(p, when));

  it('covers every consult the machine takes', () => {
    expect(paths.reduce((n, p) => n + consultsOf(p), 0)).toBeGreaterThan(1_000_000);
  });

  it('selects every advice item in the content for some consult', () => {
    expect(pathway.items.filter((i) => !reachable(i.when)).map((i) => i.id)).toEqual([]);
  });

  it('gathers every case pitfall and lists every unknown for some consult', () => {
    expect(pathway.pitfalls.filter((p) => p.when && !reachable(p.when)).map((p) => p.id)).toEqual([]);
    expect(pathway.unknowns.filter((u) => !reachable(u.when)).map((u) => u.id)).toEqual([]);
  });

  it('asks no question whose answers all lead to the same advice', () => {
    // Several consults per path: the first answers, and every single other value of each question.
    const deciding = new Set<QuestionId>();
    for (const path of paths) {
      const entries = path.entries;
      const base = advice(path.outcomeId, entries);
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
