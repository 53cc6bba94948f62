import type { Recommendation, RecommendationItem } from '../pathway/recommend';
import { headings, sectionTitles } from './strings';
import {
  becauseText,
  evidenceTag,
  gpaLines,
  itemText,
  referenceLine,
  refNumbers,
  renderText,
  shortCite,
} from './text';
import type { AnsweredView, QuestionView, View } from './view';

/** An Adaptive Card attachment, as plain JSON (the Bot Framework `Attachment` shape). */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

export interface CardOptions {
  /** Teams: Action.Execute (universal actions), so an answered card can be replaced in place. */
  universal: boolean;
}

type Element = Record<string, unknown>;

const text = (t: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text: t,
  wrap: true,
  ...extra,
});
const small = (t: string, extra: Element = {}): Element =>
  text(t, { size: 'Small', isSubtle: true, ...extra });
const heading = (t: string): Element => text(t, { weight: 'Bolder', size: 'Medium', spacing: 'Medium' });

function card(body: Element[], actions: Element[] = []): CardAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      // 1.5 is the newest version Teams renders; Web Chat renders it too.
      version: '1.5',
      body,
      ...(actions.length ? { actions } : {}),
    },
  };
}

export function questionCard(view: QuestionView, options: CardOptions): CardAttachment {
  const body: Element[] = [
    small(`Question ${view.number}`),
    text(view.prompt, { weight: 'Bolder', size: 'Medium' }),
    ...view.options.filter((o) => o.hint).map((o) => small(`${o.label}: ${o.hint}`, { spacing: 'None' })),
  ];
  if (view.pitfalls.length)
    body.push({
      type: 'Container',
      style: 'attention',
      spacing: 'Medium',
      items: view.pitfalls.map((p) =>
        text(
          `${headings.pitfallsAtQuestion}: ${p.text}${evidenceTag(p.evidence)} (${p.refs.map((r) => shortCite(r.citation)).join('; ')})`,
          {
            size: 'Small',
          },
        ),
      ),
    });
  const actions = view.options.map((o) => {
    const data = { question: view.questionId, answer: o.value, consultId: view.consultId, step: view.step };
    const submit = { type: 'Action.Submit', title: o.label, data };
    // A client without universal actions falls back to Action.Submit: the same data, posted as `value`.
    return options.universal
      ? { type: 'Action.Execute', title: o.label, verb: 'answer', data, fallback: submit }
      : submit;
  });
  return card(body, actions);
}

/** What an answered question card turns into: a record of the answer, with nothing left to click. */
export function answeredCard(view: AnsweredView): CardAttachment {
  return card([
    small(view.prompt),
    text(`✔ ${view.answer}${view.by ? ` (${view.by})` : ''}`, { spacing: 'None' }),
  ]);
}

function itemBlocks(i: RecommendationItem): Element[] {
  const why = becauseText(i);
  return [
    text(`• ${itemText(i)}`, { spacing: 'Small' }),
    ...(why ? [small(why, { spacing: 'None' })] : []),
    ...(i.seedNote ? [small(`${headings.seed}: ${i.seedNote}`, { spacing: 'None' })] : []),
  ];
}

/** A piece of the recommendation: card elements and the plain text of the same content. */
interface Unit {
  elements: Element[];
  lines: string[];
}

