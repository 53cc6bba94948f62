import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import { BlobStore } from '../../src/store/blob';
import { MemoryStore } from '../../src/store/memory';
import { SqliteStore } from '../../src/store/sqlite';
import { ConflictError, type ConsultStore } from '../../src/store/store';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Azurite, Microsoft's Azure Storage emulator, on loopback: the real Blob API without an account. */
async function startAzurite(): Promise<{ connectionString: string; stop: () => void }> {
  const port = await freePort();
  const bin = join(__dirname, '../../node_modules/.bin/azurite-blob');
  const child: ChildProcess = spawn(
    bin,
    [
      '--inMemoryPersistence',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start:\n${out}`)), 20000);
    const onData = (c: Buffer) => {
      out += c.toString();
      if (/successfully listens/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Azurite exited with ${code}:\n${out}`)));
  });
  const account = 'devstoreaccount1';
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${key};BlobEndpoint=http://127.0.0.1:${port}/${account};`,
    // Azurite may ignore SIGTERM.
    stop: () => child.kill('SIGKILL'),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bcbm-store-'));
let azurite: Awaited<ReturnType<typeof startAzurite>>;
const stores: Record<string, () => Promise<ConsultStore>> = {
  memory: async () => new MemoryStore(),
  sqlite: async () => new SqliteStore(join(dir, `s-${Math.random()}`)),
  blob: async () =>
    BlobStore.open(azurite.connectionString, `c${Date.now()}${Math.floor(Math.random() * 1e6)}`),
};

beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);
afterAll(() => {
  azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(Object.keys(stores))('the %s store', (name) => {
  let store: ConsultStore;
  beforeEach(async () => {
    store = await stores[name]!();
  });
  afterEach(() => store.close());

  it('saves and loads a consult, and refuses a write based on an out-of-date read', async () => {
    expect(await store.load('msteams:a')).toBeUndefined();
    const etag = await store.save('msteams:a', { step: 1, note: 'Großhirn — naïve' }, undefined);
    await expect(store.save('msteams:a', { step: 9 }, undefined)).rejects.toBeInstanceOf(ConflictError);
    const loaded = await store.load('msteams:a');
    expect(loaded).toEqual({ value: { step: 1, note: 'Großhirn — naïve' }, etag });
    const next = await store.save('msteams:a', { step: 2 }, etag);
    await expect(store.save('msteams:a', { step: 3 }, etag)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.load('msteams:a'))?.value).toEqual({ step: 2 });
    expect(next).not.toBe(etag);
  });

  it('tells a first delivery from a repeated one, per conversation', async () => {
    expect(await store.firstDelivery('slack:C1:1', 'Ev1')).toBe(true);
    expect(await store.firstDelivery('slack:C1:1', 'Ev1')).toBe(false);
    expect(await store.firstDelivery('slack:C1:2', 'Ev1')).toBe(true);
  });

  it('answers the readiness ping and accepts audit events', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    await expect(
      store.audit([
        {
          consultId: 'c1',
          at: '2026-11-28T10:00:00.000Z',
          kind: 'answered',
          question: 'her2',
          answer: 'positive',
          contentVersion: '1.0.0',
        },
      ]),
    ).resolves.toBeUndefined();
  });
});

const answered = {
  consultId: 'c1',
  at: '2026-11-28T10:00:00.000Z',
  kind: 'answered',
  question: 'kps',
  answer: 'kps70to80',
  contentVersion: '1.0.0',
} as const;

describe('the SQLite audit log', () => {
  it('keeps ids and enumerated answers only', async () => {
    const folder = join(dir, 'audit');
    const store = new SqliteStore(folder);
    await store.audit([answered]);
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
});

describe('the Blob audit log', () => {
  it('appends ids and enumerated answers only, one JSON line per event, in one blob per day', async () => {
    const container = `audit${Date.now()}`;
    const store = await BlobStore.open(azurite.connectionString, container);
    const later = {
      ...answered,
      at: '2026-11-28T10:01:00.000Z',
      question: 'age',
      answer: 'under60',
    } as const;
    await store.audit([answered]);
    await store.audit([later]);
    const blob = BlobServiceClient.fromConnectionString(azurite.connectionString)
      .getContainerClient(container)
      .getBlobClient('audit/2026-11-28.jsonl');
    const lines = (await blob.downloadToBuffer()).toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([answered, later]);
  });
});
