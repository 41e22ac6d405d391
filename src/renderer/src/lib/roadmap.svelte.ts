/** Goals and their initiatives, loaded through the API and replaced whole after each change. */
import type { Input } from '../../../shared/contract.ts';
import type { Goal, Initiative } from '../../../shared/domain.ts';
import type { ApiError, Result } from '../../../shared/result.ts';
import { call } from './api.ts';
import { workspace } from './workspace.svelte.ts';

class Roadmap {
  goals = $state.raw<Goal[]>([]);
  initiatives = $state.raw<Initiative[]>([]);
  loaded = $state(false);
  error = $state.raw<ApiError | null>(null);

  /** Each goal's initiatives, in order. */
  readonly initiativesByGoal: ReadonlyMap<string, Initiative[]> = $derived.by(() => {
    const byGoal: Record<string, Initiative[]> = {};
    for (const initiative of [...this.initiatives].sort((a, b) => a.position - b.position)) {
      (byGoal[initiative.goalId] ??= []).push(initiative);
    }
    return new Map(Object.entries(byGoal));
  });

  readonly goalTitles: ReadonlyMap<string, string> = $derived(
    new Map(this.goals.map((g) => [g.id, g.title])),
  );

  async load(): Promise<void> {
    const [goals, initiatives] = await Promise.all([call('goals.list', {}), call('initiatives.list', {})]);
    if (goals.ok && initiatives.ok) {
      this.goals = [...goals.value].sort((a, b) => a.position - b.position);
      this.initiatives = initiatives.value;
      this.error = null;
    } else {
      this.error = !goals.ok ? goals.error : !initiatives.ok ? initiatives.error : null;
    }
    this.loaded = true;
  }

  async #after<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await Promise.all([this.load(), workspace.refresh()]);
    return result;
  }

  async createGoal(input: Input<'goals.create'>): Promise<Result<Goal>> {
    return this.#after(await call('goals.create', input));
  }

  async updateGoal(input: Input<'goals.update'>): Promise<Result<Goal>> {
    return this.#after(await call('goals.update', input));
  }

  async deleteGoal(id: string, cascade = false): Promise<Result<null>> {
    return this.#after(await call('goals.delete', cascade ? { id, cascade } : { id }));
  }
}

export const roadmap = new Roadmap();
