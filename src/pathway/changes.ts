import type { GpaResult } from './gpa';
import type { Recommendation, RecommendationItem } from './recommend';

export interface Changes {
  added: RecommendationItem[];
  removed: RecommendationItem[];
  /** Items in both whose triggering answers differ: the advice stands for a different reason. */
  changed: RecommendationItem[];
  /** The outcome itself is different (for example a treatment plan instead of an interim plan). */
  outcome?: { from: string; to: string };
  /** Answers given before and after with another value (the answer changed, in the content's words). */
  answers: { short: string; from: string; to: string }[];
  /** Answers no longer asked, and answers asked now that were not before. */
  dropped: { short: string; answer: string }[];
  asked: { short: string; answer: string }[];
  /** Key decisions that came out another way. */
  decisions: { title: string; from: string; to: string }[];
  /** The Breast GPA (score and band medians) before and after, when either moved. */
  prognosis?: { from: string; to: string };
}

const itemsOf = (r: Recommendation) => r.sections.flatMap((s) => s.items);
const becauseKey = (i: RecommendationItem) => i.because.map((b) => `${b.question}=${b.answer}`).join(',');

/** "3.5 (median 36.3 months)": a score or range and its band medians. */
function gpaWords(g: GpaResult | undefined): string {
  if (!g) return 'none';
  const score = g.exact ? `${g.min}` : `${g.min}–${g.max}`;
  const medians = [
    ...new Set(g.bands.flatMap((b) => (b.medianMonths === undefined ? [] : [b.medianMonths]))),
  ];
  return `${score}${medians.length ? ` (median ${medians.join('–')} months)` : ''}`;
}

/** What differs between the recommendation before an answer was changed and the one after: all of it. */
export function changesBetween(before: Recommendation, after: Recommendation): Changes {
  const old = new Map(itemsOf(before).map((i) => [i.id, i]));
  const now = new Map(itemsOf(after).map((i) => [i.id, i]));
  const was = new Map(before.inputs.map((i) => [i.question, i]));
  const is = new Map(after.inputs.map((i) => [i.question, i]));
  const gpaBefore = gpaWords(before.prognosis);
  const gpaAfter = gpaWords(after.prognosis);
  return {
    added: itemsOf(after).filter((i) => !old.has(i.id)),
    removed: itemsOf(before).filter((i) => !now.has(i.id)),
    changed: itemsOf(after).filter((i) => old.has(i.id) && becauseKey(old.get(i.id)!) !== becauseKey(i)),
    ...(before.outcome.id !== after.outcome.id
      ? { outcome: { from: before.outcome.title, to: after.outcome.title } }
      : {}),
    answers: after.inputs.flatMap((i) => {
      const b = was.get(i.question);
      return b && b.value !== i.value ? [{ short: i.short, from: b.answer, to: i.answer }] : [];
    }),
    dropped: before.inputs
      .filter((i) => !is.has(i.question))
      .map((i) => ({ short: i.short, answer: i.answer })),
    asked: after.inputs
      .filter((i) => !was.has(i.question))
      .map((i) => ({ short: i.short, answer: i.answer })),
    decisions: after.decisions.flatMap((d) => {
      const b = before.decisions.find((x) => x.id === d.id);
      return b && b.value !== d.value && !(b.hidden && d.hidden)
        ? [{ title: d.title, from: b.label, to: d.label }]
        : [];
    }),
    ...(gpaBefore !== gpaAfter ? { prognosis: { from: gpaBefore, to: gpaAfter } } : {}),
  };
}
