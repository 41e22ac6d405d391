/**
 * The example workspace: a believable working group, loaded through the real write path.
 *
 * The story of `example-data.ts` is replayed in the order it happened — the roadmap first, then
 * each sprint: the work done during it, then its meeting (retrospective, polish, planning of
 * the next sprint, wrap-up) — and every input passes the contract's schema before the service
 * that the API handler would call. So the rules hold (owners, capacities, carry-over) and the
 * change log reads like twelve real weeks: while loading, the services' wall clock is moved
 * to when each event happened. It never goes past the real now, and is put back afterwards.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { startOfWeek } from 'date-fns/startOfWeek';
import { subDays } from 'date-fns/subDays';
import { contract, type Input, type MethodName, type ParsedInput } from '../shared/contract.ts';
import type { Sprint } from '../shared/domain.ts';
import type { Workspace } from './db/open.ts';
import {
  GOALS,
  INITIATIVES,
  PEOPLE,
  POLISH,
  SPRINTS,
  WORKSPACE_NAME,
  type GoalKey,
  type PersonKey,
  type SprintData,
} from './example-data.ts';
import { setCapacity } from './services/capacities.ts';
import { createGoal, updateGoal } from './services/goals.ts';
import { createInitiative, updateInitiative } from './services/initiatives.ts';
import { endMeeting, goToStep, startMeeting } from './services/meeting.ts';
import { createMilestone, updateMilestone } from './services/milestones.ts';
import { createPerson } from './services/people.ts';
import { createPolish, updatePolish } from './services/polish.ts';
import { createActionItem, updateActionItem } from './services/action-items.ts';
import { createRetroNote, voteRetroNote } from './services/retro-notes.ts';
import { carryOverSprintGoal, createSprintGoal, updateSprintGoal } from './services/sprint-goals.ts';
import { SPRINT_DAYS, addCalendarDays } from '../shared/sprint-dates.ts';
import { createNextSprint } from './services/sprints.ts';
import { requireEmpty, setWorkspaceName } from './services/workspace.ts';
import { loadPoll, loadPublishedUpdate, loadStakeholders, type StoryLinks } from './example-stakeholders.ts';

const MEETING_ZONE = 'America/New_York';
/**
 * Sprints run Wednesday to Tuesday; the meeting is on the last day, a Tuesday at 11:00 in New
 * York (15:00 UTC in summer), so it closes its sprint on the sprint's own last day.
 */
const MEETING_DAY = SPRINT_DAYS - 1;
const MEETING_HOUR = 11;
/** The sprint the example's poll runs in. */
const POLL_SPRINT = 4;
const TIMEBOXES = { retrospective: 20, polish: 10, plan: 20, 'wrap-up': 5 };

/** An input checked by the contract, as the API would pass it to the handler. */
const valid = <M extends MethodName>(method: M, input: Input<M>): ParsedInput<M> =>
  contract[method].input.parse(input) as ParsedInput<M>;

export function loadExample(ws: Workspace): void {
  requireEmpty(ws);
  const realNow = ws.now();
  const now = ws.now;
  let simulated = realNow;
  ws.now = () => simulated;
  try {
    load(ws, realNow, (at) => (simulated = at < realNow ? at : realNow));
  } finally {
    ws.now = now; // the change log's clock reads ws.now too, so both are real again
  }
}

