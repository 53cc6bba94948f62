import { ActivityTypes, Channels, type Activity } from 'botbuilder';
import { renderCard } from '../view/adaptive-card';
import { renderText } from '../view/text';
import type { View } from '../view/view';

/**
 * Views as Bot Framework activities. Every activity carries the plain-text version: in `text`, or
 * in Teams (which would show text and card one above the other) in the card's `fallbackText` and
 * the activity `summary`, so the card is not repeated on screen.
 */
export function toActivities(view: View, channelId: string): Partial<Activity>[] {
  const text = renderText(view);
  const card = renderCard(view, { universal: channelId === Channels.Msteams });
  if (!card) return [{ type: ActivityTypes.Message, text, textFormat: 'plain' }];
  card.content.fallbackText = text;
  if (channelId === Channels.Msteams)
    return [{ type: ActivityTypes.Message, summary: text.split('\n')[0], attachments: [card] }];
  return [{ type: ActivityTypes.Message, text, textFormat: 'plain', attachments: [card] }];
}

/** The plain text of an activity this bot sent, wherever it was put. */
export function plainTextOf(activity: Partial<Activity>): string {
  const card = activity.attachments?.[0]?.content as { fallbackText?: string } | undefined;
  return activity.text ?? card?.fallbackText ?? '';
}
