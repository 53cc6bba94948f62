import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log';

/**
 * Display names of the people who answer in a thread, looked up once an hour per user (users:read).
 * A name, not a `<@U…>` mention: a mention in the recommendation would notify everyone who answered.
 * If the lookup fails the user id is shown instead; the consult goes on either way.
 */
export function displayNames(client: WebClient, log: Logger) {
  const cache = new Map<string, { name: string; at: number }>();
  return async (userId: string): Promise<string> => {
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < 3600_000) return hit.name;
    try {
      const res = await client.users.info({ user: userId });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name || userId;
      cache.set(userId, { name, at: Date.now() });
      return name;
    } catch (err) {
      log.warn({ code: 'slack_name_lookup_failed', err: { name: (err as Error).name } }, 'shown by user id');
      return userId;
    }
  };
}
