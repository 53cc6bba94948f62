/** A write that lost a race with another writer of the same consult. */
export class ConflictError extends Error {
  readonly code = 'store_conflict';
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

/**
 * Durable per-conversation state. `save` is a compare-and-set on the etag from `load`
 * (undefined: the key must not exist yet), so two instances never lose each other's answers.
 */
export interface ConsultStore {
  load(key: string): Promise<{ value: unknown; etag: string } | undefined>;
  save(key: string, value: unknown, etag: string | undefined): Promise<string>;
  /** Records a delivery id; false when it was seen before (a retried delivery). */
  firstDelivery(key: string, deliveryId: string): Promise<boolean>;
  /** Appends what one turn changed (written together). */
  audit(events: AuditEvent[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
