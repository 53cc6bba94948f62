import type { QuestionId } from '../content/case-model';
import { bottomLineOf } from '../pathway/bottom-line';
import type { Changes } from '../pathway/changes';
import type { GpaResult } from '../pathway/gpa';
import type { Recommendation, ResolvedRef } from '../pathway/recommend';
import { evidenceLabels, headings, sectionTitles } from './strings';
import { paginate } from './paginate';
import {
  becauseText,
  evidenceTag,
  gpaLines,
  itemText,
  referenceLine,
  refNumbers,
  shortLine,
} from './text-parts';

/**
 * The one channel-neutral form of a recommendation: what every renderer draws (plain text, Adaptive
 * Card, Block Kit) and what the one splitter cuts. The head (title, what changed, bottom line, the
 * disclaimer) is read first; the sections are the details, folded wherever the channel can fold.
 */
type OutlineSectionId =
  | 'decisions'
  | Recommendation['sections'][number]['id']
  | 'prognosis'
  | 'unknowns'
  | 'pitfalls'
  | 'sources'
  | 'answers';

export interface OutlineLine {
  text: string;
  /** Small print under the line: the answers that triggered an item. */
  because?: string;
  /** The reference numbers the line cites (for Teams citations). */
  refs?: number[];
  /** An echoed answer that can be changed: its question. */
  change?: QuestionId;
}

export interface OutlineSection {
  id: OutlineSectionId;
  title: string;
  lines: OutlineLine[];
}

export interface OutlineHead {
  title: string;
  summary: string;
  /** "What changed" after `change`: one short list, empty when nothing was changed. */
  changes: string[];
  /** The plan's key decisions where they set it ("Radiosurgery · No steroids"), above the actions. */
  plan?: string;
  /** The numbered actions, as the content's short forms. */
  bottomLine: string[];
  /** The Breast GPA in one line, where the outcome has one. */
  gpa?: string;
  /** A plan that waits for an answer: the button that asks it again, and the command that does. */
  resume?: { question: QuestionId; label: string; command: string };
  footer: string[];
}

export interface Outline {
  consultId: string;
  head: OutlineHead;
  sections: OutlineSection[];
  references: { n: number; citation: ResolvedRef['citation'] }[];
}

/** The Breast GPA in one line: score (or range), band medians, UNVERIFIED where a band is. */
export function gpaLine(g: GpaResult): string {
  const score = g.exact ? `${g.min}` : `${g.min}–${g.max}`;
  // A band whose median is withheld (content: the sources disagree) says so instead of a figure.
  const medians = g.bands.flatMap((b) => (b.medianMonths === undefined ? [] : [b.medianMonths]));
  const labels = g.bands.flatMap((b) => (b.medianMonths !== undefined && b.label ? [b.label] : []));
  const shown = medians.length
    ? `${headings.gpaMedian} ${medians.length > 1 ? `${Math.min(...medians)}–${Math.max(...medians)}` : medians[0]} ${headings.months}${labels.length ? ` (${labels.join('; ')})` : ''}`
    : '';
  const withheld = g.bands.some((b) => b.medianMonths === undefined) ? headings.gpaWithheld : '';
  const median = [shown, withheld].filter(Boolean).join('; ');
  const unverified = g.bands.some((b) => b.evidence === 'unverified')
    ? ` [${evidenceLabels.unverified}]`
    : '';
  const lo = Math.min(...g.bands.map((b) => b.min));
  const hi = Math.max(...g.bands.map((b) => b.max));
  // A band that spans exactly the score's range would only repeat it.
  const band = g.bands.length && !(lo === g.min && hi === g.max) ? ` (${headings.gpaBand} ${lo}–${hi})` : '';
  const caveats = g.caveats.map((c) => `; ${c.short}`).join('');
  return `${g.name}: ${headings.gpaScore} ${score} of 4${band}, ${median}${caveats}${unverified}`;
}

const numbers = (refs: readonly ResolvedRef[]) => [...new Set(refs.map((r) => r.n))];

