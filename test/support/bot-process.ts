import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const entry = join(__dirname, '../../dist/src/index.js');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts the built bot as its own process (local mode, port 0) with these settings; resolves with its URL. */
export function startBot(env: Record<string, string>): Promise<BotProcess> {
  if (!existsSync(entry)) throw new Error(`build first (npm run build): ${entry} is missing`);
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${out}`)), 20000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, exited });
      }
    });
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}:\n${out}`)));
  });
}
