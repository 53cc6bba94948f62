import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
export const entry = join(root, 'dist/src/index.js');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr), while its pipes are open. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** SIGKILLs the bots a test started and that are still running (a test that failed before stopping its bot). */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/**
 * Starts the built bot (or `npm start`, which builds when needed) as its own process, in local mode on a
 * free port; resolves with its URL once it listens.
 */
export function startBot(
  env: Record<string, string>,
  how: 'node' | 'npm start' = 'node',
): Promise<BotProcess> {
  if (how === 'node' && !existsSync(entry))
    throw new Error(`build first (npm run build): ${entry} is missing`);
  const [command, args] = how === 'node' ? [process.execPath, [entry]] : ['npm', ['start', '--silent']];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({ child, url: m[1]!, output: () => out, exited });
    };
    child.stdout!.on('data', check);
    void exited.then(({ code }) => reject(new Error(`bot exited with ${code}:\n${out}`)));
  });
}
