import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import { dataFolder, openDatabase } from './data-dir';
import { GroupCommit } from './group-commit';
import { ConflictError, DuplicateDeliveryError, defaultRetentionDays, deliveryTtlMs } from './store';
import type { AuditEvent, ConsultStore, Loaded, TurnWrite } from './store';
import { FeedbackRecord } from '../../dialogs/feedback-record';

export interface SqliteOptions {
  /** Consults untouched and audit rows older than this are deleted by the sweep (CONSULT_RETENTION_DAYS). */
  retentionDays?: number;
  /** How often the sweep runs (it rides along with a batch of turns). */
  sweepEveryMs?: number;
  /** Delivery ids are kept this long. */
  deliveryTtlMs?: number;
}

/** What the readiness probe writes (and deletes again in the same transaction). */
const probeBytes = 16 * 1024;

type FeedbackRow = {
  day: string;
  content_version: string;
  outcome: string;
  item: string;
  helpful: number;
  reason: string | null;
};

type AuditRow = {
  consult_id: string;
  at: string;
  kind: AuditEvent['kind'];
  question: string | null;
  answer: string | null;
  outcome: string | null;
  content_version: string;
};

/**
 * The embedded default store: one SQLite file under DATA_DIR, in WAL mode, each commit synced
 * before its turns are answered (see the constructor). Writes go through a group commit
 * (group-commit.ts): a turn's delivery id, state and audit rows are one savepoint in the
 * transaction of its batch, acknowledged after it is on disk.
 * Nothing grows without bound: delivery ids expire after a day, consults untouched and audit rows
 * older than the retention (CONSULT_RETENTION_DAYS, a year by default) are swept.
 */
export class SqliteStore implements ConsultStore {
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  /** The WAL file, open for fdatasync only. */
  private readonly wal: number;
  private readonly stmts;
  private readonly opts: Required<SqliteOptions>;
  private sweptAt = 0;
  private closing: Promise<void> | undefined;

