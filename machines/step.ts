import { createActor, type SnapshotFrom } from 'xstate';
import type { Answers, QuestionId } from '../src/content/case-model';
import { answerEvent, bcbmMachine, type AnswerEvent, type OutcomeId } from './bcbm.machine';

export type BcbmSnapshot = SnapshotFrom<typeof bcbmMachine>;
export type Step = { kind: 'question'; questionId: QuestionId } | { kind: 'outcome'; outcomeId: OutcomeId };

/** Where the consult stands: the question being asked, or the recommendation it ended in. */
export function stepOf(snapshot: BcbmSnapshot): Step {
  for (const meta of Object.values(snapshot.getMeta()) as {
    questionId?: QuestionId;
    outcomeId?: OutcomeId;
  }[]) {
    if (meta.outcomeId) return { kind: 'outcome', outcomeId: meta.outcomeId };
    if (meta.questionId) return { kind: 'question', questionId: meta.questionId };
  }
  throw new Error(`state ${JSON.stringify(snapshot.value)} is neither a question nor a recommendation`);
}

export interface Replayed {
  snapshot: BcbmSnapshot;
  /** The answers, in order, that the machine took. */
  applied: { question: QuestionId; answer: string }[];
  /** Answers the machine no longer asks for, or no longer accepts. */
  dropped: { question: QuestionId; answer: string }[];
}

/**
 * Replays answers from the start. Used for `back` (all but the last), and for consults saved by an
 * older version of the machine, whose snapshot is not restored blindly.
 */
export function replay(answers: readonly { question: QuestionId; answer: string }[]): Replayed {
  const actor = createActor(bcbmMachine).start();
  const applied: Replayed['applied'] = [];
  const dropped: Replayed['dropped'] = [];
  const pending = [...answers];
  // An answer the current question does not take may still apply later (questions can be reordered).
  for (;;) {
    const snapshot = actor.getSnapshot();
    const step = stepOf(snapshot);
    if (step.kind !== 'question') break;
    const i = pending.findIndex((a) => a.question === step.questionId);
    if (i < 0) break;
    const [next] = pending.splice(i, 1) as [{ question: QuestionId; answer: string }];
    const event = answerEvent(next.question, next.answer as never) as AnswerEvent;
    if (!snapshot.can(event)) {
      dropped.push(next);
      continue;
    }
    actor.send(event);
    applied.push(next);
  }
  dropped.push(...pending);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { snapshot, applied, dropped };
}

export function answersOf(snapshot: BcbmSnapshot): Answers {
  return snapshot.context.answers;
}
