import Database from 'better-sqlite3';
import { GroupCommit } from '../../src/store/group-commit';

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
    await expect(waiting).rejects.toThrow('EIO');
    await expect(writes.write(insert('c'))).rejects.toThrow('EIO');
    expect(writes.failure).toBeInstanceOf(Error);
    // No sync after the failed one: nothing later is answered as saved.
    expect(calls).toHaveLength(1);
  });

  it('a stale write in a batch fails alone, after the sync, and its rows are not written', async () => {
    const { db, insert } = table();
    const { sync, calls } = manualSync();
    const writes = new GroupCommit(db, sync);
    const results = Promise.allSettled([writes.write(insert('a')), writes.write(insert('a'))]);
    await settle();
    calls[0]!.resolve();
    const [ok, failed] = await results;
    expect(ok).toMatchObject({ status: 'fulfilled', value: 1 });
    expect(failed).toMatchObject({ status: 'rejected' });
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 1 });
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
