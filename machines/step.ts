import { createActor, initialTransition, type ActorScope, type SnapshotFrom } from 'xstate';
import { isAnswerValue, type QuestionId } from '../src/content/case-model';
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
  let snapshot = initialTransition(bcbmMachine)[0];
  const applied: Replayed['applied'] = [];
  const dropped: Replayed['dropped'] = [];
  const pending = [...answers];
  // An answer the current question does not take may still apply later (questions can be reordered).
  for (;;) {
    const step = stepOf(snapshot);
    if (step.kind !== 'question') break;
    const i = pending.findIndex((a) => a.question === step.questionId);
    if (i < 0) break;
    const [next] = pending.splice(i, 1) as [{ question: QuestionId; answer: string }];
    const event = answerEvent(next.question, next.answer as never) as AnswerEvent;
    // A value the case model retired (e.g. kps60orLess in content 2.0) is dropped, so it is asked again.
    if (!isAnswerValue(next.question, next.answer) || !snapshot.can(event)) {
      dropped.push(next);
      continue;
    }
    snapshot = advance(snapshot, event);
    applied.push(next);
  }
  dropped.push(...pending);
  return { snapshot, applied, dropped };
}

/**
 * The scope a transition runs in. XState's `transition()` builds a throwaway actor for each call (and
 * with it the machine's initial snapshot), a third of a turn's statechart time. This machine has only
 * guards and `assign`: no actors, timers, raised or emitted events, so nothing of the scope is used by
 * a transition and one inert scope, built once, serves them all (the generated paths check each route).
 */
const inert: ActorScope<BcbmSnapshot, AnswerEvent> = (() => {
  const self = createActor(bcbmMachine);
  const nothing = () => undefined;
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: nothing,
    defer: nothing,
    emit: nothing,
    stopChild: nothing,
    actionExecutor: nothing,
  };
})();

/** The snapshot after an answer: a pure transition, no actor. */
export function advance(snapshot: BcbmSnapshot, event: AnswerEvent): BcbmSnapshot {
  return bcbmMachine.transition(snapshot, event, inert);
}

/** Snapshots already restored (or just persisted), by the stored object they came from. */
const restored = new WeakMap<object, BcbmSnapshot>();

/** The JSON that is stored: XState's persisted form of the snapshot. */
export function persistSnapshot(snapshot: BcbmSnapshot): unknown {
  // XState's persisted form is plain data already (its own copy); only the undefined fields go, as in JSON.
  const persisted = bcbmMachine.getPersistedSnapshot(snapshot) as Record<string, unknown>;
  for (const key of Object.keys(persisted)) if (persisted[key] === undefined) delete persisted[key];
  // The next turn of this consult restores what is stored now: it can have the live snapshot at once.
  restored.set(persisted, snapshot);
  return persisted;
}

/**
 * Restores a stored snapshot. One that names a state the machine no longer has comes back with
 * status 'error' for the caller to handle: without an error listener XState would report it as an
 * uncaught exception on a timer, which stops the process.
 */
export function restoreSnapshot(stored: unknown): BcbmSnapshot {
  // The consult service hands the same stored record to consecutive turns of a conversation, and a
  // snapshot is never changed in place (transitions return new ones), so one restore serves them all.
  const cached = typeof stored === 'object' && stored !== null ? restored.get(stored) : undefined;
  if (cached) return cached;
  const actor = createActor(bcbmMachine, { snapshot: stored as BcbmSnapshot });
  actor.subscribe({ error: () => undefined });
  actor.start();
  const snapshot = actor.getSnapshot();
  actor.stop();
  if (typeof stored === 'object' && stored !== null) restored.set(stored, snapshot);
  return snapshot;
}
