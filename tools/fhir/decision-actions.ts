import type { PlanDefinitionAction } from '@medplum/fhirtypes';
import type { CompiledDecision, Pathway } from '../../src/content/schema';
import { canonical, decisionCoding } from '../../src/view/fhir/vocabulary';
import { citationArtifact } from './citations';
import { valueVariable } from './names';

/** The id of a key decision's action group (`decision.local`), and of one of its values (`decision.local.srs`). */
export const decisionActionId = (decision: string, value?: string): string =>
  value === undefined ? `decision.${decision}` : `decision.${decision}.${value}`;

/**
 * A key decision as an action group a hospital can read: exactly one of its values applies to a consult.
 * Each value is a sub-action whose condition is the value's variable (tools/fhir/plan-variables.ts),
 * described by the rows that give it (numbered as the table of docs/pathway.md) and documented by their
 * sources.
 */
function decisionAction(content: Pathway, d: CompiledDecision): PlanDefinitionAction {
  return {
    id: decisionActionId(d.id),
    title: d.title,
    code: [{ coding: [{ system: canonical.statements(content.id), code: 'decision' }] }],
    groupingBehavior: 'logical-group',
    selectionBehavior: 'exactly-one',
    action: d.values.map((v) => {
      const rows = d.rows.flatMap((r, i) => (r.value === v.value ? [{ ...r, n: i + 1 }] : []));
      return {
        id: decisionActionId(d.id, v.value),
        title: v.label,
        description: rows.map((r) => `Row ${r.n}: ${r.why}`).join(' '),
        code: [{ coding: [decisionCoding(content, d.id, v.value)] }],
        documentation: rows.flatMap((r) => r.refs.map((ref) => citationArtifact(content, ref))),
        condition: [
          {
            kind: 'applicability' as const,
            expression: { language: 'text/fhirpath', expression: `%${valueVariable(d.id, v.value)}` },
          },
        ],
      };
    }),
  };
}

/** The plan's key decisions, in the content's order. */
export function decisionActions(content: Pathway): PlanDefinitionAction[] {
  return content.decisions.map((d) => decisionAction(content, d));
}
