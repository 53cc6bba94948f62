import { ActivityTypes, Channels, type Activity, type Entity } from 'botbuilder';
import { renderCards } from '../view/adaptive-card';
import { citedIn, outlineOf, type Outline } from '../view/outline';
import { renderText } from '../view/text';
import { shortCite } from '../view/text-parts';
import type { View } from '../view/view';

/** Where a Slack-bound activity carries its view: the Slack adapter renders it in Slack's own format. */
export const viewKey = 'consultView';

/** Teams shows at most 20 citations per message; more is refused with a 400. */
export const maxCitations = 20;

/**
 * The numbered references of a message as Teams citations: one schema.org Message entity whose Claims
 * Teams draws as citation pills ([n] in the text). The plain list stays in the card's "Sources".
 */
export function citationEntity(o: Outline, numbers: number[]): Entity | undefined {
  const cited = numbers
    .map((n) => o.references.find((r) => r.n === n))
    .filter((r) => r !== undefined)
    .slice(0, maxCitations);
  if (!cited.length) return undefined;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: cited.map((r) => ({
      '@type': 'Claim',
      position: r.n,
      appearance: {
        '@type': 'DigitalDocument',
        name: `${shortCite(r.citation)}: ${r.citation.title}`.slice(0, 80),
        abstract:
          `${r.citation.source} ${r.citation.year}${r.citation.detail ? `;${r.citation.detail}` : ''}`.slice(
            0,
            160,
          ),
        ...(r.citation.url
          ? { url: r.citation.url }
          : r.citation.doi
            ? { url: `https://doi.org/${r.citation.doi}` }
            : {}),
      },
    })),
  };
}

/** The reference numbers each card of a recommendation cites, in the order the cards are sent. */
function citationsPerCard(view: View, count: number, texts: string[]): (Entity | undefined)[] {
  if (view.kind !== 'recommendation' && view.kind !== 'details')
    return Array.from({ length: count }, () => undefined);
  const o = outlineOf(view.consultId, view.recommendation);
  // A card cites the numbers that appear in its text: "[3" or "; 3" inside a reference bracket.
  return texts.map((t) =>
    citationEntity(
      o,
      citedIn({
        sections: o.sections.map((s) => ({ ...s, lines: s.lines.filter((l) => t.includes(l.text)) })),
      }),
    ),
  );
}

/**
 * Views as Bot Framework activities. Every activity carries the plain-text version once: in `text`
 * (Web Chat and the Emulator show the card and hide it; transcripts and screen readers have it), or in
 * Teams (which would show text and card one above the other) in the card's `fallbackText`, with its
 * first line as the notification `summary`.
 */
export function toActivities(view: View, channelId: string): Partial<Activity>[] {
  // Slack: the view itself, which only the Slack adapter turns into Block Kit (it may be several messages).
  if (channelId === Channels.Slack)
    return [
      {
        type: ActivityTypes.Message,
        text: renderText(view),
        textFormat: 'plain',
        channelData: { [viewKey]: view },
      },
    ];
  // A recommendation's cards hold nothing of the consult but the recommendation (no ids): drawn once per
  // channel for a shared recommendation (src/pathway/recommend.ts), each send gets its own copies.
  const shared = (view.kind === 'recommendation' && !view.changes) || view.kind === 'details';
  if (shared) {
    let byChannel = drawn.get(view.recommendation);
    if (!byChannel) drawn.set(view.recommendation, (byChannel = new Map()));
    const key = `${view.kind}:${channelId}`;
    let activities = byChannel.get(key);
    if (!activities) byChannel.set(key, (activities = cardActivities(view, channelId)));
    return activities.map((a) => ({ ...a }));
  }
  return cardActivities(view, channelId);
}

/** Drawn recommendations, by recommendation, then by view kind and channel. */
const drawn = new WeakMap<object, Map<string, Partial<Activity>[]>>();

function cardActivities(view: View, channelId: string): Partial<Activity>[] {
  const cards = renderCards(view, { universal: channelId === Channels.Msteams });
  if (!cards) return [{ type: ActivityTypes.Message, text: renderText(view), textFormat: 'plain' }];
  const citations =
    channelId === Channels.Msteams
      ? citationsPerCard(
          view,
          cards.length,
          cards.map((c) => c.text),
        )
      : [];
  return cards.map(({ card, text }, i) =>
    channelId === Channels.Msteams
      ? {
          type: ActivityTypes.Message,
          summary: text.split('\n')[0],
          attachments: [{ ...card, content: { ...card.content, fallbackText: text } }],
          ...(citations[i] ? { entities: [citations[i]] } : {}),
        }
      : { type: ActivityTypes.Message, text, textFormat: 'plain', attachments: [card] },
  );
}
