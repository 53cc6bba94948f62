import { ConflictError, DuplicateDeliveryError, deliveryTtlMs } from './store';
import type { AuditEvent, ConsultStore, Loaded, TurnWrite } from './store';
import type { FeedbackRecord } from '../../dialogs/feedback-record';

/** For tests and benchmarks: the same contract as the durable stores, in process memory. */
export class MemoryStore implements ConsultStore {
  private readonly rows = new Map<string, { value: string; etag: string }>();
  /** Delivery id -> when it was first seen; ids older than the TTL are dropped as new ones come. */
  private readonly deliveries = new Map<string, number>();
  readonly audits: AuditEvent[] = [];
  readonly feedbacks: FeedbackRecord[] = [];
  private counter = 0;

  async load(key: string, ifNoneMatch?: string): Promise<Loaded | undefined> {
    const row = this.rows.get(key);
    if (!row) return undefined;
    if (row.etag === ifNoneMatch) return { etag: row.etag, unchanged: true };
    return { value: JSON.parse(row.value) as unknown, etag: row.etag };
  }

  async save({ key, value, etag, events, deliveryId, feedback = [] }: TurnWrite) {
    const row = this.rows.get(key);
    if ((row?.etag ?? undefined) !== etag)
      throw new ConflictError(`consult ${key} changed since it was read`);
    if (deliveryId !== undefined && !this.claim(key, deliveryId))
      throw new DuplicateDeliveryError(`delivery ${deliveryId} was applied before`);
    const next = String(++this.counter);
    this.rows.set(key, { value: JSON.stringify(value), etag: next });
    this.audits.push(...events);
    this.feedbacks.push(...feedback);
    return next;
  }

  async firstDelivery(key: string, deliveryId: string) {
    return this.claim(key, deliveryId);
  }

  private claim(key: string, deliveryId: string): boolean {
    const now = Date.now();
    // A Map iterates in insertion order, so the expired ids are the first ones.
    for (const [id, at] of this.deliveries) {
      if (now - at < deliveryTtlMs) break;
      this.deliveries.delete(id);
    }
    const id = `${key}\u0000${deliveryId}`;
    if (this.deliveries.has(id)) return false;
    this.deliveries.set(id, now);
    return true;
  }

  async *auditLog() {
    yield* this.audits;
  }

  async *feedback() {
    yield* this.feedbacks;
  }

  async ping() {}
  readonly cheapConflicts = true;
  readonly sound = true;
  async close() {}
}
