import type { QuestionId } from '../content/case-model';
import type { Handover } from '../content/schema';
import { bottomLineOf } from '../pathway/bottom-line';
import type { Recommendation } from '../pathway/recommend';
import { gpaLine } from './outline';
import type { GpaResult } from '../pathway/gpa';
import { headings } from './strings';
import { shortCite } from './text-parts';

/** A handover note fits a record's free-text box and a pager-sized screen. */
export const noteMaxChars = 1500;

export interface NoteInput {
  /** The finished recommendation, or undefined while the consult is still going. */
  recommendation?: Recommendation;
  /** The answers given, as question ids and answer values: enumerated, never typed text or names. */
  answers: readonly { question: QuestionId; answer: string }[];
  /** What is still unknown, who finds it out and how. */
  unknowns: readonly { text: string; action: string; who: string }[];
  /** While the consult goes on: the next question. */
  next?: string;
  version: string;
  /** The day the note was written (YYYY-MM-DD). */
  date: string;
  handover: Handover;
}

/** The Breast GPA in a few words: its score and band median (the bottom line's line, shortened). */
function gpaPhrase(g: GpaResult): string {
  return gpaLine(g)
    .replace(/ \(band [^)]*\)/, '')
    .replace(/^Updated Breast GPA \(2020\): score /, 'Breast GPA ');
}

const sentence = (s: string) => (s ? `${s[0]!.toUpperCase()}${s.slice(1)}.` : '');
const firstSentence = (s: string) => s.split(/(?<=\.)\s/)[0] ?? s;

/**
 * The handover note (SBAR in sentences): the situation in one line about the patient's problem, the
 * background in prose, the assessment as the plan's key decisions and the Breast GPA, the recommendation
 * (the bottom line), what is still unknown and who finds it out, a safety net, the date and the content
 * version; plain text to copy into a record. Built only from the content's wording and the enumerated
 * answers, so it carries no identifiers and nothing anyone typed; who answered is left out too. Unknowns
 * that do not fit the 1,500 characters are counted instead of cut.
 */
export function handoverNote(n: NoteInput): string {
  const r = n.recommendation;
  const given = new Map(n.answers.map((a) => [a.question, a.answer]));
  const say = (q: QuestionId) => {
    const v = given.get(q);
    return v === undefined ? '' : (n.handover.phrases[q]?.[v] ?? '');
  };
  const some = (qs: QuestionId[]) => qs.map(say).filter(Boolean);

  const progression = given.get('scenario') === 'knownProgression';
  const findings = progression
    ? some(['priorBrainTreatment', 'progressionPattern', 'progressionSite', 'necrosisWorkup', 'massEffect'])
    : some(['mriAccess', 'imagingResult', 'lesionCount', 'largestLesion', 'massEffect', 'resectable']);
  const situation = `${say('scenario') || headings.noteInProgress}${
    some(['redFlags', 'seizure']).length || findings.length
      ? `: ${[...some(['redFlags', 'seizure']), ...findings].join(', ')}`
      : ''
  }.`;

  const subtype = some(['hormoneReceptor', 'her2']).join(', ');
  const who = `${say('age') || 'Woman'} with ${subtype ? `${subtype} ` : ''}breast cancer`;
  const kps = say('kps') && `${say('kps')}${say('kpsCause') ? ` (${say('kpsCause')})` : ''}`;
  const therapy =
    say('systemicTherapy') &&
    `${say('systemicTherapy')}${say('her2Regimen') ? ` (${say('her2Regimen')})` : ''}`;
  const background = [sentence(who), sentence([kps, therapy, say('extracranial')].filter(Boolean).join('; '))]
    .filter(Boolean)
    .join(' ');

  // The key decisions that set the plan, in the bottom line's words (the note is short).
  const decided = (r?.decisions ?? []).flatMap((d) => (d.short ? [d.short] : []));
  const assessment = r
    ? [
        ...(decided.length ? [`${headings.plan}: ${decided.join('; ')}.`] : [r.outcome.summary]),
        ...(r.prognosis ? [`${gpaPhrase(r.prognosis)}.`] : []),
      ].join(' ')
    : '-';

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

  const withSources = (numbered: boolean) => ({
    head: [
      `${headings.noteTitle} (${headings.version.toLowerCase()} ${n.version}, ${n.date})`,
      `${headings.situation}: ${situation}`,
      `${headings.background}: ${background}`,
      `${headings.assessment}: ${assessment}`,
      `${headings.recommendation}:`,
      ...(r
        ? actions.map((a, i) => `${i + 1}. ${a.short}${numbered ? sourceOf(a) : ''}`)
        : [`${headings.notePending} ${n.next ?? '-'}`]),
    ],
    tail: [
      `${headings.safetyNet}: ${n.handover.safetyNet.text}`,
      `${headings.noteDecisionSupport}${
        numbered && sources.length
          ? ` ${headings.references}: ${sources.map((c, i) => `[${i + 1}] ${shortCite(c)}`).join('; ')}.`
          : ''
      }`,
    ],
  });
  const items = (r?.unknowns ?? n.unknowns).map(
    (u) => `${u.text} ${firstSentence(u.action).replace(/\.$/, '')} (${u.who}).`,
  );
  const length = (lines: string[]) => lines.join('\n').length;
  // What is still unknown matters more to the next doctor than the note's source list: the sources go first.
  const first = items[0] ? [`${headings.openItems}:`, `- ${items[0]}`] : [];
  const full = withSources(true);
  const { head, tail } =
    length([...full.head, ...first, ...full.tail]) <= noteMaxChars ? full : withSources(false);
  const open: string[] = [];
  const fits = (lines: string[]) => length([...head, ...lines, ...tail]) <= noteMaxChars;
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
