import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from '../../tools/repo-root';

/**
 * Fails when a committed, generated file is not what its generator writes now, naming the command that
 * writes it and the first line that differs, so the fix is one command and the diff is easy to read.
 */
export function expectUpToDate(file: string, rendered: string, command: string): void {
  const name = relative(repoRoot(), file);
  const stale = `${name} is out of date: run \`${command}\` and commit ${name}`;
  if (!existsSync(file)) throw new Error(`${name} is missing: ${stale}`);
  const committed = readFileSync(file, 'utf8');
  if (committed === rendered) return;
  const a = committed.split('\n');
  const b = rendered.split('\n');
  const at = a.findIndex((l, i) => l !== b[i]);
  const line = at < 0 ? Math.min(a.length, b.length) + 1 : at + 1;
  throw new Error(
    `${stale}.\nFirst difference at line ${line}:\n  file:     ${a[line - 1] ?? '(end)'}\n  expected: ${b[line - 1] ?? '(end)'}`,
  );
}
