/**
 * `npm run bench:generate -- --years 10 --out FILE [--seed N] [--force]`: a workspace with years
 * of history, written through the services (so every rule holds and the change log is the one
 * real use would leave), sprint by sprint in the order things happen, each sprint in one
 * transaction. As in `src/main/example.ts`, every input passes the contract's schema first, and
 * the services' clock (`ws.now`, which the change log's clock reads too) is moved to when each
 * event happened, so the history spreads over the years and never passes the real now.
 *
 * Ten years: 260 sprints, 40 people, 60 goals, 400 initiatives, 3,000 milestones, ~5,000 sprint
 * goals with outcomes (carry-overs included), 20,000 polish issues, 50,000 retro notes with votes,
 * 5,000 action items; other lengths scale linearly. The same seed gives the same content (ids
 * are uuid v7, drawn by the write path from the real clock, so they differ from run to run).
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { startOfWeek } from 'date-fns/startOfWeek';
import { subDays } from 'date-fns/subDays';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contract, type Input, type MethodName, type ParsedInput } from '../src/shared/contract.ts';
import { RETRO_COLUMNS, type Outcome, type PolishSize } from '../src/shared/domain.ts';
import { openWorkspace, type Workspace } from '../src/main/db/open.ts';
import { setCapacity } from '../src/main/services/capacities.ts';
import { createGoal, updateGoal } from '../src/main/services/goals.ts';
import { createInitiative, updateInitiative } from '../src/main/services/initiatives.ts';
import { endMeeting, goToStep, startMeeting } from '../src/main/services/meeting.ts';
import { createMilestone, updateMilestone } from '../src/main/services/milestones.ts';
import { createPerson } from '../src/main/services/people.ts';
import { createPolish, updatePolish } from '../src/main/services/polish.ts';
import { createActionItem, updateActionItem } from '../src/main/services/action-items.ts';
import { createRetroNote, voteRetroNote } from '../src/main/services/retro-notes.ts';
import {
  carryOverSprintGoal,
  createSprintGoal,
  updateSprintGoal,
} from '../src/main/services/sprint-goals.ts';
import { SPRINT_DAYS, addCalendarDays, createNextSprint } from '../src/main/services/sprints.ts';
import { setMe, workspaceInfo } from '../src/main/services/workspace.ts';
import {
  Random,
  TIME_ZONES,
  bullets,
  goalTitle,
  initiativeTitle,
  issueLink,
  noteText,
  paragraph,
  personName,
  taskTitle,
} from './random.ts';

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

export interface GenerateOptions {
  years: number;
  out: string;
  seed?: number;
  /** Replace an existing file at `out`. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  file: string;
  plan: Plan;
  counts: Record<string, number>;
  changes: number;
  seconds: number;
  /** CPU time of this process: the generator's own cost, whatever else the machine runs. */
  cpuSeconds: number;
  bytes: number;
}

const MEETING_ZONE = 'America/New_York';
const MEETING_DAY = 8;
const MEETING_HOUR = 11;

/** An input checked by the contract, as the API would pass it to the handler. */
const valid = <M extends MethodName>(method: M, input: Input<M>): ParsedInput<M> =>
  contract[method].input.parse(input) as ParsedInput<M>;

/** `total` spread over `n` slots as evenly as integers allow (slot i: 0-based). */
const share = (total: number, n: number, i: number) =>
  Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n);

