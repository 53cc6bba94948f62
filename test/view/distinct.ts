import { pathway } from '../../src/content';
import type { Answers, QuestionId } from '../../src/content/case-model';
import type { Condition } from '../../src/content/schema';
import { maxActions } from '../../src/pathway/bottom-line';
import { buildRecommendation, sectionOrder, type Recommendation } from '../../src/pathway/recommend';
import { answersOf, entriesFor, generatePaths, partialHolds, type GeneratedPath } from '../support/paths';

const questionsOf = (c: Condition, out = new Set<QuestionId>()): Set<QuestionId> => {
  if ('q' in c) out.add(c.q);
  else if ('not' in c) questionsOf(c.not, out);
  else ('all' in c ? c.all : c.any).forEach((x) => questionsOf(x, out));
  return out;
};

type Feature = { id: string; when: Condition; reads: Set<QuestionId> };

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
  .map((x) => ({ id: x.item.id, when: x.item.when, reads: questionsOf(x.item.when) }));

// The key decisions' values that the bottom line names (its "Plan" line).
const named: Feature[] = pathway.decisions.flatMap((d) =>
  d.values
    .filter((v) => v.short)
    .map((v) => {
      const when = d.valueConditions[v.value]!;
      return { id: `${d.id}=${v.value}`, when, reads: questionsOf(when) };
    }),
);

type Found = { key: string; answers: Answers };

/**
 * The distinct bottom lines along one path, each with a consult that gives it. Exact: a depth-first search
 * over the path's answers that some bottom-line item or named decision reads, which stops as soon as the
 * answers chosen so far decide the first five items and the named decisions (every completion gives the same
 * bottom line), and always branches on an answer the first undecided feature reads.
 */
function bottomLinesOf(path: GeneratedPath): Found[] {
  const groups = new Map(
    path.groups
      .filter(
        (g) => g.values.length > 1 && [...shorts, ...named].some((s) => s.reads.has(g.question)),
      )
      .map((g) => [g.question, g.values]),
  );
  const found = new Map<string, Answers>();
  const search = (answers: Answers, open: Set<QuestionId>) => {
    const top: string[] = [];
    let undecided: Feature | undefined;
    for (const s of shorts) {
      const v = partialHolds(s.when, answers, open);
      if (v === undefined) {
        undecided = s;
        break;
      }
      if (v && top.push(s.id) === maxActions) break;
    }
    const plan: string[] = [];
    if (!undecided)
      for (const s of named) {
        const v = partialHolds(s.when, answers, open);
        if (v === undefined) {
          undecided = s;
          break;
        }
        if (v) plan.push(s.id);
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
    const q = [...undecided.reads].find((x) => open.has(x))!;
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
export function distinctRecommendations(): Recommendation[] {
  const seen = new Map<string, Recommendation>();
  for (const path of generatePaths())
    for (const { key, answers } of bottomLinesOf(path)) {
      const id = `${path.outcomeId}:${key}`;
      if (!seen.has(id)) seen.set(id, buildRecommendation(pathway, path.outcomeId, entriesFor(path, answers)));
    }
  return [...seen.values()];
}
