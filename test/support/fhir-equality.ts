import type { PlanDefinition, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { caseModel, type QuestionId } from '../../src/content/case-model';
import type { Pathway } from '../../src/content/schema';
import { answersFrom, recommendationFor } from '../../src/pathway/recommend';
import { consultResponse } from '../../src/view/fhir/consult';
import { canonical, extensions } from '../../src/view/fhir/vocabulary';
import { decisionActionId } from '../../tools/fhir/decision-actions';
import { valueVariable } from '../../tools/fhir/names';
import { outcomeLinkId } from '../../tools/fhir/questionnaire';
import { codesOf, evaluateInOrder, formEvaluator, planExpressions, type ExportedExpression } from './fhir';
import { forEachConsult, routingQuestions, type GeneratedPath } from './paths';
import { actionMeanings, variableMeanings, type Env, type Meaning } from './plan-semantics';

type Entry = { question: QuestionId; answer: string };

export interface Checked {
  /** What differs, with a consult that shows it (the first few). */
  mismatches: string[];
  /** Consults visited, and the distinct inputs evaluated with FHIRPath. */
  consults: number;
  evaluated: number;
}

const show = (log: readonly Entry[]) =>
  log.map((e) => `${e.question}=${e.answer}`).join(' ') || '(no answers)';
/** The same ids, in any order (neither side repeats an id). */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const inA = new Set(a);
  return b.every((x) => inA.has(x));
}
const tooMany = 20;

/**
 * What a consult recommends, as action ids: the value of each key decision (`decision.local.srs`), the
 * items the recommendation shows and the pitfalls it gathers.
 */
function recommended(content: Pathway, outcome: string, log: readonly Entry[]): string[] {
  const r = recommendationFor(content, outcome, log);
  return [
    ...r.decisions.map((d) => decisionActionId(d.id, d.value)),
    ...r.sections.flatMap((s) => s.items.map((i) => i.id)),
    ...r.pitfalls.map((p) => p.id),
  ];
}

/** What a response's recommendation extension lists, as action ids (a decision's value by its code system). */
function listed(content: Pathway, response: QuestionnaireResponse): string[] {
  const r = response.extension?.find((e) => e.url === extensions.recommendation);
  const decisionOf = new Map(content.decisions.map((d) => [canonical.decision(content.id, d.id), d.id]));
  return (r?.extension ?? []).flatMap((e) => {
    if (e.url === 'item' || e.url === 'pitfall') return [e.valueCode as string];
    const d = decisionOf.get(e.valueCoding?.system ?? '');
    return e.url === 'decision' && d ? [decisionActionId(d, e.valueCoding?.code as string)] : [];
  });
}

/**
 * (c) The export against the consult, consult by consult: every consult the statechart allows that
 * differs in an answer its guards read (every path, every combination of those answers; the other
 * answers cannot change which questions are asked), and every step of it. At each step the form enables
 * the questions asked so far and the next one; at the end the questions asked and the outcome's display
 * item. Then, with the PlanDefinition's variables evaluated in order on the finished response, the value
 * variables that hold are the recommendation's key decisions, one value each, and the actions that apply
 * are those values, the items the recommendation shows and the pitfalls it gathers: which is also what
 * the response's recommendation extension lists.
 */
export function consultMismatches(
  content: Pathway,
  form: Questionnaire,
  plan: PlanDefinition,
  paths: GeneratedPath[],
): Checked {
  const enabled = formEvaluator(form);
  const { variables, actions } = planExpressions(plan);
  const values = content.decisions.flatMap((d) =>
    d.values.map((v) => ({ name: valueVariable(d.id, v.value), is: `${d.id}=${v.value}` })),
  );
  const out: Checked = { mismatches: [], consults: 0, evaluated: 0 };
  const fail = (m: string) => out.mismatches.length < tooMany && out.mismatches.push(m);
  const seen = new Set<string>();
  forEachConsult(
    new Set(routingQuestions()),
    (entries, step) => {
      out.consults++;
      const outcome = step.kind === 'outcome' ? step.outcomeId : '(none)';
      for (let k = 0; k <= entries.length; k++) {
        const log = entries.slice(0, k);
        const done = k === entries.length;
        const key = `${show(log)}${done ? ` → ${outcome}` : ''}`;
        if (seen.has(key)) continue; // a step that consults share is checked once
        seen.add(key);
        out.evaluated++;
        const response = consultResponse(content, {
          contentVersion: content.version,
          log,
          ...(done ? { outcome } : {}),
        });
        const want = [
          ...log.map((e) => e.question),
          done ? outcomeLinkId(outcome) : (entries[k] as Entry).question,
        ];
        const got = enabled(response);
        if (!sameSet(got, want))
          fail(`after ${key}: the form enables [${got.join(', ')}], the consult asks [${want.join(', ')}]`);
        if (!done) continue;
        const codes = codesOf(response);
        const env = evaluateInOrder(variables, response, codes);
        const held = values.filter((v) => env[v.name]).map((v) => v.is);
        const made = recommendationFor(content, outcome, log).decisions.map((d) => `${d.id}=${d.value}`);
        if (!sameSet(held, made))
          fail(
            `${key}: the value variables that hold are [${held.join(', ')}], the decisions [${made.join(', ')}]`,
          );
        const applies = [...actions]
          .filter(([, test]) => test.evaluate(response, codes, env))
          .map(([id]) => id);
        const shown = recommended(content, outcome, log);
        if (!sameSet(applies, shown))
          fail(
            `${key}: the actions that apply are [${applies.join(', ')}], the recommendation shows [${shown.join(', ')}]`,
          );
        const lists = listed(content, response);
        if (!sameSet(lists, shown))
          fail(
            `${key}: the response lists [${lists.join(', ')}], the recommendation shows [${shown.join(', ')}]`,
          );
      }
    },
    paths,
  );
  return out;
}

