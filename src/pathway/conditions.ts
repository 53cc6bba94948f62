import type { Answers, QuestionId } from '../content/case-model';
import type { Condition } from '../content/schema';

/** Whether a content rule holds for these answers. An unanswered question never matches. */
export function holds(c: Condition, answers: Answers): boolean {
  if ('q' in c) {
    const a = answers[c.q];
    return a !== undefined && c.is.includes(a);
  }
  if ('not' in c) return !holds(c.not, answers);
  if ('all' in c) return c.all.every((x) => holds(x, answers));
  return c.any.some((x) => holds(x, answers));
}

export interface Trigger {
  question: QuestionId;
  answer: string;
}

/** The answers that made a rule hold: the matching positive clauses (not those under a `not`). */
export function triggersOf(c: Condition, answers: Answers): Trigger[] {
  if (!holds(c, answers)) return [];
  if ('q' in c) return [{ question: c.q, answer: answers[c.q] as string }];
  if ('not' in c) return [];
  const parts = 'all' in c ? c.all : c.any;
  const found = parts.flatMap((x) => triggersOf(x, answers));
  return found.filter((t, i) => found.findIndex((u) => u.question === t.question) === i);
}
