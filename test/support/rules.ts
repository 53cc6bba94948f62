import type { Answers, QuestionId } from '../../src/content/case-model';
import { conditionRefs } from '../../src/content/conditions';
import { highestScore } from '../../src/content/compile';
import type { Rule } from '../../src/content/rules';
import type { Pathway } from '../../src/content/schema';
import { partialHolds } from './paths';

/**
 * Rules as written (naming key decisions and the GPA), evaluated over answers some of which are still open:
 * each decision is made once per set of answers from its own table, instead of through the compiled
 * conditions, which repeat each decision's rows in every rule that names it. Same results, much less work:
 * for searches over every consult (the distinct bottom lines).
 */
export class RuleEvaluator {
  private readonly reads = new Map<string, Set<QuestionId>>();
  private readonly gpaInputs: QuestionId[];

  constructor(private readonly content: Pathway) {
    this.gpaInputs = [
      ...new Set(
        content.gpa.factors.flatMap((f) => f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q))),
      ),
    ];
    for (const d of content.decisions) {
      const read = new Set<QuestionId>();
      for (const row of d.rows) if (row.when) this.questionsOf(row.when, read);
      this.reads.set(d.id, read);
    }
  }

  /** The questions a rule reads, through the decisions it names too. */
  questionsOf(r: Rule, out = new Set<QuestionId>()): Set<QuestionId> {
    if ('q' in r) out.add(r.q);
    else if ('decision' in r) this.reads.get(r.decision)?.forEach((q) => out.add(q));
    else if ('gpaAtMost' in r) this.gpaInputs.forEach((q) => out.add(q));
    else if ('not' in r) this.questionsOf(r.not, out);
    else ('all' in r ? r.all : r.any).forEach((x) => this.questionsOf(x, out));
    return out;
  }

  /**
   * Bounds on the highest GPA score the answers will allow once the open ones are chosen: an open factor
   * may end anywhere between its lowest and highest level; an answered one scores as the bot scores it.
   */
  private gpaBounds(answers: Answers, open: ReadonlySet<QuestionId>): [number, number] {
    let lo = 0;
    let hi = 0;
    for (const f of this.content.gpa.factors) {
      const reads = [...new Set(f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q)))];
      const points = f.levels.map((l) => l.points);
      if (reads.some((q) => open.has(q))) {
        lo += Math.min(...points);
        hi += Math.max(...points);
      } else {
        const exact = highestScore({ ...this.content.gpa, factors: [f] }, answers);
        lo += exact;
        hi += exact;
      }
    }
    return [lo, hi];
  }

  /** A session over one set of answers: decisions are made at most once each. */
  at(answers: Answers, open: ReadonlySet<QuestionId>) {
    const made = new Map<string, string | undefined>();
    const decide = (id: string): string | undefined => {
      if (made.has(id)) return made.get(id);
      const d = this.content.decisions.find((x) => x.id === id)!;
      let value: string | undefined;
      for (const row of d.rows) {
        const v = row.when ? holds(row.when) : true;
        if (v === undefined) break; // open: the value depends on an answer not chosen yet
        if (v) {
          value = row.value;
          break;
        }
      }
      made.set(id, value);
      return value;
    };
    const holds = (r: Rule): boolean | undefined => {
      if ('q' in r) return partialHolds(r, answers, open);
      if ('decision' in r) {
        const v = decide(r.decision);
        return v === undefined ? undefined : r.is.includes(v);
      }
      if ('gpaAtMost' in r) {
        const [lo, hi] = this.gpaBounds(answers, open);
        return hi <= r.gpaAtMost ? true : lo > r.gpaAtMost ? false : undefined;
      }
      if ('not' in r) {
        const v = holds(r.not);
        return v === undefined ? undefined : !v;
      }
      const all = 'all' in r;
      let unsure = false;
      for (const x of all ? r.all : r.any) {
        const v = holds(x);
        if (v === undefined) unsure = true;
        else if (v !== all) return v;
      }
      return unsure ? undefined : all;
    };
    /** An open question the rule still depends on, in the order it would be decided: what to branch on next. */
    const openIn = (r: Rule): QuestionId | undefined => {
      if ('q' in r) return open.has(r.q) ? r.q : undefined;
      if ('decision' in r) {
        const d = this.content.decisions.find((x) => x.id === r.decision)!;
        for (const row of d.rows) {
          if (!row.when) return undefined;
          const v = holds(row.when);
          if (v === undefined) return openIn(row.when);
          if (v) return undefined;
        }
        return undefined;
      }
      if ('gpaAtMost' in r) return this.gpaInputs.find((q) => open.has(q));
      if ('not' in r) return openIn(r.not);
      for (const x of 'all' in r ? r.all : r.any) if (holds(x) === undefined) return openIn(x);
      return undefined;
    };
    return { holds, decide, openIn };
  }
}
