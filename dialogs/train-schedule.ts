import { createHash } from 'node:crypto';
import type { DecisionId } from '../src/content/training-schema';
import type { PlayableCase } from '../src/pathway/training-bank';
import type { LearnerRecord, Review } from './train-record';

/** Qstream's published intervals: a missed type comes back after about 12 days, a right one after 24. */
const daysAfterWrong = 12;
const daysAfterRight = 24;
/** Two right in a row retire a decision type. */
const retireAfter = 2;

const day = 24 * 60 * 60 * 1000;

/** The review state after one answer, counted from the stored time of the answer. */
export function reviewAfter(before: Review | undefined, right: boolean, at: string): Review {
  const streak = right ? (before?.streak ?? 0) + 1 : 0;
  const history = [...(before?.history ?? []), { at, right }].slice(-50);
  if (streak >= retireAfter) return { streak, history };
  const due = new Date(Date.parse(at) + (right ? daysAfterRight : daysAfterWrong) * day).toISOString();
  return { streak, history, due };
}

/** Decision types due for review now, soonest first. */
export function dueTypes(learner: LearnerRecord, now: Date): DecisionId[] {
  return (Object.entries(learner.reviews) as [DecisionId, Review][])
    .filter(([, r]) => r.due !== undefined && Date.parse(r.due) <= now.getTime())
    .sort((a, b) => Date.parse(a[1].due ?? '') - Date.parse(b[1].due ?? ''))
    .map(([id]) => id);
}

/**
 * A sitting runs from a learner's `train` until they leave training (`start`, `consult`, `restart`) or go an
 * hour without a training answer; within one no case is asked twice, so a replay waits for the next sitting.
 */
export const sittingIdleMinutes = 60;

/** The last time the learner started a case or answered in one. */
function lastActivity(learner: LearnerRecord): number {
  const a = learner.attempts.at(-1);
  return a ? Math.max(Date.parse(a.startedAt), ...a.choices.map((c) => Date.parse(c.at))) : -Infinity;
}

/** When the sitting a `train` now belongs to began: the open one, or now when none is open. */
export function sittingStart(learner: LearnerRecord, now: Date): string {
  const open =
    learner.sittingSince !== undefined &&
    now.getTime() - lastActivity(learner) <= sittingIdleMinutes * 60_000;
  return open && learner.sittingSince ? learner.sittingSince : now.toISOString();
}

/** The cases started in the sitting that began at `since`, finished or not. */
export function sittingCases(learner: LearnerRecord, since: string): Set<string> {
  const from = Date.parse(since);
  return new Set(learner.attempts.filter((a) => Date.parse(a.startedAt) >= from).map((a) => a.caseId));
}

/**
 * The case to play next: the one serving the most due decision types, then the most types not yet met;
 * types met and not yet due count against a case, and a case already played much more. Among equals the
 * pick turns with the learner and their attempt count, so new learners do not all get the same case.
 */
export function pickCase(
  cases: readonly PlayableCase[],
  learner: LearnerRecord,
  learnerKey: string,
  now: Date,
  /** Cases not to ask (this sitting's); ignored once every case has been asked. */
  asked: ReadonlySet<string> = new Set(),
): PlayableCase | undefined {
  const due = new Set(dueTypes(learner, now));
  const done = new Set(learner.attempts.filter((a) => a.finishedAt).map((a) => a.caseId));
  const fresh = cases.filter((c) => !asked.has(c.id));
  const scored = (fresh.length ? fresh : cases).map((c) => {
    let score = done.has(c.id) ? -100 : 0;
    for (const k of c.decisions) {
      const id = k.decision.id;
      if (due.has(id)) score += 10;
      else if (!learner.reviews[id]) score += 3;
      else score -= 1;
    }
    return { c, score };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  const turn = createHash('sha256')
    .update(`${learnerKey}:${learner.attempts.length}`)
    .digest()
    .readUInt32BE(0);
  return top[turn % top.length]?.c;
}
