/**
 * The texts a card or a Slack message shows or can open (hidden ones included), in order: every string
 * `text` of its JSON (Adaptive Card TextBlocks, Block Kit text objects), not the fallback.
 */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = typeof o.text === 'string' ? [o.text] : [];
  return [
    ...own,
    ...Object.entries(o)
      .filter(([k, v]) => k !== 'fallbackText' && typeof v === 'object')
      .flatMap(([, v]) => cardTexts(v)),
  ];
}

/** Whether a statement is shown whole in one text of the list (a bullet or a number may lead it). */
export const showsWhole = (texts: string[], statement: string) => texts.some((t) => t.includes(statement));
