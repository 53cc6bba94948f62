import type { QuestionId } from '../../src/content/case-model';
import { pathway } from '../../src/content';
import { buildRecommendation, type AnswerEntry, type Recommendation } from '../../src/pathway/recommend';
import { replay, stepOf } from '../../machines/step';
import { seeded } from '../../src/pathway/seeded';

/** A small seeded generator (mulberry32), so that a failure names a case that can be run again. */
export { seeded };

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
