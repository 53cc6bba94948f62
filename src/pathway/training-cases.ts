import { createHash } from 'node:crypto';
import { caseModel } from '../content/case-model';
import type { Pathway } from '../content/schema';
import type { Training } from '../content/training-schema';
import { answerEvent, type AnswerEvent } from '../../machines/bcbm.machine';
import { advance, replay, stepOf } from '../../machines/step';
import { seeded } from './seeded';
import { caseKey, keyProblems, recommendationFor, type Entry } from './training-key';

export interface TrainingCase {
  id: string;
  answers: Entry[];
}

export interface CaseBank {
  generatedBy: string;
  contentVersion: string;
  trainingVersion: string;
  cases: TrainingCase[];
}

/** At least this many cases, so a learner meets each decision in several settings. */
export const minCases = 40;
/** Complete consults sampled from the statechart; the generator chooses among them. */
const walks = 3000;

/** A stable id: the same answers always make the same case id, whatever else changes in the bank. */
export function caseIdOf(answers: readonly Entry[]): string {
  const canonical = [...answers]
    .map((e) => `${e.question}=${e.answer}`)
    .sort()
    .join('&');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 6);
}

/** One complete consult: at every question the statechart asks, an answer drawn from the case model. */
function walk(random: () => number): Entry[] {
  let snapshot = replay([]).snapshot;
  const entries: Entry[] = [];
  for (;;) {
    const step = stepOf(snapshot);
    if (step.kind !== 'question') return entries;
    const values = caseModel[step.questionId] as readonly string[];
    const answer = values[Math.floor(random() * values.length)] as string;
    entries.push({ question: step.questionId, answer });
    snapshot = advance(snapshot, answerEvent(step.questionId, answer as never) as AnswerEvent);
  }
}

/** Distinct complete consults, in the stable order they were first drawn. */
export function candidateConsults(): Entry[][] {
  const random = seeded(20261201);
  const seen = new Set<string>();
  const out: Entry[][] = [];
  for (let i = 0; i < walks; i++) {
    const entries = walk(random);
    const id = caseIdOf(entries);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(entries);
  }
  return out;
}

/** What a case teaches: its outcome, each answer, each decision and the pathway's choice in it. */
export function featuresOf(content: Pathway, training: Training, entries: readonly Entry[]): string[] {
  const r = recommendationFor(content, entries);
  const key = caseKey(content, training, entries);
  return [
    `outcome:${r?.outcome.id ?? 'none'}`,
    ...entries.map((e) => `answer:${e.question}:${e.answer}`),
    ...key.map((k) => `decision:${k.decision.id}`),
    ...key.flatMap((k) => k.right.map((o) => `choice:${k.decision.id}:${o.value}`)),
  ];
}

/**
 * Chooses the bank: greedy set cover over the features of the sampled consults (cases whose key has a
 * problem are never chosen), in rounds, until every feature is covered in each round and there are at
 * least `minCases` cases. Ties go to the consult drawn first, so the choice is stable.
 */
export function generateCaseBank(content: Pathway, training: Training): CaseBank {
  const pool = candidateConsults()
    .filter((entries) => keyProblems(content, training, entries).length === 0)
    .map((entries) => ({ entries, features: featuresOf(content, training, entries) }));
  const chosen: typeof pool = [];
  const all = new Set(pool.flatMap((p) => p.features));
  let uncovered = new Set(all);
  while (chosen.length < minCases || uncovered.size > 0) {
    if (uncovered.size === 0) uncovered = new Set(all);
    let best: (typeof pool)[number] | undefined;
    let gain = 0;
    for (const p of pool) {
      if (chosen.includes(p)) continue;
      const g = p.features.filter((f) => uncovered.has(f)).length;
      if (g > gain) [best, gain] = [p, g];
    }
    if (!best) {
      // What is left uncovered is only in cases already chosen: the bank is done once it is big
      // enough; otherwise start the next round.
      if (chosen.length >= minCases || uncovered.size === all.size) break;
      uncovered = new Set(all);
      continue;
    }
    chosen.push(best);
    best.features.forEach((f) => uncovered.delete(f));
  }
  return {
    generatedBy: 'npm run train:cases (src/pathway/training-cases.ts); do not edit by hand',
    contentVersion: content.version,
    trainingVersion: training.version,
    cases: chosen.map((p) => ({ id: caseIdOf(p.entries), answers: p.entries })),
  };
}
