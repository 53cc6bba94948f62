import { ActivityTypes, Channels, type Activity } from 'botbuilder';
import { renderCards } from '../view/adaptive-card';
import { renderSlack } from '../view/slack-blocks';
import { renderText } from '../view/text';
import type { View } from '../view/view';

/**
 * Views as Bot Framework activities. Every activity carries the plain-text version: in `text`, or
 * in Teams (which would show text and card one above the other) in the card's `fallbackText` and
 * the activity `summary`, so the card is not repeated on screen.
 */
export function toActivities(view: View, channelId: string): Partial<Activity>[] {
  // Slack: Block Kit messages (a long view may be several), posted by the Slack adapter.
  if (channelId === Channels.Slack)
    return renderSlack(view).map((m) => ({
      type: ActivityTypes.Message,
      text: m.text,
      textFormat: 'plain',
      channelData: { blocks: m.blocks },
    }));
  const cards = renderCards(view, { universal: channelId === Channels.Msteams });
  if (!cards) return [{ type: ActivityTypes.Message, text: renderText(view), textFormat: 'plain' }];
  return cards.map(({ card, text }) =>
    channelId === Channels.Msteams
      ? { type: ActivityTypes.Message, summary: text.split('\n')[0], attachments: [card] }
      : { type: ActivityTypes.Message, text, textFormat: 'plain', attachments: [card] },
  );
}

/** The plain text of an activity this bot sent, wherever it was put. */
export function plainTextOf(activity: Partial<Activity>): string {
  const card = activity.attachments?.[0]?.content as { fallbackText?: string } | undefined;
  return activity.text ?? card?.fallbackText ?? '';
}
