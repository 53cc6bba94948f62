import type Database from 'better-sqlite3';
import { isDiskFault } from './store';

interface Job {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** A committed batch: its jobs and what each returned or threw, settled once synced. */
interface Committed {
  batch: Job[];
  outcomes: { ok: boolean; value: unknown }[];
  /** Its number, in commit order. */
  no: number;
  /** Whether the disk took it whole: something written and no write refused by the disk. */
  taken: boolean;
}

/**
 * Group commit for better-sqlite3. The driver is synchronous, so a transaction per call would cost
 * one WAL fsync per write, paid on the event loop. Instead writes are queued, and once per turn of
 * the event loop (setImmediate, after the I/O callbacks of every request that has arrived) the
 * queue is written in one transaction: each job in its own savepoint, so a job that throws (a stale
 * etag) is rolled back alone and the others commit.
 *
 * The batch is then made durable by `sync` (the store's fdatasync of the WAL, on libuv's thread
 * pool), and only then are its jobs resolved. The event loop is not blocked while the disk works:
 * batches committed meanwhile wait for the next sync, which covers them all, so one sync runs at a
 * time and each covers every batch committed before it began. A job's promise resolves only after
 * its batch is committed and synced, and the caller answers its turn after that promise, so nothing
 * is acknowledged before it is on disk. A failed COMMIT rejects every job of its batch. A failed
 * sync rejects its batches, those waiting and every later write: after a failed fsync the kernel no
 * longer says which writes reached the disk, and WAL frames are checksummed in sequence, so a later
 * batch cannot be trusted either (the health check then fails and the process must be restarted).
 */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  /** Batches committed and not yet synced, and the sync running now (at most one). */
  private unsynced: Committed[] = [];
  private syncing: Promise<void> | undefined;
  private failed: unknown;
  /** The batch whose write the disk refused last (full, failing, read-only), until a later one is taken. */
  private refusedAt: number | undefined;
  private batchNo = 0;
  /** Batches written and the largest: for the bench and the tests, never for behaviour. */
  readonly stats = { batches: 0, jobs: 0, largest: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly sync: () => Promise<void>,
  ) {}

  /** Runs `run` in the next batch; resolves with its result once that batch is committed and synced. */
  write<T>(run: () => T): Promise<T> {
    if (this.failed !== undefined) return Promise.reject(this.unsound());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** False once a sync has failed: from then on every write is refused. */
  get sound(): boolean {
    return this.failed === undefined;
  }

  /**
   * False from a batch the disk refused (its COMMIT failed, or a write in it failed as a full, failing or
   * read-only disk makes it) until a later batch is committed and synced with something written.
   */
  get writable(): boolean {
    return this.refusedAt === undefined;
  }

  /** What a write or read is refused with after a failed sync (the user is asked to try again later). */
  unsound(): Error {
    return Object.assign(new Error('the store could not sync its writes to disk', { cause: this.failed }), {
      code: 'store_unavailable',
    });
  }

  /**
   * Undefined when everything committed is synced; else a promise that settles once it is (the
   * sync running now, or the one after it for batches still waiting). It never rejects.
   */
  synced(): Promise<void> | undefined {
    if (!this.syncing) return undefined;
    if (!this.unsynced.length) return this.syncing;
    return this.syncing.then(() => this.syncing);
  }

  /** Writes what is queued now and waits for every batch's sync (close calls it: nothing queued is dropped). */
  async drain(): Promise<void> {
    this.flush();
    while (this.syncing) await this.syncing;
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (!batch.length) return;
    if (!this.db.open || this.failed !== undefined) {
      const err = this.failed !== undefined ? this.unsound() : new Error('the store is closed');
      for (const job of batch) job.reject(err);
      return;
    }
    const outcomes: Committed['outcomes'] = [];
    const no = ++this.batchNo;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const job of batch) {
        this.db.exec('SAVEPOINT job');
        try {
          outcomes.push({ ok: true, value: job.run() });
          this.db.exec('RELEASE job');
        } catch (err) {
          // A full or failing disk can make SQLite roll back the whole transaction: the batch fails with it.
          if (!this.db.inTransaction) throw err;
          this.db.exec('ROLLBACK TO job');
          this.db.exec('RELEASE job');
          outcomes.push({ ok: false, value: err });
        }
      }
      this.db.exec('COMMIT');
    } catch (err) {
      this.refusedAt = no;
      try {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      } catch {
        // SQLite rolls back itself after a failed COMMIT when it can; this runs outside any caller's turn.
      }
      for (const job of batch) job.reject(err);
      return;
    }
    const refused = outcomes.some((o) => !o.ok && isDiskFault(o.value));
    if (refused) this.refusedAt = no;
    this.stats.batches++;
    this.stats.jobs += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    this.unsynced.push({ batch, outcomes, no, taken: !refused && outcomes.some((o) => o.ok) });
    this.startSync();
  }

  /** Starts a sync of every batch committed so far, unless one is running (its end starts the next). */
  private startSync(): void {
    if (this.syncing || !this.unsynced.length) return;
    const group = this.unsynced;
    this.unsynced = [];
    this.syncing = this.sync().then(
      () => {
        for (const { batch, outcomes, no, taken } of group) {
          if (taken && this.refusedAt !== undefined && this.refusedAt < no) this.refusedAt = undefined;
          batch.forEach((job, i) => {
            const o = outcomes[i]!;
            if (o.ok) job.resolve(o.value);
            else job.reject(o.value);
          });
        }
      },
      (err: unknown) => {
        this.failed ??= err;
        // The batches this sync covered may or may not be on disk: their own error. Those waiting are refused.
        for (const { batch } of group) for (const job of batch) job.reject(err);
        for (const { batch } of this.unsynced) for (const job of batch) job.reject(this.unsound());
        this.unsynced = [];
      },
    );
    void this.syncing.finally(() => {
      this.syncing = undefined;
      this.startSync();
    });
  }
}
