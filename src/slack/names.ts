import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log';

/**
 * Display names of the people who answer in a thread, looked up once an hour per user (users:read), shown
 * to them with their own answers and never stored. A name, not a `<@U…>` mention: a mention would notify.
 * If the lookup fails there is no name (never the user id instead); the consult goes on either way.
 */
export function displayNames(client: WebClient, log: Logger) {
  const cache = new Map<string, { name: string | undefined; at: number }>();
  return async (userId: string): Promise<string | undefined> => {
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < 3600_000) return hit.name;
    try {
      const res = await client.users.info({ user: userId });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name || undefined;
      cache.set(userId, { name, at: Date.now() });
      return name;
    } catch (err) {
      log.warn(
        { code: 'slack_name_lookup_failed', err: { name: (err as Error).name } },
        'shown without a name',
      );
      return undefined;
    }
  };
}
