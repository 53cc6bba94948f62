import type { FeedbackRecord } from '../../dialogs/feedback-record';

/** A write that lost a race with another writer of the same consult. */
export class ConflictError extends Error {
  readonly code = 'store_conflict';
}

/** The turn's delivery id was recorded before: a retried delivery, already applied. */
export class DuplicateDeliveryError extends Error {
  readonly code = 'duplicate_delivery';
}

/** The store could not be reached in time (an outage): the turn is refused, nothing is half-written. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
}

/**
 * SQLite's word for a disk that takes no more writes: full (SQLITE_FULL), failing (SQLITE_IOERR and its
 * extended codes) or read-only (SQLITE_READONLY and its). An outage of the store, to be told apart from a bug:
 * the turn can be tried again once there is room, and readiness fails meanwhile.
 */
export function isDiskFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || /^SQLITE_(IOERR|READONLY)(_|$)/.test(code));
}

/** What the audit log keeps: ids and enumerated values, never free text or names. */
export interface AuditEvent {
  consultId: string;
  at: string;
  kind: 'started' | 'answered' | 'undone' | 'restarted' | 'recommended';
  question?: string;
  answer?: string;
  outcome?: string;
  contentVersion: string;
}

export type Loaded = { value: unknown; etag: string } | { etag: string; unchanged: true };

/** What one consult turn writes: its new state and the audit events of what changed. */
export interface TurnWrite {
  key: string;
  value: unknown;
  /** The etag the state was read with; undefined: the key must not exist yet. */
  etag: string | undefined;
  events: AuditEvent[];
  /** The channel's id of the delivery that carried the turn, recorded with the state. */
  deliveryId?: string;
  /** Feedback given in the turn: stored with the state, apart from it (no key, no id). */
  feedback?: FeedbackRecord[];
}

/**
 * Durable per-conversation state. `save` is a compare-and-set on the etag from `load`, so two
 * instances never lose each other's answers; it writes the turn's audit events with the state
 * (one transaction where the store has them).
 */
export interface ConsultStore {
  /**
   * The stored value and its etag; with `ifNoneMatch` (the etag of a copy the caller holds) just
   * `unchanged` when it is still current, so the hot path neither fetches nor parses it again.
   */
  load(key: string, ifNoneMatch?: string): Promise<Loaded | undefined>;
  /**
   * Resolves with the new etag once the turn is durable. ConflictError when the etag is stale,
   * DuplicateDeliveryError when the delivery id was recorded before; either way nothing is written.
   */
  save(turn: TurnWrite): Promise<string>;
  /** Records a delivery id; false when it was seen before (a retried delivery). */
  firstDelivery(key: string, deliveryId: string): Promise<boolean>;
  /** The audit log, oldest first (for `npm run audit:export`). */
  auditLog(): AsyncIterable<AuditEvent>;
  /** All feedback, oldest first (for `npm run feedback:report`); kept until the editors delete it. */
  feedback(): AsyncIterable<FeedbackRecord>;
  ping(): Promise<void>;
  /**
   * Whether a turn may run on a copy the caller holds without asking the store first: true where a
   * stale copy costs only a failed compare-and-set (SQLite, memory), false where the round trips of
   * a failed write cost more than the read they save (Azure Blob, shared by instances without affinity).
   */
  readonly cheapConflicts: boolean;
  /**
   * False once the store can no longer be trusted to write (SQLite after a failed sync of its
   * journal): liveness then fails, so the process is restarted.
   */
  readonly sound: boolean;
  close(): Promise<void>;
}

/** Consults untouched this long are deleted, unless CONSULT_RETENTION_DAYS says otherwise. */
export const defaultRetentionDays = 365;

/** Delivery ids are kept this long: channels retry within minutes, so a day is plenty. */
export const deliveryTtlMs = 24 * 3600_000;
