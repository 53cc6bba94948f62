import { renameSync, writeFileSync } from 'node:fs';
import { distinctCachePath, distinctConsults } from '../view/distinct';

/**
 * Global setup of the exhaustive project: the distinct bottom lines are searched for once, before the
 * suites that read them (bottom line, outline, handover note) start, and left in a file named by a hash of
 * the content and the statechart, so a changed pathway is never read from an old file.
 */
export default function setup(): void {
  const path = distinctCachePath();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(distinctConsults()));
  renameSync(tmp, path);
}
