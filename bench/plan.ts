/** The size of a generated history and the roadmap's schedule, drawn up front from the seed. */
import type { Random } from './random.ts';

/** What ten years hold; other lengths scale linearly (with small floors). */
const PER_TEN_YEARS = {
  people: 40,
  goals: 60,
  initiatives: 400,
  milestones: 3_000,
  sprintGoals: 5_000,
  polish: 20_000,
  retroNotes: 50_000,
  actionItems: 5_000,
} as const;
const FLOORS = {
  people: 4,
  goals: 2,
  initiatives: 3,
  milestones: 6,
  sprintGoals: 6,
  polish: 10,
  retroNotes: 10,
  actionItems: 4,
} as const;

export type Plan = Record<keyof typeof PER_TEN_YEARS, number> & { sprints: number };

export function planFor(years: number): Plan {
  const scaled = Object.fromEntries(
    Object.entries(PER_TEN_YEARS).map(([key, n]) => [
      key,
      Math.max(FLOORS[key as keyof typeof FLOORS], Math.round((n * years) / 10)),
    ]),
  ) as Record<keyof typeof PER_TEN_YEARS, number>;
  return { ...scaled, sprints: Math.max(2, Math.round(years * 26)) };
}

/** `total` spread over `n` slots as evenly as integers allow (slot i: 0-based). */
export const share = (total: number, n: number, i: number) =>
  Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n);

export interface GoalPlan {
  index: number;
  createdIn: number;
  owners: number[];
  initiatives: InitiativePlan[];
  doneIn: number | null;
  id?: string;
}
export interface InitiativePlan {
  index: number;
  goal: GoalPlan;
  createdIn: number;
  owners: number[];
  dependsOn: InitiativePlan | null;
  pausedIn: number | null;
  doneIn: number | null;
  milestones: MilestonePlan[];
  id?: string;
}
export interface MilestonePlan {
  initiative: InitiativePlan;
  createdIn: number;
  /** When it gets key participants and is in progress (= createdIn when created with them). */
  startIn: number;
  doneIn: number | null;
  participants: number[];
  dependsOn: MilestonePlan | null;
  id?: string;
}

/** The roadmap's schedule, drawn up front: when each item appears, starts, is done or paused. */
export function planRoadmap(r: Random, plan: Plan, owners: number[], people: number): GoalPlan[] {
  const n = plan.sprints;
  const life = Math.max(2, Math.round(n * 0.3));
  const at = (sprint: number) => Math.min(n, Math.max(1, sprint));
  const goals: GoalPlan[] = Array.from({ length: plan.goals }, (_, index) => ({
    index,
    createdIn: at(1 + Math.floor((index * (n - 1) * 0.92) / plan.goals)),
    owners: r.sample(owners, r.int(1, 2)),
    initiatives: [],
    doneIn: null,
  }));
  const initiatives: InitiativePlan[] = [];
  for (let index = 0; index < plan.initiatives; index++) {
    const goal = goals[Math.floor((index * plan.goals) / plan.initiatives)]!;
    const k = goal.initiatives.length;
    const previous = goal.initiatives[k - 1];
    const initiative: InitiativePlan = {
      index,
      goal,
      createdIn: at(goal.createdIn + Math.floor(k * life * 0.08)),
      owners: r.sample(owners, r.int(1, 2)),
      dependsOn: previous && r.chance(0.2) ? previous : null,
      pausedIn: null,
      doneIn: null,
      milestones: [],
    };
    if (r.chance(0.06)) initiative.pausedIn = initiative.createdIn + r.int(3, 12);
    goal.initiatives.push(initiative);
    initiatives.push(initiative);
  }
  for (let index = 0; index < plan.milestones; index++) {
    const initiative = initiatives[Math.floor((index * plan.initiatives) / plan.milestones)]!;
    const k = initiative.milestones.length;
    const previous = initiative.milestones[k - 1];
    const createdIn = at(initiative.createdIn + Math.floor(k * 1.5));
    const startsLater = r.chance(0.25);
    const startIn = startsLater ? createdIn + r.int(1, 4) : createdIn;
    let doneIn: number | null = startIn + r.int(1, 6);
    if (previous) doneIn = previous.doneIn === null ? null : Math.max(doneIn, previous.doneIn + r.int(0, 1));
    if (doneIn !== null && initiative.pausedIn !== null && doneIn >= initiative.pausedIn) doneIn = null;
    if (doneIn !== null && doneIn > n) doneIn = null;
    initiative.milestones.push({
      initiative,
      createdIn,
      startIn,
      doneIn,
      participants: Array.from(new Set(Array.from({ length: r.int(1, 3) }, () => r.int(0, people - 1)))),
      dependsOn: previous && r.chance(0.3) ? previous : null,
    });
  }
  for (const initiative of initiatives) {
    if (initiative.pausedIn !== null && initiative.pausedIn > n) initiative.pausedIn = null;
    const done = initiative.milestones.map((m) => m.doneIn);
    if (initiative.pausedIn === null && done.length && done.every((d) => d !== null)) {
      const doneIn = Math.max(...(done as number[])) + 1;
      initiative.doneIn = doneIn <= n ? doneIn : null;
    }
  }
  for (const goal of goals) {
    const done = goal.initiatives.map((i) => i.doneIn);
    if (done.length && done.every((d) => d !== null)) {
      const doneIn = Math.max(...(done as number[])) + 1;
      goal.doneIn = doneIn <= n ? doneIn : null;
    }
  }
  return goals;
}
