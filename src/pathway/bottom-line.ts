import type { Recommendation, RecommendationItem } from './recommend';

/** At most this many numbered actions open a recommendation (case-model section 6). */
export const maxActions = 5;

export interface BottomLine {
  /** The items whose short forms are shown, most urgent first. */
  actions: RecommendationItem[];
}

/**
 * The bottom line: the items that carry a short form, emergencies first, then by rank, then in content
 * order; at most five. Built only from what the content author wrote as `short`, never cut from the
 * long text, so an item without one stays in the details.
 */
export function bottomLineOf(r: Recommendation): BottomLine {
  const items = r.sections.flatMap((s) => s.items);
  const order = new Map(items.map((item, i) => [item.id, i]));
  const actions = items
    // An item whose point another bottom-line item already makes stays in the details.
    .filter((i) => i.short && !i.shortUnless.some((id) => order.has(id)))
    .sort(
      (a, b) =>
        Number(b.urgent) - Number(a.urgent) ||
        (a.rank ?? 99) - (b.rank ?? 99) ||
        order.get(a.id)! - order.get(b.id)!,
    )
    .slice(0, maxActions);
  return { actions };
}
