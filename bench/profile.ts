import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CpuProfile {
  nodes: {
    id: number;
    hitCount?: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
}

/**
 * The heaviest functions by self time in the `.cpuprofile` files of a folder (written by
 * `node --cpu-prof`), as rows for console.table: name, where, share of the busy samples.
 */
export function heaviest(dir: string, top = 10) {
  const self = new Map<string, number>();
  let busy = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    for (const n of profile.nodes) {
      const hits = n.hitCount ?? 0;
      const { functionName, url, lineNumber } = n.callFrame;
      if (!hits || functionName === '(idle)') continue;
      busy += hits;
      const where = url
        ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, '')}:${lineNumber + 1}`
        : '';
      const key = `${functionName || '(anonymous)'}\u0000${where}`;
      self.set(key, (self.get(key) ?? 0) + hits);
    }
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, hits]) => {
      const [fn, where] = key.split('\u0000');
      return { function: fn, where, 'self %': +((100 * hits) / busy).toFixed(1) };
    });
}
