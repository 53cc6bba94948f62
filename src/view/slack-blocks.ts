import type {
  ActionsBlock,
  Button,
  ContextBlock,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
} from '@slack/web-api';
import type { RecommendationItem } from '../pathway/recommend';
import { feedbackBlocks } from './feedback-blocks';
import { outlineOf, splitOutline } from './outline';
import { paginate } from './paginate';
import type { Outline, OutlineHead, OutlineLine, OutlinePart, OutlineSection } from './outline';
import { headings, privacyHint } from './strings';
import { outlinePartText, renderText } from './text';
import { actNowDetailsText, actNowHeadText, actNowOf } from './act-now';
import { evidenceTag, shortCite } from './text-parts';
import type { AnsweredView, QuestionView, View } from './view';

/** One Slack message: Block Kit blocks and the plain-text fallback (notifications, screen readers, search). */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  /** Posted as a reply in the consult's thread (details, the note), not as a message of its own. */
  thread?: boolean;
  /** The bottom line of a consult in a channel thread: also sent to the channel. */
  broadcast?: boolean;
}

/**
 * Slack's published Block Kit limits (docs.slack.dev/reference/block-kit): a message holds at most 50 blocks; a
 * text object (section text, context element) 1 to 3,000 characters; a header 150; a context block at most 10
 * elements; an actions block at most 25; a button's text 75 characters, its value 2,000; an action_id or
 * block_id 255. `messageText` is not published: Slack refuses a message whose blocks carry too much text in all
 * (`msg_blocks_too_long`, reported from about 11,000 characters in slackapi/bolt-js#2509 and #2867), so a
 * message stays well below that and a long recommendation is split over several messages instead.
 */
export const slackLimits = {
  blocksPerMessage: 50,
  text: 3000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  messageText: 8000,
} as const;

/** What a Slack answer button carries (case-model §2); the adapter posts it back as the activity `value`. */
export interface SlackButtonValue {
  question: string;
  answer: string;
  consultId: string;
  step: number;
}

/** Slack's three control characters; the rest of the text is shown as written. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Who answered, as plain text: never a mention, which would notify them. */
const byText = (by: string | undefined) => (by ? ` (${escapeMrkdwn(by)})` : '');

/**
 * Splits text into pieces that fit `max` once escaped: at line breaks, else at spaces, else (one word longer
 * than `max`) between characters. Nothing is dropped: the pieces concatenate to the input.
 */
export function splitText(raw: string, max: number = slackLimits.text): string[] {
  const size = (s: string) => escapeMrkdwn(s).length;
  if (size(raw) <= max) return [raw];
  const pieces: string[] = [];
  let current = '';
  const add = (token: string) => {
    if (size(current + token) <= max) {
      current += token;
      return;
    }
    if (current) pieces.push(current);
    current = '';
    if (size(token) <= max) {
      current = token;
      return;
    }
    for (const ch of token) {
      if (current && size(current + ch) > max) {
        pieces.push(current);
        current = '';
      }
      current += ch;
    }
  };
  for (const line of raw.split(/(?<=\n)/))
    if (size(line) <= max) add(line);
    else for (const word of line.split(/(?<= )/)) add(word);
  if (current) pieces.push(current);
  return pieces;
}

const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });

/**
 * Escaped text as mrkdwn pieces of at most 3,000 characters: `lead` (formatted, short) opens the first piece and
 * `tail` (formatted, short) closes the last.
 */
function pieces(raw: string, lead = '', tail = ''): string[] {
  const parts = splitText(raw, slackLimits.text - lead.length - tail.length);
  return parts.map((p, i) => `${i === 0 ? lead : ''}${escapeMrkdwn(p)}${i === parts.length - 1 ? tail : ''}`);
}

const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): ContextBlock => ({ type: 'context', elements: [mrkdwn(text)] });

/** Escaped text as sections of at most 3,000 characters (split at line breaks, then spaces). */
export const sections = (raw: string, lead = '', tail = ''): SectionBlock[] =>
  pieces(raw, lead, tail).map(section);

/** Small print, one element per block so that long lines wrap as paragraphs. */
const contexts = (raw: string, lead = '', tail = ''): ContextBlock[] => pieces(raw, lead, tail).map(context);

/**
 * Text to copy as written, in code blocks (``` in mrkdwn: no bold, lists or links, so it pastes as
 * written), split at line breaks into blocks of at most 3,000 characters.
 */
const codeSections = (raw: string): SectionBlock[] =>
  splitText(raw, slackLimits.text - 8).map((p) =>
    section(`\`\`\`\n${escapeMrkdwn(p.replace(/\n$/, ''))}\n\`\`\``),
  );

