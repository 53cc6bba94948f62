import type { QuestionId } from '../src/content/case-model';
import type { Pathway, Ref } from '../src/content/schema';
import { holds } from '../src/content/conditions';
import {
  answerLabel,
  answersFrom,
  buildRecommendation,
  newlyUrgent,
  shortOf,
  type AnswerEntry,
  type ResolvedRef,
} from '../src/pathway/recommend';
import { commands } from '../src/view/strings';
import type { AnsweredView, Note, QuestionView, View } from '../src/view/view';
import { answerEvent, bcbmMachineVersion, type AnswerEvent } from '../machines/bcbm.machine';
import {
  advance,
  persistSnapshot,
  replay,
  restoreSnapshot,
  stepOf,
  type BcbmSnapshot,
} from '../machines/step';
import type { ConsultRecord } from './consult-record';
import type { TurnInput } from './parse-input';

export interface TurnContext {
  content: Pathway;
  now: Date;
  newId: () => string;
  /** Display name of whoever answered, for shared threads; never stored for anything else. */
  by?: string;
}

export interface TurnResult {
  /** The record to save; unchanged when the turn changed nothing. */
  record: ConsultRecord;
  changed: boolean;
  views: View[];
  /** The question card that was just answered, for channels that replace it in place. */
  answered?: AnsweredView;
  /** The recommendation this turn's answer led to, if it ended the consult. */
  outcome?: string;
}

function restore(record: ConsultRecord): { snapshot: BcbmSnapshot; migrated?: ReturnType<typeof replay> } {
  if (record.machineVersion === bcbmMachineVersion) {
    const snapshot = restoreSnapshot(record.snapshot);
    if (snapshot.status !== 'error') return { snapshot };
  }
  // Written by another version of the pathway: do not trust the snapshot, replay what still applies.
  const migrated = replay(record.log);
  return { snapshot: migrated.snapshot, migrated };
}

function newRecord(ctx: TurnContext, snapshot: BcbmSnapshot): ConsultRecord {
  const now = ctx.now.toISOString();
  return {
    schema: 1,
    consultId: ctx.newId(),
    machineVersion: bcbmMachineVersion,
    contentVersion: ctx.content.version,
    step: 0,
    log: [],
    snapshot: persistSnapshot(snapshot),
    startedAt: now,
    updatedAt: now,
  };
}

function initialSnapshot(): BcbmSnapshot {
  return replay([]).snapshot;
}

/** References numbered within one message (a question or a `why`), outside a recommendation's list. */
function localRefs(content: Pathway, refs: readonly Ref[]): ResolvedRef[] {
  return refs.map((r, i) => ({
    n: i + 1,
    // The schema checked at start-up that every citation exists.
    citation: content.citations.find((c) => c.id === r.citation)!,
    point: r.point,
    strength: r.strength,
  }));
}

export function questionView(content: Pathway, record: ConsultRecord, questionId: QuestionId): QuestionView {
  const q = content.questions.find((x) => x.id === questionId);
  if (!q) throw new Error(`no content for question "${questionId}"`);
  return {
    kind: 'question',
    consultId: record.consultId,
    step: record.step,
    questionId,
    phase: q.phase,
    number: record.log.length + 1,
    prompt: q.prompt,
    options: q.options.map((o) => ({ value: o.value, label: o.label, hint: o.hint })),
    pitfalls: q.pitfalls.map((id) => {
      const p = content.pitfalls.find((x) => x.id === id);
      if (!p) throw new Error(`no pitfall "${id}"`);
      return {
        text: p.text,
        evidence: p.evidence,
        refs: localRefs(content, p.refs),
      };
    }),
  };
}

/** The view of where the consult stands: the current question, or the recommendation. */
export function currentView(content: Pathway, record: ConsultRecord, snapshot: BcbmSnapshot): View {
  const step = stepOf(snapshot);
  if (step.kind === 'question') return questionView(content, record, step.questionId);
  return {
    kind: 'recommendation',
    consultId: record.consultId,
    recommendation: buildRecommendation(content, step.outcomeId, record.log),
  };
}

/** Matches a typed reply to an option of the current question: its number, value or label. */
export function matchOption(content: Pathway, questionId: QuestionId, text: string): string | undefined {
  const q = content.questions.find((x) => x.id === questionId);
  if (!q) return undefined;
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= q.options.length) return q.options[n - 1]?.value;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return q.options.find((o) => o.value.toLowerCase() === t || norm(o.label) === norm(t))?.value;
}

function summaryView(content: Pathway, record: ConsultRecord, snapshot: BcbmSnapshot): View {
  const answers = answersFrom(record.log);
  const step = stepOf(snapshot);
  return {
    kind: 'summary',
    answers: record.log.map((e) => ({
      short: shortOf(content, e.question),
      answer: answerLabel(content, e.question, e.answer),
      by: e.by,
    })),
    unknowns: content.unknowns
      .filter((u) => holds(u.when, answers))
      .map((u) => ({ text: u.text, action: u.action })),
    next:
      step.kind === 'question' ? content.questions.find((q) => q.id === step.questionId)?.prompt : undefined,
  };
}

/**
 * One turn of a consult: a pure function from the stored record and the input to the new record
 * and the views to send. The caller loads and saves the record and renders the views.
 */
