import { z } from 'zod';
import type { Activity } from '../channels/activity';
import { channels } from '../channels/table';
import { conversationIdOf, type SlackPlace } from './place';

/**
 * The Slack requests the bot reads (Events API and interactivity), checked at the edge. Only the fields used
 * are named; Slack sends many more, and adds fields over time, so the objects are loose.
 */
const UrlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string() });

export const EventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  authorizations: z
    .array(z.looseObject({ user_id: z.string().optional(), is_bot: z.boolean().optional() }))
    .optional(),
  event: z.looseObject({
    type: z.string(),
    subtype: z.string().optional(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    text: z.string().optional(),
    ts: z.string().optional(),
    thread_ts: z.string().optional(),
    channel: z.string().optional(),
    channel_type: z.string().optional(),
  }),
});
export type EventCallback = z.infer<typeof EventCallback>;

export const BlockActions = z.looseObject({
  type: z.literal('block_actions'),
  team: z.looseObject({ id: z.string() }).nullish(),
  user: z.looseObject({ id: z.string() }),
  channel: z.looseObject({ id: z.string() }).nullish(),
  container: z.looseObject({
    type: z.string(),
    message_ts: z.string().optional(),
    channel_id: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
  message: z.looseObject({ ts: z.string(), thread_ts: z.string().optional() }).nullish(),
  actions: z.array(
    z.looseObject({
      action_id: z.string(),
      value: z.string().optional(),
      action_ts: z.string().optional(),
    }),
  ),
});
export type BlockActions = z.infer<typeof BlockActions>;

export const SlackRequest = z.discriminatedUnion('type', [UrlVerification, EventCallback, BlockActions]);
export type SlackRequest = z.infer<typeof SlackRequest>;

/** Direct-message channel ids start with D (docs.slack.dev: conversation ids). */
const isDirect = (channel: string) => channel.startsWith('D');

/** The bot's own user id, from the installation the event was delivered for. */
function botUserOf(body: EventCallback): string | undefined {
  return body.authorizations?.find((a) => a.is_bot)?.user_id;
}

/** Slack escapes `&`, `<`, `>` in message text; mentions are `<@U…>` (optionally `<@U…|name>`). */
export function commandText(text: string, botUser: string | undefined): string {
  const mention = /<@([A-Z0-9]+)(?:\|[^>]*)?>/g;
  return text
    .replace(/^(\s*<@[A-Z0-9]+(?:\|[^>]*)?>)+/, '') // the mention that addresses the bot
    .replace(mention, (m, id: string) => (id === botUser ? '' : m))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function activity(
  place: SlackPlace,
  user: string,
  botUser: string | undefined,
  fields: Omit<Activity, 'type'>,
): Activity {
  const shared = !isDirect(place.channel);
  return {
    type: 'message',
    channelId: channels.slack.name,
    timestamp: new Date(),
    // Slack events carry no display name: the route looks it up (./names.ts); never the id in its place.
    from: { id: user, name: '' },
    recipient: { id: botUser ?? 'slack-bot', name: 'bot' },
    conversation: {
      id: conversationIdOf(place),
      isGroup: shared,
      conversationType: shared ? 'channel' : 'personal',
      name: '',
    },
    ...fields,
  };
}

/**
 * The message activity for an event, or undefined for an event the bot does not answer: anything but a mention
 * in a channel or a user's message in a DM; edits and other subtypes; messages from bots, the bot's own included.
 */
export function activityFromEvent(body: EventCallback): Activity | undefined {
  const e = body.event;
  const botUser = botUserOf(body);
  if (!e.user || !e.channel || !e.ts || e.subtype || e.bot_id || e.user === botUser) return undefined;
  let place: SlackPlace;
  if (e.type === 'app_mention' && !isDirect(e.channel))
    // A mention starts (or continues) a consult in its thread: one thread, one consult.
    place = { channel: e.channel, threadTs: e.thread_ts ?? e.ts };
  else if (e.type === 'message' && e.channel_type === 'im') place = { channel: e.channel };
  else return undefined;
  const mentioned = e.type === 'app_mention';
  return activity(place, e.user, botUser, {
    id: e.ts,
    text: commandText(e.text ?? '', botUser),
    // The Bot Framework shape of "the bot was mentioned", as a Teams channel message has it (the edge asks
    // for it in shared conversations: src/channels/table.ts).
    ...(mentioned
      ? {
          entities: [
            {
              type: 'mention',
              mentioned: { id: botUser ?? 'slack-bot', name: 'bot' },
              text: `<@${botUser}>`,
            },
          ],
        }
      : {}),
    channelData: { teamId: body.team_id, eventId: body.event_id },
  });
}

/**
 * A click on one of the bot's buttons as a message activity whose `value` is the button's data (the same path
 * as a card submit) and whose `replyToId` is the clicked message (updated once the answer is taken), or
 * undefined for anything else.
 */
export function activityFromClick(body: BlockActions): Activity | undefined {
  const action = body.actions[0];
  const messageTs = body.container.message_ts ?? body.message?.ts;
  const channel = body.container.channel_id ?? body.channel?.id;
  if (body.container.type !== 'message' || !action?.value || !messageTs || !channel) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(action.value);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  // A click on an ephemeral message may come without its thread: the trainee's buttons carry it.
  const carried = (value as { thread?: unknown }).thread;
  const threadTs =
    (typeof carried === 'string' ? carried : undefined) ??
    body.message?.thread_ts ??
    body.container.thread_ts ??
    messageTs;
  const place: SlackPlace = isDirect(channel) ? { channel } : { channel, threadTs };
  return activity(place, body.user.id, undefined, {
    id: action.action_ts ?? `${messageTs}:${action.action_id}`,
    value,
    replyToId: messageTs,
    channelData: { teamId: body.team?.id },
  });
}
