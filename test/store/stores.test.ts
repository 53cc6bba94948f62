import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BlobStore } from '../../src/store/blob';
import { MemoryStore } from '../../src/store/memory';
import { SqliteStore } from '../../src/store/sqlite';
import {
  ConflictError,
  DuplicateDeliveryError,
  type AuditEvent,
  type ConsultStore,
} from '../../src/store/store';
import { useAzurite } from '../support/azurite';

const dir = mkdtempSync(join(tmpdir(), 'bcbm-store-'));
const azurite = useAzurite();
const container = () => `c${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const stores: Record<string, () => Promise<ConsultStore>> = {
  memory: async () => new MemoryStore(),
  sqlite: async () => new SqliteStore(join(dir, `s-${Math.random()}`)),
  blob: async () => BlobStore.open(azurite().connectionString, container()),
};

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const answered = (consultId: string, question: string, answer: string): AuditEvent => ({
  consultId,
  at: new Date().toISOString(),
  kind: 'answered',
  question,
  answer,
  contentVersion: '1.0.0',
});

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(Object.keys(stores))('the %s store', (name) => {
  let store: ConsultStore;
  beforeEach(async () => {
    store = await stores[name]!();
  });
  afterEach(() => store.close());

  it('saves and loads a consult, and refuses a write based on an out-of-date read', async () => {
    const key = 'msteams:a';
    expect(await store.load(key)).toBeUndefined();
    const etag = await store.save({
      key,
      value: { step: 1, note: 'Großhirn — naïve' },
      etag: undefined,
      events: [],
    });
    await expect(store.save({ key, value: { step: 9 }, etag: undefined, events: [] })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const loaded = await store.load(key);
    expect(loaded).toEqual({ value: { step: 1, note: 'Großhirn — naïve' }, etag });
    const next = await store.save({ key, value: { step: 2 }, etag, events: [] });
    await expect(store.save({ key, value: { step: 3 }, etag, events: [] })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await store.load(key)).toEqual({ value: { step: 2 }, etag: next });
    expect(next).not.toBe(etag);
    // A caller holding the current copy is told so; one holding an older copy gets the value.
    expect(await store.load(key, next)).toEqual({ etag: next, unchanged: true });
    expect(await store.load(key, etag)).toEqual({ value: { step: 2 }, etag: next });
  });

  it('writes a turn’s audit events with its state, and none for a write that lost the race', async () => {
    const etag = await store.save({
      key: 'k',
      value: 1,
      etag: undefined,
      events: [answered('c1', 'her2', 'positive')],
    });
    await expect(
      store.save({ key: 'k', value: 2, etag: 'stale', events: [answered('c1', 'her2', 'negative')] }),
    ).rejects.toBeInstanceOf(ConflictError);
    await store.save({ key: 'k', value: 3, etag, events: [answered('c1', 'kps', 'kps70to80')] });
    expect((await all(store.auditLog())).map((e) => `${e.question} ${e.answer}`)).toEqual([
      'her2 positive',
      'kps kps70to80',
    ]);
  });

  it('records a turn’s delivery id with it: a repeat writes nothing, a write that lost the race keeps no id', async () => {
    const etag = await store.save({ key: 'd', value: 1, etag: undefined, events: [], deliveryId: 'act-1' });
    await expect(
      store.save({
        key: 'd',
        value: 2,
        etag,
        events: [answered('c1', 'age', 'under60')],
        deliveryId: 'act-1',
      }),
    ).rejects.toBeInstanceOf(DuplicateDeliveryError);
    await expect(
      store.save({ key: 'd', value: 3, etag: 'stale', events: [], deliveryId: 'act-2' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.load('d')).toEqual({ value: 1, etag });
    expect(await all(store.auditLog())).toEqual([]);
    expect(await store.firstDelivery('d', 'act-2')).toBe(true);
    expect(await store.firstDelivery('d', 'act-1')).toBe(false);
  });

  it('tells a first delivery from a repeated one, per conversation', async () => {
    expect(await store.firstDelivery('slack:C1:1', 'Ev1')).toBe(true);
    expect(await store.firstDelivery('slack:C1:1', 'Ev1')).toBe(false);
    expect(await store.firstDelivery('slack:C1:2', 'Ev1')).toBe(true);
  });

  it('answers the readiness ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('the SQLite store', () => {
  it('keeps ids and enumerated answers only in its audit table', async () => {
    const folder = join(dir, 'audit');
    const store = new SqliteStore(folder);
    await store.save({ key: 'k', value: {}, etag: undefined, events: [answered('c1', 'kps', 'kps70to80')] });
    await store.close();
    const db = new Database(join(folder, 'consults.sqlite'), { readonly: true });
    expect(db.prepare('select consult_id, kind, question, answer, content_version from audit').all()).toEqual(
      [
        {
          consult_id: 'c1',
          kind: 'answered',
          question: 'kps',
          answer: 'kps70to80',
          content_version: '1.0.0',
        },
      ],
    );
    db.close();
  });

  it('commits the turns in flight together, and a stale write in the batch fails alone', async () => {
    const store = new SqliteStore(join(dir, 'group'));
    const stale = await store.save({ key: 'race', value: 0, etag: undefined, events: [] });
    await store.save({ key: 'race', value: 1, etag: stale, events: [] });
    const { batches } = store.commitStats;
    const results = await Promise.allSettled([
      ...Array.from({ length: 40 }, (_, i) =>
        store.save({
          key: `k${i}`,
          value: i,
          etag: undefined,
          events: [answered(`c${i}`, 'age', 'under60')],
        }),
      ),
      store.save({ key: 'race', value: 2, etag: stale, events: [answered('race', 'age', 'under60')] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(40);
    expect(results.at(-1)).toMatchObject({ status: 'rejected', reason: expect.any(ConflictError) });
    // 41 writes issued in one tick: one transaction, not 41.
    expect(store.commitStats.batches - batches).toBe(1);
    expect(await store.load('race')).toMatchObject({ value: 1 });
    expect(await all(store.auditLog())).toHaveLength(40);
    await store.close();
  });

  it('grows without bound in no table: delivery ids expire after a day, old consults and audit rows after the retention', async () => {
    const store = new SqliteStore(join(dir, 'sweep'), { retentionDays: 30 });
    await store.firstDelivery('k', 'act-1');
    await store.save({ key: 'k', value: {}, etag: undefined, events: [answered('c1', 'age', 'under60')] });
    const day = 86_400_000;
    expect(store.sweep(Date.now() + day / 2)).toBe(0);
    expect(await store.firstDelivery('k', 'act-1')).toBe(false);
    expect(store.sweep(Date.now() + day + 60_000)).toBe(1);
    expect(await store.firstDelivery('k', 'act-1')).toBe(true);
    expect(store.sweep(Date.now() + 31 * day)).toBe(3);
    expect(await store.load('k')).toBeUndefined();
    expect(await all(store.auditLog())).toEqual([]);
    await store.close();
  });
});

describe('the Azure Blob store', () => {
  it('rolls the audit over to a new append blob before the block limit, and the log reads back whole and in order', async () => {
    const name = container();
    const store = await BlobStore.open(azurite().connectionString, name, { auditBlocksPerBlob: 3 });
    let etag: string | undefined;
    for (let i = 0; i < 7; i++)
      etag = await store.save({ key: 'k', value: i, etag, events: [answered('c1', 'step', String(i))] });
    const { BlobServiceClient } = await import('@azure/storage-blob');
    const blobs = [];
    for await (const b of BlobServiceClient.fromConnectionString(azurite().connectionString)
      .getContainerClient(name)
      .listBlobsFlat({ prefix: 'audit/' }))
      blobs.push(b.name);
    expect(blobs).toHaveLength(3);
    expect(blobs.every((b) => /^audit\/\d{4}-\d\d-\d\d\/\d\d\/[0-9a-f]{8}-[012]\.jsonl$/.test(b))).toBe(true);
    expect((await all(store.auditLog())).map((e) => e.answer)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('sweeps delivery markers older than their time to live', async () => {
    const store = await BlobStore.open(azurite().connectionString, container(), { deliveryTtlMs: 60_000 });
    await store.firstDelivery('k', 'act-1');
    await store.firstDelivery('k', 'act-2');
    expect(await store.sweepDeliveries(Date.now())).toBe(0);
    expect(await store.firstDelivery('k', 'act-1')).toBe(false);
    expect(await store.sweepDeliveries(Date.now() + 61_000)).toBe(2);
    expect(await store.firstDelivery('k', 'act-1')).toBe(true);
  });
});
