import type { RecommendationItem } from '../pathway/recommend';
import { feedbackCardParts } from './feedback-card';
import { outlineOf, splitOutline } from './outline';
import type { Outline, OutlineHead, OutlineLine, OutlinePart, OutlineSection } from './outline';
import { headings, notes } from './strings';
import { headText, outlinePartText, renderText } from './text';
import { actNowOf } from './act-now';
import { evidenceTag, shortCite } from './text-parts';
import type { AnsweredView, Note, QuestionView, View } from './view';

/** An Adaptive Card attachment, as plain JSON (the Bot Framework `Attachment` shape). */
export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

export interface CardOptions {
  /** Teams: Action.Execute (universal actions), so an answered card can be replaced in place. */
  universal: boolean;
  /** The channel's size limit for one message (card and fallback text), in UTF-16 units. */
  budget?: number;
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

/** The one Adaptive Card envelope (consult and training cards alike). */
export function cardContent(body: Element[], actions: Element[] = []): Element {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    // 1.5 is the newest version Teams renders; Web Chat renders it too.
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  };
}

function card(body: Element[], actions: Element[] = []): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: cardContent(body, actions) };
}

function questionCard(view: QuestionView, options: CardOptions): CardAttachment {
  const body: Element[] = [
    small(`Question ${view.number}${view.changing ? ` · ${headings.changing} (${view.changing})` : ''}`),
    text(view.prompt, { weight: 'Bolder', size: 'Medium' }),
    // Button titles do not wrap on a phone: labels are short and the long description is shown here.
    ...view.options.filter((o) => o.hint).map((o) => small(`${o.label}: ${o.hint}`, { spacing: 'None' })),
  ];
  if (view.pitfalls.length)
    body.push({
      type: 'Container',
      // `warning`, not `attention`: that red is kept for "Act now", so an emergency never looks routine.
      style: 'warning',
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
    const data = {
      question: view.questionId,
      answer: o.value,
      consultId: view.consultId,
      step: view.revision,
    };
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

/**
 * What a clicked card that is out of date turns into: the note, with nothing left to click. Another notice
 * (feedback already recorded, a choice that could not be used) says so in its place.
 */
export function staleCard(note: Note = 'stale'): CardAttachment {
  return card([text(notes[note])]);
}

/** A `{ "change": <question id> }` button (case-model section 2): asks that question again. */
const changeButton = (question: string): Element => ({
  type: 'Action.Submit',
  title: headings.change,
  data: { change: question },
});

function lineElements(l: OutlineLine): Element[] {
  if (l.change)
    return [
      {
        type: 'ColumnSet',
        spacing: 'Small',
        columns: [
          { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [text(l.text)] },
          {
            type: 'Column',
            width: 'auto',
            items: [{ type: 'ActionSet', actions: [changeButton(l.change)] }],
          },
        ],
      },
    ];
  return [
    text(`• ${l.text}`, { spacing: 'Small' }),
    ...(l.because ? [small(l.because, { spacing: 'None' })] : []),
  ];
}

/**
 * A section: a button that opens it (Action.ToggleVisibility, which Teams and Web Chat render) above
 * its container, closed until opened. `open` draws it opened with no button (the `details` command).
 */
function sectionElements(s: OutlineSection, id: string, open: boolean): Element[] {
  const body = s.lines.flatMap(lineElements);
  if (open) return [heading(s.title), ...body];
  return [
    {
      type: 'ActionSet',
      spacing: 'Small',
      actions: [
        { type: 'Action.ToggleVisibility', title: `${s.title} (${s.lines.length})`, targetElements: [id] },
      ],
    },
    { type: 'Container', id, isVisible: false, spacing: 'Small', items: body },
  ];
}

function headElements(h: OutlineHead): Element[] {
  return [
    text(h.title, { weight: 'Bolder', size: 'Medium' }),
    small(h.summary, { spacing: 'Small' }),
    ...(h.changes.length
      ? [
          {
            type: 'Container',
            style: 'accent',
            spacing: 'Medium',
            items: [
              text(headings.whatChanged, { weight: 'Bolder' }),
              ...h.changes.map((c) => text(`• ${c}`, { spacing: 'None' })),
            ],
          },
        ]
      : []),
    {
      type: 'Container',
      style: 'emphasis',
      spacing: 'Medium',
      items: [
        text(headings.bottomLine, { weight: 'Bolder' }),
        ...(h.plan ? [text(`**${headings.plan}:** ${h.plan}`, { spacing: 'Small' })] : []),
        // One block, so that Markdown numbers the list 1 to 5 (a block per line would start each at 1).
        // Teams' Markdown lists take \r as the line break (its card docs), Web Chat's any line break.
        text(h.bottomLine.map((a, i) => `${i + 1}. ${a}`).join('\r\n'), { spacing: 'Small' }),
        ...(h.gpa ? [small(h.gpa, { spacing: 'Small' })] : []),
      ],
    },
    // The way back into a plan that waits (the scan): a button in view, not a command to remember.
    ...(h.resume
      ? [
          {
            type: 'ActionSet',
            spacing: 'Medium',
            actions: [
              {
                type: 'Action.Submit',
                title: h.resume.label,
                style: 'positive',
                data: { change: h.resume.question },
              },
            ],
          },
        ]
      : []),
  ];
}

const footerElements = (h: OutlineHead): Element[] => [
  small(h.footer[0] ?? '', { spacing: 'Medium' }),
  ...h.footer.slice(1).map((f) => small(f, { spacing: 'None' })),
];

/**
 * A part's card elements in groups: the marker, the head, each section, the footer. `place` says where
 * the group is and how long (a section's index and line count: the splitter grows sections line by line).
 */
type Group = { key: object; place: string; elements: () => Element[] };
function partGroups(part: OutlinePart, marker: string | undefined, open: boolean): Group[] {
  const head = part.head;
  return [
    ...(marker ? [{ key: part, place: 'marker', elements: () => [small(marker)] }] : []),
    ...(head ? [{ key: head, place: 'head', elements: () => headElements(head) }] : []),
    ...part.sections.map((s, i) => ({
      key: s,
      place: `${i}/${s.lines.length}`,
      elements: () => sectionElements(s, `section-${i}-${s.id}`, open),
    })),
    ...(head ? [{ key: head, place: 'footer', elements: () => footerElements(head) }] : []),
  ];
}

/**
 * The plain text of a part, what a client without cards shows: opened, everything; folded, what the
 * card shows before anything is opened (the whole plan is one `details` away), which keeps it small.
 */
function partText(part: OutlinePart, marker: string | undefined, open: boolean): string {
  const folded = [
    ...(part.head ? headText(part.head) : []),
    `${headings.moreDetails}: ${part.sections.map((s) => s.title).join(', ')}.`,
    ...(part.head ? [headings.detailsHint] : []),
  ].join('\n');
  return [...(marker ? [marker] : []), open ? outlinePartText(part) : folded].join('\n');
}

/** The card of one part and the plain text of everything in it (its fallback). */
export function partCard(
  part: OutlinePart,
  marker: string | undefined,
  open: boolean,
): { card: CardAttachment; text: string } {
  const elements = partGroups(part, marker, open).flatMap((g) => g.elements());
  return { card: card(elements), text: partText(part, marker, open) };
}

/**
 * The size of a part's card and text as JSON, in UTF-16 units. Exactly JSON.stringify's length, but
 * without building and serialising the whole card for every section the splitter tries: a card's JSON
 * is its envelope plus each element's JSON and a comma between them, and a group of elements is
 * measured once for its place in the part.
 */
export function partSizer(open: boolean): (part: OutlinePart) => number {
  const envelope = JSON.stringify(card([])).length - '[]'.length;
  const measured = new Map<object, Map<string, { chars: number; count: number }>>();
  const measure = (g: Group) => {
    let byPlace = measured.get(g.key);
    if (!byPlace) measured.set(g.key, (byPlace = new Map()));
    let m = byPlace.get(g.place);
    if (!m) {
      const elements = g.elements();
      m = { chars: elements.reduce((n, e) => n + JSON.stringify(e).length, 0), count: elements.length };
      byPlace.set(g.place, m);
    }
    return m;
  };
  return (part) => {
    let chars = 0;
    let count = 0;
    for (const g of partGroups(part, undefined, open)) {
      const m = measure(g);
      chars += m.chars;
      count += m.count;
    }
    const body = 2 + chars + Math.max(0, count - 1);
    return envelope + body + JSON.stringify(partText(part, undefined, open)).length;
  };
}

/**
 * Teams refuses a bot message whose payload is over 40 KB counted as UTF-16 (about 20,000 characters),
 * less room for its Teams citations (up to about 5,000 characters), so a recommendation with everything
 * folded in is sent as the first card (the bottom line and the
 * sections that fit) and, if needed, more cards of sections ("More details 2 of 3"). Sizes are in
 * UTF-16 code units (string length): the card's JSON plus its plain text, sent again as fallbackText.
 */
export const cardBudgetChars = 14_000;

const markerRoom = 60;

function outlineCards(
  o: Outline,
  open = false,
  withHead = true,
  budget = cardBudgetChars,
): { card: CardAttachment; text: string }[] {
  const size = partSizer(open);
  const parts = splitOutline(o, (p) => size(p) <= budget - markerRoom, { withHead });
  return parts.map((p, i) =>
    partCard(
      p,
      parts.length > 1 && i > 0 ? `${headings.moreDetails} (${i + 1} of ${parts.length})` : undefined,
      open,
    ),
  );
}

/** The summary as a card: each answer with its Change button, what is unknown, the next question. */
function summaryCard(view: Extract<View, { kind: 'summary' }>): CardAttachment {
  return card([
    text(headings.summary, { weight: 'Bolder', size: 'Medium' }),
    ...view.answers.flatMap((a) =>
      lineElements({ text: `${a.short}: ${a.answer}${a.by ? ` (${a.by})` : ''}`, change: a.question }),
    ),
    ...(view.unknowns.length
      ? [
          heading(headings.unknowns),
          ...view.unknowns.map((u) => text(`• ${u.text} ${u.action}`, { spacing: 'Small' })),
        ]
      : []),
    ...(view.next ? [small(`${headings.next}: ${view.next}`, { spacing: 'Medium' })] : []),
  ]);
}

/**
 * Text to copy as written, in one RichTextBlock on a shaded ground, which selects and copies whole.
 * TextRuns are not read as Markdown, so "2. …" and "- …" copy as written; the `bold` line heads
 * ("Situation:") are runs of their own, for the eye only.
 */
function plainBlock(raw: string, monospace: boolean, bold: readonly string[] = []): Element {
  const lines = raw.split('\n');
  const font = monospace ? { fontType: 'Monospace' } : {};
  // One run when nothing is bold: a run per line would add a third to a long JSON.
  const inlines = !bold.length
    ? [{ type: 'TextRun', text: raw, ...font }]
    : lines.flatMap((line, i) => {
        const end = i < lines.length - 1 ? '\n' : '';
        const head = bold.find((h) => line.startsWith(`${h}:`));
        return head
          ? [
              { type: 'TextRun', text: `${head}:`, weight: 'Bolder', ...font },
              { type: 'TextRun', text: `${line.slice(head.length + 1)}${end}`, ...font },
            ]
          : [{ type: 'TextRun', text: `${line}${end}`, ...font }];
      });
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: [{ type: 'RichTextBlock', inlines }],
  };
}

/**
 * The handover note in a card, as one block to copy: Teams' CodeBlock (monospaced, no Markdown, with a
 * Copy button of its own); where a client has no CodeBlock (Web Chat, older Teams clients) its fallback,
 * the same text in a plain block.
 */
function noteCard(noteText: string): CardAttachment {
  const heads = [
    headings.situation,
    headings.background,
    headings.assessment,
    headings.recommendation,
    headings.openItems,
    headings.safetyNet,
  ];
  return card([
    text(headings.noteTitle, { weight: 'Bolder', size: 'Medium' }),
    small(headings.noteCopy, { spacing: 'None' }),
    {
      type: 'CodeBlock',
      codeSnippet: noteText,
      language: 'PlainText',
      spacing: 'Medium',
      fallback: plainBlock(noteText, false, heads),
    },
  ]);
}

/**
 * `note fhir`: the consult's FHIR form as JSON to copy into a file, monospaced, once (a CodeBlock and its
 * fallback would hold it twice, over Teams' message size).
 */
function noteFhirCard(json: string): CardAttachment {
  return card([
    text(headings.noteFhirTitle, { weight: 'Bolder', size: 'Medium' }),
    small(headings.noteFhirCopy, { spacing: 'None' }),
    plainBlock(json, true),
  ]);
}

/**
 * An "Act now": the numbered short actions in the emergency style (`attention`, which nothing else in a
 * consult uses), the line that sends the reader back to the questions, and the full items folded below.
 */
function urgentCard(items: RecommendationItem[], resume: string): CardAttachment {
  const a = actNowOf(items, resume);
  const id = 'act-now-details';
  return card([
    {
      type: 'Container',
      style: 'attention',
      items: [
        // ⚠ is in ordinary text fonts; an emoji is a blank box where no emoji font is installed.
        text(`⚠ ${headings.urgent}`, { weight: 'Bolder', size: 'Large', color: 'Attention' }),
        // One block, so that Markdown numbers the list (as the bottom line; \r for Teams' lists).
        text(a.actions.map((l, i) => `${i + 1}. ${l}`).join('\r\n'), { spacing: 'Small' }),
        text(a.resume, { weight: 'Bolder', spacing: 'Medium' }),
      ],
    },
    {
      type: 'ActionSet',
      spacing: 'Small',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: `${headings.urgentDetails} (${a.details.length})`,
          targetElements: [id],
        },
      ],
    },
    {
      type: 'Container',
      id,
      isVisible: false,
      spacing: 'Small',
      items: [...(a.basis ? [small(a.basis)] : []), ...a.details.flatMap(lineElements)],
    },
  ]);
}

