import { z } from 'zod';
import { isQuestionId, type Answers, type QuestionId } from './case-model';

/** A rule over the answers: true when the answer to `q` is one of `is`; unanswered is never a match. */
export type Condition =
  | { q: QuestionId; is: readonly string[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      q: z.string().refine(isQuestionId, { error: 'unknown question id' }),
      is: z.array(z.string()).min(1),
    }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
) as z.ZodType<Condition>;

export function conditionRefs(c: Condition): { q: QuestionId; is: readonly string[] }[] {
  if ('q' in c) return [c];
  if ('not' in c) return conditionRefs(c.not);
  return ('all' in c ? c.all : c.any).flatMap(conditionRefs);
}

/** Whether a content rule holds for these answers. An unanswered question never matches. */
export function holds(c: Condition, answers: Answers): boolean {
  if ('q' in c) {
    const a = answers[c.q];
    return a !== undefined && c.is.includes(a);
  }
  if ('not' in c) return !holds(c.not, answers);
  // Loops, not every/some: this runs for every item on every turn, and closures are garbage.
  if ('all' in c) {
    for (const x of c.all) if (!holds(x, answers)) return false;
    return true;
  }
  for (const x of c.any) if (holds(x, answers)) return true;
  return false;
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
