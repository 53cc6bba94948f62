import type { Rule } from '../../src/content/rules';
import type { CompiledDecision, Pathway } from '../../src/content/schema';
import { allOf, anyOf, conditionExpression, negation } from './fhirpath';
import { gpaExpression } from './gpa';
import { beforeRowVariable, earlierRows, gpaVariable, rowVariable, valueVariable } from './names';
import { statementsOf } from './statements';

/** A named FHIRPath expression of the PlanDefinition: one boolean, defined from the answers and earlier ones. */
export interface PlanVariable {
  name: string;
  expression: string;
}

/** The GPA thresholds a rule names. */
function gpaThresholds(r: Rule): number[] {
  if ('gpaAtMost' in r) return [r.gpaAtMost];
  if ('q' in r || 'decision' in r) return [];
  if ('not' in r) return gpaThresholds(r.not);
  return ('all' in r ? r.all : r.any).flatMap(gpaThresholds);
}

/**
 * One key decision's table as variables, in the order they are used: each row's rule as written
 * (`localRow6`), then "some row before this one holds" (`localBeforeRow6`, each from the one before,
 * so no row is repeated), then each value (`localIsSrs`): a row giving it holds and no earlier row
 * does, the last row where no earlier one holds. First matching row wins, as in `decide`
 * (src/pathway/recommend.ts).
 */
function decisionVariables(d: CompiledDecision): PlanVariable[] {
  const last = d.rows.length;
  const rows = d.rows.flatMap((r, i) =>
    r.when ? [{ name: rowVariable(d.id, i + 1), expression: conditionExpression(r.when) }] : [],
  );
  const before: PlanVariable[] = [];
  for (let k = 3; k <= last; k++)
    before.push({
      name: beforeRowVariable(d.id, k),
      expression: anyOf([`%${earlierRows(d.id, k - 1)}`, `%${rowVariable(d.id, k - 1)}`]),
    });
  const wins = (row: number) => {
    const earlier = earlierRows(d.id, row);
    const notEarlier = earlier ? [negation(`%${earlier}`)] : [];
    return allOf(row === last ? notEarlier : [`%${rowVariable(d.id, row)}`, ...notEarlier]);
  };
  const values = d.values.map((v) => ({
    name: valueVariable(d.id, v.value),
    expression: anyOf(d.rows.flatMap((r, i) => (r.value === v.value ? [wins(i + 1)] : []))),
  }));
  return [...rows, ...before, ...values];
}

/**
 * The PlanDefinition's variables, in dependency order: one per Breast GPA threshold the exported rules
 * use, then each key decision in the content's order (a row may name an earlier decision). Item and
 * pitfall conditions, and the rows, name them as `%name` (tools/fhir/fhirpath.ts).
 */
export function planVariables(content: Pathway): PlanVariable[] {
  const rules = [
    ...content.decisions.flatMap((d) => d.rows.flatMap((r) => (r.when ? [r.when] : []))),
    ...statementsOf(content).map((s) => s.rule),
  ];
  const thresholds = [...new Set(rules.flatMap(gpaThresholds))].sort((a, b) => a - b);
  return [
    ...thresholds.map((n) => ({ name: gpaVariable(n), expression: gpaExpression(content.gpa, n) })),
    ...content.decisions.flatMap(decisionVariables),
  ];
}
