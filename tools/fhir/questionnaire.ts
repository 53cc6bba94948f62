import type { Coding, Extension, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { caseModel, type QuestionId } from '../../src/content/case-model';
import type { Pathway } from '../../src/content/schema';
import { arrivalsInOrder, statechartGraph, type Arrival, type StatechartGraph } from '../../machines/graph';
import {
  answerCoding,
  canonical,
  computableName,
  semverAlgorithm,
  versionTag,
} from '../../src/view/fhir/vocabulary';
import { allOf, anyOf, conditionExpression, negation } from './fhirpath';

export const sdc = {
  questionnaire: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire|4.0.0',
  enableWhenExpression:
    'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression',
  /**
   * FHIR's own extension; SDC's behaviour profile allows it on the Questionnaire for enableWhenExpression,
   * and the FHIR extensions pack on a PlanDefinition and its actions.
   */
  variable: 'http://hl7.org/fhir/StructureDefinition/variable',
};

/**
 * Standard codes for a question, only where the code was checked in a source: LOINC 89243-0 in HL7's
 * mCODE Karnofsky profile and LOINC's entry; LOINC 48676-1 in LOINC's entry. The answers keep our own
 * codes: the bands the consult asks (e.g. KPS "70 to 80", HER2-low) have no one standard code.
 */
const standardCodes: Partial<Record<QuestionId, Coding[]>> = {
  kps: [{ system: 'http://loinc.org', code: '89243-0', display: 'Karnofsky Performance Status score' }],
  her2: [{ system: 'http://loinc.org', code: '48676-1', display: 'HER2 Ag [Interpretation] in Tissue' }],
};

/**
 * The variable that holds when the consult reaches a state, e.g. `reachedLesionsAskMassEffect` for
 * `bcbm.lesions.askMassEffect` (R4 types Expression.name as an id: letters, digits, `-` and `.`, and
 * FHIRPath reads `%name` only when the name is an identifier, so no separators at all).
 */
export function reachedVariable(stateId: string): string {
  return `reached${computableName(...stateId.split('.').slice(1))}`;
}

/** The linkId of the display item that shows an outcome, enabled exactly when the consult ends in it. */
export const outcomeLinkId = (outcomeId: string) => `outcome.${outcomeId}`;

/**
 * The statechart's routing as FHIRPath: for each state, in an order where each comes after the states
 * it is entered from, whether the consult reaches it. A state is reached along one of its arrivals: the
 * state it leaves was reached, that state's question is answered (for an answer route), the route's
 * guards hold and the guards of the routes XState tries before it do not. The first state holds at
 * once. Each is one variable, defined from the ones before it, so the routing reads like the machine.
 */
export function reachVariables(graph: StatechartGraph): { name: string; expression: string }[] {
  const arrival = ({ from, route, earlier }: Arrival): string | undefined => {
    // An earlier route without a guard is always taken first: this one is never taken.
    if (earlier.some((r) => r.when.length === 0)) return undefined;
    if (route.on && route.on !== from.question)
      throw new Error(`${from.id}: a route on another question's answer cannot be read from a response`);
    return allOf([
      `%${reachedVariable(from.id)}`,
      // Answered: implied where a guard tests the same answer.
      ...(route.on && !route.when.some((t) => t.q === route.on)
        ? [conditionExpression({ q: route.on, is: caseModel[route.on] })]
        : []),
      ...route.when.map((t) => conditionExpression(t)),
      ...earlier.map((r) => negation(conditionExpression({ all: r.when }))),
    ]);
  };
  return arrivalsInOrder(graph).map(({ state, arrivals }) => ({
    name: reachedVariable(state.id),
    expression:
      state.id === graph.start
        ? 'true'
        : anyOf(arrivals.map(arrival).filter((e): e is string => e !== undefined)),
  }));
}

const fhirpath = (expression: string, name?: string) => ({
  ...(name ? { name } : {}),
  language: 'text/fhirpath' as const,
  expression,
});

/** FHIR's `variable` extension: a named FHIRPath expression, evaluated in order before what names it. */
export const variableExtension = (v: { name: string; expression: string }): Extension => ({
  url: sdc.variable,
  valueExpression: fhirpath(v.expression, v.name),
});

function enabledWhen(stateIds: readonly string[]): Extension {
  return {
    url: sdc.enableWhenExpression,
    valueExpression: fhirpath(anyOf(stateIds.map((id) => `%${reachedVariable(id)}`))),
  };
}

/**
 * The consult as an SDC Questionnaire: one choice item per question (linkId = question id, answer
 * codes = answer values), enabled when the consult reaches any state that asks it; then one display
 * item per outcome, enabled when the consult ends in it.
 */
export function buildQuestionnaire(
  content: Pathway,
  graph: StatechartGraph = statechartGraph(),
): Questionnaire {
  const states = [...graph.states.values()];
  const asking = (q: QuestionId) => states.filter((s) => s.question === q).map((s) => s.id);
  const questions: QuestionnaireItem[] = content.questions.map((q) => {
    const id = q.id as QuestionId; // the schema checks that every question is one of the case model
    return {
      extension: [enabledWhen(asking(id))],
      linkId: q.id,
      ...(standardCodes[id] ? { code: standardCodes[id] } : {}),
      text: q.prompt,
      type: 'choice',
      required: true,
      answerOption: q.options.map((o) => ({ valueCoding: answerCoding(content, q.id, o.value) })),
    };
  });
  const outcomes: QuestionnaireItem[] = content.outcomes.map((o) => ({
    extension: [enabledWhen(states.filter((s) => s.outcome === o.id).map((s) => s.id))],
    linkId: outcomeLinkId(o.id),
    text: `${o.title}. ${o.summary}`,
    type: 'display',
  }));
  return {
    resourceType: 'Questionnaire',
    id: content.id,
    meta: { profile: [sdc.questionnaire], ...versionTag(content.id, content.version) },
    extension: [semverAlgorithm, ...reachVariables(graph).map(variableExtension)],
    url: canonical.questionnaire(content.id),
    version: content.version,
    name: computableName(content.id, 'consult'),
    title: content.title,
    // Draft until the content records a clinician's sign-off (its reviewedBy says it has none yet).
    status: 'draft',
    subjectType: ['Patient'],
    date: content.reviewedOn,
    description: content.disclaimer,
    item: [...questions, ...outcomes],
  };
}