/** The key decisions that set this plan, named in one line (a decision whose value has no short form is not). */
function planOf(r: Recommendation): { plan?: string } {
  const named = r.decisions.flatMap((d) => (d.short ? [d.short] : []));
  return named.length ? { plan: named.join(' · ') } : {};
}

/** The way back into a plan that waits for an answer: the question, the button's label, the command to type. */
function resumeOf(r: Recommendation): Pick<OutlineHead, 'resume'> {
  const resume = r.outcome.resume;
  const input = resume && r.inputs.find((i) => i.question === resume.question);
  if (!resume || !input) return {};
  const question = resume.question as QuestionId;
  return { resume: { question, label: resume.label, command: `change ${input.short.toLowerCase()}` } };
}

/** What changed, in plain words: the answer, the outcome, the key decisions, the prognosis, then the advice. */
function changeLines(c: Changes | undefined): string[] {
  if (!c) return [];
  const lines = [
    ...c.answers.map((a) => `${a.short}: ${a.from} → ${a.to}`),
    ...(c.outcome ? [`${c.outcome.from} → ${c.outcome.to}`] : []),
    ...c.decisions.map((d) => `${d.title}: ${d.from} → ${d.to}`),
    ...(c.prognosis ? [`${headings.prognosisChanged}: ${c.prognosis.from} → ${c.prognosis.to}`] : []),
    ...c.added.map((i) => `${headings.added}: ${i.short ?? i.text}`),
    ...c.removed.map((i) => `${headings.removed}: ${i.short ?? i.text}`),
    ...c.dropped.map((a) => `${headings.noLongerAsked}: ${a.short} (${a.answer})`),
    ...c.asked.map((a) => `${headings.nowAsked}: ${a.short} (${a.answer})`),
  ];
  // Only the answer itself moved: say so, rather than list nothing.
  return lines.length > c.answers.length ? lines : [...lines, headings.nothingChanged];
}

/** The outline of a recommendation, and what changed since the one before it, if an answer was changed. */
export function outlineOf(consultId: string, r: Recommendation, changes?: Changes): Outline {
  // The plan's key decisions first, each with the row that set it: the basis of everything below.
  const decided = r.decisions.filter((d) => !d.hidden);
  const sections: OutlineSection[] = [
    {
      id: 'decisions',
      title: headings.decisions,
      lines: decided.map((d) => ({
        text: `${d.title}: ${d.label}. ${d.why}${refNumbers(d.refs)}`,
        ...(becauseText(d) ? { because: becauseText(d) } : {}),
        refs: numbers(d.refs),
      })),
    },
  ];
  sections.push(
    ...r.sections.map((s) => ({
      id: s.id,
      title: sectionTitles[s.id],
      lines: s.items.map((i) => ({
        text: itemText(i),
        ...(becauseText(i) ? { because: becauseText(i) } : {}),
        refs: numbers(i.refs),
      })),
    })),
  );
  if (r.prognosis)
    sections.push({
      id: 'prognosis',
      title: headings.prognosis,
      lines: gpaLines(r.prognosis).map((text) => ({ text: text.trim(), refs: numbers(r.prognosis!.refs) })),
    });
  if (r.unknowns.length)
    sections.push({
      id: 'unknowns',
      title: headings.unknowns,
      lines: r.unknowns.map((u) => ({
        text: `${u.text} ${u.action}${refNumbers(u.refs)}`,
        refs: numbers(u.refs),
      })),
    });
  if (r.pitfalls.length)
    sections.push({
      id: 'pitfalls',
      title: headings.pitfalls,
      lines: r.pitfalls.map((p) => ({
        text: `${p.text}${evidenceTag(p.evidence)}${refNumbers(p.refs)}`,
        refs: numbers(p.refs),
      })),
    });
  sections.push(
    {
      id: 'sources',
      title: headings.references,
      lines: r.references.map((ref) => ({ text: referenceLine(ref) })),
    },
    {
      id: 'answers',
      title: headings.inputs,
      lines: r.inputs.map((i) => ({
        text: `${i.short}: ${i.answer}${i.by ? ` (${i.by})` : ''}`,
        change: i.question,
      })),
    },
  );
  return {
    consultId,
    head: {
      title: r.outcome.title,
      summary: r.outcome.summary,
      changes: changeLines(changes),
      ...planOf(r),
      bottomLine: bottomLineOf(r).actions.map(shortLine),
      ...(r.prognosis ? { gpa: gpaLine(r.prognosis) } : {}),
      ...resumeOf(r),
      footer: [r.disclaimer, `${headings.version} ${r.content.version} (${r.content.reviewedOn}).`],
    },
    sections: sections.filter((s) => s.lines.length > 0),
    references: r.references,
  };
}