/** Short notes side by side in context blocks, at most 10 to a block. */
function notesBlocks(notes: string[]): ContextBlock[] {
  const elements = notes.flatMap((n) => pieces(n)).map(mrkdwn);
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += slackLimits.contextElements)
    blocks.push({ type: 'context', elements: elements.slice(i, i + slackLimits.contextElements) });
  return blocks;
}

/** A header block; a section when the title is longer than a header may be. */
function header(title: string, emoji = ''): KnownBlock[] {
  const text = `${emoji}${title}`;
  if (text.length <= slackLimits.header)
    return [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }];
  return sections(title, emoji);
}

/** A line of text to show: `raw` is escaped, `lead` and `tail` are mrkdwn already; `plain` is its plain-text form. */
interface Line {
  raw: string;
  lead?: string;
  tail?: string;
  plain?: string;
}

/** Lines in as few blocks of at most 3,000 characters as they fit; a line too long for one block is split. */
function grouped(make: (text: string) => KnownBlock, lines: Line[]): KnownBlock[] {
  const md = lines.map((l) => `${l.lead ?? ''}${escapeMrkdwn(l.raw)}${l.tail ?? ''}`);
  if (md.some((l) => l.length > slackLimits.text))
    return lines.flatMap((l) => pieces(l.raw, l.lead, l.tail).map(make));
  const groups: string[] = [];
  for (const l of md) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.length + 1 + l.length <= slackLimits.text)
      groups[groups.length - 1] = `${last}\n${l}`;
    else groups.push(l);
  }
  return groups.map(make);
}

/**
 * A run of blocks that belongs together, with the plain-text lines it stands for (the lines of renderText).
 * A heading is `keepWithNext`: it never ends a message.
 */
interface Unit {
  blocks: KnownBlock[];
  lines: string[];
  keepWithNext?: boolean;
}

/** Characters of text a block carries: our measure of the message size Slack checks (its rule is unpublished). */
export function blockTextLength(block: KnownBlock): number {
  let n = 0;
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      if (key === 'text' || key === 'value') n += v.length;
    } else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k);
  };
  walk(block);
  return n;
}

/** Room kept in every message of a split view for its "Part i of n" line. */
const partRoom = { blocks: 1, text: 40 };
const maxBlocks = slackLimits.blocksPerMessage - partRoom.blocks;

/** Packs units into as few messages as the limits allow (`messageText`: the text one message may carry). */
function pack(units: Unit[], text: string, messageText: number): SlackMessage[] {
  const maxText = messageText - partRoom.text;
  const fitsBlocks = (blocks: readonly KnownBlock[]) =>
    blocks.length <= maxBlocks && blocks.reduce((n, b) => n + blockTextLength(b), 0) <= maxText;
  // A unit too big for one message on its own is cut between its blocks (never inside one) first.
  const flat = units.flatMap((u): Unit[] => {
    if (fitsBlocks(u.blocks)) return [u];
    return paginate(u.blocks, fitsBlocks).map((blocks, i) => ({ blocks, lines: i ? [] : u.lines }));
  });
  const groups = paginate(flat, (page) => fitsBlocks(page.flatMap((u) => u.blocks)), {
    keepWithNext: (u) => Boolean(u.keepWithNext),
  });
  if (groups.length === 1) return [{ text, blocks: groups[0]!.flatMap((u) => u.blocks) }];
  // Split: each message carries the plain text of what it shows; together they are exactly `text`.
  return groups.map((group, i) => {
    const part = `Part ${i + 1} of ${groups.length}`;
    return {
      text: [`(${part})`, ...group.flatMap((u) => u.lines)].join('\n'),
      blocks: [...group.flatMap((u) => u.blocks), { type: 'context', elements: [mrkdwn(`_${part}_`)] }],
    };
  });
}

function questionUnits(view: QuestionView): Unit[] {
  const blocks: KnownBlock[] = sections(view.prompt, `*Question ${view.number}*\n`);
  // Hints, and in full any label too long for a button.
  const long = (label: string) => label.length > slackLimits.buttonText;
  blocks.push(
    ...notesBlocks(
      view.options
        .filter((o) => o.hint || long(o.label))
        .map((o) => (o.hint ? `${o.label}: ${o.hint}` : o.label)),
    ),
  );
  for (const p of view.pitfalls)
    blocks.push(
      ...contexts(
        `${p.text}${evidenceTag(p.evidence)} (${p.refs.map((r) => shortCite(r.citation)).join('; ')})`,
        `:warning: *${headings.pitfallsAtQuestion}:* `,
      ),
    );
  const buttons: Button[] = view.options.map((o, i) => {
    const value: SlackButtonValue = {
      question: view.questionId,
      answer: o.value,
      consultId: view.consultId,
      step: view.revision,
    };
    return {
      type: 'button',
      // Unique per button: the option's position comes first.
      action_id: `answer.${i + 1}.${o.value}`.slice(0, slackLimits.id),
      text: {
        type: 'plain_text',
        text: long(o.label) ? `${o.label.slice(0, slackLimits.buttonText - 1)}…` : o.label,
        emoji: true,
      },
      value: JSON.stringify(value),
    };
  });
  for (let i = 0; i < buttons.length; i += slackLimits.actionsElements)
    blocks.push({
      type: 'actions',
      // New per consult and revision, as Slack asks of a block_id.
      block_id: `answer.${view.consultId}.${view.revision}.${i}`.slice(0, slackLimits.id),
      elements: buttons.slice(i, i + slackLimits.actionsElements),
    } satisfies ActionsBlock);
  return [{ blocks, lines: [] }];
}

