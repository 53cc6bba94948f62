import type { Evidence } from '../content/schema';
import type { Recommendation, RecommendationItem, ResolvedRef } from '../pathway/recommend';
import type { GpaResult } from '../pathway/gpa';
import { evidenceLabels, headings, notes, privacyHint, sectionTitles } from './strings';
import type { View } from './view';

/**
 * Plain text for every view: the `text` of every activity (transcripts, screen readers, clients
 * without cards), the terminal chat, and Slack's fallback.
 */
export function renderText(view: View): string {
  switch (view.kind) {
    case 'welcome':
      return `${view.text}\n${view.disclaimer}\n${privacyHint}`;
    case 'notice':
      return notes[view.note];
    case 'restarted':
      return headings.restarted;
    case 'undone':
      return `${headings.undone}: ${view.short}: ${view.answer}`;
    case 'updated':
      return `${headings.updated} (${view.kept}).${view.dropped.length ? ` Not kept: ${view.dropped.map((d) => `${d.short}: ${d.answer}`).join('; ')}.` : ''}`;
    case 'urgent':
      return [`${headings.urgent}:`, ...view.items.map((i) => `- ${itemText(i)}`)].join('\n');
    case 'question':
      return [
        `${view.number}. ${view.prompt}`,
        ...view.options.map((o, i) => `  ${i + 1}) ${o.label}${o.hint ? ` (${o.hint})` : ''}`),
        ...view.pitfalls.map(
          (p) =>
            `${headings.pitfallsAtQuestion}: ${p.text}${evidenceTag(p.evidence)} (${p.refs.map((r) => shortCite(r.citation)).join('; ')})`,
        ),
      ].join('\n');
    case 'answered':
      return `${view.prompt} ${view.answer}${view.by ? ` (${view.by})` : ''}`;
    case 'recommendation':
      return recommendationText(view.recommendation);
    case 'why':
      return [`${headings.why}: ${view.prompt}`, view.why, ...view.refs.map(referenceLine)].join('\n');
    case 'whyRecommendation':
      return headings.whyRecommendation;
    case 'summary':
      return [
        `${headings.summary}:`,
        ...(view.answers.length
          ? view.answers.map((a) => `- ${a.short}: ${a.answer}${a.by ? ` (${a.by})` : ''}`)
          : ['- (no answers yet)']),
        ...(view.unknowns.length
          ? [`${headings.unknowns}:`, ...view.unknowns.map((u) => `- ${u.text} ${u.action}`)]
          : []),
        ...(view.next ? [`${headings.next}: ${view.next}`] : []),
      ].join('\n');
    case 'help':
      return [`${headings.help}:`, ...view.commands.map((c) => `- ${c.name}: ${c.text}`)].join('\n');
  }
}

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

export function becauseText(i: RecommendationItem): string {
  return i.because.length
    ? `${headings.because}: ${i.because.map((b) => `${b.short} = ${b.answer}`).join(', ')}`
    : '';
}

export function referenceLine(r: { n: number; citation: ResolvedRef['citation'] }): string {
  const c = r.citation;
  const authors = /[.!?]$/.test(c.authors) ? c.authors : `${c.authors}.`;
  return `[${r.n}] ${authors} ${c.title}. ${c.source} ${c.year}${c.detail ? `;${c.detail}` : ''}.${c.doi ? ` doi:${c.doi}` : ''}`;
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
        `  GPA ${b.min}–${b.max}: ${b.medianMonths === undefined ? b.withheld : `${headings.gpaMedian} ${b.medianMonths} ${headings.months}`}${evidenceTag(b.evidence)}`,
    ),
    `  ${g.note}`,
  ];
}

export function recommendationText(r: Recommendation): string {
  const lines: string[] = [r.outcome.title, r.outcome.summary, ''];
  lines.push(
    `${headings.inputs}:`,
    ...r.inputs.map((i) => `- ${i.short}: ${i.answer}${i.by ? ` (${i.by})` : ''}`),
    '',
  );
  for (const s of r.sections) {
    lines.push(`${sectionTitles[s.id]}:`);
    for (const i of s.items) {
      lines.push(`- ${itemText(i)}`);
      const why = becauseText(i);
      if (why) lines.push(`  (${why})`);
      if (i.seedNote) lines.push(`  ${headings.seed}: ${i.seedNote}`);
    }
    lines.push('');
  }
  if (r.prognosis) lines.push(`${headings.prognosis}:`, ...gpaLines(r.prognosis), '');
  if (r.unknowns.length)
    lines.push(
      `${headings.unknowns}:`,
      ...r.unknowns.map((u) => `- ${u.text} ${u.action}${refNumbers(u.refs)}`),
      '',
    );
  if (r.pitfalls.length)
    lines.push(
      `${headings.pitfalls}:`,
      ...r.pitfalls.map((p) => `- ${p.text}${evidenceTag(p.evidence)}${refNumbers(p.refs)}`),
      '',
    );
  lines.push(`${headings.references}:`, ...r.references.map(referenceLine), '');
  lines.push(r.disclaimer, `${headings.version} ${r.content.version} (${r.content.reviewedOn}).`);
  return lines.join('\n');
}
