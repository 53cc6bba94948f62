import type { Pathway } from '../src/content/schema';
import type { DecisionId, Training } from '../src/content/training-schema';
import type { PlayableCase } from '../src/pathway/training-bank';
import { tagOf, type DecisionKey } from '../src/pathway/training-key';
import type { TrainView } from '../src/view/training-view';
import { maxAttempts, type Attempt, type LearnerRecord, type RunningCase } from './train-record';
import { pickCase, reviewAfter, sittingCases, sittingStart } from './train-schedule';
import { matchReply } from './match';
import { debrief, decisionView, localRefs, rightOf, scoreView } from './train-views';

export interface TrainContext {
  content: Pathway;
  training: Training;
  cases: readonly PlayableCase[];
  now: Date;
  newId: () => string;
  /** The keyed hash of the learner's channel user id. */
  learnerKey: string;
  /** A hash of the conversation this turn is in. */
  conversation: string;
  /** Several people read this conversation (group chat, channel, Slack thread). */
  shared: boolean;
  /** The channel can show a reply to the learner alone (Slack ephemeral, a Teams card invoke). */
  canReplyPrivately: boolean;
  /** A click's answer is shown to the clicker alone (Teams' user-specific card views). */
  privateOnClick: boolean;
}

export type TrainInput =
  | { kind: 'train'; caseId?: string }
  | { kind: 'choice'; caseId: string; decision: string; choice: string; attempt?: string; step?: number }
  | { kind: 'answer'; text: string }
  | { kind: 'why' }
  | { kind: 'back' }
  | { kind: 'summary' }
  | { kind: 'help' }
  | { kind: 'score' }
  | { kind: 'leave' };

export interface TrainResult {
  learner: LearnerRecord;
  running?: RunningCase;
  learnerChanged: boolean;
  runningChanged: boolean;
  /** For everyone in the conversation (the case description, the first decision). */
  shared: TrainView[];
  /** For the learner alone (reveals, their next decision, the debrief, hints, their record). */
  own: TrainView[];
  /** Decisions scored in this turn, for the educator's aggregates. */
  scored: { decision: DecisionId; right: boolean }[];
  started: boolean;
  completed: boolean;
  /** False: not a training turn after all (the consult takes it). */
  claimed: boolean;
}

/** The learner's attempt in progress, if any. */
export function activeAttempt(learner: LearnerRecord): Attempt | undefined {
  const last = learner.attempts.at(-1);
  return last && !last.finishedAt && !last.left ? last : undefined;
}

/** Whether typed answers and `why`/`back` in this conversation belong to training. */
export function inTraining(learner: LearnerRecord | undefined, conversation: string): boolean {
  const a = learner && activeAttempt(learner);
  return Boolean(a && a.conversation === conversation);
}

/** What a learner sees of one of their attempts now: the decision they are at, or the debrief. */
export function attemptViews(learner: LearnerRecord, attemptId: string, ctx: TrainContext): TrainView[] {
  const a = learner.attempts.find((x) => x.id === attemptId);
  const c = a && ctx.cases.find((x) => x.id === a.caseId);
  if (!a || !c) return [{ kind: 'trainNotice', note: 'noAttempt' }];
  if (a.finishedAt) return [debrief(ctx.content, c, a)];
  if (a !== activeAttempt(learner)) return [{ kind: 'trainNotice', note: 'stale' }];
  return [decisionView(c, a.choices.length, a.id)];
}

/**
 * One training turn: a pure function from the learner's record (and the case running in the conversation) and
 * the input to the new record and the views. Nothing is revealed before the learner commits to a choice, and
 * a committed choice is never changed.
 */
