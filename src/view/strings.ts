import type { Section } from '../content/schema';
import type { Note } from './view';

/** Interface wording (not clinical content): notices, headings and the command list. */
export const notes: Record<Note, string> = {
  unrecognised: "Sorry, I couldn't use that answer. Reply with an option's number or name, or type help.",
  which: 'That fits more than one answer: reply with the number of the one you mean.',
  stale: 'That card is out of date, so nothing was changed. Here is the current question.',
  inProgress: 'A consult is already in progress. Type restart to begin again.',
  nothingToUndo: 'There is no answer to undo yet.',
  failed:
    'Something went wrong with that step. Your earlier answers are saved: type summary to see them, or try again.',
  duplicate: 'Already received: that answer was recorded once.',
  finished:
    'This consult is finished. Type details for the full plan, note for a handover note, change <question> to edit an answer, or restart.',
  notAnswered:
    'That question has no answer to change yet. Type summary to see the answers and their numbers.',
  notFinished: 'The full plan comes when the consult is finished. Here is the current question.',
  changeWhich: 'Which answer? Type change and its name or number in the summary, for example: change 2.',
  detailsAbove: 'Open a section of the plan above for the details, sources and your answers.',
  feedbackStale: 'That card is out of date, so no feedback was recorded.',
  feedbackAlready: 'Your feedback on this recommendation was already recorded. Thank you.',
  feedbackNotYet: 'Feedback goes with a recommendation: it can be given once the consult is finished.',
  feedbackUnknown: 'Sorry, I could not use that choice. Please choose again.',
};

/** Said when the turn could not reach the store: the answer was not taken, and the same reply will work shortly. */
export const tryAgainNote =
  "I can't save answers right now, so nothing was changed. Please try again in a moment.";

/** Who gave an answer in a shared conversation, when it was not this turn's sender (dialogs/answerers.ts). */
export const otherAnswerer = 'another clinician';

/** Shown with the welcome when the app is installed. */
export const howToStart = 'Type start to begin (in a channel, mention me first).';

/** Said with every welcome: the consult never needs to know who the patient is. */
export const privacyHint =
  'No patient names, record numbers or other identifiers are needed: please do not type any.';

export const commands: { name: string; text: string }[] = [
  { name: 'start', text: 'begin a consult (also: consult)' },
  { name: 'restart', text: 'drop the answers and begin again' },
  { name: 'back', text: 'undo the last answer' },
  { name: 'why', text: 'why the current question matters and what it decides' },
  { name: 'summary', text: 'the answers so far and what is still unknown' },
  { name: 'details', text: 'the full plan, section by section' },
  { name: 'note', text: 'a handover note (SBAR) to copy into the record' },
  { name: 'note fhir', text: 'this consult as FHIR JSON (coded answers and recommended item ids)' },
  { name: 'change <question>', text: 'change an earlier answer (its name or number in the summary)' },
  { name: 'help', text: 'this list' },
  { name: 'helpful', text: 'tell the content’s editors the recommendation helped' },
  { name: 'not helpful', text: 'tell them why it did not (a reason and the part it concerns)' },
  // Trainee mode (src/view/training-render.ts has its own commands).
  {
    name: 'train',
    text: 'trainee mode: play a case, commit to each decision, then see the pathway’s choice',
  },
  { name: 'score', text: 'your own training record' },
];

export const sectionTitles: Record<Section, string> = {
  immediate: 'Immediate actions',
  symptomControl: 'Symptom control',
  localTherapy: 'Local therapy',
  systemicTherapy: 'Systemic therapy',
  followUp: 'Follow-up',
};

export const evidenceLabels = {
  verified: '',
  secondary: 'secondary source',
  unverified: 'UNVERIFIED',
} as const;

export const headings = {
  urgent: 'Act now',
  /** The plain-text heading of an "Act now": capitals, where text has no colour to set it apart. */
  urgentText: 'ACT NOW',
  urgentDetails: 'Details and sources',
  urgentDetailsInThread: 'Details and sources are in the thread.',
  /** After a plan's resume label where there is no button: "Imaging result is back? Type: change imaging". */
  resumeType: 'Type',
  pitfallsAtQuestion: 'Pitfall',
  basis: 'Basis',
  inputs: 'Your answers',
  unknowns: 'Still unknown',
  prognosis: 'Prognosis',
  pitfalls: 'Pitfalls',
  references: 'Sources',
  bottomLine: 'Bottom line',
  plan: 'Plan',
  decisions: 'Key decisions',
  whatChanged: 'What changed',
  added: 'Added',
  removed: 'Removed',
  prognosisChanged: 'Breast GPA',
  noLongerAsked: 'No longer asked',
  nowAsked: 'Now asked',
  nothingChanged: 'Nothing else in the plan or the prognosis changed.',
  continued: 'continued',
  moreDetails: 'More details',
  detailsInThread: 'Details, sources and your answers are in the thread.',
  detailsHint: 'Type details for the full plan, note for a handover note.',
  openHint: 'Open a section for the details, sources and your answers.',
  change: 'Change',
  changing: 'Changing an earlier answer',
  situation: 'Situation',
  background: 'Background',
  assessment: 'Assessment',
  recommendation: 'Recommendation',
  openItems: 'Still unknown',
  safetyNet: 'Safety net',
  noteDecisionSupport: 'Decision support only.',
  noteTitle: 'Handover note',
  noteCopy: 'Copy the text below into the record.',
  noteFhirTitle: 'This consult as FHIR (JSON)',
  noteFhirCopy:
    'A QuestionnaireResponse of coded answers and recommended item ids in a Bundle: no identifiers, no typed text. Save it as a .json file.',
  noteFhirHint: 'Type note fhir for this consult as FHIR JSON.',
  noteInProgress: 'BCBM consult in progress',
  notePending: 'Consult not finished; next question:',
  noteMore: 'more in the consult',
  because: 'because',
  restarted: 'Starting a new consult.',
  updated: 'The pathway was updated since this consult began. Your answers that still apply were kept',
  undone: 'Undid',
  why: 'Why this is asked',
  whyRecommendation:
    'Each point of the recommendation lists the answers that triggered it and its sources. Type back to change the last answer.',
  summary: 'Summary so far',
  next: 'Next question',
  help: 'Commands',
  seed: 'Differs from the seed article',
  version: 'Content version',
  gpaScore: 'score',
  gpaBand: 'band',
  gpaMedian: 'median survival',
  gpaWithheld: 'no median shown for the lowest band',
  months: 'months',
  gpaOpen: 'open: not asked or unknown',
} as const;
