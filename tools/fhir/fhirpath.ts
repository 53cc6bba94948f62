import type { QuestionId } from '../../src/content/case-model';
import type { Condition } from '../../src/content/schema';

/**
 * Content rules as FHIRPath over a consult's QuestionnaireResponse (`%resource`), for the exported
 * Questionnaire's routing and the PlanDefinition's conditions.
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
 * A content Condition as FHIRPath: the one translation, used for every rule the export writes.
 *
 * Content 3.0 adds key decisions (ordered rule tables, first matching row wins) and conditions on a
 * decision's value. Such a condition becomes one more case here, and the compiler asks for it: the
 * last line only type-checks while every kind of Condition is handled. The intended translation
 * expands the decision into its rows' answer conditions, "row i holds and no earlier row does" for each
 * row whose value is tested, and translates that Condition with this same function, so every
 * expression stays a self-contained test of the answers that the exhaustive test can check consult by
 * consult. (The other way, a named expression per decision, needs FHIR's `variable` extension, which
 * R4 defines for Questionnaires but not for PlanDefinitions.)
 */
export function conditionExpression(c: Condition): string {
  if ('q' in c) return answerIs(c.q, c.is);
  if ('not' in c) return negation(conditionExpression(c.not));
  if ('all' in c) return allOf(flat(c.all, 'all').map(conditionExpression));
  if ('any' in c) return anyOf(flat(c.any, 'any').map(conditionExpression));
  return untranslatable(c);
}

function untranslatable(c: never): never {
  throw new Error(`no FHIRPath translation for the condition ${JSON.stringify(c)}`);
}

/** Nested groups of the same kind read as one: (a and (b and c)) is a and b and c. */
function flat(parts: readonly Condition[], kind: 'all' | 'any'): Condition[] {
  return parts.flatMap((p) =>
    kind === 'all' && 'all' in p ? flat(p.all, kind) : kind === 'any' && 'any' in p ? flat(p.any, kind) : [p],
  );
}
