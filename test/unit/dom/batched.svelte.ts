/**
 * A list shown through `inBatches`, held in an effect root of its own as a component would hold
 * it: what the test reads (`shown`), how it changes the list (`set`), and how it lets go (`stop`).
 */
import { inBatches } from '../../../src/renderer/src/lib/batches.svelte.ts';

export function batched<T>(items: readonly T[], size: number) {
  let list = $state.raw(items);
  let shown: () => readonly T[] = () => [];
  const stop = $effect.root(() => {
    shown = inBatches(
      () => list,
      () => size,
    );
  });
  return {
    shown: () => shown(),
    set: (next: readonly T[]) => (list = next),
    stop,
  };
}
