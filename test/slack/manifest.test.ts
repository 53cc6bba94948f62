import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { slackPath } from '../../src/slack/route';

const manifest = parse(
  readFileSync(join(__dirname, '../../manifest/slack/manifest.yaml'), 'utf8'),
) as unknown;

// The parts of Slack's app-manifest format (node-slack-sdk's manifest types) that this app relies on.
const SlackManifest = z.object({
  _metadata: z.object({ major_version: z.literal(1) }),
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
  features: z.object({ bot_user: z.object({ display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/) }) }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string() }),
    socket_mode_enabled: z.literal(false),
  }),
});

describe('the Slack app manifest', () => {
  const m = SlackManifest.parse(manifest);

  it('asks for the least scopes the bot needs', () => {
    expect([...m.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'im:history',
      'users:read',
    ]);
  });

  it('subscribes to mentions and direct messages, and sends both events and clicks to the signed endpoint', () => {
    expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual(['app_mention', 'message.im']);
    for (const url of [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url])
      expect(new URL(url.replace('<your-host>', 'bot.example.org')).pathname).toBe(slackPath);
  });
});
