import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above `from` holding package.json and tsconfig.json. The
 * tools run from tools/ (ts-jest) and from dist/tools/ (compiled); dist never holds a tsconfig.json.
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'tsconfig.json'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no repository root (package.json + tsconfig.json) above ${from}`);
  }
}