/** Every answer set of these questions, "unanswered" included for each. */
function answerSets(questions: readonly QuestionId[]): Entry[][] {
  return questions.reduce<Entry[][]>(
    (all, q) =>
      all.flatMap((log) => [log, ...caseModel[q].map((answer) => [...log, { question: q, answer }])]),
    [[]],
  );
}

/** Every assignment of true and false to these variables. */
function assignments(names: readonly string[]): Env[] {
  return names.reduce<Env[]>(
    (all, n) =>
      all.flatMap((env) => [
        { ...env, [n]: false },
        { ...env, [n]: true },
      ]),
    [{}],
  );
}

const showEnv = (env: Env) =>
  Object.entries(env)
    .map(([n, v]) => `%${n}=${v}`)
    .join(' ');

/**
 * Exported expressions against their meanings, one by one: each must read exactly the inputs its meaning
 * reads (answers and earlier variables), and agree with it on every combination of them, unanswered
 * questions and combinations no consult can reach included. The expression is evaluated by the `fhirpath`
 * package on a real response with the variables given as environment variables.
 */
function againstMeanings(
  content: Pathway,
  exported: ReadonlyMap<string, ExportedExpression>,
  meanings: readonly Meaning[],
  kind: string,
  only?: readonly string[],
): Checked {
  const out: Checked = { mismatches: [], consults: 0, evaluated: 0 };
  const fail = (m: string) => out.mismatches.length < tooMany && out.mismatches.push(m);
  const names = meanings.map((m) => m.name);
  if (!sameSet([...exported.keys()], names))
    fail(`${kind} [${[...exported.keys()].join(', ')}] are not the content's [${names.join(', ')}]`);
  for (const m of meanings) {
    const test = exported.get(m.name);
    if (!test || (only && !only.includes(m.name))) continue;
    if (!sameSet(test.linkIds, m.questions) || !sameSet(test.variables, m.variables)) {
      fail(
        `${m.name}: reads [${[...test.linkIds, ...test.variables.map((v) => `%${v}`)].join(', ')}], ` +
          `its meaning reads [${[...m.questions, ...m.variables.map((v) => `%${v}`)].join(', ')}]`,
      );
      continue;
    }
    const envs = assignments(m.variables);
    for (const log of answerSets(m.questions)) {
      const response = consultResponse(content, { contentVersion: content.version, log });
      const codes = codesOf(response);
      const answers = answersFrom(log);
      for (const env of envs) {
        out.evaluated++;
        const got = test.evaluate(response, codes, env);
        const want = m.holds(answers, env);
        if (got !== want)
          fail(
            `${m.name}: the export gives ${got}, the content ${want}, for ${show(log)} ${showEnv(env)}`.trim(),
          );
      }
    }
  }
  return out;
}

/**
 * (a) Each variable of the PlanDefinition against its meaning (test/support/plan-semantics.ts), over every
 * combination of its direct inputs (or only the variables named); and each variable names only
 * variables defined before it.
 */
export function variableMismatches(
  content: Pathway,
  plan: PlanDefinition,
  only?: readonly string[],
): Checked {
  const { variables } = planExpressions(plan);
  const defined = new Set<string>();
  const order: string[] = [];
  for (const v of variables) {
    const early = v.test.variables.filter((n) => !defined.has(n));
    if (early.length)
      order.push(`${v.name} names ${early.map((n) => `%${n}`).join(', ')} before it is defined`);
    if (defined.has(v.name)) order.push(`${v.name} is defined twice`);
    defined.add(v.name);
  }
  const checked = againstMeanings(
    content,
    new Map(variables.map((v) => [v.name, v.test])),
    variableMeanings(content),
    'variables',
    only,
  );
  return { ...checked, mismatches: [...order, ...checked.mismatches] };
}

/** (b) Each action's condition against its meaning, over every combination of its direct inputs (or only the actions named). */
export function actionMismatches(content: Pathway, plan: PlanDefinition, only?: readonly string[]): Checked {
  return againstMeanings(content, planExpressions(plan).actions, actionMeanings(content), 'actions', only);
}
