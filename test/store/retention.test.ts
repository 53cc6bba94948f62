import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { BlobStore } from '../../src/store/blob';
import { openStore } from '../../src/store/open';
import { SqliteStore } from '../../src/store/sqlite';
import type { AuditEvent, ConsultStore } from '../../src/store/store';
import { useAzurite } from '../support/azurite';

/** CONSULT_RETENTION_DAYS, read as the bot reads it, applied by each durable store; time moved by a fake clock. */
const azurite = useAzurite();
const dir = mkdtempSync(join(tmpdir(), 'bcbm-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = 86_400_000;
const retentionDays = 30;
let serial = 0;

/** What each store is told to forget, and how its clock is moved forward (no sleeping). */
const stores: [string, () => Promise<{ store: ConsultStore; after: (ms: number) => Promise<void> }>][] = [
  [
    'SQLite (its sweep)',
    async () => {
      const store = await openStore(
        readConfig({
          STORAGE: 'sqlite',
          DATA_DIR: join(dir, `s${++serial}`),
          CONSULT_RETENTION_DAYS: `${retentionDays}`,
        }),
      );
      return {
        store,
        after: async (ms) => {
          (store as SqliteStore).sweep(Date.now() + ms);
        },
      };
    },
  ],
  [
    'Azure Blob (expired is absent before the lifecycle rule runs)',
    async () => {
      const store = await openStore(
        readConfig({
          STORAGE: 'blob',
          AZURE_STORAGE_CONNECTION_STRING: azurite().connectionString,
          AZURE_STORAGE_CONTAINER: `retention${++serial}`,
          CONSULT_RETENTION_DAYS: `${retentionDays}`,
        }),
      );
      return {
        store,
        after: async (ms) => {
          (store as BlobStore).now = () => Date.now() + ms;
        },
      };
    },
  ],
];

const event: AuditEvent = {
  consultId: 'c1',
  at: new Date().toISOString(),
  kind: 'started',
  contentVersion: '2.0.2',
};

describe.each(stores)('consult retention in %s', (_name, open) => {
  it(`keeps a consult ${retentionDays - 1} days after its last use and forgets it after ${retentionDays}; a new one starts in its place`, async () => {
    const { store, after } = await open();
    try {
      const key = 'local:emulator:retention';
      const etag = await store.save({ key, value: { step: 1 }, etag: undefined, events: [event] });

      await after((retentionDays - 1) * day);
      expect(await store.load(key)).toMatchObject({ value: { step: 1 } });
      expect(await store.load(key, etag)).toEqual({ etag, unchanged: true });

      await after(retentionDays * day + 60_000);
      // Also the copy a process holds (asked with its etag): expired is absent.
      expect(await store.load(key, etag)).toBeUndefined();
      expect(await store.load(key)).toBeUndefined();
      // Absent everywhere a turn looks: a new consult can be saved under the key as if there never was one.
      await expect(store.save({ key, value: { step: 0 }, etag: undefined, events: [] })).resolves.toEqual(
        expect.any(String),
      );
    } finally {
      await store.close();
    }
  });
});

describe('CONSULT_RETENTION_DAYS', () => {
  it('is a year when unset, and refused with one line naming it when it is not a whole number of days', () => {
    expect(readConfig({}).CONSULT_RETENTION_DAYS).toBe(365);
    expect(readConfig({ CONSULT_RETENTION_DAYS: ' 90 ' }).CONSULT_RETENTION_DAYS).toBe(90);
    for (const bad of ['0', '-5', '1.5', 'a year', '1e3'])
      expect(() => readConfig({ CONSULT_RETENTION_DAYS: bad })).toThrow(
        'invalid setting CONSULT_RETENTION_DAYS: must be a whole number of days, 1 or more',
      );
  });
});
