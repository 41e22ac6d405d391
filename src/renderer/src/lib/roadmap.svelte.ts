/**
 * The roadmap — goals, initiatives, milestones and blocked work — from one `roadmap.view` call,
 * replaced whole after each change. The milestones of done initiatives (years of history) come
 * once asked for — the initiative opened, its page shown — and then with every reload; an owner
 * filter brings that owner's too. Writes go out one at a time, in order; a reorder shows at
 * once (optimistically) and a reload that started before a newer write is dropped, so quick
 * Alt+↓ presses never flicker back.
 */
import type { Input } from '../../../shared/contract.ts';
import type {
  BlockedItem,
  Goal,
  Milestone,
  MilestoneCounts,
  Roadmap as View,
  RoadmapInitiative,
  Sprint,
} from '../../../shared/domain.ts';
import type { ApiError, Result } from '../../../shared/result.ts';
import { call } from './api.ts';
import { LatestLoad, WriteQueue } from './in-order.ts';
import {
  NOBODY,
  NO_FILTER,
  groupBy,
  isFiltering,
  milestoneTally,
  roadmapTree,
  type GoalNode,
  type RoadmapFilter,
} from './roadmap-tree.ts';
import { workspace } from './workspace.svelte.ts';

class Roadmap {
  goals = $state.raw<Goal[]>([]);
  initiatives = $state.raw<RoadmapInitiative[]>([]);
  milestones = $state.raw<Milestone[]>([]);
  milestoneCounts = $state.raw<Record<string, MilestoneCounts>>({});
  blocked = $state.raw<BlockedItem[]>([]);
  /** Dependencies going round in a circle (merging two replicas' edits can make one). */
  cycles = $state.raw<string[][]>([]);
  sprints = $state.raw<Sprint[]>([]);
  loaded = $state(false);
  error = $state.raw<ApiError | null>(null);

  /**
   * The overview's filter, which initiatives show their milestones and which goals show their
   * done initiatives: kept while navigating.
   */
  filter = $state.raw<RoadmapFilter>(NO_FILTER);
  expanded = $state.raw<ReadonlySet<string>>(new Set());
  doneShown = $state.raw<ReadonlySet<string>>(new Set());

  readonly #writes = new WriteQueue();
  readonly #loads = new LatestLoad();
  /** Initiatives whose milestones were asked for (shown open): loaded with every reload. */
  #asked: ReadonlySet<string> = new Set();
  /** Those the latest `roadmap.view` call asked for. */
  #requested: ReadonlySet<string> = new Set();
  #asking: Promise<void> | null = null;

  readonly view: View = $derived({
    goals: this.goals,
    initiatives: this.initiatives,
    milestones: this.milestones,
    milestoneCounts: this.milestoneCounts,
    blocked: this.blocked,
    cycles: this.cycles,
  });
  /** The overview's tree under the current filter. */
  readonly tree: GoalNode[] = $derived(roadmapTree(this.view, this.filter));
  readonly filtering: boolean = $derived(isFiltering(this.filter));

  readonly initiativesByGoal: ReadonlyMap<string, RoadmapInitiative[]> = $derived(
    groupBy(this.initiatives, (i) => i.goalId),
  );
  readonly milestonesByInitiative: ReadonlyMap<string, Milestone[]> = $derived(
    groupBy(this.milestones, (m) => m.initiativeId),
  );
  readonly goalById: ReadonlyMap<string, Goal> = $derived(new Map(this.goals.map((g) => [g.id, g])));
  readonly initiativeById: ReadonlyMap<string, RoadmapInitiative> = $derived(
    new Map(this.initiatives.map((i) => [i.id, i])),
  );
  readonly milestoneById: ReadonlyMap<string, Milestone> = $derived(
    new Map(this.milestones.map((m) => [m.id, m])),
  );
  readonly blockedById: ReadonlyMap<string, BlockedItem> = $derived(
    new Map(this.blocked.map((b) => [b.id, b])),
  );
  readonly goalTitles: ReadonlyMap<string, string> = $derived(
    new Map(this.goals.map((g) => [g.id, g.title])),
  );
  readonly sprintById: ReadonlyMap<string, Sprint> = $derived(new Map(this.sprints.map((s) => [s.id, s])));

  /** The title of any goal, initiative or milestone, by id. */
  titleOf(id: string): string | undefined {
    return (
      this.goalById.get(id)?.title ?? this.initiativeById.get(id)?.title ?? this.milestoneById.get(id)?.title
    );
  }

  /** How many milestones an initiative has, and how many are done: all of them, loaded or not. */
  tally(initiativeId: string): { total: number; done: number } {
    return milestoneTally(this.milestoneCounts[initiativeId]);
  }

  /** Whether all an initiative's milestones are here (a done one's come once asked for). */
  hasMilestones(initiativeId: string): boolean {
    return (this.milestonesByInitiative.get(initiativeId)?.length ?? 0) >= this.tally(initiativeId).total;
  }

  /**
   * Keeps the milestones of these initiatives loaded (also once they are done), and brings those
   * not here yet: one reload for a batch.
   */
  askMilestones(initiativeIds: readonly string[]): Promise<void> {
    const fresh = initiativeIds.filter((id) => !this.#asked.has(id));
    if (fresh.length) this.#asked = new Set([...this.#asked, ...fresh]);
    if (initiativeIds.some((id) => !this.#requested.has(id) && !this.hasMilestones(id))) {
      this.#asking ??= Promise.resolve().then(() => {
        this.#asking = null;
        return this.load();
      });
    }
    return this.#asking ?? Promise.resolve();
  }