function recommendationUnits(r: Recommendation): Unit[] {
  const units: Unit[] = [
    {
      elements: [
        text(r.outcome.title, { weight: 'Bolder', size: 'Large' }),
        text(r.outcome.summary, { spacing: 'Small' }),
        heading(headings.inputs),
        {
          type: 'FactSet',
          facts: r.inputs.map((i) => ({ title: i.short, value: `${i.answer}${i.by ? ` (${i.by})` : ''}` })),
        },
      ],
      lines: [
        r.outcome.title,
        r.outcome.summary,
        `${headings.inputs}:`,
        ...r.inputs.map((i) => `- ${i.short}: ${i.answer}${i.by ? ` (${i.by})` : ''}`),
      ],
    },
  ];
  // One unit per item, the section heading with its first item, so a heading never ends a part.
  for (const s of r.sections)
    s.items.forEach((item, i) => {
      const why = becauseText(item);
      units.push({
        elements: [...(i === 0 ? [heading(sectionTitles[s.id])] : []), ...itemBlocks(item)],
        lines: [
          ...(i === 0 ? [`${sectionTitles[s.id]}:`] : []),
          `- ${itemText(item)}`,
          ...(why ? [`  (${why})`] : []),
          ...(item.seedNote ? [`  ${headings.seed}: ${item.seedNote}`] : []),
        ],
      });
    });
  const box = (style: string, title: string, lines: string[]): Unit => ({
    elements: [
      {
        type: 'Container',
        style,
        spacing: 'Medium',
        items: [
          text(title, { weight: 'Bolder' }),
          ...lines.map((l) => text(l, { size: 'Small', spacing: 'None' })),
        ],
      },
    ],
    lines: [`${title}:`, ...lines],
  });
  if (r.prognosis)
    units.push(
      box(
        'emphasis',
        headings.prognosis,
        gpaLines(r.prognosis).map((l) => l.trim()),
      ),
    );
  if (r.unknowns.length)
    units.push(
      box(
        'warning',
        headings.unknowns,
        r.unknowns.map((u) => `• ${u.text} ${u.action}${refNumbers(u.refs)}`),
      ),
    );
  if (r.pitfalls.length)
    units.push(
      box(
        'attention',
        headings.pitfalls,
        r.pitfalls.map((p) => `• ${p.text}${evidenceTag(p.evidence)}${refNumbers(p.refs)}`),
      ),
    );
  r.references.forEach((ref, i) =>
    units.push({
      elements: [
        ...(i === 0 ? [heading(headings.references)] : []),
        small(referenceLine(ref), { spacing: 'None' }),
      ],
      lines: [...(i === 0 ? [`${headings.references}:`] : []), referenceLine(ref)],
    }),
  );
  const version = `${headings.version} ${r.content.version} (${r.content.reviewedOn})`;
  units.push({
    elements: [
      small(r.disclaimer, { spacing: 'Medium', weight: 'Bolder' }),
      small(version, { spacing: 'None' }),
    ],
    lines: [r.disclaimer, `${version}.`],
  });
  return units;
}

/**
 * Teams refuses a bot message whose payload is over 40 KB counted as UTF-16 (about 20,000 characters;
 * older limits were 25-28 KB), and a full recommendation with its references is larger: it is sent as
 * several cards ("Part 1 of 3", ...), each with the plain text of what it shows. Sizes are in UTF-16
 * code units (string length).
 */
export const cardBudgetChars = 15_000;

export function recommendationCards(r: Recommendation): { card: CardAttachment; text: string }[] {
  // Sizes add up: the elements' JSON plus the plain text (sent again as the card's fallbackText).
  const length = (u: Unit) => JSON.stringify(u.elements).length + JSON.stringify(u.lines.join('\n')).length;
  const parts: Unit[][] = [[]];
  let used = 0;
  for (const unit of recommendationUnits(r)) {
    const size = length(unit);
    // Leave room for the card envelope and the part marker.
    if (used > 0 && used + size > cardBudgetChars - 500) {
      parts.push([]);
      used = 0;
    }
    parts[parts.length - 1]!.push(unit);
    used += size;
  }
  return parts.map((units, i) => {
    const marker = parts.length > 1 ? `Part ${i + 1} of ${parts.length}` : undefined;
    const elements = [...(marker ? [small(marker)] : []), ...units.flatMap((u) => u.elements)];
    const lines = [...(marker ? [marker] : []), ...units.flatMap((u) => u.lines)];
    return { card: card(elements), text: lines.join('\n') };
  });
}

export function urgentCard(items: RecommendationItem[]): CardAttachment {
  return card([
    {
      type: 'Container',
      style: 'attention',
      items: [text(headings.urgent, { weight: 'Bolder', size: 'Medium' }), ...items.flatMap(itemBlocks)],
    },
  ]);
}

/**
 * The cards for a view, each with the plain-text version of what it shows (also set as the card's
 * `fallbackText`), or undefined when plain text says it all.
 */
export function renderCards(
  view: View,
  options: CardOptions,
): { card: CardAttachment; text: string }[] | undefined {
  const one = (c: CardAttachment) => [{ card: c, text: renderText(view) }];
  const parts = (() => {
    switch (view.kind) {
      case 'question':
        return one(questionCard(view, options));
      case 'answered':
        return one(answeredCard(view));
      case 'recommendation':
        return recommendationCards(view.recommendation);
      case 'urgent':
        return one(urgentCard(view.items));
      default:
        return undefined;
    }
  })();
  for (const p of parts ?? []) p.card.content.fallbackText = p.text;
  return parts;
}
