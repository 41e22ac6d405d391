/**
 * The roadmap as a tree (goals → initiatives → milestones, each level in order), filtered by
 * state, by blocked work and by owner; and the counts the filter buttons show. Pure functions
 * over one `roadmap.view` answer, so the screen and the unit tests share them. That answer holds
 * the milestones of done initiatives only where asked for: the tree shows those it has.
 */
import type {
  Goal,
  Milestone,
  MilestoneCounts,
  Roadmap,
  RoadmapInitiative,
  State,
} from '../../../shared/domain.ts';
import { STATES } from '../../../shared/domain.ts';
import { seeksOwner } from '../../../shared/unowned.ts';

/** The owner filter's value for "items nobody owns". */
export const NOBODY = 'nobody';

export interface RoadmapFilter {
  /** Items in any of these states (none: any state). */
  states: readonly State[];
  /** Blocked items too (with `states`: either); alone, only blocked items. */
  blocked: boolean;
  /** A person's id, NOBODY, or null for anyone. */
  owner: string | null;
}

export const NO_FILTER: RoadmapFilter = { states: [], blocked: false, owner: null };

export const isFiltering = (filter: RoadmapFilter): boolean =>
  filter.states.length > 0 || filter.blocked || filter.owner !== null;

export interface MilestoneNode {
  milestone: Milestone;
  match: boolean;
}

export interface InitiativeNode {
  initiative: RoadmapInitiative;
  match: boolean;
  milestones: MilestoneNode[];
}

export interface GoalNode {
  goal: Goal;
  match: boolean;
  initiatives: InitiativeNode[];
}

const byPosition = <T extends { position: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.position - b.position);

/** Items grouped by a parent id, each group in order. */
export function groupBy<T extends { position: number }>(
  items: readonly T[],
  parent: (item: T) => string,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of byPosition(items)) {
    const key = parent(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function blockedIds(view: Pick<Roadmap, 'blocked'>): Set<string> {
  return new Set(view.blocked.map((b) => b.id));
}

function matcher(filter: RoadmapFilter, blocked: ReadonlySet<string>) {
  return (id: string, state: State, people: readonly string[]): boolean => {
    const anyState = filter.states.length === 0 && !filter.blocked;
    const stateOk = anyState || filter.states.includes(state) || (filter.blocked && blocked.has(id));
    const ownerOk =
      filter.owner === null ||
      (filter.owner === NOBODY ? people.length === 0 : people.includes(filter.owner));
    return stateOk && ownerOk;
  };
}

/**
 * The tree the filter lets through: matching items, with the goals and initiatives above them
 * as context (`match: false`). Without a filter, everything matches.
 */
export function roadmapTree(view: Roadmap, filter: RoadmapFilter = NO_FILTER): GoalNode[] {
  const matches = matcher(filter, blockedIds(view));
  const initiativesOf = groupBy(view.initiatives, (i) => i.goalId);
  const milestonesOf = groupBy(view.milestones, (m) => m.initiativeId);
  const filtering = isFiltering(filter);
  const goals: GoalNode[] = [];
  for (const goal of byPosition(view.goals)) {
    const initiatives: InitiativeNode[] = [];
    for (const initiative of initiativesOf.get(goal.id) ?? []) {
      const milestones = (milestonesOf.get(initiative.id) ?? [])
        .map((milestone) => ({
          milestone,
          match: matches(milestone.id, milestone.state, milestone.participantIds),
        }))
        .filter((node) => node.match || !filtering);
      const match = matches(initiative.id, initiative.state, initiative.ownerIds);
      if (match || milestones.length > 0) initiatives.push({ initiative, match, milestones });
    }
    const match = matches(goal.id, goal.state, goal.ownerIds);
    if (match || initiatives.length > 0) goals.push({ goal, match, initiatives });
  }
  return goals;
}

/**
 * Whether an initiative is history, shown on the overview only once its goal's "done" disclosure
 * is opened: it is done, or its goal is.
 */
export const isHistory = (goal: Pick<Goal, 'state'>, initiative: Pick<RoadmapInitiative, 'state'>): boolean =>
  goal.state === 'done' || initiative.state === 'done';

/**
 * The whole sibling order after the `visible` ones (some of `all`, in their new order) were
 * reordered: the hidden ones keep their places, the visible ones fill theirs in the new order.
 */
export function withHiddenInPlace(all: readonly string[], visible: readonly string[]): string[] {
  const shown = new Set(visible);
  let next = 0;
  return all.map((id) => (shown.has(id) ? visible[next++]! : id));
}

export interface Counts {
  states: Record<State, number>;
  blocked: number;
  total: number;
}

/** How many goals, initiatives and milestones (loaded or not) are in each state, and how many are blocked. */
export function countItems(view: Roadmap): Counts {
  const states = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  for (const item of [...view.goals, ...view.initiatives]) states[item.state] += 1;
  for (const counts of Object.values(view.milestoneCounts)) {
    for (const state of STATES) states[state] += counts[state];
  }
  const total = STATES.reduce((sum, state) => sum + states[state], 0);
  return { states, blocked: view.blocked.length, total };
}

/** An initiative's milestones: how many, and how many done. */
export function milestoneTally(counts: MilestoneCounts | undefined): { total: number; done: number } {
  if (!counts) return { total: 0, done: 0 };
  return { total: STATES.reduce((sum, state) => sum + counts[state], 0), done: counts.done };
}

/** Everything seeking an owner — help wanted, or in progress while nobody owns it — in roadmap order. */
export function helpWanted(view: Roadmap): {
  goals: Goal[];
  initiatives: RoadmapInitiative[];
  milestones: Milestone[];
} {
  const tree = roadmapTree(view);
  const initiatives = tree.flatMap((g) => g.initiatives);
  return {
    goals: tree.map((g) => g.goal).filter((g) => seeksOwner(g.state, g.ownerIds)),
    initiatives: initiatives.map((i) => i.initiative).filter((i) => seeksOwner(i.state, i.ownerIds)),
    milestones: initiatives
      .flatMap((i) => i.milestones.map((m) => m.milestone))
      .filter((m) => seeksOwner(m.state, m.participantIds)),
  };
}
