/** Moving an item within an ordered list: the new order a reorder call sends in full. */

/** The list with the item at `from` moved to index `to` (clamped), or null when nothing moves. */
export function moveTo<T>(list: readonly T[], from: number, to: number): T[] | null {
  const target = Math.min(list.length - 1, Math.max(0, to));
  if (from < 0 || from >= list.length || target === from) return null;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/**
 * Where a dragged item lands when dropped before or after the item at `over`: the index it takes
 * once removed from `from`.
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const slot = after ? over + 1 : over;
  return slot > from ? slot - 1 : slot;
}
