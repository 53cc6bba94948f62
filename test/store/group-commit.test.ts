// The module object itself (a default import), so a spy on fdatasync is what the store calls.
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from '../../src/store/group-commit';
import { SqliteStore } from '../../src/store/sqlite';
import { tryAgainNote } from '../../src/view/strings';
import { pathway } from '../../src/content';
import { activity, post, startServer } from '../support/server';
import { plainTextOf } from '../support/plain-text';

/** A sync the test completes by hand, standing in for the fdatasync of the WAL. */
function manualSync() {
  const calls: { resolve: () => void; reject: (err: Error) => void }[] = [];
  const sync = () => new Promise<void>((resolve, reject) => calls.push({ resolve, reject }));
  return { sync, calls };
}

/** Lets setImmediate batches and promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

function table() {
  const db = new Database(':memory:');
  db.exec('create table t (k text primary key)');
  const insert = db.prepare('insert into t values (?)');
  return { db, insert: (k: string) => () => insert.run(k).changes };
}

describe('group commit', () => {
  it('answers a write only after the sync that follows its commit, and one sync covers the batches committed while it ran', async () => {
    const { db, insert } = table();
    const { sync, calls } = manualSync();
    const writes = new GroupCommit(db, sync);
    const done: string[] = [];
    const first = writes.write(insert('a')).then(() => done.push('a'));
    await settle();
    // Committed (another reader sees it) but not yet synced: not answered.
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 1 });
    expect(calls).toHaveLength(1);
    expect(done).toEqual([]);
    // Two more batches while the first sync runs: they wait for the next sync, not one each.
    const second = writes.write(insert('b')).then(() => done.push('b'));
    await settle();
    const third = writes.write(insert('c')).then(() => done.push('c'));
    await settle();
    expect(writes.stats.batches).toBe(3);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await first;
    expect(done).toEqual(['a']);
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await Promise.all([second, third]);
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('refuses every write once a sync fails: the batches it covered, those waiting and all later ones', async () => {
    const { db, insert } = table();
    const { sync, calls } = manualSync();
    const writes = new GroupCommit(db, sync);
    const first = writes.write(insert('a'));
    await settle();
    const waiting = writes.write(insert('b'));
    await settle();
    calls[0]!.reject(new Error('EIO'));
    await expect(first).rejects.toThrow('EIO');
    await expect(waiting).rejects.toMatchObject({ code: 'store_unavailable' });
    await expect(writes.write(insert('c'))).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(writes.sound).toBe(false);
    // No sync after the failed one: nothing later is answered as saved.
    expect(calls).toHaveLength(1);
  });

  it('a stale write in a batch fails alone, after the sync, and its rows are not written', async () => {
    const { db, insert } = table();
    const { sync, calls } = manualSync();
    const writes = new GroupCommit(db, sync);
    let settled = false;
    const results = Promise.allSettled([writes.write(insert('a')), writes.write(insert('a'))]).finally(
      () => (settled = true),
    );
    await settle();
    expect(settled).toBe(false);
    calls[0]!.resolve();
    const [ok, failed] = await results;
    expect(ok).toMatchObject({ status: 'fulfilled', value: 1 });
    expect(failed).toMatchObject({ status: 'rejected' });
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 1 });
  });

  it('is not writable from a write the disk refused until a later batch is committed and synced', async () => {
    const { db, insert } = table();
    const { sync, calls } = manualSync();
    const writes = new GroupCommit(db, sync);
    // A genuine SQLITE_FULL inside a batch: the database may not grow, and a 64 KB row needs new pages.
    db.exec('create table big (b blob)');
    const big = () => db.prepare('insert into big values (zeroblob(65536))').run().changes;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // A batch committed before the refusal but synced after it does not count as the disk taking writes.
    const before = writes.write(insert('a'));
    await settle();
    db.pragma(`max_page_count = ${pages}`);
    // SQLite rolls back the whole transaction on SQLITE_FULL: every write of the batch fails with it.
    const refused = writes.write(big);
    const alongside = writes.write(insert('b'));
    await expect(refused).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(alongside).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(writes.writable).toBe(false);
    calls[0]!.resolve();
    await before;
    expect(writes.writable).toBe(false);
    db.pragma(`max_page_count = ${pages * 100}`);
    const after = writes.write(big);
    await settle();
    expect(writes.writable).toBe(false); // committed, not yet synced
    calls[1]!.resolve();
    await after;
    expect(writes.writable).toBe(true);
    expect(writes.sound).toBe(true);
    expect(db.prepare('select k from t').all()).toEqual([{ k: 'a' }]);
  });

  it('drain writes what is queued and waits for its sync', async () => {
    const { db, insert } = table();
    const { sync, calls } = manualSync();
    const writes = new GroupCommit(db, sync);
    const write = writes.write(insert('a'));
    let drained = false;
    const drain = writes.drain().then(() => (drained = true));
    await settle();
    expect(calls).toHaveLength(1);
    expect(drained).toBe(false);
    calls[0]!.resolve();
    await Promise.all([write, drain]);
    expect(drained).toBe(true);
  });
});

describe('the SQLite store and the sync of its WAL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bcbm-sync-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => jest.restoreAllMocks());

  /** Holds each fdatasync of the store until the test lets it finish (or fail). */
  function holdSyncs() {
    const held: ((err: NodeJS.ErrnoException | null) => void)[] = [];
    const real = fs.fdatasync;
    const hold = (fd: number, cb: (e: NodeJS.ErrnoException | null) => void) => {
      held.push((err) => (err ? cb(err) : real(fd, cb)));
    };
    jest.spyOn(fs, 'fdatasync').mockImplementation(hold as unknown as typeof fs.fdatasync);
    return held;
  }

  it('answers a save only after the WAL is synced, and shows nothing committed before its sync', async () => {
    const store = new SqliteStore(join(dir, 'held'));
    const held = holdSyncs();
    let saved = false;
    const save = store
      .save({ key: 'k', value: { step: 1 }, etag: undefined, events: [] })
      .then(() => (saved = true));
    await settle();
    expect(held).toHaveLength(1);
    // Committed, not yet synced: neither answered nor readable.
    let read = false;
    const load = store.load('k').then((l) => ((read = true), l));
    await settle();
    expect([saved, read]).toEqual([false, false]);
    held[0]!(null);
    await expect(load).resolves.toMatchObject({ value: { step: 1 } });
    await save;
    expect(saved).toBe(true);
    jest.restoreAllMocks();
    await store.close();
  });

  it('after a failed sync refuses every save and read, and says it is not sound (liveness then fails)', async () => {
    const store = new SqliteStore(join(dir, 'failed'));
    const held = holdSyncs();
    const save = store.save({ key: 'k', value: 1, etag: undefined, events: [] });
    await settle();
    held[0]!(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(save).rejects.toThrow('EIO');
    expect(store.sound).toBe(false);
    await expect(store.ping()).rejects.toThrow();
    await expect(store.load('k')).rejects.toThrow();
    await expect(store.save({ key: 'j', value: 2, etag: undefined, events: [] })).rejects.toMatchObject({
      code: 'store_unavailable',
    });
    jest.restoreAllMocks();
    await store.close();
  });

  it('a bot whose disk sync failed tells the user to try again and fails liveness, so it is restarted', async () => {
    const server = await startServer({ STORAGE: 'sqlite', DATA_DIR: join(dir, 'bot') });
    try {
      const say = async (text: string) => {
        const res = await post(server.url, activity({ conversation: { id: 'sync-1' } as never, text }));
        return res.activities.map(plainTextOf).join('\n');
      };
      await say('start');
      const held = holdSyncs();
      const answer = say('1');
      while (!held.length) await settle();
      held[0]!(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      // The answer on the failed sync is not confirmed; the next is refused before anything is written.
      expect(await answer).not.toContain(pathway.questions[1]!.prompt);
      expect(await say('1')).toContain(tryAgainNote);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    } finally {
      jest.restoreAllMocks();
      await server.close();
    }
  });
});
