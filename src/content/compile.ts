import { caseModel, type Answers, type QuestionId } from './case-model';
import { conditionRefs, holds, type Condition } from './conditions';
import { and, constantOf, isGpaUnknown, negate, never, or, tabulate, type Rule } from './rules';
import { CheckedPathway, type CompiledDecision, type Gpa, type Pathway, type PathwaySource } from './schema';

export interface CompileProblem {
  path: (string | number)[];
  message: string;
}

/** The highest Breast GPA score these answers allow: an open factor counts at its best level. */
export function highestScore(gpa: Gpa, answers: Answers): number {
  let sum = 0;
  for (const f of gpa.factors) {
    const reads = [...new Set(f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q)))];
    const open = reads.some((q) => isGpaUnknown(f, answers[q]));
    const points = open
      ? f.levels.map((l) => l.points)
      : f.levels.filter((l) => holds(l.when, answers)).map((l) => l.points);
    sum += Math.max(0, ...points);
  }
  return sum;
}

/**
 * Compiles rules against a content's key decisions and GPA table: a decision reference becomes the
 * answers that give the value (its `valueConditions`), the GPA rule a table over the GPA's inputs.
 */
export function ruleCompiler(
  gpa: Gpa,
  decisions: ReadonlyMap<string, Pick<CompiledDecision, 'valueConditions'>>,
): (r: Rule) => Condition {
  const gpaInputs = [
    ...new Set(gpa.factors.flatMap((f) => f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q)))),
  ].map((q: QuestionId) => ({ q, values: caseModel[q] as readonly string[] }));
  const gpaRules = new Map<number, Condition>();
  const compile = (r: Rule): Condition => {
    if ('q' in r) return r;
    if ('decision' in r) {
      const d = decisions.get(r.decision);
      return d ? or(r.is.map((v) => d.valueConditions[v] ?? never)) : never;
    }
    if ('gpaAtMost' in r) {
      let c = gpaRules.get(r.gpaAtMost);
      if (!c)
        gpaRules.set(r.gpaAtMost, (c = tabulate(gpaInputs, (a) => highestScore(gpa, a) <= r.gpaAtMost)));
      return c;
    }
    if ('not' in r) return negate(compile(r.not));
    return 'all' in r ? and(r.all.map(compile)) : or(r.any.map(compile));
  };
  return compile;
}

/** A rule of a loaded content (a trainee decision's, for example) compiled against its decisions. */
export function compileRule(p: Pathway, r: Rule): Condition {
  return ruleCompiler(p.gpa, new Map(p.decisions.map((d) => [d.id, d])))(r);
}

/**
 * Compiles every rule of the content into a condition over the answers: the key decisions first, in
 * order (a row may name an earlier decision), then items, pitfalls and unknowns. A rule that compiles to a
 * constant (it always holds, or never can) is a problem: it is almost certainly written wrong.
 */
export function compilePathway(p: PathwaySource): { pathway: Pathway; problems: CompileProblem[] } {
  const problems: CompileProblem[] = [];
  const decided = new Map<string, CompiledDecision>();
  const compile = ruleCompiler(p.gpa, decided);
  const compiled = (path: CompileProblem['path'], owner: string, r: Rule): Condition => {
    const c = compile(r);
    const constant = constantOf(c);
    if (constant !== undefined)
      problems.push({ path, message: `${owner}: the rule ${constant ? 'always holds' : 'can never hold'}` });
    return c;
  };

  p.decisions.forEach((d, i) => {
    let earlier: Condition[] = [];
    const byValue = new Map<string, Condition[]>();
    const rows = d.rows.map((row, j) => {
      const condition = row.when
        ? compiled(['decisions', i, 'rows', j], `decision "${d.id}" row ${j + 1}`, row.when)
        : undefined;
      // First match wins: this row gives its value where it holds and no earlier row does.
      const first = and([...earlier.map(negate), ...(condition ? [condition] : [])]);
      byValue.set(row.value, [...(byValue.get(row.value) ?? []), first]);
      if (condition) earlier = [...earlier, condition];
      return condition ? { ...row, condition } : row;
    });
    const valueConditions = Object.fromEntries(
      d.values.map((v) => [v.value, or(byValue.get(v.value) ?? [])]),
    );
    decided.set(d.id, { ...d, rows, valueConditions });
  });

  const items = p.items.map((x, i) => ({
    ...x,
    rule: x.when,
    when: compiled(['items', i, 'when'], `item "${x.id}"`, x.when),
  }));
  const pitfalls = p.pitfalls.map((x, i) =>
    x.when
      ? { ...x, rule: x.when, when: compiled(['pitfalls', i, 'when'], `pitfall "${x.id}"`, x.when) }
      : { ...x, when: undefined },
  );
  const unknowns = p.unknowns.map((x, i) => ({
    ...x,
    rule: x.when,
    when: compiled(['unknowns', i, 'when'], `unknown "${x.id}"`, x.when),
  }));
  return {
    pathway: { ...p, items, pitfalls, unknowns, decisions: [...decided.values()] },
    problems,
  };
}

/** Parses and checks content, then compiles its rules; a problem in either names the item at fault. */
export const PathwayParser = CheckedPathway.transform((p, ctx): Pathway => {
  const { pathway, problems } = compilePathway(p);
  for (const { path, message } of problems)
    ctx.issues.push({ code: 'custom', path, message, input: undefined });
  return pathway;
});
