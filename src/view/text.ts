import { feedbackText } from './feedback';
import { outlineOf, type OutlineHead, type OutlinePart, type OutlineSection } from './outline';
import { headings, notes, privacyHint } from './strings';
import { actNowDetailsText, actNowHeadText, actNowOf } from './act-now';
import { evidenceTag, referenceLine, shortCite } from './text-parts';
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
    case 'which':
      return `${notes.which} ${view.options.map((o) => `${o.n}. ${o.label}`).join('; ')}.`;
    case 'restarted':
      return headings.restarted;
    case 'undone':
      return `${headings.undone}: ${view.short}: ${view.answer}`;
    case 'updated':
      return `${headings.updated} (${view.kept}).${view.dropped.length ? ` Not kept: ${view.dropped.map((d) => `${d.short}: ${d.answer}`).join('; ')}.` : ''}`;
    case 'urgent': {
      // The short list first (all a terminal shows on one screen), the full items after it.
      const a = actNowOf(view.items, view.resume);
      return `${actNowHeadText(a)}\n\n${actNowDetailsText(a)}`;
    }
    case 'question':
      return [
        ...(view.changing ? [`${headings.changing} (${view.changing}).`] : []),
        `${view.number}. ${view.prompt}`,
        ...view.options.map((o, i) => `  ${i + 1}) ${o.label}${o.hint ? ` (${o.hint})` : ''}`),
        ...view.pitfalls.map(
          (p) =>
            `${headings.pitfallsAtQuestion}: ${p.text}${evidenceTag(p.evidence)} (${p.refs.map((r) => shortCite(r.citation)).join('; ')})`,
        ),
      ].join('\n');
    case 'answered':
      return `${view.prompt} ${view.answer}${view.by ? ` (${view.by})` : ''}`;
    case 'recommendation': {
      // Folded: the head, then what can be opened (the terminal's `details`).
      const o = outlineOf(view.consultId, view.recommendation, view.changes);
      return [
        ...headText(o.head),
        '',
        `${headings.moreDetails}: ${o.sections.map((s) => s.title).join(', ')}.`,
        headings.detailsHint,
      ].join('\n');
    }
    case 'details': {
      const o = outlineOf(view.consultId, view.recommendation);
      return outlinePartText({ sections: o.sections });
    }
    case 'note':
      return view.text;
    case 'noteFhir':
      return jsonText(view.fhir);
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
    case 'feedbackAsk':
    case 'feedbackReason':
    case 'feedbackItem':
    case 'feedbackThanks':
      return feedbackText(view);
  }
}

/** The head of a recommendation as plain text: title, what changed, the bottom line, the disclaimer. */
export function headText(h: OutlineHead): string[] {
  return [
    h.title,
    h.summary,
    ...(h.changes.length ? ['', `${headings.whatChanged}:`, ...h.changes.map((c) => `- ${c}`)] : []),
    '',
    `${headings.bottomLine}:`,
    ...(h.plan ? [`${headings.plan}: ${h.plan}`] : []),
    ...h.bottomLine.map((a, i) => `${i + 1}. ${a}`),
    ...(h.gpa ? [h.gpa] : []),
    ...(h.resume ? ['', `${h.resume.label}? ${headings.resumeType}: ${h.resume.command}`] : []),
    '',
    ...h.footer,
  ];
}

function sectionText(s: OutlineSection): string[] {
  return [
    `${s.title}:`,
    ...s.lines.flatMap((l) => [`- ${l.text}`, ...(l.because ? [`  (${l.because})`] : [])]),
  ];
}

/** A part of an outline as plain text: what a message of that part shows, every line of it. */
export function outlinePartText(part: OutlinePart): string {
  const blocks = [...(part.head ? [headText(part.head)] : []), ...part.sections.map(sectionText)];
  return blocks.map((b) => b.join('\n')).join('\n\n');
}

/**
 * JSON indented two spaces, each object or array of plain values on one line (a coding, a tag): about half
 * as long as fully indented, so a consult's FHIR form fits one Slack message and reads on a screen.
 */
function jsonText(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const array = Array.isArray(value);
  const entries: [string | undefined, unknown][] = array
    ? (value as unknown[]).map((v) => [undefined, v])
    : Object.entries(value);
  const inner = `${indent}  `;
  const parts = entries.map(
    ([k, v]) => `${k === undefined ? '' : `${JSON.stringify(k)}: `}${jsonText(v, inner)}`,
  );
  const [open, close] = array ? ['[', ']'] : ['{', '}'];
  if (entries.every(([, v]) => v === null || typeof v !== 'object'))
    return `${open}${parts.join(', ')}${close}`;
  return `${open}\n${parts.map((p) => `${inner}${p}`).join(',\n')}\n${indent}${close}`;
}
