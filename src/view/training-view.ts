/** Trainee-mode views: channel-neutral, rendered by ./training-render.ts. */
export interface TrainRef {
  n: number;
  text: string;
}

export type TrainNote =
  | 'stale'
  | 'noCase'
  | 'committed'
  | 'unrecognised'
  | 'which'
  | 'sharedTyped'
  | 'noAttempt'
  | 'joined'
  | 'educatorsOnly';

export interface TrainDecisionView {
  kind: 'trainDecision';
  caseId: string;
  /** Absent on a card shared by several learners: the click then joins or continues the clicker's own attempt. */
  attemptId?: string;
  step: number;
  decisionId: string;
  title: string;
  number: number;
  total: number;
  prompt: string;
  /** What the imaging showed, given with the first decision that needs it. */
  findings?: string;
  options: { value: string; label: string }[];
}

interface TrainRevealView {
  kind: 'trainReveal';
  correct: boolean;
  title: string;
  rightLabel: string;
  chosenLabel: string;
  explanation: string;
  /** For a wrong choice: why it is wrong, and whether it is harmful. */
  chosenWhy?: { harmful: boolean; text: string };
  refs: TrainRef[];
}

interface TrainDebriefView {
  kind: 'trainDebrief';
  caseId: string;
  right: number;
  total: number;
  missed: { title: string; chosen: string; right: string; pitfalls: string[] }[];
  critical: { title: string; chosen: string; why: string }[];
  review: string[];
}

interface TrainScoreView {
  kind: 'trainScore';
  casesDone: number;
  /** The learner's latest cases, newest first: N right of M decisions (`answered` of them so far). */
  recent: {
    caseId: string;
    date: string;
    right: number;
    answered: number;
    total: number;
    state: 'done' | 'playing' | 'left';
  }[];
  decisions: {
    title: string;
    answered: number;
    right: number;
    history: string;
    due?: string;
    retired: boolean;
  }[];
  dueNow: string[];
}

export interface TrainReportView {
  kind: 'trainReport';
  attempts: number;
  completed: number;
  decisions: { title: string; answered: number; right: number }[];
}

export type TrainView =
  | { kind: 'trainCase'; caseId: string; text: string }
  | TrainDecisionView
  | TrainRevealView
  | TrainDebriefView
  | { kind: 'trainHint'; title: string; hint: string }
  | { kind: 'trainNotice'; note: TrainNote }
  | TrainScoreView
  | TrainReportView
  /**
   * In a shared chat, in place of the learner's record: a button that shows it to whoever taps it alone
   * (`button`), or where the channel cannot, a pointer to a one-to-one chat (`direct`).
   */
  | { kind: 'trainAlone'; how: 'button' | 'direct' }
  | { kind: 'trainHelp' };
