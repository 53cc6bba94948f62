import { ConflictError } from './store';

/**
 * Reads of the store one read-decide-write may make before it gives up: enough for the busiest record, the
 * educator's aggregates, which every scored trainee turn writes (a consult or a learner has one writer at a
 * time in practice, and one retry).
 */
const writeTries = 10;

/**
 * The one compare-and-set loop of the bot. `attempt` reads, decides and writes with the etag it read; when
 * another writer won the race (ConflictError) it runs again on what the store holds now. `fresh: false` is
 * a first try on a copy the caller holds without asking the store: that try does not count against `tries`.
 */
export async function retryOnConflict<T>(
  attempt: (fresh: boolean) => Promise<T>,
  { fresh = true, tries = writeTries }: { fresh?: boolean; tries?: number } = {},
): Promise<T> {
  for (let reads = fresh ? 1 : 0; ; reads++) {
    try {
      return await attempt(fresh);
    } catch (err) {
      if (!(err instanceof ConflictError) || reads >= tries) throw err;
      fresh = true;
    }
  }
}