/** What a clicked question turns into: the question and its answer, with nothing left to click. */
function answeredUnits(view: AnsweredView): Unit[] {
  return [
    {
      blocks: [...contexts(view.prompt), ...sections(view.answer, ':white_check_mark: ', byText(view.by))],
      lines: [],
    },
  ];
}

/** A `{ "change": <question id> }` button (case-model section 2) beside an echoed answer. */
function changeAccessory(question: string): Button {
  return {
    type: 'button',
    action_id: `change.${question}`.slice(0, slackLimits.id),
    text: { type: 'plain_text', text: headings.change, emoji: true },
    value: JSON.stringify({ change: question }),
  };
}

function answerBlock(l: OutlineLine): KnownBlock {
  return { ...section(escapeMrkdwn(l.text)), accessory: changeAccessory(l.change!) };
}

/** A section of the outline: its title, then its lines in as few sections as fit; answers with Change buttons. */
function sectionBlocks(s: OutlineSection): KnownBlock[] {
  if (s.lines.every((l) => l.change && escapeMrkdwn(l.text).length <= slackLimits.text))
    return [...header(s.title), ...s.lines.map(answerBlock)];
  const make = s.id === 'sources' ? context : section;
  return [
    ...header(s.title),
    ...grouped(
      make,
      s.lines.flatMap((l): Line[] => [
        { raw: l.text, lead: '• ' },
        ...(l.because ? [{ raw: l.because, lead: '    _', tail: '_' }] : []),
      ]),
    ),
  ];
}

/** The way back into a plan that waits for an answer: a button that asks that question again. */
function resumeBlock(r: NonNullable<OutlineHead['resume']>): ActionsBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: `resume.${r.question}`.slice(0, slackLimits.id),
        text: { type: 'plain_text', text: r.label, emoji: true },
        style: 'primary',
        value: JSON.stringify({ change: r.question }),
      },
    ],
  };
}

function headBlocks(h: OutlineHead, hint: string | undefined): KnownBlock[] {
  return [
    ...header(h.title),
    ...contexts(h.summary),
    ...(h.changes.length
      ? grouped(section, [
          { raw: `${headings.whatChanged}:`, lead: '*', tail: '*' },
          ...h.changes.map((c) => ({ raw: c, lead: '• ' })),
        ])
      : []),
    ...grouped(section, [
      { raw: `${headings.bottomLine}:`, lead: '*', tail: '*' },
      ...(h.plan ? [{ raw: h.plan, lead: `*${headings.plan}:* ` }] : []),
      ...h.bottomLine.map((a, i) => ({ raw: a, lead: `${i + 1}. ` })),
    ]),
    ...(h.gpa ? contexts(h.gpa) : []),
    ...(h.resume ? [resumeBlock(h.resume)] : []),
    ...(hint ? contexts(hint, '_', '_') : []),
    { type: 'divider' },
    ...contexts(h.footer.join('\n')),
  ];
}

function partMessage(part: OutlinePart, hint?: string): SlackMessage {
  return {
    text: outlinePartText(part),
    blocks: [...(part.head ? headBlocks(part.head, hint) : []), ...part.sections.flatMap(sectionBlocks)],
  };
}

const fitsMessage = (m: SlackMessage, messageText: number) =>
  m.blocks.length <= slackLimits.blocksPerMessage &&
  m.blocks.reduce((n, b) => n + blockTextLength(b), 0) <= messageText;

/**
 * A recommendation in Slack: the bottom line is the message in the channel (or the DM); the sections
 * follow as replies in the consult's thread, as many as Block Kit's limits need, split by the outline's
 * one splitter. `withHead: false` is the `details` command: the sections only, all in the thread.
 */
function outlineMessages(
  o: Outline,
  withHead = true,
  messageText: number = slackLimits.messageText,
): SlackMessage[] {
  const parts = splitOutline(o, (p) => fitsMessage(partMessage(p, headings.detailsInThread), messageText), {
    headAlone: true,
    withHead,
  });
  return parts.map((p) =>
    p.head
      ? { ...partMessage(p, headings.detailsInThread), broadcast: true }
      : { ...partMessage(p), thread: true },
  );
}

