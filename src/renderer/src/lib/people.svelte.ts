/**
 * The people of the workspace, loaded through the API and replaced whole after each change; and,
 * for the People screen, what each of them owns.
 */
import type { Input } from '../../../shared/contract.ts';
import type { Ownership, Person } from '../../../shared/domain.ts';
import type { ApiError, Result } from '../../../shared/result.ts';
import { call } from './api.ts';
import { workspace } from './workspace.svelte.ts';

class People {
  list = $state.raw<Person[]>([]);
  loaded = $state(false);
  error = $state.raw<ApiError | null>(null);
  /** How many goals and initiatives each person owns, once asked for (`loadOwnership`). */
  ownership = $state.raw<ReadonlyMap<string, Ownership>>(new Map());
  #ownershipAsked = false;

  readonly names: ReadonlyMap<string, string> = $derived(new Map(this.list.map((p) => [p.id, p.name])));

  async load(): Promise<void> {
    const result = await call('people.list', {});
    if (result.ok) {
      this.list = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
    this.loaded = true;
  }

  async loadOwnership(): Promise<void> {
    this.#ownershipAsked = true;
    const result = await call('people.ownership', {});
    if (result.ok) this.ownership = new Map(result.value.map((o) => [o.personId, o]));
  }

  /** Reloads after a successful change so every screen sees it. */
  async #after<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) {
      await Promise.all([
        this.load(),
        workspace.refresh(),
        this.#ownershipAsked ? this.loadOwnership() : null,
      ]);
    }
    return result;
  }

  async create(input: Input<'people.create'>): Promise<Result<Person>> {
    return this.#after(await call('people.create', input));
  }

  async update(input: Input<'people.update'>): Promise<Result<Person>> {
    return this.#after(await call('people.update', input));
  }

  async remove(id: string): Promise<Result<null>> {
    return this.#after(await call('people.delete', { id }));
  }
}

export const people = new People();
