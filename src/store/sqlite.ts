import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError, type AuditEvent, type ConsultStore } from './store';

/**
 * The embedded default store: one SQLite file under DATA_DIR, in WAL mode with synchronous=FULL,
 * so a consult survives kill -9 right after an answer was acknowledged.
 */
export class SqliteStore implements ConsultStore {
  private readonly db: Database.Database;
  private readonly stmts;
  private prunedAt = 0;

  /** One transaction, so one synced write, for all the events of a turn. */
  private readonly auditMany;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'consults.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      create table if not exists consults (key text primary key, value text not null, etag text not null, updated_at text not null);
      create table if not exists deliveries (key text not null, delivery_id text not null, seen_at integer not null, primary key (key, delivery_id));
      create table if not exists audit (id integer primary key, consult_id text not null, at text not null, kind text not null,
        question text, answer text, outcome text, content_version text not null);
    `);
    this.stmts = {
      load: this.db.prepare<[string], { value: string; etag: string }>(
        'select value, etag from consults where key = ?',
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
      prune: this.db.prepare('delete from deliveries where seen_at < ?'),
      audit: this.db.prepare(
        'insert into audit (consult_id, at, kind, question, answer, outcome, content_version) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      ping: this.db.prepare('select 1'),
    };
    this.auditMany = this.db.transaction((events: AuditEvent[]) => {
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
    });
  }

  async load(key: string) {
    const row = this.stmts.load.get(key);
    return row ? { value: JSON.parse(row.value) as unknown, etag: row.etag } : undefined;
  }

  async save(key: string, value: unknown, etag: string | undefined) {
    const next = randomUUID();
    const now = new Date().toISOString();
    const json = JSON.stringify(value);
    const changes =
      etag === undefined
        ? this.stmts.insert.run(key, json, next, now).changes
        : this.stmts.update.run(json, next, now, key, etag).changes;
    if (changes !== 1) throw new ConflictError(`consult ${key} changed since it was read`);
    return next;
  }

  async firstDelivery(key: string, deliveryId: string) {
    const now = Date.now();
    // Channels retry within minutes; a day of ids is plenty. Pruning once a minute keeps the table
    // small without another synced write on every turn.
    if (now - this.prunedAt > 60_000) {
      this.stmts.prune.run(now - 24 * 3600_000);
      this.prunedAt = now;
    }
    return this.stmts.delivery.run(key, deliveryId, now).changes === 1;
  }

  async audit(events: AuditEvent[]) {
    this.auditMany(events);
  }

  async ping() {
    this.stmts.ping.get();
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}
