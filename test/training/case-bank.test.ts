import { readFileSync } from 'node:fs';
import { pathway } from '../../src/content';
import { training as trainingInput } from '../../src/content/bcbm/training';
import { training } from '../../src/content/training-content';
import { decisionIds, loadTraining, type TrainingOption } from '../../src/content/training-schema';
import { buildRecommendation } from '../../src/pathway/recommend';
import { loadCases } from '../../src/pathway/training-bank';
import { candidateConsults, caseIdOf, minCases } from '../../src/pathway/training-cases';
import { keyProblems, type Entry } from '../../src/pathway/training-key';
import { replay, stepOf } from '../../machines/step';
import { caseBankJson, caseBankPath } from '../../tools/train-cases';

const bank = JSON.parse(readFileSync(caseBankPath, 'utf8')) as { cases: { id: string; answers: Entry[] }[] };
const cases = loadCases(pathway, training);

/** The consult's own recommendation for a case, built here directly from the statechart's outcome. */
function consultItems(answers: Entry[], pendingImaging = false): Set<string> {
  const entries = pendingImaging
    ? [
        ...answers.slice(
          0,
          answers.findIndex((e) => e.question === 'imagingResult'),
        ),
        { question: 'imagingResult' as const, answer: 'pending' },
      ]
    : answers;
  const step = stepOf(replay(entries).snapshot);
  if (step.kind !== 'outcome') throw new Error(`answers do not finish a consult: ${JSON.stringify(entries)}`);
  const r = buildRecommendation(pathway, step.outcomeId, entries);
  return new Set(r.sections.flatMap((s) => s.items.map((i) => i.id)));
}

const itemSets = (o: TrainingOption) =>
  o.signifiedBy && 'items' in o.signifiedBy ? o.signifiedBy.items : [];

