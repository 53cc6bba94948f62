import type { TurnContext } from 'botbuilder';

/**
 * Turn state: true when the edge proved which channel the turn came from (the Bot Connector's token on
 * /api/messages, Slack's signature on /api/slack/events). Unset, the turn is nobody's in particular.
 */
export const channelProvenKey = Symbol('channelProven');

/** Where the turns of an unproven channel live: local mode's /api/messages, which nothing authenticates. */
const localSpace = 'local';

/**
 * The channel a turn's records are kept under: its channel id when an edge proved it, else under `local:`,
 * so that a request naming another channel and one of its conversations reaches only a local consult of
 * that name, never the channel's own.
 */
export function channelSpace(ctx: TurnContext): string {
  const channel = ctx.activity.channelId ?? 'unknown';
  return ctx.turnState.get(channelProvenKey) === true ? channel : `${localSpace}:${channel}`;
}

/** One consult per conversation; a Teams channel thread is its own conversation (`;messageid=`). */
export function conversationKey(ctx: TurnContext): string {
  return `${channelSpace(ctx)}:${ctx.activity.conversation?.id ?? 'unknown'}`;
}
