/**
 * A map that keeps only the `limit` entries used last: for caches whose memory must not grow with the
 * number of consults, learners or service URLs seen.
 */
export class Recent<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The entry, now the one used last; undefined when it is not kept. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    // A Map iterates in insertion order: the first key is the one used longest ago.
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
  }

  /** The entry, made and kept when it is not kept yet. */
  getOr(key: K, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) this.set(key, (value = make()));
    return value;
  }

  delete(key: K): void {
    this.map.delete(key);
  }
}
