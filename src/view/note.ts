import { bottomLineOf } from '../pathway/bottom-line';
import type { Recommendation } from '../pathway/recommend';
import { gpaLine } from './outline';
import { headings } from './strings';
import { shortCite } from './text-parts';

/** A handover note fits a record's free-text box and a pager-sized screen. */
export const noteMaxChars = 1500;

export interface NoteInput {
  /** The finished recommendation, or undefined while the consult is still going. */
  recommendation?: Recommendation;
  /** The answers as short name and label: enumerated values only, never typed text or names. */
  answers: { short: string; answer: string }[];
  unknowns: { text: string }[];
  next?: string;
  version: string;
}

/**
 * The handover note (SBAR: Situation, Background, Assessment, Recommendation, then open items), plain
 * text to copy into a record. Built only from the content and the enumerated answers, so it carries no
 * identifiers and nothing anyone typed; who answered is left out too. Open items that do not fit the
 * 1,500 characters are counted instead of cut.
 */
export function handoverNote(n: NoteInput): string {
  const r = n.recommendation;
  const actions = r ? bottomLineOf(r).actions : [];
  // Sources numbered within the note: the first source of each action it recommends.
  const sources = [
    ...new Map(
      actions.flatMap((a) => a.refs.slice(0, 1)).map((ref) => [ref.citation.id, ref.citation]),
    ).values(),
  ];
  const sourceOf = (a: (typeof actions)[number]) => {
    const first = a.refs[0];
    return first ? ` [${sources.findIndex((c) => c.id === first.citation.id) + 1}]` : '';
  };
  const head = [
    `${headings.noteTitle} (${headings.version.toLowerCase()} ${n.version})`,
    `${headings.situation}: ${r ? r.outcome.title : headings.noteInProgress}.`,
    `${headings.background}: ${n.answers.map((a) => `${a.short}: ${a.answer}`).join('; ')}.`,
    // The GPA where the outcome has one; otherwise what the outcome is about.
    `${headings.assessment}: ${r ? (r.prognosis ? `${gpaLine(r.prognosis)}.` : r.outcome.summary) : '-'}`,
    `${headings.recommendation}:`,
    ...(r
      ? actions.map((a, i) => `${i + 1}. ${a.short}${sourceOf(a)}`)
      : [`${headings.notePending} ${n.next ?? '-'}`]),
  ];
  const tail = [
    ...(sources.length
      ? [`${headings.references}: ${sources.map((c, i) => `[${i + 1}] ${shortCite(c)}`).join('; ')}`]
      : []),
  ];
  const open: string[] = [];
  const fits = (lines: string[]) => [...head, ...lines, ...tail].join('\n').length <= noteMaxChars;
  const items = r ? r.unknowns.map((u) => u.text) : n.unknowns.map((u) => u.text);
  for (const [i, text] of items.entries()) {
    const rest = items.length - i - 1;
    const more = rest ? [`- (${rest} ${headings.noteMore})`] : [];
    if (!fits([`${headings.openItems}:`, ...open, `- ${text}`, ...more])) {
      open.push(`- (${items.length - i} ${headings.noteMore})`);
      break;
    }
    open.push(`- ${text}`);
  }
  return [...head, ...(open.length ? [`${headings.openItems}:`, ...open] : []), ...tail].join('\n');
}
