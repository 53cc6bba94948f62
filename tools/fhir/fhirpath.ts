import type { QuestionId } from '../../src/content/case-model';
import type { Rule } from '../../src/content/rules';
import { gpaVariable, valueVariable } from './names';

/**
 * Content rules as FHIRPath over a consult's QuestionnaireResponse (`%resource`), for the exported
 * Questionnaire's routing and the PlanDefinition's variables and conditions.
 *
 * Every expression this file writes is one boolean, never an empty collection: an answer test ends in
 * `.exists()`, so "unanswered" is `false` as in `holds` (src/content/conditions.ts), and `not()`,
 * `and`, `or` never meet FHIRPath's empty-collection logic, under which `{}.not()` is empty and a
 * negated rule over an unanswered question would be neither true nor false.
 */

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The answer to `q` is one of `values` (false when it is unanswered). */
export function answerIs(q: QuestionId, values: readonly string[]): string {
  const test =
    values.length === 1
      ? `code = ${quote(values[0] as string)}`
      : `code in (${values.map(quote).join(' | ')})`;
  return `%resource.item.where(linkId = ${quote(q)}).answer.value.where(${test}).exists()`;
}

/** Whether `e` has an `and` or `or` outside parentheses and quotes: then it needs them as an operand. */
function isCompound(e: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < e.length; i++) {
    const c = e[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === "'") quoted = false;
    } else if (c === "'") quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (e.startsWith(' and ', i) || e.startsWith(' or ', i))) return true;
  }
  return false;
}

const operand = (e: string) => (isCompound(e) ? `(${e})` : e);

export function allOf(parts: readonly string[]): string {
  if (!parts.length) return 'true';
  return parts.length === 1 ? (parts[0] as string) : parts.map(operand).join(' and ');
}

export function anyOf(parts: readonly string[]): string {
  if (!parts.length) return 'false';
  return parts.length === 1 ? (parts[0] as string) : parts.map(operand).join(' or ');
}

export function negation(e: string): string {
  return `${operand(e)}.not()`;
}

/**
 * A content rule as FHIRPath: the one translation, used for every rule the export writes (routes, the
 * key decisions' rows, items, pitfalls). A rule is translated as written: where it names a key decision
 * it reads the PlanDefinition's variable for each value it names (`%localIsSrs`), and where it names the
 * Breast GPA the variable for that threshold (`%gpaAtMost1`), both defined once (tools/fhir/
 * plan-variables.ts). So a condition reads like the content and stays small, where the rule compiled
 * for the bot repeats the rows of every decision it names. The last line only type-checks while every
 * kind of rule is handled.
 */
export function conditionExpression(r: Rule): string {
  if ('q' in r) return answerIs(r.q, r.is);
  if ('decision' in r) return anyOf(r.is.map((v) => `%${valueVariable(r.decision, v)}`));
  if ('gpaAtMost' in r) return `%${gpaVariable(r.gpaAtMost)}`;
  if ('not' in r) return negation(conditionExpression(r.not));
  if ('all' in r) return allOf(flat(r.all, 'all').map(conditionExpression));
  if ('any' in r) return anyOf(flat(r.any, 'any').map(conditionExpression));
  return untranslatable(r);
}

function untranslatable(r: never): never {
  throw new Error(`no FHIRPath translation for the rule ${JSON.stringify(r)}`);
}

/** Nested groups of the same kind read as one: (a and (b and c)) is a and b and c. */
function flat(parts: readonly Rule[], kind: 'all' | 'any'): Rule[] {
  return parts.flatMap((p) =>
    kind === 'all' && 'all' in p ? flat(p.all, kind) : kind === 'any' && 'any' in p ? flat(p.any, kind) : [p],
  );
}
