import type { View } from '../src/view/view';
import { persistSnapshot, replay } from '../machines/step';
import { answerLabel, recommendationFor, shortOf } from '../src/pathway/recommend';
import { shownAnswers } from './answerers';
import type { ConsultRecord } from './consult-record';
import { matchAnswered } from './match';
import type { Command } from './parse-input';
import { initialSnapshot, newRecord, saved, stay, type Turn, type TurnResult } from './turn';
import {
  currentView,
  helpView,
  noteFhirView,
  noteView,
  positionOf,
  questionView,
  summaryView,
  whyView,
} from './views';
import { stepOf } from '../machines/step';

const current = (t: Turn) => currentView(t.env.content, t.record, t.snapshot, t.env.by);
const notice = (t: Turn, note: Extract<View, { kind: 'notice' }>['note']) =>
  stay(t, { kind: 'notice', note }, current(t));

function restart(t: Turn): TurnResult {
  const snapshot = initialSnapshot();
  const record = newRecord(t.env, snapshot);
  return saved(
    t,
    record,
    [{ kind: 'restarted' }, currentView(t.env.content, record, snapshot, t.env.by)],
    [{ kind: 'restarted' }],
  );
}

/** `back` undoes the last answer; while an answer is being changed, it gives up the change instead. */
function back(t: Turn): TurnResult {
  const { content, now } = t.env;
  if (t.record.changing) {
    const { changing: _dropped, ...record } = t.record;
    const next = { ...record, revision: t.record.revision + 1, updatedAt: now.toISOString() };
    return saved(t, next, [currentView(content, next, t.snapshot, t.env.by)], []);
  }
  const last = t.record.log.at(-1);
  if (!last) return notice(t, 'nothingToUndo');
  const undone = replay(t.record.log.slice(0, -1));
  const record: ConsultRecord = {
    ...t.record,
    revision: t.record.revision + 1,
    log: t.record.log.slice(0, -1),
    snapshot: persistSnapshot(undone.snapshot),
    updatedAt: now.toISOString(),
  };
  return saved(
    t,
    record,
    [
      {
        kind: 'undone',
        short: shortOf(content, last.question),
        answer: answerLabel(content, last.question, last.answer),
      },
      currentView(content, record, undone.snapshot, t.env.by),
    ],
    [{ kind: 'undone' }],
  );
}

/** The commands of case-model section 3, one handler each. */
export const commandHandlers: Record<Command, (t: Turn) => TurnResult> = {
  start: (t) => {
    const at = positionOf(t.record, t.snapshot);
    if (at.kind !== 'question') return restart(t);
    return t.record.log.length > 0 ? notice(t, 'inProgress') : stay(t, current(t));
  },
  restart,
  back,
  // The list alone: the question or plan it was asked at is still just above it.
  help: (t) => stay(t, helpView()),
  summary: (t) => stay(t, summaryView(t.env.content, t.record, t.snapshot, t.env.by)),
  why: (t) => stay(t, whyView(t.env.content, t.record, t.snapshot)),
  note: (t) => stay(t, noteView(t.env.content, t.record, t.snapshot, t.env.by, t.env.now)),
  noteFhir: (t) => stay(t, noteFhirView(t.env.content, t.record, t.snapshot)),
  details: (t) => {
    const at = stepOf(t.snapshot);
    if (at.kind !== 'outcome') return notice(t, 'notFinished');
    const recommendation = recommendationFor(
      t.env.content,
      at.outcomeId,
      shownAnswers(t.record.log, t.env.by),
    );
    return stay(t, { kind: 'details', consultId: t.record.consultId, recommendation });
  },
};

/**
 * `change <question>`: that question is asked again (a new step, so older cards are out of date). The
 * recommendation it replaces is kept for "What changed".
 */
export function change(t: Turn, which: string): TurnResult {
  const { content, now } = t.env;
  const question = matchAnswered(content, t.record, which);
  if (!question) return notice(t, which.trim() ? 'notAnswered' : 'changeWhich');
  const at = stepOf(t.snapshot);
  const previous =
    at.kind === 'outcome'
      ? { outcome: at.outcomeId, log: t.record.log.map((e) => ({ question: e.question, answer: e.answer })) }
      : t.record.previous;
  const record: ConsultRecord = {
    ...t.record,
    revision: t.record.revision + 1,
    changing: question,
    ...(previous ? { previous } : {}),
    updatedAt: now.toISOString(),
  };
  return saved(t, record, [questionView(content, record, question)], []);
}
