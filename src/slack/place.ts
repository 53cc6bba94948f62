/** Where a Slack consult lives: a direct-message channel, or one thread of a channel. */
export interface SlackPlace {
  channel: string;
  threadTs?: string;
}

/** The conversation id of a place: `channel` for a DM, `channel:thread_ts` for a thread. */
export function conversationIdOf(place: SlackPlace): string {
  return place.threadTs ? `${place.channel}:${place.threadTs}` : place.channel;
}

export function placeOf(conversationId: string | undefined): SlackPlace {
  const [channel = '', threadTs] = (conversationId ?? '').split(':');
  if (!channel) throw new Error('a Slack activity needs a conversation id');
  return threadTs ? { channel, threadTs } : { channel };
}
