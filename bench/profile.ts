import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * The heaviest functions by self time in the `.cpuprofile` files of a folder (written by
 * `node --cpu-prof`), as rows for console.table: name, where, share of the busy time. Samples in
 * the first `skipMs` (start-up and module loading) are left out, so the rows are the turns' cost.
 */
export function heaviest(dir: string, skipMs = 0, top = 10) {
  const { self, busy } = selfTimes(dir, skipMs);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [fn, where] = key.split('\u0000');
      return { function: fn, where, 'self %': +((100 * us) / busy).toFixed(1) };
    });
}

/** Where the time goes by part of the program: the project's folders, each package, Node itself. */
export function byArea(dir: string, skipMs = 0) {
  const { self, busy } = selfTimes(dir, skipMs);
  const areas = new Map<string, number>();
  for (const [key, us] of self) {
    const where = key.split('\u0000')[1] ?? '';
    const own = /^(src\/[^/]+\/|src\/[^/:]+|dialogs\/|machines\/|tools\/|bench\/)/.exec(where)?.[1];
    const area = where.startsWith('node:')
      ? 'node'
      : own
        ? own.replace(/\/$/, '').replace(/\.js$/, '')
        : where
          ? (/^(@[^/]+\/[^/]+|[^/]+)/.exec(where)?.[1] ?? where)
          : key.split('\u0000')[0]!;
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  return [...areas]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([area, us]) => ({ area, 'self %': +((100 * us) / busy).toFixed(1) }));
}

function selfTimes(dir: string, skipMs: number) {
  const self = new Map<string, number>();
  let busy = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    let at = 0;
    profile.samples.forEach((id, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      const frame = nodes.get(id);
      if (at < skipMs * 1000 || !frame || frame.functionName === '(idle)') return;
      busy += delta;
      const where = frame.url
        ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, '')}:${frame.lineNumber + 1}`
        : '';
      const key = `${frame.functionName || '(anonymous)'}\u0000${where}`;
      self.set(key, (self.get(key) ?? 0) + delta);
    });
  }
  return { self, busy };
}
