import type { Activity } from '../../src/channels/activity';

/** The plain text of an activity the bot sent, wherever the channel carries it (`text`, or Teams' `fallbackText`). */
export function plainTextOf(activity: Pick<Activity, 'text' | 'attachments'>): string {
  const card = activity.attachments?.[0]?.content as { fallbackText?: string } | undefined;
  return activity.text ?? card?.fallbackText ?? '';
}
