import { randomUUID } from 'node:crypto';
import type { Pathway } from '../content/schema';
import { ConsultRecord } from '../../dialogs/consult-record';
import { handleTurn, type TurnResult } from '../../dialogs/consult';
import type { Answerer } from '../../dialogs/answerers';
import type { TurnInput } from '../../dialogs/parse-input';
import { KeyedQueue } from '../lib/keyed-queue';
import { Recent } from '../pathway/recent';
import type { Logger } from '../log';
import { retryOnConflict } from '../store/retry';
import { ConflictError, DuplicateDeliveryError, type AuditEvent, type ConsultStore } from '../store/store';

/** Consults kept parsed in memory: a bounded cache, so memory does not grow with stored consults. */
const cachedConsults = 2000;

/** What `turn` gives for a delivery that was applied before (a channel's retry): nothing to send. */
export const duplicate = 'duplicate' as const;

/**
 * Runs consult turns against the store: load, apply, save with the turn's audit events and its delivery id
 * (compare-and-set, retried on fresh state after a lost race). The conversation service (./service.ts)
 * calls it for every turn it decides is a consult's.
 */
export class ConsultService {
  private readonly queue = new KeyedQueue();
  /**
   * Consults this process read or wrote last, by key, with their etag. A record is never changed
   * in place (handleTurn is pure and returns a new one), so a copy is safe to hand out again.
   */
  private readonly records = new Recent<string, { record: ConsultRecord; etag: string }>(cachedConsults);

  constructor(
    private readonly store: ConsultStore,
    readonly content: Pathway,
    private readonly log: Logger,
  ) {}

  /**
   * Turns of one conversation run one at a time in this process; other processes are caught by the
   * etag. With a `deliveryId` the turn is applied at most once per id, recorded with the turn.
   */
  turn(key: string, input: TurnInput, by?: Answerer): Promise<TurnResult>;
  turn(
    key: string,
    input: TurnInput,
    by: Answerer | undefined,
    deliveryId: string | undefined,
  ): Promise<TurnResult | typeof duplicate>;
  turn(
    key: string,
    input: TurnInput,
    by?: Answerer,
    deliveryId?: string,
  ): Promise<TurnResult | typeof duplicate> {
    // Where conflicts are cheap, first from the copy this process wrote or read last, without asking
    // the store: the save is a compare-and-set on its etag, so a copy another instance has since
    // changed fails there and the turn is run again on what the store holds. A turn that writes
    // nothing checks the etag instead.
    return this.queue.run(key, () =>
      retryOnConflict((fresh) => this.attempt(key, input, by, deliveryId, fresh), {
        fresh: !this.store.cheapConflicts,
      }),
    );
  }

  private async attempt(
    key: string,
    input: TurnInput,
    by: Answerer | undefined,
    deliveryId: string | undefined,
    fresh: boolean,
  ): Promise<TurnResult | typeof duplicate> {
    const cached = fresh ? undefined : this.records.get(key);
    const before = cached ?? (await this.load(key));
    const result = handleTurn(before?.record, input, {
      content: this.content,
      now: new Date(),
      newId: randomUUID,
      by,
    });
    if (!result.changed) {
      if (cached && !(await this.current(key, cached.etag)))
        throw new ConflictError(`consult ${key} changed since this process read it`);
      // Nothing else to write: recording the delivery id is the turn's one write.
      if (deliveryId !== undefined && !(await this.firstDelivery(key, deliveryId)))
        return this.duplicate(key, deliveryId);
      return result;
    }
    try {
      // Delivery id, state and audit rows together; resolves once durable (SQLite: the batch's commit).
      const etag = await this.store.save({
        key,
        value: result.record,
        etag: before?.etag,
        events: auditEvents(result, this.content.version),
        deliveryId,
        ...(result.feedback ? { feedback: result.feedback } : {}),
      });
      this.records.set(key, { etag, record: result.record });
    } catch (err) {
      if (err instanceof DuplicateDeliveryError) return this.duplicate(key, deliveryId);
      throw err;
    }
    this.log.info(
      { key, consultId: result.record.consultId, revision: result.record.revision },
      'turn saved',
    );
    return result;
  }

  /**
   * The stored consult, asked of the store: the copy this process has when its etag is still
   * current (no value fetched, parsed or checked), else read and checked.
   */
  private async load(key: string): Promise<{ record: ConsultRecord; etag: string } | undefined> {
    const known = this.records.get(key);
    const loaded = await this.store.load(key, known?.etag);
    if (!loaded) {
      this.records.delete(key); // swept or never saved: no copy to run the next turn on
      return undefined;
    }
    if ('unchanged' in loaded && known) return known;
    const parsed = ConsultRecord.safeParse('value' in loaded ? loaded.value : undefined);
    if (parsed.success) {
      const record = parsed.data;
      this.records.set(key, { etag: loaded.etag, record });
      return { record, etag: loaded.etag };
    }
    this.log.warn({ key, code: 'record_unreadable' }, 'stored consult unreadable; starting anew');
    this.records.delete(key);
    return undefined;
  }

  /**
   * Records the delivery of a turn that changes nothing (`summary`, `why`, `help`, `details`, `note`...). When
   * the store cannot write it (a full disk), the turn is answered from what is stored all the same: it changes
   * nothing, so a delivery repeated meanwhile is only answered twice, and the user can see their answers.
   */
  private async firstDelivery(key: string, deliveryId: string): Promise<boolean> {
    try {
      return await this.store.firstDelivery(key, deliveryId);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      this.log.warn(
        { key, code: 'delivery_not_recorded', cause: typeof code === 'string' ? code : undefined },
        'answered without recording its delivery',
      );
      return true;
    }
  }

  /** Whether the store still holds this etag for the consult (no value is read or parsed). */
  private async current(key: string, etag: string): Promise<boolean> {
    const loaded = await this.store.load(key, etag);
    return loaded !== undefined && 'unchanged' in loaded;
  }

  private duplicate(key: string, activityId: string | undefined): typeof duplicate {
    this.log.info({ key, activityId, code: 'duplicate_delivery' }, 'ignored');
    return duplicate;
  }
}

/** Ids and enumerated values only: what the turn says it did. */
function auditEvents(result: TurnResult, contentVersion: string): AuditEvent[] {
  const after = result.record;
  return result.events.map((e) => ({
    ...e,
    consultId: after.consultId,
    at: after.updatedAt,
    contentVersion,
  }));
}