/** A message's share of an outline: the head (first message only) and whole or continued sections. */
export interface OutlinePart {
  head?: OutlineHead;
  sections: OutlineSection[];
}

/** Cuts a line in two at the space nearest its middle; nothing is dropped (joined with a space again). */
function halve(line: OutlineLine): OutlineLine[] {
  const mid = line.text.lastIndexOf(' ', Math.floor(line.text.length / 2));
  const at = mid > 0 ? mid : Math.floor(line.text.length / 2);
  const sep = mid > 0 ? 1 : 0;
  return [
    { ...line, text: line.text.slice(0, at), because: undefined },
    { ...line, text: line.text.slice(at + sep) },
  ];
}

/** A section too big for a message of its own, cut before the first line that does not fit with the ones before. */
function cutSection(section: OutlineSection, fitsAlone: (s: OutlineSection) => boolean): OutlineSection[] {
  const { lines } = section;
  let n = 0;
  while (n < lines.length && fitsAlone({ ...section, lines: lines.slice(0, n + 1) })) n++;
  // One line longer than a message may hold: in halves, in order.
  if (n === 0) return [{ ...section, lines: [...halve(lines[0]!), ...lines.slice(1)] }];
  const continued = section.title.endsWith(continuedMark)
    ? section.title
    : `${section.title}${continuedMark}`;
  return [
    { ...section, lines: lines.slice(0, n) },
    { ...section, title: continued, lines: lines.slice(n) },
  ];
}

const continuedMark = ` (${headings.continued})`;

/**
 * An outline as the fewest messages a channel's limit allows, judged by the renderer's own `fits` (what it
 * would send for a part), through the view layer's one splitter (./paginate.ts). The head comes first
 * (alone, where the channel puts details elsewhere); a section too big for a message continues in the next
 * one under the same title marked "continued". Nothing is dropped: every line is in exactly one part.
 */
export function splitOutline(
  o: Outline,
  fits: (part: OutlinePart) => boolean,
  options: { headAlone?: boolean; withHead?: boolean } = {},
): OutlinePart[] {
  type Piece = { head: OutlineHead } | OutlineSection;
  const partOf = (page: readonly Piece[]): OutlinePart => {
    const head = page.find((p): p is { head: OutlineHead } => 'head' in p)?.head;
    return { ...(head ? { head } : {}), sections: page.filter((p): p is OutlineSection => !('head' in p)) };
  };
  const items: Piece[] = [...((options.withHead ?? true) ? [{ head: o.head }] : []), ...o.sections];
  return paginate(items, (page) => fits(partOf(page)), {
    breakAfter: (p) => 'head' in p && Boolean(options.headAlone),
    cut: (p, fitsAlone) => ('head' in p ? [p] : cutSection(p, (s) => fitsAlone(s))),
  }).map(partOf);
}

/** Every line of a part, for tests and for the reference numbers a message cites. */
export const linesOf = (part: OutlinePart) => part.sections.flatMap((s) => s.lines);

/** The reference numbers a part cites, in order of first use. */
export function citedIn(part: OutlinePart): number[] {
  return [...new Set(linesOf(part).flatMap((l) => l.refs ?? []))];
}
