import type { Recommendation, RecommendationItem } from './recommend';

/** At most this many numbered actions open a recommendation (case-model section 6), or an "Act now". */
export const maxActions = 5;

export interface BottomLine {
  /** The items whose short forms are shown, most urgent first. */
  actions: RecommendationItem[];
}

/**
 * The numbered actions of a list of items: those that carry a short form, emergencies first, then by
 * rank, then in content order; at most five. Built only from what the content author wrote as `short`,
 * never cut from the long text, so an item without one stays in the details.
 */
export function actionsOf(items: readonly RecommendationItem[]): RecommendationItem[] {
  const order = new Map(items.map((item, i) => [item.id, i]));
  return (
    items
      // An item whose point another item of the list already makes stays in the details.
      .filter((i) => i.short && !i.shortUnless.some((id) => order.has(id)))
      .sort(
        (a, b) =>
          Number(b.urgent) - Number(a.urgent) ||
          (a.rank ?? 99) - (b.rank ?? 99) ||
          order.get(a.id)! - order.get(b.id)!,
      )
      .slice(0, maxActions)
  );
}

/** The bottom line: the numbered actions of the whole recommendation. */
export function bottomLineOf(r: Recommendation): BottomLine {
  return { actions: actionsOf(r.sections.flatMap((s) => s.items)) };
}