/** The summary command: answers with who gave them, what is still unknown, and the next question. */
function summaryUnits(view: Extract<View, { kind: 'summary' }>, text: string): Unit[] {
  const heading = (raw: string): Line => ({ raw, lead: '*', tail: '*' });
  // Each answer with its Change button, as in the recommendation's "Your answers".
  const answers: KnownBlock[] = view.answers.length
    ? view.answers.map((a) => ({
        ...section(`• ${escapeMrkdwn(`${a.short}: ${a.answer}`)}${byText(a.by)}`),
        accessory: changeAccessory(a.question),
      }))
    : grouped(section, [{ raw: '(no answers yet)', lead: '• ' }]);
  const rest: Line[] = [
    ...(view.unknowns.length
      ? [
          heading(`${headings.unknowns}:`),
          ...view.unknowns.map((u) => ({ raw: `${u.text} ${u.action}`, lead: '• ' })),
        ]
      : []),
    ...(view.next ? [{ raw: `${headings.next}: ${view.next}` }] : []),
  ];
  return [
    {
      blocks: [...grouped(section, [heading(`${headings.summary}:`)]), ...answers, ...grouped(section, rest)],
      lines: [text],
    },
  ];
}

/**
 * An "Act now" in Slack: the numbered short actions under a siren header (pitfalls carry :warning:), the
 * line back to the questions; the full items follow as a reply in the thread, as a plan's details do.
 */
function urgentMessages(items: RecommendationItem[], resume: string, messageText: number): SlackMessage[] {
  const a = actNowOf(items, resume);
  const head: Unit = {
    blocks: [
      ...header(headings.urgent, ':rotating_light: '),
      ...grouped(
        section,
        a.actions.map((l, i) => ({ raw: l, lead: `${i + 1}. ` })),
      ),
      ...sections(a.resume, '*', '*'),
      ...contexts(headings.urgentDetailsInThread, '_', '_'),
    ],
    lines: [actNowHeadText(a)],
  };
  // Each unit with its lines of the plain text, so that a split keeps every message's text whole.
  const details: Unit[] = [
    { blocks: header(headings.urgentDetails), lines: [`${headings.urgentDetails}:`], keepWithNext: true },
    ...(a.basis ? [{ blocks: contexts(a.basis), lines: [`(${a.basis})`] }] : []),
    ...a.details.map((l) => ({
      blocks: [...sections(l.text, '• '), ...(l.because ? contexts(l.because) : [])],
      lines: [`- ${l.text}`, ...(l.because ? [`  (${l.because})`] : [])],
    })),
  ];
  return [
    ...pack([head], actNowHeadText(a), messageText),
    ...pack(details, actNowDetailsText(a), messageText).map((m) => ({ ...m, thread: true })),
  ];
}

/**
 * A view as one or more Slack messages. Pure: no Slack client, no Bot Framework. Every message carries the plain
 * text of what it shows (renderText); a recommendation too long for one message is split, never cut.
 */
export function renderSlack(view: View, messageText: number = slackLimits.messageText): SlackMessage[] {
  const text = renderText(view);
  switch (view.kind) {
    case 'question':
      return pack(questionUnits(view), text, messageText);
    case 'answered':
      return pack(answeredUnits(view), text, messageText);
    case 'recommendation':
      return outlineMessages(outlineOf(view.consultId, view.recommendation, view.changes), true, messageText);
    case 'details':
      return outlineMessages(outlineOf(view.consultId, view.recommendation), false, messageText);
    case 'note':
      // A thread reply: one block of text to copy.
      return [{ text, blocks: [...contexts(headings.noteCopy), ...codeSections(text)], thread: true }];
    case 'noteFhir':
      // Thread replies; a long form goes on in a second message, cut between lines of the JSON.
      return pack(
        [
          {
            blocks: [...contexts(headings.noteFhirCopy), ...codeSections(text)],
            lines: [headings.noteFhirTitle],
          },
        ],
        headings.noteFhirTitle,
        messageText,
      ).map((m) => ({ ...m, thread: true }));
    case 'urgent':
      return urgentMessages(view.items, view.resume, messageText);
    case 'summary':
      return pack(summaryUnits(view, text), text, messageText);
    case 'feedbackAsk':
    case 'feedbackReason':
    case 'feedbackItem':
      return pack([{ blocks: feedbackBlocks(view), lines: [text] }], text, messageText);
    case 'welcome':
      return pack(
        [
          {
            blocks: [...sections(view.text), ...contexts(`${view.disclaimer}\n${privacyHint}`)],
            lines: [text],
          },
        ],
        text,
        messageText,
      );
    default:
      return pack([{ blocks: sections(text), lines: [text] }], text, messageText);
  }
}