interface GoalPlan {
  index: number;
  createdIn: number;
  owners: number[];
  initiatives: InitiativePlan[];
  doneIn: number | null;
  id?: string;
}
interface InitiativePlan {
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
interface MilestonePlan {
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
function planRoadmap(r: Random, plan: Plan, owners: number[], people: number): GoalPlan[] {
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

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  const out = resolve(options.out);
  if (existsSync(out) && !options.force) throw new Error(`${out} exists; pass --force to replace it`);
  const partial = `${out}.partial`;
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  const plan = planFor(options.years);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  log(
    `Generating ${options.years} year(s) (seed ${seed}): ${plan.sprints} sprints, ${plan.people} people, ` +
      `${plan.goals} goals, ${plan.initiatives} initiatives, ${plan.milestones} milestones, ` +
      `~${plan.sprintGoals} sprint goals, ${plan.polish} polish issues, ${plan.retroNotes} retro notes, ` +
      `${plan.actionItems} action items`,
  );

  const ws = await openWorkspace(partial);
  const realNow = ws.now();
  let simulated = realNow;
  ws.now = () => simulated;
  ws.action = null;
  try {
    write(
      ws,
      new Random(seed),
      plan,
      realNow,
      (at) => (simulated = at < realNow ? at : realNow),
      log,
      started,
    );
    ws.now = () => new Date();
    const counts = workspaceInfo(ws).counts;
    const changes = (ws.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.close();
    for (const file of [out, `${out}-wal`, `${out}-shm`]) rmSync(file, { force: true });
    renameSync(partial, out);
    const { size } = await import('node:fs').then((fs) => fs.statSync(out));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    log(
      `Done in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s): ${out} (${(size / 1e6).toFixed(0)} MB), ${changes.toLocaleString('en')} changes; ` +
        Object.entries(counts)
          .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
          .join(', '),
    );
    return { file: out, plan, counts, changes, seconds, cpuSeconds, bytes: size };
  } catch (error) {
    if (ws.db.open) ws.db.close();
    throw error;
  }
}

function write(
  ws: Workspace,
  r: Random,
  plan: Plan,
  today: Date,
  setTime: (at: Date) => void,
  log: (line: string) => void,
  started: number,
): void {
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
  let events: { at: number; seq: number; run: () => void }[] = [];
  const schedule = (time: Date, run: () => void) =>
    events.push({ at: time.getTime(), seq: events.length, run });
  const runEvents = () => {
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const event of events) {
      setTime(new Date(event.at));
      event.run();
    }
    events = [];
  };

  // Work planned by the schedule, keyed by sprint.
  const polishBySprint = new Map<number, PolishPlan[]>();
  interface PolishPlan {
    id: string;
    assignee: number | null;
    resolvedIn: number | null;
    wontFix: boolean;
  }
  const actionsDoneIn = new Map<number, string[]>();
  const addTo = <T>(map: Map<number, T[]>, key: number, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const sprintGoalsOf = new Map<number, { id: string; outcome?: Outcome }[]>();

  const createRoadmapItems = (s: number) => {
    for (const goal of goals) {
      if (goal.createdIn !== s) continue;
      schedule(at(s, 0, 9, goal.index % 60), () => {
        goal.id = createGoal(
          ws,
          valid('goals.create', {
            title: goalTitle(r, goal.index),
            impact: bullets(r, r.int(2, 4)),
            howToHelp: r.chance(0.5) ? paragraph(r, 2) : '',
            ownerIds: goal.owners.map((o) => people[o]!),
            state: 'in progress',
          }),
        ).id;
      });
    }
    for (const initiative of initiatives) {
      if (initiative.createdIn !== s) continue;
      schedule(spread(s, 0, 10, 12, initiative.index, initiatives.length), () => {
        initiative.id = createInitiative(
          ws,
          valid('initiatives.create', {
            goalId: initiative.goal.id!,
            title: initiativeTitle(r, initiative.index),
            impact: bullets(r, r.int(1, 3)),
            features: paragraph(r, r.int(1, 3)),
            link: r.chance(0.6) ? `https://github.com/lang/rfcs/pull/${r.int(100, 9999)}` : null,
            state: 'in progress',
            ownerIds: initiative.owners.map((o) => people[o]!),
            dependsOnIds: initiative.dependsOn?.id ? [initiative.dependsOn.id] : [],
          }),
        ).id;
      });
    }
    milestones.forEach((milestone, i) => {
      if (milestone.createdIn !== s) return;
      schedule(spread(s, 1, 9, 17, i, milestones.length), () => {
        const started = milestone.startIn === s;
        milestone.id = createMilestone(
          ws,
          valid('milestones.create', {
            initiativeId: milestone.initiative.id!,
            title: taskTitle(r),
            state: started ? 'in progress' : 'help wanted',
            participantIds: started ? milestone.participants.map((p) => people[p]!) : [],
            dependsOnIds: milestone.dependsOn?.id ? [milestone.dependsOn.id] : [],
          }),
        ).id;
      });
    });
  };

  /** Between meetings: roadmap changes, polish filed and done, action items done. */
  const work = (s: number) => {
    if (s > 1) createRoadmapItems(s);
    milestones.forEach((m, i) => {
      if (m.startIn === s && m.createdIn < s) {
        schedule(at(s, 2, 10, i % 60), () =>
          updateMilestone(
            ws,
            valid('milestones.update', {
              id: m.id!,
              participantIds: m.participants.map((p) => people[p]!),
              state: 'in progress',
            }),
          ),
        );
      }
      if (m.doneIn === s) {
        schedule(spread(s, 5, 9, 17, i, milestones.length), () =>
          updateMilestone(ws, valid('milestones.update', { id: m.id!, state: 'done' })),
        );
      }
    });
    for (const initiative of initiatives) {
      const state = initiative.doneIn === s ? 'done' : initiative.pausedIn === s ? 'paused' : null;
      if (state) {
        schedule(at(s, 6, 9, initiative.index % 60), () =>
          updateInitiative(ws, valid('initiatives.update', { id: initiative.id!, state })),
        );
      }
    }
    for (const goal of goals) {
      if (goal.doneIn === s) {
        schedule(at(s, 6, 11, goal.index % 60), () =>
          updateGoal(ws, valid('goals.update', { id: goal.id!, state: 'done' })),
        );
      }
    }

    // Polish: this sprint's share filed, earlier ones taken up and resolved.
    const filed = share(plan.polish, n, s - 1);
    const goalsSoFar = goals.filter((g) => g.createdIn <= s);
    for (let i = 0; i < filed; i++) {
      const assignee = r.chance(0.7) ? r.int(0, plan.people - 1) : null;
      const inProgress = assignee !== null && r.chance(0.1);
      const goal = goalsSoFar.length && r.chance(0.55) ? r.pick(goalsSoFar) : null;
      const resolvedIn = r.chance(0.03) ? null : s + r.geometric(0.3);
      const polish: PolishPlan = { id: '', assignee, resolvedIn, wontFix: r.chance(0.07) };
      if (resolvedIn !== null && resolvedIn <= n) addTo(polishBySprint, resolvedIn, polish);
      schedule(spread(s, 1, 8, 8 + 24 * 4, i, filed), () => {
        polish.id = createPolish(
          ws,
          valid('polish.create', {
            title: taskTitle(r),
            link: r.chance(0.85) ? issueLink(r) : null,
            goalId: goal?.id ?? null,
            assigneeId: assignee === null ? null : people[assignee]!,
            size: r.weighted<PolishSize | null>([
              ['S', 5],
              ['M', 3],
              ['L', 1],
              [null, 1],
            ]),
            status: inProgress ? 'in progress' : 'open',
          }),
        ).id;
      });
    }
    (polishBySprint.get(s) ?? []).forEach((issue, i) => {
      if (issue.assignee !== null && r.chance(0.2)) {
        schedule(at(s, 6, 8, i % 60), () =>
          updatePolish(ws, valid('polish.update', { id: issue.id, status: 'in progress' })),
        );
      }
      schedule(at(s, 7, 8 + (i % 10), (i * 11) % 60), () =>
        updatePolish(
          ws,
          valid('polish.update', { id: issue.id, status: issue.wontFix ? "won't fix" : 'done' }),
        ),
      );
    });
    (actionsDoneIn.get(s) ?? []).forEach((id, i) => {
      schedule(at(s, 3, 10 + (i % 6), i % 60), () =>
        updateActionItem(ws, valid('actionItems.update', { id, status: 'done' })),
      );
    });
    runEvents();
  };

  /** Sprint goals, capacities and targeted milestones of sprint `s` (at the meeting before it). */
  const planSprint = (s: number) => {
    const id = sprintId(s);
    const goalsOfSprint: { id: string; outcome?: Outcome }[] = [];
    const previous = sprintGoalsOf.get(s - 1) ?? [];
    for (const goal of previous) {
      if ((goal.outcome === 'partial' || goal.outcome === 'missed') && r.chance(0.7)) {
        goalsOfSprint.push({
          id: carryOverSprintGoal(ws, valid('sprintGoals.carryOver', { id: goal.id, toSprintId: id })).id,
        });
      }
    }
    // Milestones created and under way by now; or else any goal that exists.
    const active = milestones.filter(
      (m) => m.id && m.startIn < s && (m.doneIn === null || m.doneIn >= s) && m.createdIn < s,
    );
    const openGoals = goals.filter((g) => g.id && (g.doneIn === null || g.doneIn >= s));
    const target = share(plan.sprintGoals, n, s - 1);
    const owners = new Map<string, number>();
    while (goalsOfSprint.length < target) {
      const milestone = active.length ? r.pick(active) : null;
      const candidates = milestone ? milestone.participants.filter((p) => p < ownerIndexes.length) : [];
      const owner = r.chance(0.03)
        ? null
        : people[candidates.length ? r.pick(candidates) : r.pick(ownerIndexes)]!;
      const estimate = r.chance(0.05) ? null : r.int(1, 8) / 2;
      if (owner) owners.set(owner, (owners.get(owner) ?? 0) + (estimate ?? 0));
      goalsOfSprint.push({
        id: createSprintGoal(
          ws,
          valid('sprintGoals.create', {
            sprintId: id,
            title: taskTitle(r),
            ownerId: owner,
            goalId: milestone ? null : openGoals.length ? r.pick(openGoals).id! : null,
            milestoneId: milestone?.id ?? null,
            definitionOfDone: r.chance(0.05) ? '' : paragraph(r, 1),
            estimate,
          }),
        ).id,
      });
    }
    sprintGoalsOf.set(s, goalsOfSprint);
    for (const [personId, estimated] of owners) {
      const days = Math.min(14, Math.max(1, Math.round(estimated + r.int(-1, 4))));
      setCapacity(ws, valid('capacities.set', { sprintId: id, personId, days }));
    }
    for (const milestone of r.sample(active, Math.min(active.length, 6))) {
      updateMilestone(ws, valid('milestones.update', { id: milestone.id!, targetSprintId: id }));
    }
  };

  /** The meeting that ends sprint s: retrospective, polish, planning of s + 1, wrap-up. */
  const meeting = (s: number) => {
    let time = new Date(sprints[s - 1]!.meetingAt ?? at(s, MEETING_DAY, 15));
    const advance = (seconds: number) => setTime((time = new Date(time.getTime() + seconds * 1000)));
    setTime(time);
    sprints.push(createNextSprint(ws, valid('sprints.createNext', {})));
    const present = r.sample(ownerIndexes, Math.max(1, Math.round(ownerIndexes.length * 0.6)));
    const { id } = startMeeting(
      ws,
      valid('meeting.start', {
        sprintId: sprintId(s),
        attendeeIds: present.map((p) => people[p]!).slice(0, 50),
        timeboxes: { retrospective: 20, polish: 10, plan: 20, 'wrap-up': 5 },
      }),
    );
    for (const goal of sprintGoalsOf.get(s) ?? []) {
      goal.outcome = r.weighted<Outcome>([
        ['done', 62],
        ['partial', 15],
        ['missed', 12],
        ['dropped', 11],
      ]);
      updateSprintGoal(
        ws,
        valid('sprintGoals.update', {
          id: goal.id,
          outcome: goal.outcome,
          outcomeNote: r.chance(0.4) ? paragraph(r, 1) : '',
        }),
      );
      advance(20);
    }
    const notes = share(plan.retroNotes, n - 1, s - 1);
    for (let i = 0; i < notes; i++) {
      const column = r.pick(RETRO_COLUMNS);
      const note = createRetroNote(
        ws,
        valid('retroNotes.create', { sprintId: sprintId(s), column, text: noteText(r, column) }),
      );
      const votes = r.weighted([
        [0, 45],
        [1, 25],
        [2, 15],
        [3, 8],
        [4, 4],
        [5, 3],
      ]);
      for (let v = 0; v < votes; v++) voteRetroNote(ws, valid('retroNotes.vote', { id: note.id, delta: 1 }));
      advance(3);
    }
    const actions = share(plan.actionItems, n - 1, s - 1);
    for (let i = 0; i < actions; i++) {
      const item = createActionItem(
        ws,
        valid('actionItems.create', {
          sprintId: sprintId(s),
          text: `${taskTitle(r)} before the next retrospective`,
          ownerId: r.chance(0.9) ? people[r.pick(ownerIndexes)]! : null,
        }),
      );
      if (!r.chance(0.015)) addTo(actionsDoneIn, s + 1 + r.geometric(0.45), item.id);
      advance(20);
    }
    goToStep(ws, valid('meeting.goTo', { id, step: 'polish' }));
    for (const issue of r.sample(polishBySprint.get(s + 1) ?? [], 8)) {
      updatePolish(ws, valid('polish.update', { id: issue.id, plannedSprintId: sprintId(s + 1) }));
      advance(15);
    }
    advance(300);
    goToStep(ws, valid('meeting.goTo', { id, step: 'plan' }));
    planSprint(s + 1);
    advance(900);
    goToStep(ws, valid('meeting.goTo', { id, step: 'wrap-up' }));
    advance(300);
    endMeeting(ws, valid('meeting.end', { id }).id);
  };

  // The week before sprint 1: the group, the first goals, sprint 1 and its plan.
  ws.db.transaction(() => {
    setTime(at(1, -7));
    for (let i = 0; i < plan.people; i++) {
      const { name, handle } = personName(i);
      people.push(
        createPerson(
          ws,
          valid('people.create', {
            name,
            handle,
            timeZone: TIME_ZONES[i % TIME_ZONES.length]!,
            roles: i < ownerCount ? ['goal owner'] : r.chance(0.6) ? ['stakeholder'] : [],
          }),
        ).id,
      );
    }
    createRoadmapItems(1);
    events.forEach((e) => (e.at = at(1, -7, 10).getTime() + e.seq * 1000));
    runEvents();
    setTime(at(1, -3));
    const meetingDate = addCalendarDays(startOf(1), MEETING_DAY);
    const [year, month, day] = meetingDate.split('-').map(Number) as [number, number, number];
    const meetingAt = new TZDate(year, month - 1, day, MEETING_HOUR, 0, 0, MEETING_ZONE).toISOString();
    sprints.push(
      createNextSprint(
        ws,
        valid('sprints.createNext', { startDate: startOf(1), meetingAt, meetingTimeZone: MEETING_ZONE }),
      ),
    );
    planSprint(1);
    setMe(ws, valid('workspace.setMe', { personId: people[0]! }));
  })();

  let reported = 0;
  for (let s = 1; s <= n; s++) {
    ws.db.transaction(() => {
      work(s);
      if (s < n) meeting(s);
    })();
    const percent = Math.floor((s * 100) / n);
    if (percent >= reported + 10 || s === n) {
      reported = percent - (percent % 10);
      log(`  sprint ${s}/${n} (${percent}%) · ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

const USAGE = `Usage: npm run bench:generate -- --years N --out FILE [--seed N] [--force]`;

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      options: {
        years: { type: 'string', default: '10' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const years = Number(values.years);
  const seed = Number(values.seed);
  if (!values.out || !(years > 0 && years <= 50) || !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exit(2);
  }
  // npm runs scripts from the package root; a relative --out means where the user typed it.
  const out = resolve(process.env.INIT_CWD ?? '.', values.out);
  await generate({ years, out, seed, force: values.force, log: (line) => console.log(line) });
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
