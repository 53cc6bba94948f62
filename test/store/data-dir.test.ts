import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from '../support/server';
import { entry, killLeftovers, startBot } from '../support/bot-process';
import { activity, post } from '../support/server';
import { plainTextOf } from '../support/plain-text';

/** DATA_DIR as the built bot meets it at start: a folder it cannot use, or one another bot holds. */
const root = mkdtempSync(join(tmpdir(), 'bcbm-datadir-'));
chmodSync(root, 0o755); // mkdtemp's 0700 would keep out the user the read-only case runs as
afterAll(() => {
  killLeftovers();
  rmSync(root, { recursive: true, force: true });
});

/** Starts the built bot on `dataDir` and waits for it to stop: what it printed, and how it ended. */
function start(dataDir: string, options: SpawnSyncOptions = {}) {
  const run = spawnSync(process.execPath, [entry], {
    env: {
      ...process.env,
      STORAGE: 'sqlite',
      DATA_DIR: dataDir,
      PORT: '0',
      MicrosoftAppId: '',
      NODE_OPTIONS: '--no-deprecation',
    },
    encoding: 'utf8',
    timeout: 15000,
    ...options,
  });
  return { status: run.status, stdout: String(run.stdout), lines: String(run.stderr).trim().split('\n') };
}

/** Root ignores file modes: the bot is started as nobody there, so that a read-only folder is read-only to it. */
const asSomeoneElse: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const snapshot = (path: string) => ({
  bytes: readFileSync(path).toString('base64'),
  mtime: statSync(path).mtimeMs,
});

describe('an unusable DATA_DIR at start', () => {
  it('that is a file: one line naming DATA_DIR, the path and what is wrong; exit 1; the file untouched', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'notes\n');
    const before = snapshot(file);
    const run = start(file);
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([`bcbm-consult: invalid setting DATA_DIR: ${file} is a file, not a folder`]);
    expect(run.stdout).toBe('');
    expect(snapshot(file)).toEqual(before);
  });

  it('holding a file that is not SQLite where the database goes: refused before SQLite opens it, nothing written', () => {
    const dir = join(root, 'not-sqlite');
    mkdirSync(dir);
    const db = join(dir, 'consults.sqlite');
    writeFileSync(db, 'PK\u0003\u0004 an archive someone left here');
    const before = snapshot(db);
    const run = start(dir);
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([
      `bcbm-consult: invalid setting DATA_DIR: ${db} is not an SQLite database (left as it is)`,
    ]);
    expect(snapshot(db)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['consults.sqlite']);
  });

  it('that is read-only: one line, exit 1', () => {
    const dir = join(root, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const run = start(dir, asSomeoneElse);
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([
      expect.stringMatching(
        new RegExp(`^bcbm-consult: invalid setting DATA_DIR: ${dir} is not writable \\(E[A-Z]+\\)$`),
      ),
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('one bot per SQLite folder', () => {
  it('refuses a second bot on the same DATA_DIR with one line, and a SIGKILLed bot can start again at once', async () => {
    const dir = join(root, 'shared');
    const first = await startBot({ STORAGE: 'sqlite', DATA_DIR: dir });
    const conversation = { id: 'lock-1' } as Activity['conversation'];
    await post(first.url, activity({ conversation, text: 'start' }));
    await post(first.url, activity({ conversation, text: '1' }));

    const second = start(dir);
    expect(second.status).toBe(1);
    expect(second.lines).toEqual([
      `bcbm-consult: invalid setting DATA_DIR: ${dir} is in use by another running bot (one per folder: several instances need STORAGE=blob)`,
    ]);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200); // the first goes on

    first.child.kill('SIGKILL');
    await first.exited;
    // The OS dropped the lock with the process: no waiting, no stale lock file to remove by hand.
    const again = await startBot({ STORAGE: 'sqlite', DATA_DIR: dir });
    const summary = await post(again.url, activity({ conversation, text: 'summary' }));
    expect(summary.activities.map(plainTextOf).join('\n')).toContain(
      'Consult type: New symptom, metastases suspected',
    );
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });
});