export function handleTurn(
  stored: ConsultRecord | undefined,
  input: TurnInput,
  ctx: TurnContext,
): TurnResult {
  const { content } = ctx;
  if (!stored) {
    const record = newRecord(ctx, initialSnapshot());
    const first = currentView(content, record, initialSnapshot());
    const help: View[] = input.kind === 'command' && input.command === 'help' ? [helpView()] : [];
    return {
      record,
      changed: true,
      views: [{ kind: 'welcome', text: content.welcome, disclaimer: content.disclaimer }, ...help, first],
    };
  }

  const restored = restore(stored);
  let record = stored;
  const pre: View[] = [];
  let changed = false;
  if (restored.migrated) {
    record = {
      ...stored,
      machineVersion: bcbmMachineVersion,
      step: stored.step + 1,
      log: restored.migrated.applied.map((a) => stored.log.find((e) => e.question === a.question) ?? a),
      snapshot: persistSnapshot(restored.migrated.snapshot),
    };
    changed = true;
    pre.push({
      kind: 'updated',
      kept: restored.migrated.applied.length,
      dropped: restored.migrated.dropped.map((d) => ({
        short: shortOf(content, d.question),
        answer: answerLabel(content, d.question, d.answer),
      })),
    });
  }
  const snapshot = restored.snapshot;
  const step = stepOf(snapshot);
  const stay = (...views: View[]): TurnResult => ({ record, changed, views: [...pre, ...views] });
  const note = (n: Note) => stay({ kind: 'notice', note: n }, currentView(content, record, snapshot));

  switch (input.kind) {
    case 'empty':
      return stay(currentView(content, record, snapshot));
    case 'command':
      switch (input.command) {
        case 'start':
          if (step.kind === 'question' && record.log.length > 0) return note('inProgress');
          if (step.kind === 'question') return stay(currentView(content, record, snapshot));
          return restart(ctx, pre);
        case 'restart':
          return restart(ctx, pre);
        case 'help':
          return stay(helpView(), currentView(content, record, snapshot));
        case 'summary':
          return stay(summaryView(content, record, snapshot));
        case 'why': {
          if (step.kind !== 'question') return stay({ kind: 'whyRecommendation' });
          const q = content.questions.find((x) => x.id === step.questionId)!;
          return stay({
            kind: 'why',
            short: q.short,
            prompt: q.prompt,
            why: q.why,
            refs: localRefs(content, q.refs),
          });
        }
        case 'back': {
          const last = record.log.at(-1);
          if (!last) return note('nothingToUndo');
          const back = replay(record.log.slice(0, -1));
          const next: ConsultRecord = {
            ...record,
            step: record.step + 1,
            log: record.log.slice(0, -1),
            snapshot: persistSnapshot(back.snapshot),
            updatedAt: ctx.now.toISOString(),
          };
          return {
            record: next,
            changed: true,
            views: [
              ...pre,
              {
                kind: 'undone',
                short: shortOf(content, last.question),
                answer: answerLabel(content, last.question, last.answer),
              },
              currentView(content, next, back.snapshot),
            ],
          };
        }
      }
      break;
    case 'card':
    case 'text': {
      if (step.kind !== 'question')
        return stay({ kind: 'notice', note: input.kind === 'card' ? 'stale' : 'finished' });
      let value: string | undefined;
      if (input.kind === 'card') {
        const stale =
          input.question !== step.questionId ||
          (input.consultId !== undefined && input.consultId !== record.consultId) ||
          (input.step !== undefined && input.step !== record.step);
        if (stale) return note('stale');
        value =
          matchOption(content, step.questionId, input.answer) === input.answer ? input.answer : undefined;
      } else {
        value = matchOption(content, step.questionId, input.text);
      }
      if (value === undefined) return note('unrecognised');
      return answer(ctx, record, snapshot, step.questionId, value, pre);
    }
  }
  return stay(currentView(content, record, snapshot));
}

function helpView(): View {
  return { kind: 'help', commands };
}

function restart(ctx: TurnContext, pre: View[]): TurnResult {
  const snapshot = initialSnapshot();
  const record = newRecord(ctx, snapshot);
  return {
    record,
    changed: true,
    views: [...pre, { kind: 'restarted' }, currentView(ctx.content, record, snapshot)],
  };
}

function answer(
  ctx: TurnContext,
  record: ConsultRecord,
  snapshot: BcbmSnapshot,
  questionId: QuestionId,
  value: string,
  pre: View[],
): TurnResult {
  const { content } = ctx;
  const after = advance(snapshot, answerEvent(questionId, value as never) as AnswerEvent);
  const entry: AnswerEntry = { question: questionId, answer: value, ...(ctx.by ? { by: ctx.by } : {}) };
  const log = [...record.log, entry];
  const next: ConsultRecord = {
    ...record,
    step: record.step + 1,
    log,
    snapshot: persistSnapshot(after),
    updatedAt: ctx.now.toISOString(),
  };
  // Emergency actions are shown the moment the answer that calls for them is given;
  // a recommendation that ends the consult carries them in its own first section.
  const step = stepOf(after);
  const urgent = step.kind === 'outcome' ? [] : newlyUrgent(content, log);
  const answered: AnsweredView = {
    kind: 'answered',
    questionId,
    prompt: content.questions.find((q) => q.id === questionId)!.prompt,
    answer: answerLabel(content, questionId, value),
    by: ctx.by,
  };
  return {
    record: next,
    changed: true,
    answered,
    ...(step.kind === 'outcome' ? { outcome: step.outcomeId } : {}),
    views: [
      ...pre,
      ...(urgent.length ? [{ kind: 'urgent', items: urgent } as View] : []),
      currentView(content, next, after),
    ],
  };
}
