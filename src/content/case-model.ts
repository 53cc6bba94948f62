/**
 * The public contract (docs/contract.md): question ids and their answer values.
 * Analytics, saved consults, card buttons and integrations depend on these strings, so they are
 * only ever added to, never renamed. Wording lives in the content, not here.
 */
export const caseModel = {
  scenario: ['newSymptoms', 'knownProgression'],
  redFlags: ['none', 'raisedIcp', 'statusEpilepticus', 'focalStatus'],
  seizure: ['yes', 'unsure', 'no'],
  mriAccess: ['available', 'contraindicated', 'unavailable'],
  imagingResult: ['pending', 'parenchymal', 'leptomeningeal', 'noMetastases'],
  lesionCount: ['one', 'twoToFour', 'fiveToTen', 'moreThanTen'],
  largestLesion: ['under3cm', 'from3to4cm', 'over4cm'],
  massEffect: ['yes', 'no'],
  resectable: ['yes', 'no'],
  // kps60orLess was retired in content 2.0: a consult saved with it is asked the question again.
  kps: ['kps90to100', 'kps70to80', 'kps60', 'kps50orLess'],
  kpsCause: ['brainLesion', 'other', 'unsure'],
  age: ['under60', 'sixtyOrOver'],
  her2: ['positive', 'low', 'ultralow', 'negative', 'unknown'],
  hormoneReceptor: ['positive', 'negative', 'unknown'],
  extracranial: ['none', 'controlled', 'progressive', 'notStaged'],
  systemicTherapy: ['none', 'firstLine', 'laterLine'],
  her2Regimen: ['trastuzumabPertuzumab', 'tdxd', 'tdm1', 'tucatinibRegimen', 'other'],
  priorBrainTreatment: ['srs', 'wbrt', 'surgeryOnly'],
  progressionPattern: ['limited', 'diffuse'],
  progressionSite: ['treatedSite', 'newLesions', 'both'],
  necrosisWorkup: ['notDone', 'favoursTumour', 'favoursNecrosis', 'indeterminate'],
} as const;

export type CaseModel = typeof caseModel;
export type QuestionId = keyof CaseModel;
export type AnswerValue<Q extends QuestionId = QuestionId> = CaseModel[Q][number];
export type Answers = { [Q in QuestionId]?: AnswerValue<Q> };

export const questionIds = Object.keys(caseModel) as QuestionId[];

export function isQuestionId(id: unknown): id is QuestionId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(caseModel, id);
}

export function isAnswerValue<Q extends QuestionId>(question: Q, value: unknown): value is AnswerValue<Q> {
  return typeof value === 'string' && (caseModel[question] as readonly string[]).includes(value);
}
