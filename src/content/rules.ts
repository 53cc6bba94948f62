import { z } from 'zod';
import { Condition } from './conditions';
import { isQuestionId, type Answers, type QuestionId } from './case-model';

/**
 * A rule as the content's authors write it: a condition over the answers that may also name one of the
 * plan's key decisions ("when local treatment is radiosurgery") or the Breast GPA ("the highest score the
 * answers allow is 1 or less"). Every rule is compiled once, at load, into a plain Condition over the
 * answers (src/content/compile.ts), so the recommendation, the tests over every consult and the FHIR
 * export all read one kind of condition; the rule as written is kept for the review copy.
 */
export type Rule =
  | { q: QuestionId; is: readonly string[] }
  | { decision: string; is: readonly string[] }
  | { gpaAtMost: number }
  | { all: readonly Rule[] }
  | { any: readonly Rule[] }
  | { not: Rule };

export const Rule: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({
      q: z.string().refine(isQuestionId, { error: 'unknown question id' }),
      is: z.array(z.string()).min(1),
    }),
    z.strictObject({ decision: z.string().min(1), is: z.array(z.string()).min(1) }),
    z.strictObject({ gpaAtMost: z.number().min(0) }),
    z.strictObject({ all: z.array(Rule).min(1) }),
    z.strictObject({ any: z.array(Rule).min(1) }),
    z.strictObject({ not: Rule }),
  ]),
) as z.ZodType<Rule>;

/** The decisions a rule names, with the values it names. */
export function decisionRefs(r: Rule): { decision: string; is: readonly string[] }[] {
  if ('decision' in r) return [r];
  if ('q' in r || 'gpaAtMost' in r) return [];
  if ('not' in r) return decisionRefs(r.not);
  return ('all' in r ? r.all : r.any).flatMap(decisionRefs);
}

/** The answer conditions a rule names directly (not those inside the decisions it names). */
export function answerRefs(r: Rule): { q: QuestionId; is: readonly string[] }[] {
  if ('q' in r) return [r];
  if ('decision' in r || 'gpaAtMost' in r) return [];
  if ('not' in r) return answerRefs(r.not);
  return ('all' in r ? r.all : r.any).flatMap(answerRefs);
}

/** An answer that leaves a GPA factor open: "unknown", or one the factor declares (e.g. not staged). */
export function isGpaUnknown(f: { unknown: readonly string[] }, value: string | undefined): boolean {
  return value === undefined || value === 'unknown' || f.unknown.includes(value);
}

/** Whether a rule is already a plain condition over the answers. */
export function isPlain(r: Rule): r is Condition {
  return decisionRefs(r).length === 0 && !hasGpa(r);
}

function hasGpa(r: Rule): boolean {
  if ('gpaAtMost' in r) return true;
  if ('q' in r || 'decision' in r) return false;
  if ('not' in r) return hasGpa(r.not);
  return ('all' in r ? r.all : r.any).some(hasGpa);
}

// Constants while compiling: `all` of nothing holds, `any` of nothing does not. They are folded away
// (a compiled rule is never constant: the content check refuses one that always or never holds).
export const always: Condition = { all: [] };
export const never: Condition = { any: [] };
const isAlways = (c: Condition) => 'all' in c && c.all.length === 0;
const isNever = (c: Condition) => 'any' in c && c.any.length === 0;

export function and(parts: readonly Condition[]): Condition {
  const kept: Condition[] = [];
  for (const p of parts) {
    if (isNever(p)) return never;
    if (isAlways(p)) continue;
    kept.push(...('all' in p ? p.all : [p]));
  }
  return kept.length === 1 ? (kept[0] as Condition) : { all: kept };
}

export function or(parts: readonly Condition[]): Condition {
  const kept: Condition[] = [];
  for (const p of parts) {
    if (isAlways(p)) return always;
    if (isNever(p)) continue;
    kept.push(...('any' in p ? p.any : [p]));
  }
  return kept.length === 1 ? (kept[0] as Condition) : { any: kept };
}

export function negate(c: Condition): Condition {
  if (isAlways(c)) return never;
  if (isNever(c)) return always;
  return 'not' in c ? c.not : { not: c };
}

/** Whether a compiled condition is a constant (it always holds, or never does). */
export function constantOf(c: Condition): boolean | undefined {
  return isAlways(c) ? true : isNever(c) ? false : undefined;
}

/**
 * A predicate over a few questions as a condition: a decision tree over their answers (each question's
 * values, and "not answered"), with the values that lead to the same subtree grouped. Used for the GPA,
 * whose rule is a sum over several questions and not a condition an author would write by hand.
 */
export function tabulate(
  questions: readonly { q: QuestionId; values: readonly string[] }[],
  predicate: (answers: Answers) => boolean,
): Condition {
  const build = (i: number, answers: Answers): Condition => {
    if (i === questions.length) return predicate(answers) ? always : never;
    const { q, values } = questions[i] as { q: QuestionId; values: readonly string[] };
    const branches = new Map<string, { values: string[]; unanswered: boolean; c: Condition }>();
    for (const v of [...values, undefined]) {
      const c = build(i + 1, { ...answers, [q]: v } as Answers);
      const key = JSON.stringify(c);
      const b = branches.get(key) ?? { values: [], unanswered: false, c };
      if (v === undefined) b.unanswered = true;
      else b.values.push(v);
      branches.set(key, b);
    }
    if (branches.size === 1) return [...branches.values()][0]!.c;
    // Each branch: the question takes one of its values (or, for the unanswered branch, none of the others).
    const parts = [...branches.values()].map((b) => {
      const answered: Condition = { q, is: b.values };
      const chosen = b.unanswered ? negate({ q, is: values.filter((v) => !b.values.includes(v)) }) : answered;
      return and([chosen, b.c]);
    });
    return or(parts);
  };
  return build(0, {});
}
