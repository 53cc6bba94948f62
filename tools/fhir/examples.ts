import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import bank from '../../src/content/bcbm/training-cases.json';
import type { QuestionId } from '../../src/content/case-model';
import type { Pathway } from '../../src/content/schema';
import { replay, stepOf } from '../../machines/step';
import { consultResponse } from '../../src/view/fhir/consult';

/**
 * Example responses: the trainee case bank's answer sets (complete consults chosen to cover every
 * outcome, answer and decision), each built by the same function as a consult's own FHIR form, with
 * the items its recommendation shows. A case the statechart no longer finishes is left out (the case
 * bank's own test fails on it).
 */
export function buildExamples(content: Pathway): QuestionnaireResponse[] {
  return bank.cases.flatMap((c) => {
    const { snapshot, applied, dropped } = replay(c.answers as { question: QuestionId; answer: string }[]);
    const step = stepOf(snapshot);
    if (step.kind !== 'outcome' || dropped.length) return [];
    const { resourceType, ...response } = consultResponse(content, {
      contentVersion: content.version,
      log: applied,
      outcome: step.outcomeId,
    });
    return [{ resourceType, id: `${content.id}-case-${c.id}`, ...response }];
  });
}
