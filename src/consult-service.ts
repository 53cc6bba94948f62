import { randomUUID } from 'node:crypto';
import type { Pathway } from './content/schema';
import { ConsultRecord } from '../dialogs/consult-record';
import { handleTurn, type TurnResult } from '../dialogs/consult';
import type { TurnInput } from '../dialogs/parse-input';
import type { Logger } from './log';
import { ConflictError, type AuditEvent, type ConsultStore } from './store/store';

/**
 * Runs consult turns against the store: load, apply, save (compare-and-set, retried on a lost race),
 * audit. Channel-neutral: the Bot Framework edge, the Slack adapter and the terminal chat all use it.
 */
export class ConsultService {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: ConsultStore,
    readonly content: Pathway,
    private readonly log: Logger,
  ) {}

  /** Turns of one conversation run one at a time in this process; other processes are caught by the etag. */
  turn(key: string, input: TurnInput, by?: string): Promise<TurnResult> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(() => this.turnNow(key, input, by));
    this.queues.set(key, run);
    // The caller gets the turn's error; this bookkeeping chain must not raise it a second time.
    run
      .finally(() => {
        if (this.queues.get(key) === run) this.queues.delete(key);
      })
      .catch(() => undefined);
    return run;
  }

  private async turnNow(key: string, input: TurnInput, by?: string): Promise<TurnResult> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.store.load(key);
      const parsed = loaded ? ConsultRecord.safeParse(loaded.value) : undefined;
      if (parsed && !parsed.success)
        this.log.warn({ key, code: 'record_unreadable' }, 'stored consult unreadable; starting anew');
      const before = parsed?.success ? (parsed.data as ConsultRecord) : undefined;
      const result = handleTurn(before, input, {
        content: this.content,
        now: new Date(),
        newId: randomUUID,
        by,
      });
      if (!result.changed) return result;
      try {
        await this.store.save(key, result.record, loaded?.etag);
      } catch (err) {
        if (err instanceof ConflictError && attempt < 5) continue;
        throw err;
      }
      await this.store.audit(auditEvents(before, result, this.content.version));
      this.log.info({ key, consultId: result.record.consultId, step: result.record.step }, 'turn saved');
      return result;
    }
  }
}

/** Ids and enumerated values only: what the turn says it did. */
export function auditEvents(
  _before: ConsultRecord | undefined,
  result: TurnResult,
  contentVersion: string,
): AuditEvent[] {
  const after = result.record;
  return result.events.map((e) => ({
    ...e,
    consultId: after.consultId,
    at: after.updatedAt,
    contentVersion,
  }));
}
