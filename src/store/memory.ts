import { ConflictError, type AuditEvent, type ConsultStore } from './store';

/** For tests and benchmarks: the same contract as the durable stores, in process memory. */
export class MemoryStore implements ConsultStore {
  private readonly rows = new Map<string, { value: string; etag: string }>();
  private readonly deliveries = new Set<string>();
  readonly audits: AuditEvent[] = [];
  private counter = 0;

  async load(key: string) {
    const row = this.rows.get(key);
    return row ? { value: JSON.parse(row.value) as unknown, etag: row.etag } : undefined;
  }

  async save(key: string, value: unknown, etag: string | undefined) {
    const row = this.rows.get(key);
    if ((row?.etag ?? undefined) !== etag)
      throw new ConflictError(`consult ${key} changed since it was read`);
    const next = String(++this.counter);
    this.rows.set(key, { value: JSON.stringify(value), etag: next });
    return next;
  }

  async firstDelivery(key: string, deliveryId: string) {
    const id = `${key}\u0000${deliveryId}`;
    if (this.deliveries.has(id)) return false;
    this.deliveries.add(id);
    return true;
  }

  async audit(events: AuditEvent[]) {
    this.audits.push(...events);
  }

  async ping() {}
  async close() {}
}
