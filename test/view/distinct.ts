import { pathway } from '../../src/content';
import { buildRecommendation, itemsFor, type Recommendation } from '../../src/pathway/recommend';
import { answersOf, forEachConsult } from '../support/paths';

/**
 * Every distinct recommendation the statechart can produce: each outcome with each distinct set of
 * items once (enumerated over every complete consult, not sampled), built from the first consult that
 * gives it.
 */
export function distinctRecommendations(): Recommendation[] {
  const seen = new Map<string, Recommendation>();
  forEachConsult((entries, step) => {
    if (step.kind !== 'outcome') return;
    const key = `${step.outcomeId}:${itemsFor(pathway, answersOf(entries))
      .map((i) => i.id)
      .join(',')}`;
    if (!seen.has(key)) seen.set(key, buildRecommendation(pathway, step.outcomeId, entries));
  });
  return [...seen.values()];
}
