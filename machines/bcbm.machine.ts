import { createHash } from 'node:crypto';
import { assign, setup } from 'xstate';
import type { AnswerValue, Answers, QuestionId } from '../src/content/case-model';

/** One event per question, so a click on an old card is an event the current state does not take. */
export type AnswerEvent = { [Q in QuestionId]: { type: `answer.${Q}`; value: AnswerValue<Q> } }[QuestionId];
export type BcbmEvent = AnswerEvent;

export interface BcbmContext {
  answers: Answers;
}

/** The recommendation a consult can end in: the final states, named as in the content's outcomes. */
export type OutcomeId =
  | 'interimPlan'
  | 'leptomeningealPlan'
  | 'noMetastasesPlan'
  | 'treatmentPlan'
  | 'progressionPlan';

export function answerEvent<Q extends QuestionId>(question: Q, value: AnswerValue<Q>): AnswerEvent {
  return { type: `answer.${question}`, value } as AnswerEvent;
}

export function questionOf(event: AnswerEvent): QuestionId {
  return event.type.slice('answer.'.length) as QuestionId;
}

/** The answers with the event's own answer applied (guards decide on the answer being given). */
function withEvent(context: BcbmContext, event: BcbmEvent): Answers {
  return { ...context.answers, [questionOf(event)]: event.value };
}

type Is = { q: QuestionId; is: readonly string[] };
function isAnswer(answers: Answers, { q, is }: Is): boolean {
  const value = answers[q];
  return value !== undefined && is.includes(value);
}
const answered = (q: QuestionId, ...is: string[]) => ({ type: 'answered' as const, params: { q, is } });

/** KPS, then its cause when it is 60 or less (a low KPS the lesions cause may recover), then `next`. */
const kpsQuestions = (next: string) => ({
  askKps: {
    tags: 'question' as const,
    meta: { questionId: 'kps' as const },
    on: {
      'answer.kps': [
        { guard: answered('kps', 'kps60', 'kps50orLess'), target: 'askKpsCause', actions: 'record' as const },
        { target: next, actions: 'record' as const },
      ],
    },
  },
  askKpsCause: {
    tags: 'question' as const,
    meta: { questionId: 'kpsCause' as const },
    on: { 'answer.kpsCause': { target: next, actions: 'record' as const } },
  },
});

/** The last systemic answer ends the consult in the plan for its scenario. */
const toPlan = [
  {
    guard: answered('scenario', 'newSymptoms'),
    target: '#bcbm.recommend.treatmentPlan',
    actions: 'record' as const,
  },
  { target: '#bcbm.recommend.progressionPlan', actions: 'record' as const },
];

/**
 * The consult pathway. States are questions grouped by phase; final states are recommendations.
 * The machine refers to content by id only (meta) and does no I/O; the rules that pick the advice
 * items are content (src/content), the routing of questions is here.
 */
