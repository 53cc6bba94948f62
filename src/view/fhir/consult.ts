import type { Bundle, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { QuestionId } from '../../content/case-model';
import type { Pathway } from '../../content/schema';
import { recommendationFor } from '../../pathway/recommend';
import {
  answerCoding,
  canonical,
  decisionCoding,
  outcomeCoding,
  recommendationExtension,
  versionTag,
} from './vocabulary';

/** What a consult's FHIR form is made of: enumerated answers and ids only. */
export interface ConsultAnswers {
  /** The content version the consult was started with (its record's): the form its answers belong to. */
  contentVersion: string;
  /** The answers in the order they were given (who gave them is left out). */
  log: readonly { question: QuestionId; answer: string }[];
  /** The recommendation the consult ended in; undefined while it is going on. */
  outcome?: string;
}

/**
 * The consult as a QuestionnaireResponse of the exported Questionnaire (docs/fhir.md): one item per
 * answer, coded; once the consult has ended, the recommendation extension with its outcome, the value
 * each of the plan's key decisions takes, and the ids of the items and pitfalls the recommendation
 * shows. Built from the answer log and the content only, so it holds no identifier, name, date or typed
 * text. A consult saved by an older statechart exports what it has: every answer as stored (a retired
 * value keeps its code) under the content version it was started with; decisions and items are listed
 * only when the given content still has its outcome.
 */
export function consultResponse(content: Pathway, consult: ConsultAnswers): QuestionnaireResponse {
  const { outcome } = consult;
  const known = outcome !== undefined && content.outcomes.some((o) => o.id === outcome);
  const recommendation = known ? recommendationFor(content, outcome, consult.log) : undefined;
  return {
    resourceType: 'QuestionnaireResponse',
    meta: versionTag(content.id, consult.contentVersion),
    ...(outcome
      ? {
          extension: [
            recommendationExtension({
              outcome: outcomeCoding(content, outcome),
              ...(recommendation
                ? {
                    contentVersion: content.version,
                    decisions: recommendation.decisions.map((d) => decisionCoding(content, d.id, d.value)),
                    items: recommendation.sections.flatMap((s) => s.items.map((i) => i.id)),
                    pitfalls: recommendation.pitfalls.map((p) => p.id),
                  }
                : { decisions: [], items: [], pitfalls: [] }),
            }),
          ],
        }
      : {}),
    questionnaire: `${canonical.questionnaire(content.id)}|${consult.contentVersion}`,
    status: outcome ? 'completed' : 'in-progress',
    // FHIR JSON has no empty arrays: a consult with no answer yet has no `item`.
    ...(consult.log.length
      ? {
          item: inFormOrder(content, consult.log).map((e) => ({
            linkId: e.question,
            answer: [{ valueCoding: answerCoding(content, e.question, e.answer) }],
          })),
        }
      : {}),
  };
}

/** Answers in the Questionnaire's item order (the content's question order), as a response lists them. */
function inFormOrder<E extends { question: QuestionId }>(content: Pathway, log: readonly E[]): E[] {
  const at = (e: E) => {
    const i = content.questions.findIndex((q) => q.id === e.question);
    return i < 0 ? content.questions.length : i;
  };
  return [...log].sort((a, b) => at(a) - at(b));
}

/** A consult's FHIR form: its QuestionnaireResponse alone in a small collection Bundle. */
export type ConsultFhir = Bundle<QuestionnaireResponse>;

/** The file name a channel gives the consult's FHIR form (no date or id in it: nothing identifies the patient). */
export const consultFhirFile = 'bcbm-consult.fhir.json';

/** The consult's FHIR form: its QuestionnaireResponse alone in a small collection Bundle (no ids, no dates). */
export function consultBundle(content: Pathway, consult: ConsultAnswers): ConsultFhir {
  return {
    resourceType: 'Bundle',
    meta: versionTag(content.id, consult.contentVersion),
    type: 'collection',
    entry: [{ resource: consultResponse(content, consult) }],
  };
}