/** "change <question>" as Markdown: the placeholder in italics, as a card's Markdown drops "<question>" as HTML. */
function commandMarkdown(name: string): string {
  const [command, placeholder] = name.split(/ <(.+)>$/);
  return `**${command}**${placeholder ? ` _${placeholder}_` : ''}`;
}

/**
 * The cards for a view, each with the plain-text version of what it shows (which the channel edge puts
 * in the activity's `text` or the card's `fallbackText`), or undefined when plain text says it all.
 */
export function renderCards(
  view: View,
  options: CardOptions,
): { card: CardAttachment; text: string }[] | undefined {
  const one = (c: CardAttachment) => [{ card: c, text: renderText(view) }];
  switch (view.kind) {
    case 'question':
      return one(questionCard(view, options));
    case 'answered':
      return one(answeredCard(view));
    case 'recommendation':
      return outlineCards(
        outlineOf(view.consultId, view.recommendation, view.changes),
        false,
        true,
        options.budget,
      );
    case 'details':
      return outlineCards(outlineOf(view.consultId, view.recommendation), true, false, options.budget);
    case 'summary':
      return one(summaryCard(view));
    case 'note':
      return one(noteCard(view.text));
    case 'noteFhir':
      // The JSON is in the card; its plain-text copy (a Teams card's fallbackText) names it only.
      return [{ card: noteFhirCard(renderText(view)), text: headings.noteFhirTitle }];
    case 'urgent':
      return one(urgentCard(view.items, view.resume));
    case 'help':
      // A Markdown list, not text with literal "- " bullets (a card's TextBlock renders it as a list).
      return one(
        card([
          text(headings.help, { weight: 'Bolder', size: 'Medium' }),
          text(view.commands.map((c) => `- ${commandMarkdown(c.name)}: ${c.text}`).join('\r\n'), {
            spacing: 'Small',
          }),
        ]),
      );
    case 'feedbackAsk':
    case 'feedbackReason':
    case 'feedbackItem': {
      const f = feedbackCardParts(view, options.universal);
      return one(card(f.body, f.actions));
    }
    default:
      return undefined;
  }
}
