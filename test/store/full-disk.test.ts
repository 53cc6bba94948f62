import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Activity } from '../support/server';
import { tryAgainNote } from '../../src/view/strings';
import { pathway } from '../../src/content';
import type { ConsultStore } from '../../src/store/store';
import { notes } from '../../src/view/strings';
import { signedHeaders, slackEnv, startFakeSlack, waitFor, type FakeSlack } from '../support/fake-slack';
import { imMessage } from '../support/slack-payloads';
import { activity, post, startServer, type Running } from '../support/server';
import { plainTextOf } from '../support/plain-text';

/** A data folder and a way to make its store refuse every write, and to take that back. */
interface Disk {
  dir: string;
  /** Called once the bot runs, with its store. */
  fill(store: ConsultStore): void;
  empty(store: ConsultStore): void;
  remove(): void;
}

/**
 * A full disk for real: a 4 MB tmpfs, filled with a file up to its last block. Mounting needs root with the
 * right to mount (a developer's container); undefined where that is not given.
 */
function tmpfs(): Disk | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'bcbm-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir: join(dir, 'data'),
    fill: () => {
      const { bavail, bsize } = statfsSync(dir);
      writeFileSync(filler, Buffer.alloc(bavail * bsize));
    },
    empty: () => rmSync(filler),
    remove: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Where no tmpfs can be mounted: SQLite's own switch on the store's connection (a private field, read here
 * only), which refuses every write with SQLITE_READONLY as a disk remounted read-only does.
 */
function readOnly(): Disk {
  const dir = mkdtempSync(join(tmpdir(), 'bcbm-readonly-'));
  const db = (store: ConsultStore) => (store as unknown as { db: Database.Database }).db;
  return {
    dir,
    fill: (store) => db(store).pragma('query_only = ON'),
    empty: (store) => db(store).pragma('query_only = OFF'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const real = tmpfs();
const disks: [string, () => Disk | undefined][] = [
  ['full (a 4 MB tmpfs filled to its last block)', () => real],
  ['read-only (SQLite refuses every write)', readOnly],
];

describe.each(disks)('a store whose disk is %s', (_what, make) => {
  const disk = make();
  let server: Running;
  let slack: FakeSlack;
  beforeAll(async () => {
    if (!disk) return;
    mkdirSync(disk.dir, { recursive: true });
    slack = await startFakeSlack();
    server = await startServer({ STORAGE: 'sqlite', DATA_DIR: disk.dir, ...slackEnv(slack.url) });
  });
  afterAll(async () => {
    await server?.close();
    await slack?.close();
    disk?.remove();
  });

  const say = async (id: string, text: string) => {
    const res = await post(server.url, activity({ conversation: { id } as Activity['conversation'], text }));
    expect(res.status).toBe(200);
    return res.activities.map(plainTextOf).join('\n');
  };
  const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;
  const slackSays = async (channel: string, text: string) => {
    const before = slack.calls.length;
    const body = JSON.stringify(imMessage({ channel, user: 'U0DRFULL', text }));
    const res = await fetch(`${server.url}/api/slack/events`, {
      method: 'POST',
      headers: signedHeaders(body, 'application/json'),
      body,
    });
    expect(res.status).toBe(200);
    await server.app.idle();
    return waitFor(
      () =>
        slack.calls
          .slice(before)
          .map((c) => c.text)
          .join('\n'),
      'a Slack reply',
    );
  };

  // Skipped only where no tmpfs can be mounted; the read-only store below runs everywhere.
  (disk ? it : it.skip)(
    'fails /readyz (not /healthz) while writes fail, answers "try again", still answers read-only commands, and is ready again by itself once there is room',
    async () => {
      const store = server.app.store;
      await say('a', 'start');
      expect(await say('a', '1')).toContain(pathway.questions[1]!.prompt);
      await slackSays('D0FULL0001', 'start');
      expect(await status('/readyz')).toBe(200);

      disk!.fill(store);
      // A new consult and an answer cannot be saved: "try again in a moment", never "something went wrong".
      expect(await say('b', 'start')).toBe(tryAgainNote);
      expect(await say('a', 'none')).toBe(tryAgainNote);
      expect(await status('/readyz')).toBe(503);
      expect(await status('/healthz')).toBe(200); // a restart would not make room
      // What changes nothing is answered from what is stored, though its delivery cannot be recorded.
      const summary = await say('a', 'summary');
      expect(summary).toContain('Consult type: New symptom, metastases suspected');
      for (const command of ['why', 'help', 'note', 'details']) {
        const reply = await say('a', command);
        expect(reply).not.toContain(tryAgainNote);
        expect(reply).not.toContain(notes.failed);
      }
      expect(await slackSays('D0FULL0001', 'summary')).toContain('Summary so far');
      expect(await status('/readyz')).toBe(503);

      disk!.empty(store);
      // No turn in between: readiness comes back by itself.
      expect(await status('/readyz')).toBe(200);
      expect(await say('a', 'summary')).toBe(summary); // nothing acknowledged was lost
      expect(await say('a', 'none')).toContain('seizure');
      expect(await say('b', 'start')).toContain(pathway.welcome);
    },
  );
});