function load(ws: Workspace, today: Date, setTime: (at: Date) => void): void {
  const activeNumber = SPRINTS.length;
  // The active sprint starts on the Wednesday on or before today; the past ones precede it.
  const firstStart = format(
    subDays(startOfWeek(today, { weekStartsOn: 3 }), (activeNumber - 1) * SPRINT_DAYS),
    'yyyy-MM-dd',
  );
  const startOf = (sprint: number) => addCalendarDays(firstStart, (sprint - 1) * SPRINT_DAYS);
  /** A moment of a sprint's day (0 = its Wednesday), in UTC. */
  const at = (sprint: number, day: number, hour = 14, minute = 0) =>
    new Date(`${addCalendarDays(startOf(sprint), day)}T${pad(hour)}:${pad(minute)}:00Z`);

  const people = new Map<PersonKey, string>();
  const goals = new Map<GoalKey, string>();
  const initiatives = new Map<string, string>();
  const milestones = new Map<string, string>();
  const sprints = new Map<number, Sprint>();
  const sprintGoals = new Map<string, string>();
  const polish = new Map<number, string>();
  const actionItems: { id: string; done: number | undefined }[] = [];
  const lookup = <K>(map: Map<K, string>, key: K): string => {
    const id = map.get(key);
    if (!id) throw new Error(`The example data names an unknown ${String(key)}`);
    return id;
  };
  const person = (key: PersonKey) => lookup(people, key);
  const personList = (keys: PersonKey[]) => keys.map(person);
  const polishId = (index: number) => lookup(polish, index);
  const sprintId = (number: number) => {
    const sprint = sprints.get(number);
    if (!sprint) throw new Error(`The example data names sprint ${number} before it exists`);
    return sprint.id;
  };

  // 1. The group and its roadmap, set up the week before the first sprint.
  setTime(at(1, -7));
  setWorkspaceName(ws, valid('workspace.setName', { name: WORKSPACE_NAME }));
  for (const [key, data] of Object.entries(PEOPLE) as [PersonKey, (typeof PEOPLE)[PersonKey]][]) {
    people.set(key, createPerson(ws, valid('people.create', data)).id);
  }
  for (const [key, goal] of Object.entries(GOALS) as [GoalKey, (typeof GOALS)[GoalKey]][]) {
    const input = {
      title: goal.title,
      impact: goal.impact,
      howToHelp: 'howToHelp' in goal ? goal.howToHelp : '',
      state: 'was' in goal ? goal.was : goal.state,
      ownerIds: personList(goal.owners),
    };
    goals.set(key, createGoal(ws, valid('goals.create', input)).id);
  }
  for (const initiative of INITIATIVES) {
    const input = {
      goalId: lookup(goals, initiative.goal),
      title: initiative.title,
      impact: initiative.impact,
      features: initiative.features,
      link: initiative.link ?? null,
      state: initiative.was ?? initiative.state,
      ownerIds: personList(initiative.owners),
      dependsOnIds: (initiative.dependsOn ?? []).map((key) => lookup(initiatives, key)),
      manualProgress: initiative.manualProgress ?? null,
    };
    const initiativeId = createInitiative(ws, valid('initiatives.create', input)).id;
    initiatives.set(initiative.key, initiativeId);
    for (const milestone of initiative.milestones) {
      const input = {
        initiativeId,
        title: milestone.title,
        state: milestone.was ?? milestone.state,
        participantIds: personList(milestone.participants),
        dependsOnIds: (milestone.dependsOn ?? []).map((key) => lookup(milestones, key)),
      };
      milestones.set(milestone.key, createMilestone(ws, valid('milestones.create', input)).id);
    }
  }

  const links: StoryLinks = {
    personNamed: (name) => [...people].find(([key]) => PEOPLE[key].name === name)?.[1],
    goal: (key) => lookup(goals, key),
    initiative: (key) => lookup(initiatives, key),
  };
  const stakeholders = loadStakeholders(ws, links);

  // 2. Sprint 1, with the meeting series; every later sprint follows it.
  setTime(at(1, -3));
  const meetingDate = addCalendarDays(startOf(1), MEETING_DAY);
  const [year, month, day] = meetingDate.split('-').map(Number) as [number, number, number];
  const meetingAt = new TZDate(year, month - 1, day, MEETING_HOUR, 0, 0, MEETING_ZONE).toISOString();
  const first = valid('sprints.createNext', {
    startDate: startOf(1),
    meetingAt,
    meetingTimeZone: MEETING_ZONE,
  });
  sprints.set(1, createNextSprint(ws, first));
  plan(1);

  // 3. Each sprint: its work, then (for the past ones) its meeting.
  for (let number = 1; number <= activeNumber; number++) {
    if (number === POLL_SPRINT) {
      const sprint = sprints.get(number)!;
      loadPoll(ws, links, stakeholders, sprint, (day) => setTime(at(number, day, 16)));
    }
    work(number);
    if (number < activeNumber) meeting(number);
  }
  // The monthly update of the month the poll's sprint ended in, published after that month.
  const pollSprint = sprints.get(POLL_SPRINT)!;
  loadPublishedUpdate(ws, pollSprint.endDate.slice(0, 7), MEETING_ZONE);

  /** Sprint goals and capacities of a sprint, and the milestones targeted at it. */
  function plan(number: number): void {
    const data = sprintData(number);
    const sprint = sprintId(number);
    data.goals.forEach((goal, i) => {
      const id =
        'from' in goal
          ? carryOverSprintGoal(
              ws,
              valid('sprintGoals.carryOver', { id: lookup(sprintGoals, goal.from), toSprintId: sprint }),
            ).id
          : createSprintGoal(
              ws,
              valid('sprintGoals.create', {
                sprintId: sprint,
                title: goal.title,
                ownerId: person(goal.owner),
                goalId: lookup(goals, goal.goal),
                initiativeId: goal.initiative ? lookup(initiatives, goal.initiative) : null,
                milestoneId: goal.milestone ? lookup(milestones, goal.milestone) : null,
                definitionOfDone: goal.definitionOfDone,
                estimate: goal.estimate,
              }),
            ).id;
      sprintGoals.set(sprintGoalKey(number, i), id);
      if (goal.key) sprintGoals.set(goal.key, id);
    });
    for (const [key, days] of Object.entries(data.capacity) as [PersonKey, number][]) {
      setCapacity(ws, valid('capacities.set', { sprintId: sprint, personId: person(key), days }));
    }
    for (const initiative of INITIATIVES) {
      for (const milestone of initiative.milestones.filter((m) => m.target === number)) {
        updateMilestone(
          ws,
          valid('milestones.update', { id: lookup(milestones, milestone.key), targetSprintId: sprint }),
        );
      }
    }
  }

  /** Between meetings: polish filed and done, roadmap changes, action items done. */
  function work(number: number): void {
    POLISH.forEach((issue, i) => {
      if (issue.created !== number) return;
      setTime(at(number, 1 + (i % 4), 9 + (i % 7)));
      const input = {
        title: issue.title,
        link: issue.link,
        goalId: issue.goal ? lookup(goals, issue.goal) : null,
        assigneeId: issue.assignee ? person(issue.assignee) : null,
        size: issue.size,
        status: issue.inProgress ? ('in progress' as const) : ('open' as const),
      };
      polish.set(i, createPolish(ws, valid('polish.create', input)).id);
    });
    actionItems.forEach((item, i) => {
      if (item.done !== number) return;
      setTime(at(number, 3, 10 + (i % 6)));
      updateActionItem(ws, valid('actionItems.update', { id: item.id, status: 'done' }));
    });
    setTime(at(number, 5));
    for (const initiative of INITIATIVES) {
      for (const milestone of initiative.milestones.filter((m) => m.changedIn === number)) {
        updateMilestone(
          ws,
          valid('milestones.update', { id: lookup(milestones, milestone.key), state: milestone.state }),
        );
      }
      if (initiative.changedIn === number) {
        updateInitiative(
          ws,
          valid('initiatives.update', { id: lookup(initiatives, initiative.key), state: initiative.state }),
        );
      }
    }
    for (const [key, goal] of Object.entries(GOALS) as [GoalKey, (typeof GOALS)[GoalKey]][]) {
      if ('changedIn' in goal && goal.changedIn === number) {
        updateGoal(ws, valid('goals.update', { id: lookup(goals, key), state: goal.state }));
      }
    }
    POLISH.forEach((issue, i) => {
      const status = issue.done === number ? 'done' : issue.wontFix === number ? "won't fix" : null;
      if (!status) return;
      setTime(at(number, 6, 9 + (i % 8)));
      updatePolish(ws, valid('polish.update', { id: polishId(i), status }));
    });
  }

  /** The meeting that ends a sprint: retrospective, polish, planning of the next one, wrap-up. */
  function meeting(number: number): void {
    const data = sprintData(number);
    const info = data.meeting;
    if (!info) throw new Error(`The example data has no meeting for sprint ${number}`);
    const sprint = { id: sprintId(number), meetingAt: sprints.get(number)?.meetingAt };
    // Every sprint has a meeting time: sprint 1's, two weeks on.
    let time = sprint.meetingAt ? new Date(sprint.meetingAt) : at(number, MEETING_DAY, 15);
    const advance = (minutes: number) => setTime((time = new Date(time.getTime() + minutes * 60_000)));
    setTime(time);
    // The next sprint exists, with its dates, from the start of the meeting.
    sprints.set(number + 1, createNextSprint(ws, valid('sprints.createNext', {})));
    const input = { sprintId: sprint.id, attendeeIds: personList(info.present), timeboxes: TIMEBOXES };
    const { id } = startMeeting(ws, valid('meeting.start', input));
    const [retrospective, polishMinutes, planning, wrapUp] = info.minutes;

    // Retrospective: each owner's outcome, then the notes, the votes, the action items.
    data.goals.forEach((goal, i) => {
      if (!goal.outcome) throw new Error(`The example data has no outcome for a goal of sprint ${number}`);
      const review = {
        id: lookup(sprintGoals, sprintGoalKey(number, i)),
        outcome: goal.outcome,
        outcomeNote: goal.note,
      };
      updateSprintGoal(ws, valid('sprintGoals.update', review));
      advance(1);
    });
    for (const { column, text, votes } of info.notes) {
      const note = createRetroNote(ws, valid('retroNotes.create', { sprintId: sprint.id, column, text }));
      for (let vote = 0; vote < votes; vote++) {
        voteRetroNote(ws, valid('retroNotes.vote', { id: note.id, delta: 1 }));
      }
    }
    for (const action of info.actions) {
      const input = { sprintId: sprint.id, text: action.text, ownerId: person(action.owner) };
      actionItems.push({
        id: createActionItem(ws, valid('actionItems.create', input)).id,
        done: action.done,
      });
    }
    advance(Math.max(1, retrospective - data.goals.length));
    goToStep(ws, valid('meeting.goTo', { id, step: 'polish' }));

    // Polish: what the next sprint takes on.
    const next = sprintId(number + 1);
    POLISH.forEach((issue, i) => {
      if (issue.planned !== number + 1) return;
      updatePolish(ws, valid('polish.update', { id: polishId(i), plannedSprintId: next }));
    });
    advance(polishMinutes);
    goToStep(ws, valid('meeting.goTo', { id, step: 'plan' }));

    plan(number + 1);
    advance(planning);
    goToStep(ws, valid('meeting.goTo', { id, step: 'wrap-up' }));
    advance(wrapUp);
    // Ending the meeting closes the sprint and makes the next one active.
    endMeeting(ws, valid('meeting.end', { id }).id);
  }
}

function sprintData(number: number): SprintData {
  const data = SPRINTS[number - 1];
  if (!data) throw new Error(`The example data has no sprint ${number}`);
  return data;
}

const sprintGoalKey = (sprint: number, index: number) => `sprint ${sprint} #${index}`;
const pad = (n: number) => String(n).padStart(2, '0');
