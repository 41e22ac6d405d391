/**
 * A long list built a batch at a time (`inBatches`): its first batch at once, one more after
 * each paint, in order, until the whole list shows; a shorter list shows whole at once.
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batched } from './batched.svelte.ts';

afterEach(() => vi.useRealTimers());

/** Lets the next frame come, and the task after it (where `afterPaint` calls back). */
async function paint(): Promise<void> {
  flushSync();
  vi.advanceTimersToNextFrame();
  await vi.advanceTimersByTimeAsync(1);
  flushSync();
}

describe('a list built in batches', () => {
  it('shows its first batch at once, then one more after each paint, in order', async () => {
    vi.useFakeTimers();
    const items = Array.from({ length: 25 }, (_, i) => i);
    const list = batched(items, 10);
    flushSync();
    expect(list.shown()).toEqual(items.slice(0, 10));
    await paint();
    expect(list.shown()).toEqual(items.slice(0, 20));
    await paint();
    expect(list.shown()).toEqual(items);
    await paint();
    expect(list.shown()).toEqual(items);
    list.stop();
  });

  it('shows a list no longer than a batch whole at once, and follows the list as it changes', async () => {
    vi.useFakeTimers();
    const list = batched(['a', 'b'], 10);
    flushSync();
    expect(list.shown()).toEqual(['a', 'b']);
    list.set(['a', 'c', 'b']);
    flushSync();
    expect(list.shown()).toEqual(['a', 'c', 'b']);
    // Grown past what is built: the new items come with the next batches.
    const long = Array.from({ length: 30 }, (_, i) => `n${i}`);
    list.set(long);
    flushSync();
    expect(list.shown().length).toBeLessThan(30);
    await paint();
    await paint();
    await paint();
    expect(list.shown()).toEqual(long);
    list.stop();
  });
});