  async load(): Promise<void> {
    const latest = this.#loads.begin();
    const owner = this.filter.owner;
    this.#requested = this.#asked;
    const result = await call('roadmap.view', {
      ...(this.#asked.size ? { initiativeIds: [...this.#asked] } : {}),
      ...(owner === null ? {} : { participantId: owner === NOBODY ? null : owner }),
    });
    if (!latest()) return;
    if (result.ok) {
      this.goals = result.value.goals;
      this.initiatives = result.value.initiatives;
      this.milestones = result.value.milestones;
      this.milestoneCounts = result.value.milestoneCounts;
      this.blocked = result.value.blocked;
      this.cycles = result.value.cycles;
      this.error = null;
    } else {
      this.error = result.error;
    }
    this.loaded = true;
  }

  /** Reads the roadmap and the sprints again after changes arrived from elsewhere, after its own writes. */
  refresh(): Promise<void> {
    return this.#writes.run(async () => {
      await Promise.all([this.load(), this.loadSprints()]);
    });
  }

  async loadSprints(): Promise<void> {
    const result = await call('sprints.list', {});
    if (result.ok) this.sprints = [...result.value].sort((a, b) => a.number - b.number);
  }

  /**
   * Sets the filter and opens the initiatives whose milestones match it; an owner's milestones
   * in done initiatives are loaded first.
   */
  async setFilter(filter: RoadmapFilter): Promise<void> {
    const ownerChanged = filter.owner !== this.filter.owner;
    this.filter = filter;
    if (!isFiltering(filter)) return;
    if (ownerChanged && filter.owner !== null) await this.load();
    if (filter !== this.filter) return;
    const matching = roadmapTree(this.view, filter).flatMap((goal) =>
      goal.initiatives
        .filter((node) => node.milestones.some((m) => m.match))
        .map((node) => node.initiative.id),
    );
    this.expanded = new Set([...this.expanded, ...matching]);
  }

  toggle(initiativeId: string, open = !this.expanded.has(initiativeId)): void {
    const others = [...this.expanded].filter((id) => id !== initiativeId);
    this.expanded = new Set(open ? [...others, initiativeId] : others);
  }

  showDone(goalId: string, open = !this.doneShown.has(goalId)): void {
    const others = [...this.doneShown].filter((id) => id !== goalId);
    this.doneShown = new Set(open ? [...others, goalId] : others);
  }

  /** Runs a write after the ones before it; on success reloads the roadmap. */
  #write<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
    return this.#writes.run(async () => {
      const result = await send();
      if (result.ok) await Promise.all([this.load(), workspace.refresh()]);
      return result;
    });
  }

  createGoal = (input: Input<'goals.create'>) => this.#write(() => call('goals.create', input));
  updateGoal = (input: Input<'goals.update'>) => this.#write(() => call('goals.update', input));
  deleteGoal = (id: string, cascade = false) =>
    this.#write(() => call('goals.delete', cascade ? { id, cascade } : { id }));

  createInitiative = (input: Input<'initiatives.create'>) =>
    this.#write(() => call('initiatives.create', input));
  updateInitiative = (input: Input<'initiatives.update'>) =>
    this.#write(() => call('initiatives.update', input));
  deleteInitiative = (id: string, cascade = false) =>
    this.#write(() => call('initiatives.delete', cascade ? { id, cascade } : { id }));

  createMilestone = (input: Input<'milestones.create'>) =>
    this.#write(() => call('milestones.create', input));
  /** Refused with `needs_confirmation` when marked done before its dependencies, unless `confirm`. */
  updateMilestone = (input: Input<'milestones.update'>) =>
    this.#write(() => call('milestones.update', input));
  deleteMilestone = (id: string) => this.#write(() => call('milestones.delete', { id }));

  /** Puts items in the given order at once, then saves it. */
  #reorder<T extends { id: string; position: number }>(
    list: T[],
    ids: string[],
    apply: (next: T[]) => void,
    send: () => Promise<Result<unknown>>,
  ): Promise<Result<unknown>> {
    const rank = new Map(ids.map((id, i) => [id, i + 1]));
    this.#loads.invalidate();
    apply(list.map((item) => (rank.has(item.id) ? { ...item, position: rank.get(item.id)! } : item)));
    return this.#write(async () => {
      const result = await send();
      if (!result.ok) await this.load();
      return result;
    });
  }

  reorderGoals = (ids: string[]) =>
    this.#reorder(
      this.goals,
      ids,
      (next) => (this.goals = [...next].sort((a, b) => a.position - b.position)),
      () => call('goals.reorder', { ids }),
    );
  reorderInitiatives = (ids: string[]) =>
    this.#reorder(
      this.initiatives,
      ids,
      (next) => (this.initiatives = next),
      () => call('initiatives.reorder', { ids }),
    );
  reorderMilestones = (ids: string[]) =>
    this.#reorder(
      this.milestones,
      ids,
      (next) => (this.milestones = next),
      () => call('milestones.reorder', { ids }),
    );
}

export const roadmap = new Roadmap();