  constructor(dataDir: string, opts: SqliteOptions = {}) {
    this.opts = { retentionDays: defaultRetentionDays, sweepEveryMs: 60_000, deliveryTtlMs, ...opts };
    const dir = dataFolder(dataDir);
    this.db = openDatabase(dir);
    const file = this.db.name;
    // Durability as with synchronous=FULL, without blocking the event loop on the disk. FULL is
    // NORMAL plus an fsync of the WAL at every commit, on this thread. Here SQLite commits with
    // NORMAL (the WAL written, not synced; checkpoints still sync the WAL before copying it and the
    // database after), and group commit answers a batch's turns only after an fdatasync of the WAL
    // file, on libuv's thread pool, begun after its COMMIT returned. That sync covers every frame
    // written before it, so an answered turn survives a power cut as it did with FULL.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      create table if not exists consults (key text primary key, value text not null, etag text not null, updated_at text not null);
      create table if not exists deliveries (key text not null, delivery_id text not null, seen_at integer not null, primary key (key, delivery_id));
      create table if not exists audit (id integer primary key, consult_id text not null, at text not null, kind text not null,
        question text, answer text, outcome text, content_version text not null);
      create index if not exists deliveries_seen on deliveries (seen_at);
      create index if not exists consults_updated on consults (updated_at);
      create index if not exists audit_at on audit (at);
      create table if not exists probe (id integer primary key, pad blob not null);
      create table if not exists feedback (id integer primary key, day text not null, content_version text not null,
        outcome text not null, item text not null, helpful integer not null, reason text);
    `);
    // The WAL exists once the connection has read the schema; the folder is synced once so that
    // the WAL's own directory entry survives a power cut (SQLite would sync it with FULL).
    this.wal = openSync(`${file}-wal`, 'r');
    const folder = openSync(dir, 'r');
    fsyncSync(folder);
    closeSync(folder);
    const wal = this.wal;
    this.writes = new GroupCommit(
      this.db,
      () => new Promise<void>((resolve, reject) => fdatasync(wal, (err) => (err ? reject(err) : resolve()))),
    );
    this.stmts = {
      // The value only when the caller's etag is not the current one.
      load: this.db.prepare<[string | null, string], { value: string | null; etag: string }>(
        'select case when etag = ? then null else value end as value, etag from consults where key = ?',
      ),
      insert: this.db.prepare(
        'insert into consults (key, value, etag, updated_at) values (?, ?, ?, ?) on conflict do nothing',
      ),
      update: this.db.prepare(
        'update consults set value = ?, etag = ?, updated_at = ? where key = ? and etag = ?',
      ),
      delivery: this.db.prepare(
        'insert into deliveries (key, delivery_id, seen_at) values (?, ?, ?) on conflict do nothing',
      ),
      pruneDeliveries: this.db.prepare('delete from deliveries where seen_at < ?'),
      pruneConsults: this.db.prepare('delete from consults where updated_at < ?'),
      pruneAudit: this.db.prepare('delete from audit where at < ?'),
      audit: this.db.prepare(
        'insert into audit (consult_id, at, kind, question, answer, outcome, content_version) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      auditLog: this.db.prepare<[], AuditRow>(
        'select consult_id, at, kind, question, answer, outcome, content_version from audit order by id',
      ),
      feedback: this.db.prepare(
        'insert into feedback (day, content_version, outcome, item, helpful, reason) values (?, ?, ?, ?, ?, ?)',
      ),
      feedbackLog: this.db.prepare<[], FeedbackRow>(
        'select day, content_version, outcome, item, helpful, reason from feedback order by id',
      ),
      ping: this.db.prepare('select 1'),
      // About the size of a consult's turn, so that room for the probe is room for a turn.
      probe: this.db.prepare(`insert into probe (pad) values (zeroblob(${probeBytes}))`),
      unprobe: this.db.prepare('delete from probe'),
    };
  }

  async load(key: string, ifNoneMatch?: string): Promise<Loaded | undefined> {
    // What a batch committed is not read until it is synced: no reply shows what a power cut could
    // still take back (with synchronous=FULL, SQLite too published a commit only once synced). This
    // covers this process's writes: SQLite is the one-instance store; several instances use Blob.
    const unsynced = this.writes.synced();
    if (unsynced) await unsynced;
    if (!this.sound) throw this.writes.unsound();
    const row = this.stmts.load.get(ifNoneMatch ?? null, key);
    if (!row) return undefined;
    if (row.value === null) return { etag: row.etag, unchanged: true };
    return { value: JSON.parse(row.value) as unknown, etag: row.etag };
  }

  save({ key, value, etag, events, deliveryId, feedback = [] }: TurnWrite): Promise<string> {
    const json = JSON.stringify(value);
    this.maybeSweep();
    return this.writes.write(() => {
      const next = randomUUID();
      const now = new Date().toISOString();
      // Delivery id, state and audit rows in one savepoint: a turn is recorded whole or not at all,
      // so a delivery retried after a crash is applied exactly when its turn was lost.
      if (deliveryId !== undefined && this.stmts.delivery.run(key, deliveryId, Date.now()).changes !== 1)
        throw new DuplicateDeliveryError(`delivery ${deliveryId} was applied before`);
      const changes =
        etag === undefined
          ? this.stmts.insert.run(key, json, next, now).changes
          : this.stmts.update.run(json, next, now, key, etag).changes;
      // Thrown inside the job's savepoint: nothing of this turn is written, the batch goes on.
      if (changes !== 1) throw new ConflictError(`consult ${key} changed since it was read`);
      for (const e of events)
        this.stmts.audit.run(
          e.consultId,
          e.at,
          e.kind,
          e.question ?? null,
          e.answer ?? null,
          e.outcome ?? null,
          e.contentVersion,
        );
      // In the turn's savepoint too: feedback is counted exactly when the record that says so is saved.
      for (const f of feedback)
        this.stmts.feedback.run(
          f.date,
          f.contentVersion,
          f.outcome,
          f.item,
          f.helpful ? 1 : 0,
          f.reason ?? null,
        );
      return next;
    });
  }

  firstDelivery(key: string, deliveryId: string): Promise<boolean> {
    this.maybeSweep();
    return this.writes.write(() => this.stmts.delivery.run(key, deliveryId, Date.now()).changes === 1);
  }

  /** Queues the sweep into the next batch at most once per interval: no write of its own. */
  private maybeSweep(now = Date.now()): void {
    if (now - this.sweptAt < this.opts.sweepEveryMs) return;
    this.sweptAt = now;
    void this.writes.write(() => this.sweep(now)).catch(() => undefined);
  }

  /** Deletes expired delivery ids and what is past the retention; returns the rows deleted. */
  sweep(now = Date.now()): number {
    const before = new Date(now - this.opts.retentionDays * 86_400_000).toISOString();
    return (
      this.stmts.pruneDeliveries.run(now - this.opts.deliveryTtlMs).changes +
      this.stmts.pruneConsults.run(before).changes +
      this.stmts.pruneAudit.run(before).changes
    );
  }

  async *auditLog(): AsyncIterable<AuditEvent> {
    for (const r of this.stmts.auditLog.iterate())
      yield {
        consultId: r.consult_id,
        at: r.at,
        kind: r.kind,
        ...(r.question !== null && { question: r.question }),
        ...(r.answer !== null && { answer: r.answer }),
        ...(r.outcome !== null && { outcome: r.outcome }),
        contentVersion: r.content_version,
      };
  }

  /** Feedback rows, oldest first; a row that does not read as feedback (edited by hand) is left out. */
  async *feedback(): AsyncIterable<FeedbackRecord> {
    for (const r of this.stmts.feedbackLog.iterate()) {
      const row = FeedbackRecord.safeParse({
        date: r.day,
        contentVersion: r.content_version,
        outcome: r.outcome,
        item: r.item,
        helpful: r.helpful === 1,
        ...(r.reason !== null && { reason: r.reason }),
      });
      if (row.success) yield row.data;
    }
  }

  /** Batches committed so far (the bench prints turns per commit). */
  get commitStats() {
    return this.writes.stats;
  }

  readonly cheapConflicts = true;

  get sound(): boolean {
    return this.writes.sound;
  }

  /**
   * Ready while it reads, and writes: after a write the disk refused (full, failing, read-only), a probe is
   * written here, and readiness comes back with the first write the disk takes again, turn or probe. A store
   * taken out of rotation for the outage gets no turns, so it would not come back by itself without one.
   */
  async ping() {
    if (!this.sound) throw this.writes.unsound();
    this.stmts.ping.get();
    if (!this.writes.writable)
      await this.writes.write(() => {
        this.stmts.probe.run();
        this.stmts.unprobe.run();
      });
  }

  close(): Promise<void> {
    this.closing ??= this.writes.drain().then(() => {
      try {
        this.db.close();
      } finally {
        closeSync(this.wal);
      }
    });
    return this.closing;
  }
}
