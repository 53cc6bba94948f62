import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startAzurite, type Azurite } from '../tools/azurite';
import { variedConsults } from './consults';
import { closedLoop, consult, percentile, steadyRate, storeConsults, turn } from './load';
import { byArea, heaviest } from './profile';
import { rssMb, startTarget, type Target } from './targets';

/**
 * `npm run bench [-- --profile --rounds 3 --seconds 5 --clients 50]`: what a hospital would ask of
 * one instance, in one run. Every target is its own process; the echo bot is measured in every round
 * next to the stores (the machine is shared, so ratios are the figures to compare, not turns/s).
 */
const { values: args } = parseArgs({
  options: {
    profile: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '50' },
    consults: { type: 'string', default: '10000' },
    // Just the CPU profile (e.g. to compare two builds quickly).
    'profile-only': { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const clients = Number(args.clients);
const stored = Number(args.consults);

const scratch = mkdtempSync(join(tmpdir(), 'bcbm-bench-'));
let dirs = 0;
const freshDir = () => join(scratch, `d${++dirs}`);

function bytesOf(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith('consults.sqlite'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

type Kind = 'echo' | 'memory' | 'sqlite' | 'blob';
/** What a round measures: a store playing the fixed consult, or SQLite playing varied ones. */
type Measured = Kind | 'sqlite, varied';

async function start(
  kind: Kind,
  azurite: Azurite,
  nodeArgs: string[] = [],
): Promise<Target & { dir?: string }> {
  if (kind === 'echo') return startTarget('echo', {}, nodeArgs);
  const dir = freshDir();
  const env: Record<string, string> =
    kind === 'blob'
      ? {
          STORAGE: 'blob',
          AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
          AZURE_STORAGE_CONTAINER: `bench${Date.now()}`,
        }
      : { STORAGE: kind, DATA_DIR: dir };
  return { ...(await startTarget('bot', env, nodeArgs)), dir };
}

async function throughput(which: Measured, azurite: Azurite, round: number, varied: string[][]) {
  const kind: Kind = which === 'sqlite, varied' ? 'sqlite' : which;
  // Varied: the warm-up plays consults the measured run never plays, so no cache has seen them.
  const [warm, measured] = which === 'sqlite, varied' ? [varied.slice(-1000), varied.slice(0, -1000)] : [];
  const target = await start(kind, azurite);
  await closedLoop(target.url, clients, 1, `warm${round}`, warm);
  const r = await closedLoop(target.url, clients, seconds, `r${round}`, measured);
  await target.stop();
  const perConsult =
    which === 'sqlite' && target.dir ? bytesOf(target.dir) / (r.conversations + clients) : NaN;
  return { r, perConsult };
}

async function main() {
  const azurite = await startAzurite();
  try {
    if (!args['profile-only']) await figures(azurite);
    if (args.profile || args['profile-only']) await profile(azurite);
  } finally {
    await azurite.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function figures(azurite: Azurite) {
  console.log(
    `Node ${process.version}; ${clients} closed-loop clients, ${seconds} s per target after 1 s of warm-up; ${rounds} rounds`,
  );

  const varied = await variedConsults(3000);
  console.log(
    `the fixed consult: ${consult.length} turns to its treatment plan; varied: ${varied.length} seeded random consults, ` +
      `${(varied.reduce((n, c) => n + c.length, 0) / varied.length).toFixed(1)} turns on average`,
  );
  const table = [];
  const targets: Measured[] = ['echo', 'memory', 'sqlite', 'sqlite, varied', 'blob'];
  const ratios = Object.fromEntries(targets.map((t) => [t, [] as number[]])) as Record<Measured, number[]>;
  const bytesPerTurn: Partial<Record<Measured, number>> = {};
  let sqliteBytesPerConsult = NaN;
  for (let round = 1; round <= rounds; round++) {
    let echo = NaN;
    for (const kind of targets) {
      const { r, perConsult } = await throughput(kind, azurite, round, varied);
      const rate = r.turns / r.seconds;
      if (kind === 'echo') echo = rate;
      if (kind === 'sqlite') sqliteBytesPerConsult = perConsult;
      ratios[kind].push(rate / echo);
      bytesPerTurn[kind] = Math.round(r.bytes / r.turns);
      table.push({
        round,
        target: kind,
        'turns/s': Math.round(rate),
        'ratio to echo': +(rate / echo).toFixed(2),
        'p50 ms': +percentile(r.latencies, 50).toFixed(1),
        'p99 ms': +percentile(r.latencies, 99).toFixed(1),
        errors: r.errors,
      });
    }
  }
  console.table(table);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    'median ratio to echo:',
    Object.entries(ratios)
      .map(([k, xs]) => `${k} ${median(xs).toFixed(2)}`)
      .join(', '),
  );
  console.log(
    'bytes sent back per turn:',
    Object.entries(bytesPerTurn)
      .map(([k, b]) => `${k} ${b}`)
      .join(', '),
  );

  // Latency at a steady 100 turns/s, echo and the default store side by side.
  const steady = [];
  for (const kind of ['echo', 'sqlite'] as Kind[]) {
    const target = await start(kind, azurite);
    await closedLoop(target.url, 10, 1, 'warm-steady');
    const r = await steadyRate(target.url, 100, 10, 50, 'steady');
    await target.stop();
    steady.push({
      target: kind,
      turns: r.turns,
      'p50 ms': +percentile(r.latencies, 50).toFixed(1),
      'p99 ms': +percentile(r.latencies, 99).toFixed(1),
      errors: r.errors,
    });
  }
  console.log('steady 100 turns/s for 10 s, 50 conversations:');
  console.table(steady);

  // Start-up to the first answered turn, on an existing SQLite file (the second start is the usual one).
  const dir = freshDir();
  const startup = [];
  for (const when of ['empty data folder', 'existing data folder']) {
    const t0 = performance.now();
    const target = await startTarget('bot', { STORAGE: 'sqlite', DATA_DIR: dir });
    const first = await turn(target.url, `startup-${when}`, 'start');
    startup.push({
      when,
      'listening ms': Math.round(target.startedMs),
      'first answer ms': Math.round(performance.now() - t0),
      ok: first.ok,
    });
    if (when === 'empty data folder') await storeConsults(target.url, stored / 10, clients, 'pre');
    await target.stop();
  }
  console.log('start-up (spawn to the first answered turn):');
  console.table(startup);

  // Resident memory does not grow with stored consults: 10,000 consults, then 10,000 more.
  const mem = await start('sqlite', azurite);
  const memory = [{ 'stored consults': 0, 'RSS MB': rssMb(mem.pid) }];
  for (let batch = 1; batch <= 2; batch++) {
    const errors = await storeConsults(mem.url, stored, clients, `m${batch}`);
    memory.push({
      'stored consults': batch * stored,
      'RSS MB': rssMb(mem.pid),
      ...(errors ? { errors } : {}),
    });
  }
  await mem.stop();
  console.log('resident memory of the bot (SQLite store), two-turn consults stored:');
  console.table(memory);
  console.log(
    `SQLite bytes per consult: ${Math.round(sqliteBytesPerConsult)} (whole consults, from the last throughput round); ` +
      `${Math.round(bytesOf(mem.dir!) / (2 * stored))} (two-turn consults, from the memory run)`,
  );
}

/** A CPU profile of the bot alone (its own process) under the same load, on the default store. */
async function profile(azurite: Azurite) {
  const profiles = join(process.cwd(), 'bench-profiles');
  rmSync(profiles, { recursive: true, force: true });
  const spawned = performance.now();
  const target = await start('sqlite', azurite, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
  await closedLoop(target.url, clients, 1, 'profile-warm');
  const loaded = performance.now();
  const r = await closedLoop(target.url, clients, seconds, 'profile');
  await target.stop();
  console.log(
    `CPU profile of the bot (SQLite, ${clients} clients, ${Math.round(r.turns / seconds)} turns/s for ${seconds} s) in ${profiles}; heaviest by self time after start-up and 1 s of warm-up:`,
  );
  console.table(heaviest(profiles, loaded - spawned));
  console.log('the same by part of the program:');
  console.table(byArea(profiles, loaded - spawned));
}

void main();
