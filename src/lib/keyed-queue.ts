/**
 * Runs work for one key at a time in this process (other processes are caught by the store's etag): a
 * learner's turns, or the read-modify-write of a shared record. Another key's work is never held up.
 */
export class KeyedQueue {
  private readonly queues = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(work);
    this.queues.set(key, run);
    // The caller gets the work's error; this bookkeeping chain must not raise it a second time.
    run
      .finally(() => {
        if (this.queues.get(key) === run) this.queues.delete(key);
      })
      .catch(() => undefined);
    return run;
  }
}
