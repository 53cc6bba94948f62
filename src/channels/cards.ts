import { renderCards } from '../view/adaptive-card';
import { consultFhirFile } from '../view/fhir/consult';
import { citedIn, outlineOf, type Outline } from '../view/outline';
import { renderText } from '../view/text';
import { shortCite } from '../view/text-parts';
import { trainCard, trainText } from '../view/training-render';
import type { TrainView } from '../view/training-view';
import type { View } from '../view/view';
import type { Message } from './activity';
import type { ChannelProfile } from './table';

type Entity = Record<string, unknown>;

/** Teams shows at most 20 citations per message; more is refused with a 400. */
export const maxCitations = 20;

/**
 * The numbered references of a message as Teams citations: one schema.org Message entity whose Claims
 * Teams draws as citation pills ([n] in the text). The plain list stays in the card's "Sources".
 */
function citationEntity(o: Outline, numbers: number[]): Entity | undefined {
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
 * A view as Adaptive Card messages. Every message carries the plain-text version once: in `text` (Web Chat
 * and the Emulator show the card and hide it; transcripts and screen readers have it), or, where the channel
 * would show text and card one above the other (Teams), in the card's `fallbackText`, with its first line as
 * the notification `summary`.
 */
export function cardMessages(view: View, channel: ChannelProfile): Message[] {
  // A recommendation's cards hold nothing of the consult but the recommendation (no ids): drawn once per
  // channel for a shared recommendation (src/pathway/recommend.ts), each send gets its own copies.
  const shared = (view.kind === 'recommendation' && !view.changes) || view.kind === 'details';
  if (shared) {
    let byChannel = drawn.get(view.recommendation);
    if (!byChannel) drawn.set(view.recommendation, (byChannel = new Map()));
    const key = `${view.kind}:${channel.name}`;
    let messages = byChannel.get(key);
    if (!messages) byChannel.set(key, (messages = drawCards(view, channel)));
    return messages.map((a) => ({ ...a }));
  }
  return drawCards(view, channel);
}

/** Drawn recommendations, by recommendation, then by view kind and channel. */
const drawn = new WeakMap<object, Map<string, Message[]>>();

function drawCards(view: View, channel: ChannelProfile): Message[] {
  const cards = renderCards(view, {
    universal: channel.universalActions,
    budget: channel.maxMessageChars,
  });
  if (!cards) return [{ type: 'message', text: renderText(view), textFormat: 'plain' }];
  if (view.kind === 'note' && view.fhir && channel.files) {
    // The note and, beside it, the consult's FHIR form as a file to download (no request back to the bot).
    const [note] = cards.map(({ card, text }) => inCard(channel, card, text));
    // Compact JSON: a file for programs, and the message stays within the row's size.
    const json = JSON.stringify(view.fhir);
    const file = {
      contentType: 'application/fhir+json',
      name: consultFhirFile,
      contentUrl: `data:application/fhir+json;base64,${Buffer.from(json).toString('base64')}`,
    };
    const withFile = { ...note!, attachments: [...(note!.attachments ?? []), file] };
    // Over the row's size (none of today's consults is: 13,744 at most of 14,000), the note goes alone and
    // `note fhir` still gives the form.
    return [JSON.stringify(withFile).length <= channel.maxMessageChars ? withFile : note!];
  }
  const citations = channel.citations
    ? citationsPerCard(
        view,
        cards.length,
        cards.map((c) => c.text),
      )
    : [];
  return cards.map(({ card, text }, i) => inCard(channel, card, text, citations[i]));
}

/** A card and its plain text as one message, the text where the channel wants it. */
function inCard(
  channel: ChannelProfile,
  card: { contentType: string; content: Record<string, unknown> },
  text: string,
  citation?: Entity,
): Message {
  if (channel.plainText === 'text')
    return { type: 'message', text, textFormat: 'plain', attachments: [card] };
  return {
    type: 'message',
    summary: text.split('\n')[0],
    attachments: [{ ...card, content: { ...card.content, fallbackText: text } }],
    ...(citation ? { entities: [citation] } : {}),
  };
}

/** The views of one training turn as one card: Teams shows a learner's reveal in place of the card they clicked. */
export function trainingCardMessage(views: TrainView[], channel: ChannelProfile): Message {
  const card = {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: trainCard(views, channel.universalActions),
  };
  return inCard(channel, card, views.map(trainText).join('\n\n'));
}
