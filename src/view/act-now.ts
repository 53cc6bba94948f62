import { actionsOf } from '../pathway/bottom-line';
import type { RecommendationItem } from '../pathway/recommend';
import type { OutlineLine } from './outline';
import { headings } from './strings';
import { becauseText, evidenceTag, shortCite, shortLine } from './text-parts';

/**
 * The one channel-neutral form of an "Act now" (emergency actions shown the moment an answer calls for
 * them), built as the bottom line is: the content's short forms, most urgent first, at most five; then
 * the full items with their sources, which every channel folds or puts after the list.
 */
export interface ActNow {
  actions: string[];
  /** The content's line under the actions (what to do before the questions go on). */
  resume: string;
  /** The answers behind the items, once, when they are the same for all (they usually are: one answer). */
  basis?: string;
  details: OutlineLine[];
}

export function actNowOf(items: readonly RecommendationItem[], resume: string): ActNow {
  const actions = actionsOf(items);
  // The details in the order of the list, then the items without a line in it.
  const ordered = [...actions, ...items.filter((i) => !actions.includes(i))];
  const because = new Set(ordered.map(becauseText));
  const basis = because.size === 1 ? [...because][0] : undefined;
  return {
    actions: actions.map(shortLine),
    resume,
    ...(basis ? { basis } : {}),
    details: ordered.map((i) => ({
      text: citedText(i),
      ...(!basis && becauseText(i) ? { because: becauseText(i) } : {}),
    })),
  };
}

/** An item in full with its sources by name: an "Act now" has no numbered list of sources to point into. */
function citedText(i: RecommendationItem): string {
  const refs = i.refs.map(
    (r) => `${shortCite(r.citation)}${r.point ? `: ${r.point}` : ''}${r.strength ? `, ${r.strength}` : ''}`,
  );
  return `${i.text}${evidenceTag(i.evidence)} [${refs.join('; ')}]`;
}

/** The list as plain text: what is read first, and all a phone shows before anything is opened. */
export function actNowHeadText(a: ActNow): string {
  return [headings.urgentText, ...a.actions.map((l, i) => `${i + 1}. ${l}`), a.resume].join('\n');
}

/** The details as plain text: every item in full, with its sources and the answers behind it. */
export function actNowDetailsText(a: ActNow): string {
  return [
    `${headings.urgentDetails}:`,
    ...(a.basis ? [`(${a.basis})`] : []),
    ...a.details.flatMap((l) => [`- ${l.text}`, ...(l.because ? [`  (${l.because})`] : [])]),
  ].join('\n');
}
