/**
 * The goals alone (`goals.list`), for screens that only name goals — the Polish screen and the
 * meeting's polish step — without loading the whole roadmap.
 */
import type { Goal } from '../../../shared/domain.ts';
import { call } from './api.ts';

class Goals {
  list = $state.raw<Goal[]>([]);

  readonly titles: ReadonlyMap<string, string> = $derived(new Map(this.list.map((g) => [g.id, g.title])));

  #loading: Promise<void> | null = null;

  /** Reads the goals; asked again while a read is on its way, joins it. */
  load(): Promise<void> {
    return (this.#loading ??= this.#read().finally(() => (this.#loading = null)));
  }

  async #read(): Promise<void> {
    const result = await call('goals.list', {});
    if (result.ok) this.list = result.value;
  }
}

export const goals = new Goals();
