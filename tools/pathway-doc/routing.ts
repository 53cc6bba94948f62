import { caseModel, isQuestionId } from '../../src/content/case-model';
import type { Rule } from '../../src/content/schema';
import { statechartGraph, type AnswerTest, type StatechartGraph } from '../../machines/graph';

/**
 * The statechart's routing as the review copy tells it, read from the one reader of the machine the bot runs
 * (machines/graph.ts, over `machine.root`): after each question, its rules in order, each leading to a
 * question, a recommendation, or a router's own rules ("continue as follows").
 */
export type Destination =
  | { kind: 'question'; question: string }
  | { kind: 'outcome'; outcome: string }
  | { kind: 'branch'; branches: Branch[] }
  | { kind: 'state'; id: string };

export interface Branch {
  /** The transition's own rule (if/else-if/otherwise order applies). */
  rule?: Rule;
  /** The rule with the earlier branches' rules negated: when this branch is taken, on its own. */
  effective?: Rule;
  to: Destination;
}

export interface Routing {
  start: Destination;
  /** In the order the statechart defines its question states. */
  steps: { question: string; stateId: string; events: { event: string; branches: Branch[] }[] }[];
}

/** A guard's answer tests as a content rule: one test, or all of several. */
function ruleOf(when: readonly AnswerTest[]): Rule | undefined {
  const rules = when.map((t): Rule => ({ q: t.q, is: [...t.is] }));
  return rules.length > 1 ? { all: rules } : rules[0];
}

/**
 * The rule under which branch `k` of an if/else-if chain is taken. Negations of rules on `answered`
 * (the question just answered, so it has a value) are folded into the values it can have.
 */
function effectiveRule(rules: (Rule | undefined)[], k: number, answered?: string): Rule | undefined {
  const atoms: Rule[] = [];
  for (let i = 0; i < k; i++) {
    const r = rules[i];
    if (r) atoms.push({ not: r });
  }
  const own = rules[k];
  if (own) atoms.push(own);
  let allowed: string[] | undefined;
  const rest: Rule[] = [];
  for (const a of atoms) {
    if (answered && isQuestionId(answered) && 'q' in a && a.q === answered) {
      allowed = (allowed ?? [...caseModel[answered]]).filter((v) => a.is.includes(v));
    } else if (answered && isQuestionId(answered) && 'not' in a && 'q' in a.not && a.not.q === answered) {
      const excluded = a.not.is;
      allowed = (allowed ?? [...caseModel[answered]]).filter((v) => !excluded.includes(v));
    } else rest.push(a);
  }
  if (allowed && answered && isQuestionId(answered) && allowed.length < caseModel[answered].length)
    rest.unshift({ q: answered, is: allowed });
  if (rest.length === 0) return undefined;
  return rest.length === 1 ? rest[0] : { all: rest };
}

export function routingOf(graph: StatechartGraph = statechartGraph()): Routing {
  /** Where entering a state leads: its question or outcome, or a router's rules followed through. */
  const enter = (id: string, answered: string | undefined, seen: Set<string>): Destination => {
    const state = graph.states.get(id);
    if (!state) return { kind: 'state', id };
    if (state.question) return { kind: 'question', question: state.question };
    if (state.outcome) return { kind: 'outcome', outcome: state.outcome };
    const always = state.routes.filter((r) => r.on === undefined);
    if (seen.has(id) || !always.length) return { kind: 'state', id };
    return { kind: 'branch', branches: branches(always, answered, new Set(seen).add(id)) };
  };
  const branches = (
    routes: readonly { when: readonly AnswerTest[]; to: string }[],
    answered: string | undefined,
    seen: Set<string>,
  ): Branch[] => {
    const rules = routes.map((r) => ruleOf(r.when));
    return routes.map((r, k) => ({
      rule: rules[k],
      effective: effectiveRule(rules, k, answered),
      to: enter(r.to, answered, seen),
    }));
  };
  const steps: Routing['steps'] = [...graph.states.values()]
    .filter((s) => s.question)
    .map((s) => {
      const question = s.question as string;
      const events = [...new Set(s.routes.flatMap((r) => (r.on ? [r.on] : [])))].map((on) => ({
        event: `answer.${on}`,
        branches: branches(
          s.routes.filter((r) => r.on === on),
          on === question ? question : undefined,
          new Set([s.id]),
        ),
      }));
      return { question, stateId: s.id, events };
    });
  return { start: enter(graph.start, undefined, new Set()), steps };
}