export function trainTurn(
  learner: LearnerRecord,
  running: RunningCase | undefined,
  input: TrainInput,
  ctx: TrainContext,
): TrainResult {
  const at = ctx.now.toISOString();
  const result = (r: Partial<TrainResult>): TrainResult => ({
    learner,
    running,
    learnerChanged: false,
    runningChanged: false,
    shared: [],
    own: [],
    scored: [],
    started: false,
    completed: false,
    claimed: true,
    ...r,
  });
  const active = activeAttempt(learner);
  const here = active && active.conversation === ctx.conversation ? active : undefined;
  const caseOf = (id: string | undefined) => ctx.cases.find((c) => c.id === id);
  const current = (a: Attempt | undefined): TrainView[] => {
    const c = a && caseOf(a.caseId);
    return c && a ? [decisionView(c, a.choices.length, a.id)] : [];
  };
  const notice = (
    note: 'stale' | 'noCase' | 'committed' | 'unrecognised' | 'which' | 'sharedTyped' | 'noAttempt',
  ) => result({ own: [{ kind: 'trainNotice', note }, ...current(active)] });

  /** A new attempt at a case: any other attempt in progress is left unscored. */
  const begin = (c: PlayableCase, joined: boolean): TrainResult => {
    const attempt: Attempt = {
      id: ctx.newId(),
      caseId: c.id,
      conversation: ctx.conversation,
      startedAt: at,
      choices: [],
    };
    const attempts = [...learner.attempts.map((a) => (a === active ? { ...a, left: true } : a)), attempt];
    const next: LearnerRecord = {
      ...learner,
      attempts: attempts.slice(-maxAttempts),
      sittingSince: sittingStart(learner, ctx.now),
    };
    const newRunning: RunningCase = joined && running ? running : { schema: 1, caseId: c.id, startedAt: at };
    // On a shared card the buttons carry no attempt: each learner's click joins or continues their own.
    const first = decisionView(c, 0, ctx.shared ? undefined : attempt.id);
    return result({
      learner: next,
      running: newRunning,
      learnerChanged: true,
      runningChanged: newRunning !== running,
      shared: [
        ...(joined ? [{ kind: 'trainNotice', note: 'joined' } as TrainView] : []),
        { kind: 'trainCase', caseId: c.id, text: c.description.opening },
        first,
      ],
      started: true,
    });
  };

  const choose = (a: Attempt, c: PlayableCase, value: string, base: LearnerRecord): TrainResult => {
    const index = a.choices.length;
    const k = c.decisions[index] as DecisionKey;
    const option = k.decision.options.find((o) => o.value === value);
    if (!option) return notice('unrecognised');
    const right = rightOf(k);
    const correct = option.value === right.value;
    // The harm told, and counted as a critical error, is the one that fits this case.
    const tag = tagOf(k, option);
    const harmful = tag?.kind === 'harmful';
    const done: Attempt = {
      ...a,
      choices: [...a.choices, { decision: k.decision.id, choice: option.value, right: correct, harmful, at }],
    };
    const finished = done.choices.length >= c.decisions.length;
    if (finished) done.finishedAt = at;
    const next: LearnerRecord = {
      ...base,
      attempts: base.attempts.map((x) => (x.id === a.id ? done : x)),
      reviews: { ...base.reviews, [k.decision.id]: reviewAfter(base.reviews[k.decision.id], correct, at) },
    };
    const reveal: TrainView = {
      kind: 'trainReveal',
      correct,
      title: k.decision.title,
      rightLabel: right.label,
      chosenLabel: option.label,
      explanation: right.explanation,
      ...(correct
        ? {}
        : {
            chosenWhy: {
              harmful,
              text: tag?.why ?? option.explanation,
            },
          }),
      refs: localRefs(ctx.content, right),
    };
    return result({
      learner: next,
      learnerChanged: true,
      own: [reveal, finished ? debrief(ctx.content, c, done) : decisionView(c, index + 1, a.id)],
      scored: [{ decision: k.decision.id, right: correct }],
      completed: finished,
    });
  };

  switch (input.kind) {
    case 'train': {
      if (input.caseId !== undefined) {
        const c = caseOf(input.caseId);
        return c ? begin(c, false) : notice('noCase');
      }
      const c = here && caseOf(here.caseId);
      if (here && c)
        return result({
          own: [{ kind: 'trainCase', caseId: c.id, text: c.description.opening }, ...current(here)],
        });
      const runningCase = caseOf(running?.caseId);
      const playedHere = (id: string) =>
        learner.attempts.some((a) => a.caseId === id && a.conversation === ctx.conversation);
      // Not the same case twice in one sitting: neither a running case nor a pick the learner has had.
      const asked = sittingCases(learner, sittingStart(learner, ctx.now));
      if (runningCase && !playedHere(runningCase.id) && !asked.has(runningCase.id))
        return begin(runningCase, true);
      const pick = pickCase(ctx.cases, learner, ctx.learnerKey, ctx.now, asked);
      return pick ? begin(pick, false) : notice('noCase');
    }
    case 'choice': {
      const c = caseOf(input.caseId);
      if (!c) return notice('noCase');
      let a = active;
      let base = learner;
      if (input.attempt !== undefined) {
        if (!a || a.id !== input.attempt) return notice('stale');
      } else if (!a || a.caseId !== c.id) {
        // A click on a shared card joins the case, once: a learner who played it here already is stale.
        const played = learner.attempts.some((x) => x.caseId === c.id && x.conversation === ctx.conversation);
        if (played || input.step !== 0) return notice('stale');
        const joined = begin(c, true);
        base = joined.learner;
        a = activeAttempt(base) as Attempt;
        const chosen = choose(a, c, input.choice, base);
        return { ...chosen, running: joined.running, runningChanged: joined.runningChanged, started: true };
      }
      const k = c.decisions[a.choices.length];
      if (
        !k ||
        k.decision.id !== input.decision ||
        (input.step !== undefined && input.step !== a.choices.length)
      )
        return notice('stale');
      return choose(a, c, input.choice, base);
    }
    case 'answer': {
      const c = here && caseOf(here.caseId);
      const k = c?.decisions[here?.choices.length ?? 0];
      if (!here || !c || !k) return result({ claimed: false });
      if (ctx.shared && !ctx.canReplyPrivately) return notice('sharedTyped');
      const m = matchReply(k.decision.options, input.text);
      if (m.kind === 'one') return choose(here, c, m.value, learner);
      return notice(m.kind === 'several' ? 'which' : 'unrecognised');
    }
    case 'why': {
      const c = here && caseOf(here.caseId);
      const k = c?.decisions[here?.choices.length ?? 0];
      if (!k) return result({ claimed: false });
      return result({ own: [{ kind: 'trainHint', title: k.decision.title, hint: k.decision.hint }] });
    }
    case 'back':
      return here ? notice('committed') : result({ claimed: false });
    case 'summary': {
      const c = here && caseOf(here.caseId);
      if (!here || !c) return result({ claimed: false });
      return result({
        own: [{ kind: 'trainCase', caseId: c.id, text: c.description.opening }, ...current(here)],
      });
    }
    case 'help':
      return here ? result({ own: [{ kind: 'trainHelp' }, ...current(here)] }) : result({ claimed: false });
    case 'score':
      // A record is the learner's alone: in a shared chat it goes to them privately, or is not shown there.
      if (!ctx.shared || ctx.canReplyPrivately)
        return result({ own: [scoreView(ctx.training, ctx.cases, learner, ctx.now)] });
      return result({ shared: [{ kind: 'trainAlone', how: ctx.privateOnClick ? 'button' : 'direct' }] });
    case 'leave': {
      // Leaving training ends the sitting too.
      if (!active && learner.sittingSince === undefined) return result({ claimed: false });
      const { sittingSince: _ended, ...rest } = learner;
      return result({
        learner: {
          ...rest,
          attempts: learner.attempts.map((a) => (a === active ? { ...a, left: true } : a)),
        },
        learnerChanged: true,
        claimed: false,
      });
    }
  }
}
