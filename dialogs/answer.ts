import type { QuestionId } from '../src/content/case-model';
import {
  answerLabel,
  answersFrom,
  itemsFor,
  newlyUrgent,
  urgentNow,
  type AnswerEntry,
} from '../src/pathway/recommend';
import type { AnsweredView, View } from '../src/view/view';
import { answerEvent, type AnswerEvent } from '../machines/bcbm.machine';
import { advance, persistSnapshot, replay, stepOf, type BcbmSnapshot } from '../machines/step';
import type { ConsultRecord } from './consult-record';
import { saved, type Turn, type TurnEvent, type TurnResult } from './turn';
import { currentView } from './views';

/**
 * An answer to the question being asked. A new answer advances the statechart; an answer that changes
 * an earlier one (`change`) replays all the answers that still apply, so questions that no longer apply
 * are dropped and ones that now apply are asked next.
 */
export function answer(t: Turn, questionId: QuestionId, value: string): TurnResult {
  const { content, by, now } = t.env;
  const entry: AnswerEntry = { question: questionId, answer: value, ...(by ? { by: by.id } : {}) };
  const before = t.record.log;
  let log: AnswerEntry[];
  let snapshot: BcbmSnapshot;
  let held: AnswerEntry[] = [];
  const changing = t.record.changing === questionId;
  if (changing || t.record.held?.length) {
    // Replay: the answers given, then the earlier ones the statechart has not reached again yet.
    const edited = changing ? before.map((e) => (e.question === questionId ? entry : e)) : [...before, entry];
    const all = [
      ...edited,
      ...(t.record.held ?? []).filter((h) => !edited.some((e) => e.question === h.question)),
    ];
    const replayed = replay(all);
    const find = (q: QuestionId) => all.find((e) => e.question === q)!;
    log = replayed.applied.map((a) => find(a.question));
    held = replayed.dropped.map((d) => find(d.question));
    snapshot = replayed.snapshot;
  } else {
    log = [...before, entry];
    snapshot = advance(t.snapshot, answerEvent(questionId, value as never) as AnswerEvent);
  }
  const at = stepOf(snapshot);
  const { changing: _done, previous, held: _held, ...rest } = t.record;
  const record: ConsultRecord = {
    ...rest,
    revision: t.record.revision + 1,
    log,
    snapshot: persistSnapshot(snapshot),
    updatedAt: now.toISOString(),
    // Until the consult ends again: the answers still to replay, and the recommendation to compare with.
    ...(held.length && at.kind !== 'outcome' ? { held } : {}),
    ...(previous && at.kind !== 'outcome' ? { previous } : {}),
  };
  const shown = currentView(content, { ...record, ...(previous ? { previous } : {}) }, snapshot, by);
  // Emergency actions are shown the moment an answer brings in one of them; a recommendation that ends
  // the consult carries them in its bottom line. Shown whole: an "Act now" with only the step a changed
  // answer added would read as if that were the only thing to do.
  const urgent =
    at.kind !== 'outcome' && newUrgent(t, log, entry).length ? urgentNow(content, answersFrom(log)) : [];
  const answered: AnsweredView = {
    kind: 'answered',
    questionId,
    prompt: content.questions.find((q) => q.id === questionId)!.prompt,
    answer: answerLabel(content, questionId, value),
    by: by?.name,
  };
  const events: TurnEvent[] = [
    { kind: 'answered', question: questionId, answer: value },
    ...(at.kind === 'outcome' ? [{ kind: 'recommended', outcome: at.outcomeId } as TurnEvent] : []),
  ];
  const views: View[] = [
    ...(urgent.length ? [{ kind: 'urgent', items: urgent, resume: t.env.content.actNowResume } as View] : []),
    shown,
  ];
  return saved(t, record, views, events, answered);
}

/** Urgent items this answer brings in: for a changed answer, those the consult did not have before. */
function newUrgent(t: Turn, log: AnswerEntry[], entry: AnswerEntry) {
  const { content } = t.env;
  if (!t.record.changing) return newlyUrgent(content, log);
  const had = new Set(itemsFor(content, answersFrom(t.record.log)).map((i) => i.id));
  const lastChanged = [...log.filter((e) => e.question !== entry.question), entry];
  return newlyUrgent(content, lastChanged).filter((i) => !had.has(i.id));
}
