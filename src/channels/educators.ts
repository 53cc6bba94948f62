import { channels } from './table';

/**
 * Who may see `train report`: the ids an admin has for a person, Teams' AAD object id (a GUID, in the Teams
 * admin centre and Entra ID) and Slack's member id (U… or W…, in the member's profile). They come from the
 * environment (TRAINING_EDUCATORS) and are kept in memory only; each is compared with the id of the channel
 * that proved the turn (the Bot Connector's token, Slack's signature), so a local request naming one is not.
 */
const kinds = [
  { channel: channels.msteams.name, shape: /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, lower: true },
  { channel: channels.slack.name, shape: /^[UW][A-Z0-9]{6,}$/, lower: false },
];

/** An entry of the setting as the key it is compared under (`msteams:<guid>`, `slack:<id>`), or undefined. */
export function educatorKey(entry: string): string | undefined {
  const k = kinds.find((x) => x.shape.test(entry));
  return k && `${k.channel}:${k.lower ? entry.toLowerCase() : entry}`;
}

export class Educators {
  private readonly keys: ReadonlySet<string>;
  constructor(keys: readonly string[] = []) {
    this.keys = new Set(keys);
  }

  /** `space`: the channel the edge proved (`msteams`, `slack`; unproven turns are `local:…` and never match). */
  has(space: string, userId: string): boolean {
    return this.keys.has(`${space}:${userId.toLowerCase()}`) || this.keys.has(`${space}:${userId}`);
  }
}
