/**
 * A long list built a batch at a time: its first `size` items at once, then as many more after
 * each paint, so hundreds of rows don't hold back the first screenful (nor the keyboard: each
 * batch is a task of its own). Items come in order, so a shown item's index is its index in the
 * whole list. Call it while a component starts; it gives the items to show now.
 */
import { afterPaint } from './after-paint.ts';

export function inBatches<T>(items: () => readonly T[], size: () => number): () => readonly T[] {
  let built = $state(0);
  const shown = $derived.by(() => {
    const all = items();
    const count = built + size();
    return all.length > count ? all.slice(0, count) : all;
  });
  $effect(() => {
    if (shown.length < items().length) return afterPaint(() => (built = shown.length));
  });
  return () => shown;
}
