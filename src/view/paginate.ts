/**
 * The one size-bounded splitter of the view layer: items, in order, into the fewest pages that `fits`
 * allows, greedily. An item that does not fit a page of its own is handed to `cut`, which gives it back in
 * pieces (the first fitting a page of its own where it can), nothing dropped; the pieces go on as items.
 * `breakAfter` ends a page after an item whatever comes next; `keepWithNext` items never end a page.
 * Every renderer that splits (Adaptive Cards, Block Kit) goes through here with its own measure.
 */
export function paginate<T>(
  items: readonly T[],
  fits: (page: readonly T[]) => boolean,
  options: {
    cut?: (item: T, fitsAlone: (piece: T) => boolean) => T[];
    breakAfter?: (item: T) => boolean;
    keepWithNext?: (item: T) => boolean;
  } = {},
): T[][] {
  const { cut, breakAfter, keepWithNext } = options;
  const pages: T[][] = [[]];
  const queue = [...items];
  let page = pages[0]!;
  const next = () => pages.push((page = []));
  while (queue.length) {
    // An item that must not end a page goes with the ones after it, as one run.
    let end = 0;
    while (keepWithNext?.(queue[end]!) && end + 1 < queue.length) end++;
    const run = queue.splice(0, end + 1);
    let fitting = fits([...page, ...run]);
    if (!fitting && page.length) {
      next();
      fitting = fits(run);
    }
    if (fitting || !cut || run.length > 1) {
      page.push(...run);
    } else {
      const pieces = cut(run[0]!, (piece) => fits([piece]));
      if (pieces.length === 1 && pieces[0] === run[0]) page.push(run[0]!);
      else queue.unshift(...pieces);
      continue;
    }
    if (breakAfter?.(run[run.length - 1]!) && queue.length) next();
  }
  return pages.filter((p) => p.length);
}
