import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathway } from '../../src/content';
import { bcbmMachineVersion } from '../../machines/bcbm.machine';
import type { Answers, QuestionId } from '../../src/content/case-model';
import type { Rule } from '../../src/content/rules';
import { maxActions } from '../../src/pathway/bottom-line';
import { buildRecommendation, sectionOrder, type Recommendation } from '../../src/pathway/recommend';
import { answersOf, entriesFor, generatePaths, type GeneratedPath } from '../support/paths';
import { RuleEvaluator } from '../support/rules';

const rules = new RuleEvaluator(pathway);

type Feature = { id: string; rule: Rule; reads: Set<QuestionId> };

// The items a bottom line can show, in the order it shows them (as bottomLineOf: urgent, rank, place).
const shorts: Feature[] = pathway.items
  .map((item, i) => ({ item, place: sectionOrder.indexOf(item.section) * 1000 + i }))
  .filter((x) => x.item.short)
  .sort(
    (a, b) =>
      Number(b.item.urgent) - Number(a.item.urgent) ||
      (a.item.rank ?? 99) - (b.item.rank ?? 99) ||
      a.place - b.place,
  )
  .map((x) => {
    // As bottomLineOf: the short form shows unless an item that says it already is in the plan.
    const unless = x.item.shortUnless.map((id) => pathway.items.find((i) => i.id === id)!.rule);
    const rule: Rule = unless.length ? { all: [x.item.rule, { not: { any: unless } }] } : x.item.rule;
    return { id: x.item.id, rule, reads: rules.questionsOf(rule) };
  });

// The key decisions whose values the bottom line can name (its "Plan" line).
const named = pathway.decisions
  .filter((d) => d.values.some((v) => v.short))
  .map((d) => ({ id: d.id, reads: rules.questionsOf({ decision: d.id, is: [] }) }));

type Found = { key: string; answers: Answers };

/**
 * The distinct bottom lines along one path, each with a consult that gives it. Exact: a depth-first search
 * over the path's answers that some bottom-line item or named decision reads, which stops as soon as the
 * answers chosen so far decide the first five items and the named decisions (every completion gives the same
 * bottom line), and always branches on an answer the first undecided one reads.
 */
function bottomLinesOf(path: GeneratedPath): Found[] {
  const groups = new Map(
    path.groups
      .filter((g) => g.values.length > 1 && [...shorts, ...named].some((s) => s.reads.has(g.question)))
      .map((g) => [g.question, g.values]),
  );
  const found = new Map<string, Answers>();
  const search = (answers: Answers, open: Set<QuestionId>) => {
    const at = rules.at(answers, open);
    const top: string[] = [];
    let undecided: Rule | undefined;
    for (const s of shorts) {
      const v = at.holds(s.rule);
      if (v === undefined) {
        undecided = s.rule;
        break;
      }
      if (v && top.push(s.id) === maxActions) break;
    }
    const plan: string[] = [];
    if (!undecided)
      for (const d of named) {
        const v = at.decide(d.id);
        if (v === undefined) {
          undecided = { decision: d.id, is: [] };
          break;
        }
        plan.push(v);
      }
    if (!undecided) {
      const key = `${top.join()}|${plan.join()}`;
      if (!found.has(key)) {
        // Decided: the open answers keep their first value.
        const done = { ...answers } as Record<string, string>;
        for (const q of open) done[q] = groups.get(q)![0]!;
        found.set(key, done as Answers);
      }
      return;
    }
    const q = at.openIn(undecided)!;
    const rest = new Set(open);
    rest.delete(q);
    for (const v of groups.get(q)!) search({ ...answers, [q]: v } as Answers, rest);
  };
  search(answersOf(path.entries), new Set(groups.keys()));
  return [...found].map(([key, answers]) => ({ key, answers }));
}

/**
 * Every distinct bottom line the statechart can produce (each outcome with each distinct set of
 * actions and named decisions once, enumerated over every complete consult, not sampled), built from a
 * consult that gives it. The answer space (millions of consults) is too large to build each
 * recommendation, but a bottom line depends only on the items that carry a short form and the decisions.
 */
export function distinctConsults(): DistinctConsult[] {
  const seen = new Map<string, DistinctConsult>();
  for (const path of generatePaths())
    for (const { key, answers } of bottomLinesOf(path)) {
      const id = `${path.outcomeId}:${key}`;
      if (!seen.has(id)) seen.set(id, { outcomeId: path.outcomeId, entries: entriesFor(path, answers) });
    }
  return [...seen.values()];
}

export interface DistinctConsult {
  outcomeId: string;
  entries: { question: QuestionId; answer: string }[];
}

/** Where the exhaustive project's global setup leaves the distinct consults, keyed by the content and statechart. */
export function distinctCachePath(): string {
  const key = createHash('sha256')
    .update(JSON.stringify([pathway, bcbmMachineVersion]))
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `bcbm-distinct-${key}.json`);
}

/**
 * The distinct recommendations, built from the consults the exhaustive project's global setup found
 * (test/support/exhaustive-setup.ts), so the three suites that read them search once; a suite run on
 * its own searches for itself.
 */
export function distinctRecommendations(): Recommendation[] {
  const cache = distinctCachePath();
  const consults: DistinctConsult[] = existsSync(cache)
    ? (JSON.parse(readFileSync(cache, 'utf8')) as DistinctConsult[])
    : distinctConsults();
  return consults.map((c) => buildRecommendation(pathway, c.outcomeId, c.entries));
}
