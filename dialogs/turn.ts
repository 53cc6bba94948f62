import type { QuestionId } from '../src/content/case-model';
import type { Pathway } from '../src/content/schema';
import type { AnsweredView, View } from '../src/view/view';
import { bcbmMachineVersion } from '../machines/bcbm.machine';
import { persistSnapshot, replay, type BcbmSnapshot } from '../machines/step';
import type { Answerer } from './answerers';
import type { ConsultRecord } from './consult-record';
import type { FeedbackRecord } from './feedback-record';

/** What a consult turn needs from outside (named so as not to be confused with botbuilder's TurnContext). */
export interface TurnEnv {
  content: Pathway;
  now: Date;
  newId: () => string;
  /** Who sends this turn in a shared conversation: their pseudonym is stored with their answers. */
  by?: Answerer;
}

/** What happened in a turn, for the audit log: ids and enumerated values only. */
export interface TurnEvent {
  kind: 'started' | 'restarted' | 'answered' | 'undone' | 'recommended';
  question?: QuestionId;
  answer?: string;
  outcome?: string;
}

export interface TurnResult {
  /** The record to save; unchanged when the turn changed nothing. */
  record: ConsultRecord;
  changed: boolean;
  views: View[];
  /** The question card that was just answered, for channels that replace it in place. */
  answered?: AnsweredView;
  /** What the turn did, in order (empty when it changed nothing). */
  events: TurnEvent[];
  /** Feedback given in this turn, stored with the record (and apart from it: no id goes with it). */
  feedback?: FeedbackRecord[];
}

/** A turn in progress: the stored record, its snapshot, and what the turn has to say before its answer. */
export interface Turn {
  env: TurnEnv;
  record: ConsultRecord;
  snapshot: BcbmSnapshot;
  /** Said first (the "pathway was updated" notice of a migrated consult). */
  pre: View[];
  /** True when the record already differs from what was stored (a migration). */
  migrated: boolean;
}

export function newRecord(env: TurnEnv, snapshot: BcbmSnapshot): ConsultRecord {
  const now = env.now.toISOString();
  return {
    schema: 1,
    consultId: env.newId(),
    machineVersion: bcbmMachineVersion,
    contentVersion: env.content.version,
    revision: 0,
    log: [],
    snapshot: persistSnapshot(snapshot),
    startedAt: now,
    updatedAt: now,
  };
}

export function initialSnapshot(): BcbmSnapshot {
  return replay([]).snapshot;
}

/** The turn changed nothing: the record stays as stored (or as migrated). */
export function stay(t: Turn, ...views: View[]): TurnResult {
  return { record: t.record, changed: t.migrated, views: [...t.pre, ...views], events: [] };
}

/** The turn saved a new record. */
export function saved(
  t: Turn,
  record: ConsultRecord,
  views: View[],
  events: TurnEvent[],
  answered?: AnsweredView,
): TurnResult {
  return { record, changed: true, views: [...t.pre, ...views], events, ...(answered ? { answered } : {}) };
}
