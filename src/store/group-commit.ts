import type Database from 'better-sqlite3';

interface Job {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for better-sqlite3. The driver is synchronous, so a transaction per call would cost
 * one WAL fsync per write, paid on the event loop. Instead writes are queued, and once per turn of
 * the event loop (setImmediate, after the I/O callbacks of every request that has arrived) the
 * queue is written in one transaction: each job in its own savepoint, so a job that throws (a stale
 * etag) is rolled back alone and the others commit. Requests that arrive while a commit runs wait
 * in the socket buffers (the commit blocks the loop) and form the next batch.
 *
 * Why an acknowledged write is durable: a job's promise resolves only after COMMIT has returned,
 * and with journal_mode=WAL and synchronous=FULL SQLite returns from COMMIT only after the WAL,
 * commit record included, is fsynced. The caller answers its turn after that promise, so nothing
 * is acknowledged before it is on disk; a kill -9 or a power cut before COMMIT loses only turns
 * that were never answered (their clients see no reply and retry). A failed COMMIT rejects every
 * job of its batch, so no turn is answered as saved when it is not.
 */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  /** Batches written and the largest: for the bench and the tests, never for behaviour. */
  readonly stats = { batches: 0, jobs: 0, largest: 0 };

  constructor(private readonly db: Database.Database) {}

  /** Runs `run` in the next batch; resolves with its result once that batch is committed. */
  write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes what is queued now (also called by close, so nothing queued is dropped). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (!batch.length || !this.db.open) {
      for (const job of batch) job.reject(new Error('the store is closed'));
      return;
    }
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const job of batch) {
        this.db.exec('SAVEPOINT job');
        try {
          outcomes.push({ ok: true, value: job.run() });
          this.db.exec('RELEASE job');
        } catch (err) {
          this.db.exec('ROLLBACK TO job');
          this.db.exec('RELEASE job');
          outcomes.push({ ok: false, value: err });
        }
      }
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const job of batch) job.reject(err);
      return;
    }
    this.stats.batches++;
    this.stats.jobs += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.value);
    });
  }
}
