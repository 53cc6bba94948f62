import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type restify from 'restify';
import { readConfig } from '../src/config';
import { makeLogger } from '../src/log';
import { buildApp } from '../src/server';
import { echoServer } from './echo';

/**
 * `npm run bench`: consult turns per second and latency through POST /api/messages on the real
 * server, for the memory and SQLite stores, next to a plain echo bot measured in the same run.
 */
const clients = Number(process.env.BENCH_CLIENTS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

// A whole consult typed as numbers: new symptoms, no red flag, ... to the treatment plan.
const consult = ['start', '1', '1', '1', '1', '2', '1', '1', '2', '1', '1', '1', '1', '1', '1', '2'];

async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function load(url: string): Promise<{ turns: number; latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  let ids = 0;
  const client = async (c: number) => {
    for (let run = 0; Date.now() < until; run++) {
      const conversation = { id: `bench-${c}-${run}` };
      for (const text of consult) {
        const body = JSON.stringify({
          type: 'message',
          id: `b${++ids}`,
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/',
          conversation,
          from: { id: `u${c}` },
          recipient: { id: 'bot' },
          deliveryMode: 'expectReplies',
          text,
        });
        const t = performance.now();
        const res = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status !== 200) errors++;
        if (Date.now() >= until) return;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return { turns: latencies.length, latencies, errors };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(name: string, url: string) {
  await load(url); // warm-up is the first second of a short run
  const r = await load(url);
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    name,
    'turns/s': Math.round(r.turns / seconds),
    'p50 ms': +percentile(sorted, 50).toFixed(2),
    'p99 ms': +percentile(sorted, 99).toFixed(2),
    errors: r.errors,
  };
}

async function main() {
  const rows = [];
  const echo = echoServer();
  rows.push(await measure('echo bot (floor)', await listen(echo)));
  echo.close();

  const memory = await buildApp(readConfig({ STORAGE: 'memory' }), makeLogger('silent'));
  rows.push(await measure('consult, memory store', await listen(memory.server)));
  await memory.close();

  const dir = mkdtempSync(join(tmpdir(), 'bcbm-bench-'));
  const sqlite = await buildApp(readConfig({ STORAGE: 'sqlite', DATA_DIR: dir }), makeLogger('silent'));
  rows.push(await measure('consult, sqlite store', await listen(sqlite.server)));
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(
    `${clients} concurrent clients, ${seconds} s per target after a ${seconds} s warm-up, Node ${process.version}`,
  );
  console.table(rows);
}

void main();
