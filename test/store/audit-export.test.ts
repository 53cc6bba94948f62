import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pathway } from '../../src/content';
import { ConsultService } from '../../src/conversation/consult';
import { makeLogger } from '../../src/log';
import { BlobStore } from '../../src/store/blob';
import { SqliteStore } from '../../src/store/sqlite';
import type { ConsultStore } from '../../src/store/store';
import { parseInput } from '../../dialogs/parse-input';
import { useAzurite } from '../support/azurite';

const tool = join(__dirname, '../../dist/tools/audit-export.js');
const dir = mkdtempSync(join(tmpdir(), 'bcbm-export-'));
const azurite = useAzurite();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Two consults, one with a free-text message a clinician might type (it must never be exported). */
async function consults(store: ConsultStore) {
  const service = new ConsultService(store, pathway, makeLogger('silent'));
  for (const [key, texts] of [
    ['emulator:one', ['start', '1', 'No', 'Yes']],
    ['emulator:two', ['start', 'Mrs Jane Example, 54, MRN 123456', '2']],
  ] as const)
    for (const text of texts) await service.turn(key, parseInput(text, undefined));
  await store.close();
}

async function exportCsv(env: Record<string, string>): Promise<string[]> {
  if (!existsSync(tool)) throw new Error(`build first (npm run build): ${tool} is missing`);
  const { stdout } = await promisify(execFile)(process.execPath, [tool], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return stdout.trimEnd().split('\r\n');
}

function expectAuditCsv(lines: string[]) {
  expect(lines[0]).toBe('consult_id,at,kind,question,answer,outcome,content_version');
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.map((r) => [r[2], r[3], r[4]].filter(Boolean).join(' '))).toEqual([
    'started',
    'answered scenario newSymptoms',
    'answered redFlags none',
    'answered seizure yes',
    'started',
    'answered scenario knownProgression',
  ]);
  for (const r of rows) {
    expect(r[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(r[1]!).toISOString()).toBe(r[1]);
    expect(r[6]).toBe(pathway.version);
  }
  expect(lines.join('\n')).not.toMatch(/Jane|Example|123456/);
}

describe('npm run audit:export', () => {
  it('writes the SQLite audit log as CSV: ids, times, enumerated answers, content version, no free text', async () => {
    const dataDir = join(dir, 'sqlite');
    await consults(new SqliteStore(dataDir));
    expectAuditCsv(await exportCsv({ STORAGE: 'sqlite', DATA_DIR: dataDir }));
  });

  it('writes the Azure Blob audit log the same way', async () => {
    const name = `export${Date.now()}`;
    await consults(await BlobStore.open(azurite().connectionString, name));
    expectAuditCsv(
      await exportCsv({
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite().connectionString,
        AZURE_STORAGE_CONTAINER: name,
      }),
    );
  });
});
