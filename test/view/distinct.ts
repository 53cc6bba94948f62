import { pathway } from '../../src/content';
import type { Answers, QuestionId } from '../../src/content/case-model';
import { holds } from '../../src/content/conditions';
import type { Condition } from '../../src/content/schema';
import { maxActions } from '../../src/pathway/bottom-line';
import { buildRecommendation, sectionOrder, type Recommendation } from '../../src/pathway/recommend';
import { answersOf, entriesFor, generatePaths, type GeneratedPath } from '../support/paths';

const questionsOf = (c: Condition, out = new Set<QuestionId>()): Set<QuestionId> => {
  if ('q' in c) out.add(c.q);
  else if ('not' in c) questionsOf(c.not, out);
  else ('all' in c ? c.all : c.any).forEach((x) => questionsOf(x, out));
  return out;
};

// The items a bottom line can show, in the order it shows them (as bottomLineOf: urgent, rank, place).
const shorts = pathway.items
  .map((item, i) => ({ item, place: sectionOrder.indexOf(item.section) * 1000 + i }))
  .filter((x) => x.item.short)
  .sort(
    (a, b) =>
      Number(b.item.urgent) - Number(a.item.urgent) ||
      (a.item.rank ?? 99) - (b.item.rank ?? 99) ||
      a.place - b.place,
  )
  .map((x) => ({ item: x.item, reads: questionsOf(x.item.when) }));
const position = new Map(shorts.map((s, i) => [s.item.id, i]));

/** The first five of several sets of bottom-line items, in bottom-line order. */
const topOf = (ids: Iterable<string>) =>
  [...new Set(ids)].sort((a, b) => position.get(a)! - position.get(b)!).slice(0, maxActions);

type Partial = { top: string[]; answers: Answers };

/**
 * The distinct bottom lines along one path, each with a consult that gives it. Exact: the path's
 * answers that no bottom-line item reads keep their first value; the others are split into groups
 * that no item reads together, each group is enumerated alone, and the groups' top fives are merged.
 */
function bottomLinesOf(path: GeneratedPath): Partial[] {
  const base = answersOf(path.entries);
  const varied = path.groups.filter(
    (g) => g.values.length > 1 && shorts.some((s) => s.reads.has(g.question)),
  );
  const parent = new Map<QuestionId, QuestionId>(varied.map((g) => [g.question, g.question]));
  const find = (q: QuestionId): QuestionId => (parent.get(q) === q ? q : find(parent.get(q)!));
  for (const s of shorts) {
    const read = [...s.reads].filter((q) => parent.has(q));
    for (const q of read.slice(1)) parent.set(find(q), find(read[0]!));
  }
  const parts = new Map<QuestionId, GeneratedPath['groups']>();
  for (const g of varied) parts.set(find(g.question), [...(parts.get(find(g.question)) ?? []), g]);
  const fixed = shorts.filter((s) => ![...s.reads].some((q) => parent.has(q)));
  let acc: Partial[] = [
    { top: topOf(fixed.filter((s) => holds(s.item.when, base)).map((s) => s.item.id)), answers: base },
  ];
  for (const groups of parts.values()) {
    const touched = shorts.filter((s) => groups.some((g) => s.reads.has(g.question)));
    const options = new Map<string, Partial>();
    const walk = (i: number, answers: Answers) => {
      if (i === groups.length) {
        const top = topOf(touched.filter((s) => holds(s.item.when, answers)).map((s) => s.item.id));
        if (!options.has(top.join())) options.set(top.join(), { top, answers });
        return;
      }
      const g = groups[i]!;
      for (const v of g.values) walk(i + 1, { ...answers, [g.question]: v } as Answers);
    };
    walk(0, base);
    const next = new Map<string, Partial>();
    for (const a of acc)
      for (const o of options.values()) {
        const top = topOf([...a.top, ...o.top]);
        const answers = { ...a.answers };
        for (const g of groups)
          (answers as Record<string, string>)[g.question] = o.answers[g.question] as string;
        if (!next.has(top.join())) next.set(top.join(), { top, answers });
      }
    acc = [...next.values()];
  }
  return acc;
}

/**
 * Every distinct bottom line the statechart can produce (each outcome with each distinct set of
 * actions once, enumerated over every complete consult, not sampled), built from a consult that
 * gives it. The answer space (7.7 million consults, about 200,000 sets of items) is too large to
 * build each recommendation, but a bottom line depends only on the items that carry a short form.
 */
export function distinctRecommendations(): Recommendation[] {
  const seen = new Map<string, Recommendation>();
  for (const path of generatePaths())
    for (const { top, answers } of bottomLinesOf(path)) {
      const key = `${path.outcomeId}:${top.join()}`;
      if (!seen.has(key))
        seen.set(key, buildRecommendation(pathway, path.outcomeId, entriesFor(path, answers)));
    }
  return [...seen.values()];
}
