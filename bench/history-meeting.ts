/** The meeting at the end of each sprint: its retrospective, polish, the next sprint's plan. */
import { createActionItem } from '../src/main/services/action-items.ts';
import { setCapacity } from '../src/main/services/capacities.ts';
import { endMeeting, goToStep, startMeeting } from '../src/main/services/meeting.ts';
import { updateMilestone } from '../src/main/services/milestones.ts';
import { updatePolish } from '../src/main/services/polish.ts';
import { createRetroNote, voteRetroNote } from '../src/main/services/retro-notes.ts';
import {
  carryOverSprintGoal,
  createSprintGoal,
  updateSprintGoal,
} from '../src/main/services/sprint-goals.ts';
import { createNextSprint } from '../src/main/services/sprints.ts';
import { RETRO_COLUMNS, type Outcome } from '../src/shared/domain.ts';
import { share } from './plan.ts';
import { noteText, paragraph, taskTitle } from './random.ts';
import { MEETING_DAY, valid, type Simulation } from './simulation.ts';

/** Sprint goals, capacities and targeted milestones of sprint `s` (at the meeting before it). */
export function planSprint(sim: Simulation, s: number): void {
  const { ws, r, plan, n, ownerIndexes, goals, milestones, people, sprintId, sprintGoalsOf } = sim;
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
}

/** The meeting that ends sprint s: retrospective, polish, planning of s + 1, wrap-up. */
export function meeting(sim: Simulation, s: number): void {
  const {
    ws,
    r,
    plan,
    setTime,
    n,
    at,
    ownerIndexes,
    people,
    sprints,
    sprintId,
    polishBySprint,
    actionsDoneIn,
    addTo,
    sprintGoalsOf,
  } = sim;
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
  planSprint(sim, s + 1);
  advance(900);
  goToStep(ws, valid('meeting.goTo', { id, step: 'wrap-up' }));
  advance(300);
  endMeeting(ws, valid('meeting.end', { id }).id);
}
