import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A bot under test, as its own process (as it runs in production), so its CPU is its own. */
export interface Target {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the port being open. */
  startedMs: number;
  stop: () => Promise<void>;
}

const dist = join(__dirname, '..');

/**
 * Starts `dist/src/index.js` (the real bot, local mode, logs off) with the given store settings, or
 * the echo bot; `nodeArgs` e.g. `--cpu-prof`.
 */
export function startTarget(
  kind: 'echo' | 'bot',
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Target> {
  const entry = kind === 'echo' ? join(dist, 'src/bot/echo.js') : join(dist, 'src/index.js');
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=DEP0111', ...nodeArgs, entry], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/[^/\s]+)\//.exec(out);
      if (m)
        resolve({
          url: m[1]!,
          pid: child.pid!,
          startedMs: performance.now() - t0,
          // SIGTERM: the bot finishes its turns and exits normally, which writes a --cpu-prof profile.
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code} before listening:\n${out}`)));
  });
}

/** Resident set size of a process, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : NaN;
}
