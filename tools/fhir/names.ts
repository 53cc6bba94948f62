import { computableName } from '../../src/view/fhir/vocabulary';

/**
 * The names of the PlanDefinition's variables (docs/fhir.md): what a consumer evaluates first, in order,
 * and what conditions name as `%name`. R4 types Expression.name as an id and FHIRPath reads `%name` only
 * as an identifier, so names are camelCase letters and digits, no separators. Rows count from 1, as the
 * tables of docs/pathway.md number them.
 */

/** The highest Breast GPA score the answers allow is `n` or less (`gpaAtMost1`, `gpaAtMost1Point5`). */
export const gpaVariable = (n: number): string => `gpaAtMost${String(n).replace('.', 'Point')}`;

/** Row `row` of a decision's table holds, its rule read as written (`localRow6`). */
export const rowVariable = (decision: string, row: number): string => `${decision}Row${row}`;

/**
 * Some row before `row` holds (`localBeforeRow6`): defined for rows 3 and later, each from the one
 * before, so no row is written twice. Before row 2 it is row 1 itself.
 */
export const beforeRowVariable = (decision: string, row: number): string => `${decision}BeforeRow${row}`;

/** The name that says some row before `row` holds; undefined before the first row (nothing is before it). */
export function earlierRows(decision: string, row: number): string | undefined {
  if (row <= 1) return undefined;
  return row === 2 ? rowVariable(decision, 1) : beforeRowVariable(decision, row);
}

/** The decision takes this value: a row giving it holds and no earlier row does (`localIsSrs`). */
export const valueVariable = (decision: string, value: string): string =>
  `${decision}Is${computableName(value)}`;
