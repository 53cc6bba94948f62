import type { QuestionId } from '../content/case-model';
import type { Evidence, Phase } from '../content/schema';
import type { Changes } from '../pathway/changes';
import type { Recommendation, RecommendationItem, ResolvedRef } from '../pathway/recommend';
import type { ConsultFhir } from './fhir/consult';
import type { FeedbackView } from './feedback';

/**
 * One channel-neutral view per message. Renderers (text, Adaptive Card, Slack Block Kit) are pure
 * functions of a view; none of them knows about the statechart or the Bot Framework.
 */
export type Note =
  | 'unrecognised'
  | 'which'
  | 'stale'
  | 'inProgress'
  | 'nothingToUndo'
  | 'finished'
  | 'notAnswered'
  | 'notFinished'
  | 'changeWhich'
  | 'detailsAbove'
  | 'duplicate'
  | 'failed'
  | 'feedbackStale'
  | 'feedbackAlready'
  | 'feedbackNotYet'
  | 'feedbackUnknown';

interface PitfallView {
  text: string;
  evidence: Evidence;
  refs: ResolvedRef[];
}

export interface QuestionView {
  kind: 'question';
  consultId: string;
  /** The consult's revision this card was drawn at: its buttons carry it as `step` (case-model §2). */
  revision: number;
  questionId: QuestionId;
  phase: Phase;
  number: number; // how many questions have been answered before this one, plus one
  /** Asked again by `change`: the answer it had. */
  changing?: string;
  prompt: string;
  options: { value: string; label: string; hint?: string }[];
  pitfalls: PitfallView[];
}

export interface AnsweredView {
  kind: 'answered';
  /** Absent for a feedback card: what was clicked there is recorded the same way. */
  questionId?: QuestionId;
  prompt: string;
  answer: string;
  by?: string;
}

export type View =
  | { kind: 'welcome'; text: string; disclaimer: string }
  | { kind: 'notice'; note: Note }
  /** A typed reply that fits several options: which one? (their numbers in the question's list) */
  | { kind: 'which'; options: { n: number; label: string }[] }
  | { kind: 'restarted' }
  | { kind: 'undone'; short: string; answer: string }
  | { kind: 'updated'; kept: number; dropped: { short: string; answer: string }[] }
  /** `resume`: the content's line under the actions, on what to do before the questions go on. */
  | { kind: 'urgent'; items: RecommendationItem[]; resume: string }
  | QuestionView
  | AnsweredView
  | { kind: 'recommendation'; consultId: string; recommendation: Recommendation; changes?: Changes }
  /** The sections of the recommendation, unfolded: `details` (the terminal; Slack's thread). */
  | { kind: 'details'; consultId: string; recommendation: Recommendation }
  /**
   * The handover note: plain text to copy; beside it the consult's FHIR form (a small Bundle of coded
   * answers and ids, docs/fhir.md) for a channel that carries a file.
   */
  | { kind: 'note'; text: string; fhir?: ConsultFhir }
  /** `note fhir`: the consult's FHIR form as a block of JSON, for a channel without files. */
  | { kind: 'noteFhir'; fhir: ConsultFhir }
  | { kind: 'why'; short: string; prompt: string; why: string; refs: ResolvedRef[] }
  | { kind: 'whyRecommendation' }
  | {
      kind: 'summary';
      answers: { question: QuestionId; short: string; answer: string; by?: string }[];
      unknowns: { text: string; action: string; who: string }[];
      next?: string;
    }
  | { kind: 'help'; commands: { name: string; text: string }[] }
  | FeedbackView;
