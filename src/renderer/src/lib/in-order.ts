/**
 * The two orderings the stores rely on: writes go out one at a time in the order they were asked
 * for, and of several loads of the same view only the latest one's answer is shown.
 */

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

  /** Makes every load on its way stale (what it would show is already out of date). */
  invalidate(): void {
    this.#generation += 1;
  }
}
