import type { QuestionId, Answers } from '../../src/content/case-model';
import { highestScore } from '../../src/content/compile';
import { conditionRefs, holds } from '../../src/content/conditions';
import { answerRefs, type Rule } from '../../src/content/rules';
import type { Pathway } from '../../src/content/schema';
import { decisionActionId } from '../../tools/fhir/decision-actions';
import {
  beforeRowVariable,
  earlierRows,
  gpaVariable,
  rowVariable,
  valueVariable,
} from '../../tools/fhir/names';

/** The values of the variables already evaluated, by name. */
export type Env = Readonly<Record<string, boolean>>;

/**
 * What a name of the exported PlanDefinition means in the content's own terms: a function of the
 * answers it reads directly and of the earlier variables it names (its direct inputs), written from the
 * content, not from the export. The export's variable or condition of that name must agree with it on
 * every combination of those inputs (test/support/fhir-equality.ts).
 */
export interface Meaning {
  name: string;
  questions: readonly QuestionId[];
  variables: readonly string[];
  holds: (answers: Answers, env: Env) => boolean;
}

function valueOf(env: Env, name: string): boolean {
  const v = env[name];
  if (v === undefined) throw new Error(`no value for %${name}`);
  return v;
}

/**
 * A rule as written, with the values of the key decisions and GPA thresholds it names given: a decision
 * reference holds when one of the values it names holds, `gpaAtMost` when its threshold does.
 */
export function ruleHolds(r: Rule, answers: Answers, env: Env): boolean {
  if ('q' in r) return holds(r, answers);
  if ('decision' in r) return r.is.some((v) => valueOf(env, valueVariable(r.decision, v)));
  if ('gpaAtMost' in r) return valueOf(env, gpaVariable(r.gpaAtMost));
  if ('not' in r) return !ruleHolds(r.not, answers, env);
  if ('all' in r) return r.all.every((x) => ruleHolds(x, answers, env));
  return r.any.some((x) => ruleHolds(x, answers, env));
}

/** The variables a rule names: each decision value it names, each GPA threshold. */
function namedBy(r: Rule): string[] {
  if ('q' in r) return [];
  if ('decision' in r) return r.is.map((v) => valueVariable(r.decision, v));
  if ('gpaAtMost' in r) return [gpaVariable(r.gpaAtMost)];
  if ('not' in r) return namedBy(r.not);
  return ('all' in r ? r.all : r.any).flatMap(namedBy);
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** A rule as written, as a meaning: its answers and the decisions and thresholds it names are its inputs. */
function ruleMeaning(name: string, rule: Rule): Meaning {
  return {
    name,
    questions: unique(answerRefs(rule).map((c) => c.q)),
    variables: unique(namedBy(rule)),
    holds: (answers, env) => ruleHolds(rule, answers, env),
  };
}

/** The content's rules that the export writes: the rows of the key decisions, items, pitfalls with a rule. */
function exportedRules(content: Pathway): Rule[] {
  return [
    ...content.decisions.flatMap((d) => d.rows.flatMap((r) => (r.when ? [r.when] : []))),
    ...content.items.map((i) => i.rule),
    ...content.pitfalls.flatMap((p) => (p.rule ? [p.rule] : [])),
  ];
}

function thresholdsOf(r: Rule): number[] {
  if ('gpaAtMost' in r) return [r.gpaAtMost];
  if ('q' in r || 'decision' in r) return [];
  if ('not' in r) return thresholdsOf(r.not);
  return ('all' in r ? r.all : r.any).flatMap(thresholdsOf);
}

/**
 * The variables, with their meaning: each GPA threshold the rules name (the highest score the answers
 * allow, as the bot computes it, is at most that); for each key decision, each row's rule as written;
 * "some row before row k holds" (row 1 before row 2; before row k, some row before k − 1 or row k − 1);
 * and each value: a row giving it holds (the last row always does) and no row before it does, which is
 * how the first matching row wins.
 */
export function variableMeanings(content: Pathway): Meaning[] {
  const gpaQuestions = unique(
    content.gpa.factors.flatMap((f) => f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q))),
  );
  const thresholds = unique(exportedRules(content).flatMap(thresholdsOf));
  const gpa = thresholds.map(
    (n): Meaning => ({
      name: gpaVariable(n),
      questions: gpaQuestions,
      variables: [],
      holds: (answers) => highestScore(content.gpa, answers) <= n,
    }),
  );
  const decisions = content.decisions.flatMap((d) => {
    const last = d.rows.length;
    const rows = d.rows.flatMap((r, i) => (r.when ? [ruleMeaning(rowVariable(d.id, i + 1), r.when)] : []));
    const before = rows.slice(1).map((_, i): Meaning => {
      const k = i + 3;
      const inputs = [earlierRows(d.id, k - 1) as string, rowVariable(d.id, k - 1)];
      return {
        name: beforeRowVariable(d.id, k),
        questions: [],
        variables: inputs,
        holds: (_answers, env) => inputs.some((v) => valueOf(env, v)),
      };
    });
    const values = d.values.map((v): Meaning => {
      const giving = d.rows.flatMap((r, i) => (r.value === v.value ? [i + 1] : []));
      const wins = (row: number, env: Env) => {
        const earlier = earlierRows(d.id, row);
        return (row === last || valueOf(env, rowVariable(d.id, row))) && !(earlier && valueOf(env, earlier));
      };
      return {
        name: valueVariable(d.id, v.value),
        questions: [],
        variables: unique(
          giving.flatMap((row) => [
            ...(row === last ? [] : [rowVariable(d.id, row)]),
            ...(earlierRows(d.id, row) ? [earlierRows(d.id, row) as string] : []),
          ]),
        ),
        holds: (_answers, env) => giving.some((row) => wins(row, env)),
      };
    });
    return [...rows, ...before, ...values];
  });
  return [...gpa, ...decisions];
}

/**
 * The actions, with their meaning, by id: each value of a key decision applies when its variable holds;
 * each item, and each pitfall with a rule, when its rule as written holds.
 */
export function actionMeanings(content: Pathway): Meaning[] {
  const values = content.decisions.flatMap((d) =>
    d.values.map((v): Meaning => {
      const name = valueVariable(d.id, v.value);
      return {
        name: decisionActionId(d.id, v.value),
        questions: [],
        variables: [name],
        holds: (_answers, env) => valueOf(env, name),
      };
    }),
  );
  const statements = [
    ...content.items.map((i) => ruleMeaning(i.id, i.rule)),
    ...content.pitfalls.flatMap((p) => (p.rule ? [ruleMeaning(p.id, p.rule)] : [])),
  ];
  return [...values, ...statements];
}
