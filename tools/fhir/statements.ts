import type { Rule } from '../../src/content/rules';
import type { Evidence, Pathway, Ref } from '../../src/content/schema';

/** A rule-bearing statement of the content: a recommendation item, or a pitfall gathered with the plan. */
export interface Statement {
  id: string;
  text: string;
  /** The rule as written (naming key decisions and the GPA), which the export translates. */
  rule: Rule;
  refs: readonly Ref[];
  evidence: Evidence;
  kind: string;
  urgent: boolean;
}

/** The statements the PlanDefinition holds, in content order: every item, then every pitfall with a rule. */
export function statementsOf(content: Pathway): Statement[] {
  return [
    ...content.items.map((i) => ({ ...i, kind: i.section })),
    ...content.pitfalls.flatMap((p) =>
      p.rule ? [{ ...p, rule: p.rule, kind: 'pitfall', urgent: false }] : [],
    ),
  ];
}
