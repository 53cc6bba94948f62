/**
 * Requests shaped as Slack sends them, after the published examples: the app_mention and message.im event
 * wrappers (docs.slack.dev/reference/events/app_mention, …/message.im), url_verification
 * (…/events/url_verification) and a block_actions payload (…/interaction-payloads/block_actions-payload).
 */
const team = 'T123ABC456';
const app = 'A123ABC456';
/** The bot user: the installation the events are delivered for. */
export const botUser = 'U0LAN0Z89';

let serial = 0;
const next = () => ++serial;

/** Slack message timestamps: seconds and a six-digit sequence. */
export function newTs(): string {
  return `${1700000000 + next()}.${String(next()).padStart(6, '0')}`;
}

function wrap(event: Record<string, unknown>, eventId = `Ev${String(next()).padStart(8, '0')}`) {
  return {
    token: 'XXYYZZ',
    team_id: team,
    api_app_id: app,
    event,
    type: 'event_callback',
    authorizations: [{ team_id: team, user_id: botUser, is_bot: true, is_enterprise_install: false }],
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
  };
}

export function appMention(o: {
  text: string;
  channel: string;
  user: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
  extra?: Record<string, unknown>;
}) {
  const ts = o.ts ?? newTs();
  return wrap(
    {
      type: 'app_mention',
      user: o.user,
      text: o.text,
      ts,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
      channel: o.channel,
      event_ts: ts,
      ...o.extra,
    },
    o.eventId,
  );
}

export function imMessage(o: {
  text: string;
  channel: string;
  user?: string;
  ts?: string;
  eventId?: string;
  extra?: Record<string, unknown>;
}) {
  const ts = o.ts ?? newTs();
  return wrap(
    {
      type: 'message',
      channel: o.channel,
      ...(o.user ? { user: o.user } : {}),
      text: o.text,
      ts,
      event_ts: ts,
      channel_type: 'im',
      ...o.extra,
    },
    o.eventId,
  );
}

export function urlVerification(challenge: string) {
  return { token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge, type: 'url_verification' };
}

export function blockActions(o: {
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  button: { action_id: string; value: string; text: string };
  blockId?: string;
}) {
  return {
    type: 'block_actions',
    team: { id: team, domain: 'example' },
    user: { id: o.user, username: 'dr.test', name: 'dr.test', team_id: team },
    api_app_id: app,
    token: '9s8d9as89d8as9d8as989',
    container: { type: 'message', message_ts: o.messageTs, channel_id: o.channel, is_ephemeral: false },
    trigger_id: '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3',
    channel: { id: o.channel, name: o.channel.startsWith('D') ? 'directmessage' : 'consults' },
    message: {
      type: 'message',
      user: botUser,
      bot_id: 'B0BOT0001',
      text: 'question',
      ts: o.messageTs,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    state: { values: {} },
    response_url: 'https://hooks.slack.com/actions/T123ABC456/1232321423432/D09sSasdasdAS9091209',
    actions: [
      {
        action_id: o.button.action_id,
        block_id: o.blockId ?? 'answer',
        text: { type: 'plain_text', text: o.button.text, emoji: true },
        value: o.button.value,
        type: 'button',
        action_ts: `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`,
      },
    ],
  };
}
