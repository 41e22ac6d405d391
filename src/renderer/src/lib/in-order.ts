/**
 * The two orderings the stores rely on: writes go out one at a time in the order they were asked
 * for, and of several loads of the same view only the latest one's answer is shown.
 */
import type { ApiError, Result } from '../../../shared/result.ts';

/** Runs tasks one after the other, in the order given; a failed one doesn't stop the next. */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(task, task);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}

/** Loads of one view where the latest wins: an answer that arrives after a newer load began is dropped. */
export class LatestLoad {
  #generation = 0;

  /** Starts a load; the function it returns says whether that load is still the latest. */
  begin(): () => boolean {
    const generation = ++this.#generation;
    return () => generation === this.#generation;
  }

  /** For work that builds on the latest load (its next page): stale, like it, once a newer load begins. */
  follow(): () => boolean {
    const generation = this.#generation;
    return () => generation === this.#generation;
  }

  /**
   * Loads a store's one view: the answer shows unless a newer load began — its value, clearing
   * the error, or its error, the view shown staying.
   */
  async show<T>(
    store: { view: T | null; error: ApiError | null },
    read: () => Promise<Result<T>>,
  ): Promise<void> {
    const latest = this.begin();
    const result = await read();
    if (!latest()) return;
    if (result.ok) {
      store.view = result.value;
      store.error = null;
    } else {
      store.error = result.error;
    }
  }

  /** Makes every load on its way stale (what it would show is already out of date). */
  invalidate(): void {
    this.#generation += 1;
  }
}
