import type { Recommendation, RecommendationItem } from '../pathway/recommend';
import { headings, sectionTitles } from './strings';
import { becauseText, evidenceTag, gpaLines, itemText, referenceLine, shortCite } from './text';
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

export function recommendationCard(r: Recommendation): CardAttachment {
  const body: Element[] = [
    text(r.outcome.title, { weight: 'Bolder', size: 'Large' }),
    text(r.outcome.summary, { spacing: 'Small' }),
    heading(headings.inputs),
    {
      type: 'FactSet',
      facts: r.inputs.map((i) => ({ title: i.short, value: `${i.answer}${i.by ? ` (${i.by})` : ''}` })),
    },
  ];
  for (const s of r.sections) body.push(heading(sectionTitles[s.id]), ...s.items.flatMap(itemBlocks));
  if (r.prognosis)
    body.push({
      type: 'Container',
      style: 'emphasis',
      spacing: 'Medium',
      items: [
        text(headings.prognosis, { weight: 'Bolder' }),
        ...gpaLines(r.prognosis).map((l) => text(l.trim(), { size: 'Small', spacing: 'None' })),
      ],
    });
  if (r.unknowns.length)
    body.push({
      type: 'Container',
      style: 'warning',
      spacing: 'Medium',
      items: [
        text(headings.unknowns, { weight: 'Bolder' }),
        ...r.unknowns.map((u) => text(`• ${u.text} ${u.action}`, { size: 'Small' })),
      ],
    });
  if (r.pitfalls.length)
    body.push({
      type: 'Container',
      style: 'attention',
      spacing: 'Medium',
      items: [
        text(headings.pitfalls, { weight: 'Bolder' }),
        ...r.pitfalls.map((p) =>
          text(`• ${p.text}${evidenceTag(p.evidence)} [${p.refs.map((x) => x.n).join(', ')}]`, {
            size: 'Small',
          }),
        ),
      ],
    });
  body.push(
    heading(headings.references),
    ...r.references.map((x) => small(referenceLine(x), { spacing: 'None' })),
  );
  body.push(
    small(r.disclaimer, { spacing: 'Medium', weight: 'Bolder' }),
    small(`${headings.version} ${r.content.version} (${r.content.reviewedOn})`, { spacing: 'None' }),
  );
  return card(body);
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

/** The card for a view, or undefined when plain text says it all. */
export function renderCard(view: View, options: CardOptions): CardAttachment | undefined {
  switch (view.kind) {
    case 'question':
      return questionCard(view, options);
    case 'answered':
      return answeredCard(view);
    case 'recommendation':
      return recommendationCard(view.recommendation);
    case 'urgent':
      return urgentCard(view.items);
    default:
      return undefined;
  }
}
