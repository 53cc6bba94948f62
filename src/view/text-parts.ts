import type { Evidence } from '../content/schema';
import type { RecommendationItem, ResolvedRef } from '../pathway/recommend';
import type { GpaResult } from '../pathway/gpa';
import { evidenceLabels, headings } from './strings';

/** Small pieces of plain text that every renderer and the outline share. */
export function evidenceTag(e: Evidence): string {
  return e === 'verified' ? '' : ` [${evidenceLabels[e]}]`;
}

/** "Walbert 2021": enough to find the source without a numbered list. */
export function shortCite(c: ResolvedRef['citation']): string {
  // "Le Rhun E, Guckenberger M, …" → "Le Rhun": the first author without initials.
  const first = (c.authors.split(',')[0] ?? c.authors).trim().replace(/\s+[A-Z]{1,3}$/, '');
  return `${first} ${c.year}`;
}

export function refNumbers(refs: readonly ResolvedRef[]): string {
  if (!refs.length) return '';
  return ` [${refs.map((r) => `${r.n}${r.point ? ` ${r.point}` : ''}${r.strength ? `, ${r.strength}` : ''}`).join('; ')}]`;
}

export function itemText(i: RecommendationItem): string {
  return `${i.text}${evidenceTag(i.evidence)}${refNumbers(i.refs)}`;
}

/** An item's short form as a numbered action; an UNVERIFIED one says so, where a reader in a hurry stops. */
export function shortLine(i: Pick<RecommendationItem, 'short' | 'evidence'>): string {
  return i.evidence === 'unverified' ? `${i.short!} [${evidenceLabels.unverified}]` : i.short!;
}

export function becauseText(i: Pick<RecommendationItem, 'because'>): string {
  return i.because.length
    ? `${headings.because}: ${i.because.map((b) => `${b.short} = ${b.answer}`).join(', ')}`
    : '';
}

/** A source in full: "Authors. Title. Source year;detail. doi:…". */
export function citationText(c: ResolvedRef['citation']): string {
  const authors = /[.!?]$/.test(c.authors) ? c.authors : `${c.authors}.`;
  return `${authors} ${c.title}. ${c.source} ${c.year}${c.detail ? `;${c.detail}` : ''}.${c.doi ? ` doi:${c.doi}` : ''}`;
}

export function referenceLine(r: { n: number; citation: ResolvedRef['citation'] }): string {
  return `[${r.n}] ${citationText(r.citation)}`;
}

export function gpaLines(g: GpaResult): string[] {
  const score = g.exact ? `${g.min}` : `${g.min}–${g.max}`;
  return [
    `${g.name}: ${headings.gpaScore} ${score} of 4`,
    ...g.factors.map(
      (f) =>
        `  ${f.label}: ${f.level ? `${f.level.label} (${f.level.points})` : `${headings.gpaOpen} (${f.possible.join(' or ')})`}${evidenceTag(f.evidence)}`,
    ),
    ...g.bands.map(
      (b) =>
        `  GPA ${b.min}–${b.max}: ${b.medianMonths === undefined ? b.withheld : `${headings.gpaMedian} ${b.medianMonths} ${headings.months}${b.label ? ` (${b.label})` : ''}`}${evidenceTag(b.evidence)}`,
    ),
    ...g.caveats.map((c) => `  ${c.text}`),
    `  ${g.note}`,
  ];
}
