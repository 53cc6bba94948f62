import type { QuestionId } from '../../src/content/case-model';
import { pathway } from '../../src/content';
import { buildRecommendation, type AnswerEntry, type Recommendation } from '../../src/pathway/recommend';
import { replay, stepOf } from '../../machines/step';

/** A small seeded generator (mulberry32), so that a failure names a case that can be run again. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Walked {
  answers: AnswerEntry[];
  recommendation: Recommendation;
}

/** One consult through the real statechart, each question answered with a random option, to its recommendation. */
export function randomConsult(rand: () => number, by?: string): Walked {
  const answers: AnswerEntry[] = [];
  for (;;) {
    const step = stepOf(replay(answers).snapshot);
    if (step.kind === 'outcome')
      return { answers, recommendation: buildRecommendation(pathway, step.outcomeId, answers) };
    const question = pathway.questions.find((q) => q.id === step.questionId)!;
    const option = question.options[Math.floor(rand() * question.options.length)]!;
    answers.push({ question: step.questionId as QuestionId, answer: option.value, ...(by ? { by } : {}) });
  }
}
