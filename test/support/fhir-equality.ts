import type { PlanDefinition, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { QuestionId } from '../../src/content/case-model';
import { conditionRefs, holds } from '../../src/content/conditions';
import type { Condition, Pathway } from '../../src/content/schema';
import { answersFrom, recommendationFor } from '../../src/pathway/recommend';
import { consultResponse } from '../../src/view/fhir/consult';
import { extensions } from '../../src/view/fhir/vocabulary';
import { statementsOf } from '../../tools/fhir/plan-definition';
import { outcomeLinkId } from '../../tools/fhir/questionnaire';
import { actionConditions, codesOf, formEvaluator, type ExportedExpression } from './fhir';
import { forEachConsult, routingQuestions, type GeneratedPath } from './paths';

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

/** The ids of the items the recommendation shows and the pitfalls it gathers. */
function recommended(content: Pathway, outcome: string, log: readonly Entry[]): string[] {
  const r = recommendationFor(content, outcome, log);
  return [...r.sections.flatMap((s) => s.items.map((i) => i.id)), ...r.pitfalls.map((p) => p.id)];
}

/** The ids a response's recommendation extension lists. */
function listed(response: QuestionnaireResponse): string[] {
  const r = response.extension?.find((e) => e.url === extensions.recommendation);
  return (r?.extension ?? [])
    .filter((e) => e.url === 'item' || e.url === 'pitfall')
    .map((e) => e.valueCode as string);
}

/**
 * The export against the consult, consult by consult: every consult the statechart allows (every path,
 * every combination of the answers its guards read; the other answers cannot change which questions
 * are asked), and every step of it. At each step the form enables the questions asked so far and the
 * next one; at the end the questions asked and the outcome's display item, and then the actions that
 * apply to its response are the items the recommendation shows and the pitfalls it gathers, which is
 * also what the response's recommendation extension lists.
 */
export function consultMismatches(
  content: Pathway,
  form: Questionnaire,
  plan: PlanDefinition,
  paths: GeneratedPath[],
): Checked {
  const enabled = formEvaluator(form);
  const actions = [...actionConditions(plan)];
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
        const applies = actions.filter(([, test]) => test.evaluate(response, codes, {})).map(([id]) => id);
        const shown = recommended(content, outcome, log);
        if (!sameSet(applies, shown))
          fail(
            `${key}: the actions that apply are [${applies.join(', ')}], the recommendation shows [${shown.join(', ')}]`,
          );
        if (!sameSet(listed(response), shown))
          fail(
            `${key}: the response lists [${listed(response).join(', ')}], the recommendation shows [${shown.join(', ')}]`,
          );
      }
    },
    paths,
  );
  return out;
}

/**
 * Each action against the rule it translates, over every consult: for every statement (item, or
 * pitfall with a rule), every path and every combination of the answers the statement's rule reads
 * (the answers it does not read cannot change it), the action's condition holds exactly when the
 * content rule does, which is how the recommendation chooses its items and pitfalls (src/pathway/
 * recommend.ts). An action may read only the answers its rule reads (checked first): so consults that
 * agree on those answers are the same input, and each is evaluated once.
 */
export function statementMismatches(content: Pathway, plan: PlanDefinition, paths: GeneratedPath[]): Checked {
  const conditions = actionConditions(plan);
  const out: Checked = { mismatches: [], consults: 0, evaluated: 0 };
  const fail = (m: string) => out.mismatches.length < tooMany && out.mismatches.push(m);
  const statements = statementsOf(content);
  if (
    !sameSet(
      [...conditions.keys()],
      statements.map((s) => s.id),
    )
  )
    fail(
      `actions [${[...conditions.keys()].join(', ')}] are not the statements [${statements.map((s) => s.id).join(', ')}]`,
    );
  // Statements whose rules read the same questions share one walk over the consults.
  const byReads = new Map<
    string,
    { reads: Set<QuestionId>; checks: { id: string; when: Condition; test: ExportedExpression }[] }
  >();
  for (const s of statements) {
    const test = conditions.get(s.id);
    if (!test) continue;
    const reads = new Set(conditionRefs(s.when).map((r) => r.q));
    if (!sameSet(test.linkIds, [...reads]))
      fail(
        `${s.id}: the condition reads [${test.linkIds.join(', ')}], its rule reads [${[...reads].join(', ')}]`,
      );
    const group = [...reads].sort().join();
    if (!byReads.has(group)) byReads.set(group, { reads, checks: [] });
    byReads.get(group)?.checks.push({ id: s.id, when: s.when, test });
  }
  for (const { reads, checks } of byReads.values()) {
    const seen = new Set<string>();
    forEachConsult(
      reads,
      (entries) => {
        out.consults += checks.length;
        const key = show(entries.filter((e) => reads.has(e.question)));
        if (seen.has(key)) return;
        seen.add(key);
        // The answers as the consult's response carries them; the recommendation extension is left
        // out because no condition reads it (the constructor of ExportedExpression checks).
        const response = consultResponse(content, { contentVersion: content.version, log: entries });
        const codes = codesOf(response);
        const answers = answersFrom(entries);
        for (const { id, when, test } of checks) {
          out.evaluated++;
          const applies = test.evaluate(response, codes, {});
          const rule = holds(when, answers);
          if (applies !== rule)
            fail(
              `${id}: the action ${applies ? 'applies' : 'does not apply'} but the rule ${rule ? 'holds' : 'does not hold'} for ${key}`,
            );
        }
      },
      paths,
    );
  }
  return out;
}
