import type { PlanDefinition, PlanDefinitionAction, RelatedArtifact } from '@medplum/fhirtypes';
import type { Condition, Evidence, Pathway, Ref } from '../../src/content/schema';
import { evidenceLabels } from '../../src/view/strings';
import { citationText } from '../../src/view/text-parts';
import {
  canonical,
  computableName,
  extensions,
  semverAlgorithm,
  versionTag,
} from '../../src/view/fhir/vocabulary';
import { conditionExpression } from './fhirpath';

/** A rule-bearing statement of the content: a recommendation item, or a pitfall gathered with the plan. */
interface Statement {
  id: string;
  text: string;
  when: Condition;
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
      p.when ? [{ ...p, when: p.when, kind: 'pitfall', urgent: false }] : [],
    ),
  ];
}

function citationArtifact(content: Pathway, ref: Ref): RelatedArtifact {
  const c = content.citations.find((x) => x.id === ref.citation);
  if (!c) throw new Error(`unknown citation "${ref.citation}"`);
  const url = c.url ?? (c.doi ? `https://doi.org/${c.doi}` : undefined);
  return {
    type: 'citation',
    ...(ref.point ? { label: ref.point } : {}),
    display: c.title,
    citation: `${citationText(c)}${ref.strength ? ` [${ref.strength}]` : ''}`,
    ...(url ? { url } : {}),
  };
}

function action(content: Pathway, s: Statement): PlanDefinitionAction {
  return {
    id: s.id,
    extension: [{ url: extensions.evidence, valueCode: s.evidence }],
    // Shown to users as unverified in the bot; a reader of the export sees it first too.
    ...(s.evidence === 'unverified' ? { prefix: evidenceLabels.unverified } : {}),
    title: s.id,
    description: s.text,
    ...(s.urgent ? { priority: 'urgent' as const } : {}),
    code: [{ coding: [{ system: canonical.statements(content.id), code: s.kind }] }],
    documentation: s.refs.map((r) => citationArtifact(content, r)),
    condition: [
      {
        kind: 'applicability',
        expression: { language: 'text/fhirpath', expression: conditionExpression(s.when) },
      },
    ],
  };
}

/**
 * The recommendation rules as a PlanDefinition, shaped after CPG-on-FHIR's recommendation definitions
 * (an ECA rule per statement): one action per recommendation item and per pitfall with a rule, whose
 * applicability condition is the statement's rule over the consult's QuestionnaireResponse.
 */
export function buildPlanDefinition(content: Pathway): PlanDefinition {
  const questionnaire = `${canonical.questionnaire(content.id)}|${content.version}`;
  return {
    resourceType: 'PlanDefinition',
    id: content.id,
    meta: versionTag(content.id, content.version),
    extension: [semverAlgorithm],
    url: canonical.planDefinition(content.id),
    version: content.version,
    name: computableName(content.id, 'recommendations'),
    title: content.title,
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type', code: 'eca-rule' }],
    },
    status: 'draft',
    date: content.reviewedOn,
    description: content.disclaimer,
    usage:
      `Each action is a recommendation item (code: its plan section) or a pitfall. It applies to a consult when ` +
      `its condition, FHIRPath evaluated with the consult's QuestionnaireResponse of ${questionnaire} as ` +
      `%resource, is true; unverified statements are prefixed UNVERIFIED and carry their evidence status.`,
    action: statementsOf(content).map((s) => action(content, s)),
  };
}