export const bcbmMachine = setup({
  types: {
    context: {} as BcbmContext,
    events: {} as BcbmEvent,
    meta: {} as { questionId?: QuestionId; outcomeId?: OutcomeId },
    tags: {} as 'question' | 'recommendation',
  },
  guards: {
    answered: ({ context, event }, params: Is) => isAnswer(withEvent(context, event), params),
    all: ({ context, event }, params: readonly Is[]) =>
      params.every((p) => isAnswer(withEvent(context, event), p)),
  },
  actions: {
    record: assign({ answers: ({ context, event }) => withEvent(context, event) }),
  },
}).createMachine({
  id: 'bcbm',
  initial: 'triage',
  context: { answers: {} },
  states: {
    triage: {
      initial: 'askScenario',
      states: {
        askScenario: {
          tags: 'question',
          meta: { questionId: 'scenario' },
          on: { 'answer.scenario': { target: 'askRedFlags', actions: 'record' } },
        },
        askRedFlags: {
          tags: 'question',
          meta: { questionId: 'redFlags' },
          on: {
            // Convulsive or focal status epilepticus already answers the seizure question.
            'answer.redFlags': [
              {
                guard: answered('redFlags', 'statusEpilepticus', 'focalStatus'),
                target: 'route',
                actions: 'record',
              },
              { target: 'askSeizure', actions: 'record' },
            ],
          },
        },
        askSeizure: {
          tags: 'question',
          meta: { questionId: 'seizure' },
          on: { 'answer.seizure': { target: 'route', actions: 'record' } },
        },
        route: {
          always: [
            { guard: answered('scenario', 'newSymptoms'), target: '#bcbm.imaging' },
            { target: '#bcbm.progression' },
          ],
        },
      },
    },
    imaging: {
      initial: 'askMriAccess',
      states: {
        askMriAccess: {
          tags: 'question',
          meta: { questionId: 'mriAccess' },
          on: { 'answer.mriAccess': { target: 'askImagingResult', actions: 'record' } },
        },
        askImagingResult: {
          tags: 'question',
          meta: { questionId: 'imagingResult' },
          on: {
            'answer.imagingResult': [
              {
                guard: answered('imagingResult', 'pending'),
                target: '#bcbm.recommend.interimPlan',
                actions: 'record',
              },
              {
                guard: answered('imagingResult', 'leptomeningeal'),
                target: '#bcbm.leptomeningeal',
                actions: 'record',
              },
              {
                guard: answered('imagingResult', 'noMetastases'),
                target: '#bcbm.recommend.noMetastasesPlan',
                actions: 'record',
              },
              { target: '#bcbm.lesions', actions: 'record' },
            ],
          },
        },
      },
    },
    lesions: {
      initial: 'askLesionCount',
      states: {
        askLesionCount: {
          tags: 'question',
          meta: { questionId: 'lesionCount' },
          on: { 'answer.lesionCount': { target: 'askLargestLesion', actions: 'record' } },
        },
        askLargestLesion: {
          tags: 'question',
          meta: { questionId: 'largestLesion' },
          on: { 'answer.largestLesion': { target: 'askMassEffect', actions: 'record' } },
        },
        askMassEffect: {
          tags: 'question',
          meta: { questionId: 'massEffect' },
          on: {
            // Resectability only changes the advice where surgery is a real option: mass effect,
            // a lesion of 3 cm or more, or a single metastasis.
            'answer.massEffect': [
              { guard: answered('massEffect', 'yes'), target: 'askResectable', actions: 'record' },
              {
                guard: answered('largestLesion', 'from3to4cm', 'over4cm'),
                target: 'askResectable',
                actions: 'record',
              },
              { guard: answered('lesionCount', 'one'), target: 'askResectable', actions: 'record' },
              { target: '#bcbm.prognosis', actions: 'record' },
            ],
          },
        },
        askResectable: {
          tags: 'question',
          meta: { questionId: 'resectable' },
          on: { 'answer.resectable': { target: '#bcbm.prognosis', actions: 'record' } },
        },
      },
    },
    progression: {
      initial: 'askPriorBrainTreatment',
      states: {
        askPriorBrainTreatment: {
          tags: 'question',
          meta: { questionId: 'priorBrainTreatment' },
          on: { 'answer.priorBrainTreatment': { target: 'askProgressionPattern', actions: 'record' } },
        },
        askProgressionPattern: {
          tags: 'question',
          meta: { questionId: 'progressionPattern' },
          on: { 'answer.progressionPattern': { target: 'askProgressionSite', actions: 'record' } },
        },
        askProgressionSite: {
          tags: 'question',
          meta: { questionId: 'progressionSite' },
          on: {
            // Radionecrosis is only a question where a growing lesion was irradiated.
            'answer.progressionSite': [
              {
                guard: {
                  type: 'all',
                  params: [
                    { q: 'progressionSite', is: ['treatedSite', 'both'] },
                    { q: 'priorBrainTreatment', is: ['srs', 'wbrt'] },
                  ],
                },
                target: 'askNecrosisWorkup',
                actions: 'record',
              },
              { target: 'askMassEffect', actions: 'record' },
            ],
          },
        },
        askNecrosisWorkup: {
          tags: 'question',
          meta: { questionId: 'necrosisWorkup' },
          on: { 'answer.necrosisWorkup': { target: 'askMassEffect', actions: 'record' } },
        },
        // Mass effect decides steroids and surgery at progression as well.
        askMassEffect: {
          tags: 'question',
          meta: { questionId: 'massEffect' },
          on: { 'answer.massEffect': { target: '#bcbm.prognosis', actions: 'record' } },
        },
      },
    },
    prognosis: {
      initial: 'askKps',
      states: {
        ...kpsQuestions('askAge'),
        askAge: {
          tags: 'question',
          meta: { questionId: 'age' },
          on: { 'answer.age': { target: '#bcbm.systemic', actions: 'record' } },
        },
      },
    },
    systemic: {
      initial: 'askHer2',
      states: {
        askHer2: {
          tags: 'question',
          meta: { questionId: 'her2' },
          on: { 'answer.her2': { target: 'askHormoneReceptor', actions: 'record' } },
        },
        askHormoneReceptor: {
          tags: 'question',
          meta: { questionId: 'hormoneReceptor' },
          on: { 'answer.hormoneReceptor': { target: 'askExtracranial', actions: 'record' } },
        },
        askExtracranial: {
          tags: 'question',
          meta: { questionId: 'extracranial' },
          on: { 'answer.extracranial': { target: 'askSystemicTherapy', actions: 'record' } },
        },
        askSystemicTherapy: {
          tags: 'question',
          meta: { questionId: 'systemicTherapy' },
          on: {
            // The HER2 regimen decides the next line only for HER2-positive disease on treatment.
            'answer.systemicTherapy': [
              {
                guard: {
                  type: 'all',
                  params: [
                    { q: 'her2', is: ['positive'] },
                    { q: 'systemicTherapy', is: ['firstLine', 'laterLine'] },
                  ],
                },
                target: 'askHer2Regimen',
                actions: 'record',
              },
              ...toPlan,
            ],
          },
        },
        askHer2Regimen: {
          tags: 'question',
          meta: { questionId: 'her2Regimen' },
          on: {
            'answer.her2Regimen': toPlan,
          },
        },
      },
    },
    // Leptomeningeal disease: no Breast GPA (it was not derived for it), so no lesion count or age;
    // mass effect or hydrocephalus decides whether a lumbar puncture is safe.
    leptomeningeal: {
      initial: 'askMassEffect',
      states: {
        askMassEffect: {
          tags: 'question',
          meta: { questionId: 'massEffect' },
          on: { 'answer.massEffect': { target: 'askKps', actions: 'record' } },
        },
        ...kpsQuestions('askHer2'),
        askHer2: {
          tags: 'question',
          meta: { questionId: 'her2' },
          on: { 'answer.her2': { target: 'askSystemicTherapy', actions: 'record' } },
        },
        askSystemicTherapy: {
          tags: 'question',
          meta: { questionId: 'systemicTherapy' },
          on: {
            'answer.systemicTherapy': { target: '#bcbm.recommend.leptomeningealPlan', actions: 'record' },
          },
        },
      },
    },
    recommend: {
      initial: 'treatmentPlan',
      states: {
        interimPlan: { type: 'final', tags: 'recommendation', meta: { outcomeId: 'interimPlan' } },
        leptomeningealPlan: {
          type: 'final',
          tags: 'recommendation',
          meta: { outcomeId: 'leptomeningealPlan' },
        },
        noMetastasesPlan: { type: 'final', tags: 'recommendation', meta: { outcomeId: 'noMetastasesPlan' } },
        treatmentPlan: { type: 'final', tags: 'recommendation', meta: { outcomeId: 'treatmentPlan' } },
        progressionPlan: { type: 'final', tags: 'recommendation', meta: { outcomeId: 'progressionPlan' } },
      },
    },
  },
});

/**
 * A fingerprint of the machine's structure, stored with every snapshot: when a deploy changes the
 * pathway, an old snapshot is not restored blindly but its answers are replayed (see dialogs/).
 */
export const bcbmMachineVersion = createHash('sha256')
  .update(JSON.stringify(bcbmMachine.config))
  .digest('hex')
  .slice(0, 12);
