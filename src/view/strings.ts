import type { Section } from '../content/schema';
import type { Note } from './view';

/** Interface wording (not clinical content): notices, headings and the command list. */
export const notes: Record<Note, string> = {
  unrecognised: "Sorry, I couldn't use that answer. Reply with an option's number or name, or type help.",
  stale: 'That card is out of date, so nothing was changed. Here is the current question.',
  inProgress: 'A consult is already in progress. Type restart to begin again.',
  nothingToUndo: 'There is no answer to undo yet.',
  failed:
    'Something went wrong with that step. Your earlier answers are saved: type summary to see them, or try again.',
  duplicate: 'Already received: that answer was recorded once.',
  finished: 'This consult is finished. Type restart to begin a new one, or back to change the last answer.',
};

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
  { name: 'help', text: 'this list' },
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
  pitfallsAtQuestion: 'Pitfall',
  basis: 'Basis',
  inputs: 'Your answers',
  unknowns: 'Still unknown',
  prognosis: 'Prognosis',
  pitfalls: 'Pitfalls to avoid',
  references: 'References',
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
  gpaMedian: 'median survival',
  months: 'months',
  gpaOpen: 'open: not asked or unknown',
} as const;
