import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedbackRecord } from '../../dialogs/feedback-record';
import { BlobStore } from '../../src/store/blob';
import { MemoryStore } from '../../src/store/memory';
import { SqliteStore } from '../../src/store/sqlite';
import { ConflictError, type ConsultStore } from '../../src/store/store';
import { useAzurite } from '../support/azurite';

// Feedback in each store: written with the turn that gives it, read back whole by the report, and never
// written by a turn that lost its race (the retry would count it again).

const dir = mkdtempSync(join(tmpdir(), 'bcbm-feedback-'));
const azurite = useAzurite();
const stores: Record<string, () => Promise<ConsultStore>> = {
  memory: async () => new MemoryStore(),
  sqlite: async () => new SqliteStore(join(dir, `s-${Math.random()}`)),
  blob: async () =>
    BlobStore.open(azurite().connectionString, `f${Date.now()}${Math.floor(Math.random() * 1e6)}`),
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const helpful: FeedbackRecord = {
  date: '2026-12-07',
  contentVersion: '3.0.0',
  outcome: 'treatmentPlan',
  item: 'plan',
  helpful: true,
};
const outdated: FeedbackRecord = {
  date: '2026-12-08',
  contentVersion: '3.0.0',
  outcome: 'interimPlan',
  item: 'interimUrgentImaging',
  helpful: false,
  reason: 'outdated',
};

describe.each(Object.keys(stores))('feedback in the %s store', (name) => {
  let store: ConsultStore;
  beforeEach(async () => {
    store = await stores[name]!();
  });
  afterEach(() => store.close());

  it('keeps each act of feedback as given, and none from a write that lost the race', async () => {
    expect(await all(store.feedback())).toEqual([]);
    const etag = await store.save({ key: 'k', value: 1, etag: undefined, events: [], feedback: [helpful] });
    await expect(
      store.save({ key: 'k', value: 2, etag: 'stale', events: [], feedback: [outdated] }),
    ).rejects.toBeInstanceOf(ConflictError);
    await store.save({ key: 'k', value: 3, etag, events: [], feedback: [outdated] });
    await store.save({ key: 'k2', value: 1, etag: undefined, events: [] });
    const rows = await all(store.feedback());
    // Blob lists by day (the name), SQLite and memory in the order written: the same here.
    expect(rows).toEqual([helpful, outdated]);
  });
});
