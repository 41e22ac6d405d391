/**
 * The simulated working group whose history `bench/generate.ts` writes: its people, sprints and
 * roadmap schedule, the clock of each sprint's days, and the events of a sprint, run in time
 * order. The steps (`bench/history-work.ts`, `bench/history-meeting.ts`) share it.
 */
import { format } from 'date-fns/format';
import { startOfWeek } from 'date-fns/startOfWeek';
import { subDays } from 'date-fns/subDays';
import type { Workspace } from '../src/main/db/open.ts';
import { SPRINT_DAYS, addCalendarDays } from '../src/shared/sprint-dates.ts';
import { contract, type Input, type MethodName, type ParsedInput } from '../src/shared/contract.ts';
import type { Outcome } from '../src/shared/domain.ts';
import { planRoadmap, type Plan } from './plan.ts';
import type { Random } from './random.ts';

export const MEETING_ZONE = 'America/New_York';
export const MEETING_DAY = 8;
export const MEETING_HOUR = 11;

/** An input checked by the contract, as the API would pass it to the handler. */
export const valid = <M extends MethodName>(method: M, input: Input<M>): ParsedInput<M> =>
  contract[method].input.parse(input) as ParsedInput<M>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A polish issue as planned: who takes it, and when it is resolved (or never). */
export interface PolishPlan {
  id: string;
  assignee: number | null;
  resolvedIn: number | null;
  wontFix: boolean;
}

export function simulation(ws: Workspace, r: Random, plan: Plan, today: Date, setTime: (at: Date) => void) {
  const n = plan.sprints;
  const firstStart = format(
    subDays(startOfWeek(today, { weekStartsOn: 1 }), (n - 1) * SPRINT_DAYS),
    'yyyy-MM-dd',
  );
  const startOf = (sprint: number) => addCalendarDays(firstStart, (sprint - 1) * SPRINT_DAYS);
  const at = (sprint: number, day: number, hour = 14, minute = 0) =>
    new Date(`${addCalendarDays(startOf(sprint), day)}T${pad(hour)}:${pad(minute)}:00Z`);
  /** Item i of `count`, spread from `from` to `to` o'clock: later items never come earlier. */
  const spread = (sprint: number, day: number, from: number, to: number, i: number, count: number) =>
    new Date(
      at(sprint, day, from).getTime() + Math.floor((i * (to - from) * 3_600_000) / Math.max(1, count)),
    );

  // People: the first 60% own goals, the others are stakeholders (or neither).
  const ownerCount = Math.max(2, Math.round(plan.people * 0.6));
  const ownerIndexes = Array.from({ length: ownerCount }, (_, i) => i);
  const goals = planRoadmap(r, plan, ownerIndexes, plan.people);
  const initiatives = goals.flatMap((g) => g.initiatives);
  const milestones = initiatives.flatMap((i) => i.milestones);
  const people: string[] = [];
  const sprints: { id: string; meetingAt: string | null }[] = [];
  const sprintId = (s: number) => sprints[s - 1]!.id;

  /** Events of one sprint, run in time order so the change log's clock moves forward. */
  const events: { at: number; seq: number; run: () => void }[] = [];
  const schedule = (time: Date, run: () => void) =>
    events.push({ at: time.getTime(), seq: events.length, run });
  const runEvents = () => {
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const event of events) {
      setTime(new Date(event.at));
      event.run();
    }
    events.length = 0;
  };

  // Work planned by the schedule, keyed by sprint.
  const polishBySprint = new Map<number, PolishPlan[]>();
  const actionsDoneIn = new Map<number, string[]>();
  const addTo = <T>(map: Map<number, T[]>, key: number, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const sprintGoalsOf = new Map<number, { id: string; outcome?: Outcome }[]>();

  return {
    ws,
    r,
    plan,
    setTime,
    n,
    startOf,
    at,
    spread,
    ownerCount,
    ownerIndexes,
    goals,
    initiatives,
    milestones,
    people,
    sprints,
    sprintId,
    events,
    schedule,
    runEvents,
    polishBySprint,
    actionsDoneIn,
    addTo,
    sprintGoalsOf,
  };
}

export type Simulation = ReturnType<typeof simulation>;
