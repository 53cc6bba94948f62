import type { PlanDefinition, PlanDefinitionAction } from '@medplum/fhirtypes';
import type { Pathway } from '../../src/content/schema';
import { evidenceLabels } from '../../src/view/strings';
import {
  canonical,
  computableName,
  extensions,
  semverAlgorithm,
  versionTag,
} from '../../src/view/fhir/vocabulary';
import { citationArtifact } from './citations';
import { decisionActions } from './decision-actions';
import { conditionExpression } from './fhirpath';
import { planVariables } from './plan-variables';
import { sdc, variableExtension } from './questionnaire';
import { statementsOf, type Statement } from './statements';

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
        expression: { language: 'text/fhirpath', expression: conditionExpression(s.rule) },
      },
    ],
  };
}

/**
 * The recommendation rules as a PlanDefinition, shaped after CPG-on-FHIR's recommendation definitions
 * (an ECA rule per statement). First its variables (FHIR's `variable` extension, which the extensions
 * pack allows on a PlanDefinition): the Breast GPA thresholds and the plan's key decisions, row by row,
 * in the order they are defined. Then one action group per key decision, exactly one of whose values
 * applies, and one action per recommendation item and per pitfall with a rule, whose applicability
 * condition is the statement's rule as written, naming those variables.
 */
export function buildPlanDefinition(content: Pathway): PlanDefinition {
  const questionnaire = `${canonical.questionnaire(content.id)}|${content.version}`;
  return {
    resourceType: 'PlanDefinition',
    id: content.id,
    meta: versionTag(content.id, content.version),
    extension: [semverAlgorithm, ...planVariables(content).map(variableExtension)],
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
      `Evaluate the variables (extension ${sdc.variable}) in the order given, each FHIRPath with the ` +
      `consult's QuestionnaireResponse of ${questionnaire} as %resource and the variables before it as ` +
      `%name; then the action conditions, with all of them. The first actions are the plan's key decisions ` +
      `(exactly one value of each applies); each other action is a recommendation item (code: its plan ` +
      `section) or a pitfall, and applies when its condition is true. Unverified statements are prefixed ` +
      `UNVERIFIED and carry their evidence status.`,
    action: [...decisionActions(content), ...statementsOf(content).map((s) => action(content, s))],
  };
}
