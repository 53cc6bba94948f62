import { createHmac } from 'node:crypto';
import { Recent } from '../pathway/recent';

/**
 * Keyed hashes (HMAC-SHA256 in hex, cut to a length) of what must not be stored as it is: channel user ids
 * above all. Without the key the stored hash cannot be turned back into the id, nor checked against a guess.
 * Every turn hashes its sender, so the recent hashes are kept (in memory only, like the ids they come from).
 */
export class KeyedHash {
  private readonly recent = new Recent<string, string>(1000);

  constructor(private readonly key: string) {}

  of(input: string, length: number): string {
    return this.recent.getOr(`${length}\u0000${input}`, () =>
      createHmac('sha256', this.key).update(input).digest('hex').slice(0, length),
    );
  }
}