describe('the training case bank (generated from the statechart, never hand-edited)', () => {
  it('is what `npm run train:cases` writes now', () => {
    expect(readFileSync(caseBankPath, 'utf8')).toBe(caseBankJson());
  });

  it(`has at least ${minCases} cases with stable, unique ids (a hash of the answers)`, () => {
    expect(bank.cases.length).toBeGreaterThanOrEqual(minCases);
    expect(new Set(bank.cases.map((c) => c.id)).size).toBe(bank.cases.length);
    for (const c of bank.cases) expect(c.id).toBe(caseIdOf(c.answers));
  });

  it('holds complete consults only: every answer is taken and each ends in a recommendation', () => {
    for (const c of bank.cases) {
      const r = replay(c.answers);
      expect({ id: c.id, dropped: r.dropped, step: stepOf(r.snapshot).kind }).toEqual({
        id: c.id,
        dropped: [],
        step: 'outcome',
      });
    }
  });

  it('covers every outcome, every emergency branch, every decision type and every option that can be right', () => {
    const outcomes = new Set(
      bank.cases.map((c) => (stepOf(replay(c.answers).snapshot) as { outcomeId: string }).outcomeId),
    );
    expect([...outcomes].sort()).toEqual(pathway.outcomes.map((o) => o.id).sort());
    const redFlags = new Set(bank.cases.map((c) => c.answers.find((e) => e.question === 'redFlags')?.answer));
    expect([...redFlags].sort()).toEqual(
      [...(pathway.questions.find((q) => q.id === 'redFlags')?.options.map((o) => o.value) ?? [])].sort(),
    );
    const right = new Set(
      cases.flatMap((c) => c.decisions.map((k) => `${k.decision.id}:${k.right[0]?.value}`)),
    );
    const canBeRight = training.decisions.flatMap((d) =>
      d.options.filter((o) => o.signifiedBy).map((o) => `${d.id}:${o.value}`),
    );
    expect(canBeRight.filter((o) => !right.has(o))).toEqual([]);
  });

  it('keys every case from the consult: exactly one option is right, and it is what the consult recommends', () => {
    const wrong: string[] = [];
    for (const c of bank.cases) {
      wrong.push(...keyProblems(pathway, training, c.answers).map((p) => `case ${c.id}: ${p}`));
      const played = cases.find((x) => x.id === c.id);
      for (const k of played?.decisions ?? []) {
        const option = k.right[0] as TrainingOption;
        const s = option.signifiedBy;
        if (s && 'gpaBandFrom' in s) {
          const step = stepOf(replay(c.answers).snapshot) as { outcomeId: string };
          const bands = buildRecommendation(pathway, step.outcomeId, c.answers).prognosis?.bands ?? [];
          if (bands.length !== 1 || bands[0]?.min !== s.gpaBandFrom)
            wrong.push(
              `case ${c.id}: ${k.decision.id} = ${option.value} but the consult gives bands from ${bands.map((b) => b.min)}`,
            );
          continue;
        }
        if (s && 'decision' in s) {
          // Independently of the key: the consult's own key decision, read from its recommendation.
          const step = stepOf(replay(c.answers).snapshot) as { outcomeId: string };
          const made = buildRecommendation(pathway, step.outcomeId, c.answers).decisions.find(
            (d) => d.id === s.decision,
          );
          if (!made || !s.is.includes(made.value))
            wrong.push(
              `case ${c.id}: ${k.decision.id} = ${option.value} but the consult decides ${made?.value}`,
            );
          continue;
        }
        // Independently of the key: the most specific option whose items the consult all recommends.
        const items = consultItems(c.answers, k.decision.source === 'interim');
        const matchScore = (o: TrainingOption) =>
          Math.max(
            -1,
            ...itemSets(o)
              .filter((set) => set.every((i) => items.has(i)))
              .map((set) => set.length),
          );
        if (matchScore(option) < 0)
          wrong.push(
            `case ${c.id}: ${k.decision.id} = ${option.value}, whose items the consult does not recommend`,
          );
        for (const other of k.decision.options.filter(
          (o) => o !== option && matchScore(o) >= matchScore(option),
        ))
          wrong.push(
            `case ${c.id}: ${k.decision.id}: ${other.value} fits the consult as well as ${option.value}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves no sampled consult with a decision that has no single right option (the test names it)', () => {
    const problems = candidateConsults().flatMap((e) => keyProblems(pathway, training, e));
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('describes each case from the answers, naming the case id, with nothing left blank', () => {
    for (const c of cases) {
      expect(c.description.opening).toMatch(new RegExp(`^Case ${c.id}\\. A woman`));
      expect(`${c.description.opening} ${c.description.findings}`).not.toMatch(/undefined|\{|\}/);
      expect(c.decisions.length).toBeGreaterThanOrEqual(2);
    }
    const sample = cases.find((c) => c.description.opening.includes('HR-positive, HER2-positive'));
    expect(sample?.description.opening).toMatch(
      /A woman in her (forties|fifties|sixties|seventies) with HR-positive, HER2-positive breast cancer/,
    );
  });
});

describe('the training content', () => {
  it('gives every option a label, a one-line explanation and a citation', () => {
    for (const d of training.decisions)
      for (const o of d.options) {
        expect(o.label.trim()).not.toBe('');
        expect(o.explanation).not.toMatch(/\n/);
        expect(o.refs.length).toBeGreaterThan(0);
        for (const r of o.refs) expect(pathway.citations.map((c) => c.id)).toContain(r.citation);
      }
  });

  it('has a harmful option, with why, for every decision type where a harm exists', () => {
    // Every decision but the prognosis band (all bands are estimates) and follow-up (a missed scan is suboptimal).
    const harmExists = decisionIds.filter((id) => id !== 'prognosis' && id !== 'followUp');
    for (const id of harmExists) {
      const harmful =
        training.decisions.find((d) => d.id === id)?.options.filter((o) => o.tag?.kind === 'harmful') ?? [];
      expect({ id, harmful: harmful.length > 0 }).toEqual({ id, harmful: true });
      for (const o of harmful) expect(o.tag?.why.length).toBeGreaterThan(10);
    }
    const named = training.decisions.flatMap((d) =>
      d.options.filter((o) => o.tag?.kind === 'harmful').map((o) => o.label),
    );
    expect(named).toEqual(
      expect.arrayContaining([
        'Non-contrast CT head alone',
        'Start phenytoin',
        'Radiosurgery plus whole-brain radiotherapy',
      ]),
    );
  });

  it('refuses a dangling citation or item id, naming the option', () => {
    const broken = structuredClone(trainingInput);
    const steroids = broken.decisions.find((d) => d.id === 'steroids');
    steroids!.options[1]!.refs = [{ citation: 'nope2099' }];
    steroids!.options[2]!.signifiedBy = { items: [['noSuchItem']] };
    expect(() => loadTraining(broken, pathway)).toThrow(
      /decision "steroids" option "lowDose": unknown citation "nope2099"/,
    );
    expect(() => loadTraining(broken, pathway)).toThrow(
      /decision "steroids" option "none": unknown item id "noSuchItem"/,
    );
  });

  it('refuses a never-right option without a harmful or suboptimal tag', () => {
    const broken = structuredClone(trainingInput);
    delete broken.decisions[0]!.options.find((o) => o.value === 'lumbarPuncture')!.tag;
    expect(() => loadTraining(broken, pathway)).toThrow(/must be tagged harmful or suboptimal/);
  });
});
