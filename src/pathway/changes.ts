import type { Recommendation, RecommendationItem } from './recommend';

export interface Changes {
  added: RecommendationItem[];
  removed: RecommendationItem[];
  /** Items in both whose triggering answers differ: the advice stands for a different reason. */
  changed: RecommendationItem[];
  /** The outcome itself is different (for example a treatment plan instead of an interim plan). */
  outcome?: { from: string; to: string };
}

const itemsOf = (r: Recommendation) => r.sections.flatMap((s) => s.items);
const becauseKey = (i: RecommendationItem) => i.because.map((b) => `${b.question}=${b.answer}`).join(',');

/** What differs between the recommendation before an answer was changed and the one after. */
export function changesBetween(before: Recommendation, after: Recommendation): Changes {
  const old = new Map(itemsOf(before).map((i) => [i.id, i]));
  const now = new Map(itemsOf(after).map((i) => [i.id, i]));
  return {
    added: itemsOf(after).filter((i) => !old.has(i.id)),
    removed: itemsOf(before).filter((i) => !now.has(i.id)),
    changed: itemsOf(after).filter((i) => old.has(i.id) && becauseKey(old.get(i.id)!) !== becauseKey(i)),
    ...(before.outcome.id !== after.outcome.id
      ? { outcome: { from: before.outcome.title, to: after.outcome.title } }
      : {}),
  };
}
