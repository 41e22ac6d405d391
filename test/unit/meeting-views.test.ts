/**
 * The meeting's reads: the retrospective (goals per owner, action items, notes, roadmap changes
 * from the change log within the sprint's bounds), the polish tally and chart, the planning
 * checks (carry-over, capacity, well-defined, completion rate, milestones due) and the Sprints
 * overview — their rules directly, then through the API, then at the scale of years of history.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import {
  completionRate,
  definitionGaps,
  isOverCapacity,
  isWellDefined,
  totalEstimate,
} from '../../src/main/services/planning.ts';
import { tallyPolish } from '../../src/main/services/polish-tally.ts';
import { hlcRange, ROADMAP_CHANGES_SQL, sprintBounds } from '../../src/main/services/retrospective.ts';
import { must, refused, seed, tempCore } from './helpers.ts';

/** A workspace whose clock the test sets. */
async function clockedCore(start = '2026-11-01T12:00:00Z') {
  const core = await tempCore();
  let now = new Date(start);
  core.workspace.now = () => now;
  const at = (iso: string) => {
    now = new Date(iso);
  };
  return { core, at };
}

describe('the planning rules', () => {
  it('calls a sprint goal well-defined with an owner, a goal link and a definition of done', () => {
    const full = { ownerId: 'p', goalId: 'g', definitionOfDone: 'Merged.' };
    expect(definitionGaps(full)).toEqual([]);
    expect(isWellDefined(full)).toBe(true);
    expect(definitionGaps({ ownerId: null, goalId: null, definitionOfDone: '  \n ' })).toEqual([
      'owner',
      'goal',
      'definition of done',
    ]);
    expect(definitionGaps({ ...full, goalId: null })).toEqual(['goal']);
    expect(isWellDefined({ ...full, definitionOfDone: '' })).toBe(false);
  });

  it('flags a plan over capacity only when the estimates exceed the days (exactly full fits)', () => {
    expect(isOverCapacity(6, 6)).toBe(false);
    expect(isOverCapacity(6.5, 6)).toBe(true);
    expect(isOverCapacity(0, 0)).toBe(false);
    expect(isOverCapacity(1, 0)).toBe(true);
    expect(isOverCapacity(40, null)).toBe(false); // no capacity set: nothing to compare with
    // Decimal estimates add up without floating-point noise.
    expect(totalEstimate([0.1, 0.2, null])).toBe(0.3);
    expect(isOverCapacity(totalEstimate([0.1, 0.2]), 0.3)).toBe(false);
  });

  it('computes the completion rate over goals done, partial or missed; dropped and unreviewed left out', () => {
    expect(completionRate({ done: 3, partial: 1, missed: 2, dropped: 4, none: 5 })).toEqual({
      done: 3,
      counted: 6,
      rate: 0.5,
    });
    expect(completionRate({ dropped: 2 })).toEqual({ done: 0, counted: 0, rate: null });
    expect(completionRate({})).toEqual({ done: 0, counted: 0, rate: null });
    expect(completionRate({ partial: 2 })).toEqual({ done: 0, counted: 2, rate: 0 });
  });
});

describe('the polish tally rule', () => {
  const people = [
    { id: 'a', name: 'Ada', goalOwner: true },
    { id: 'b', name: 'bo', goalOwner: true },
    { id: 'c', name: 'Cy', goalOwner: false },
    { id: 'd', name: 'Di', goalOwner: false },
  ];

  it('lists every goal owner, with 0 made explicit, and others only when they did polish', () => {
    expect(tallyPolish({ c: 2, a: 1 }, people)).toEqual([
      { personId: 'c', count: 2, goalOwner: false },
      { personId: 'a', count: 1, goalOwner: true },
      { personId: 'b', count: 0, goalOwner: true },
    ]);
    expect(tallyPolish({}, people).map((t) => [t.personId, t.count])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });
});

describe('sprint bounds', () => {
  it("run from the first day's midnight to the end of the last day in the meeting zone, else UTC", () => {
    const sprint = { startDate: '2026-11-09', endDate: '2026-11-22' };
    expect(sprintBounds({ ...sprint, meetingTimeZone: 'America/New_York' })).toEqual({
      from: '2026-11-09T05:00:00.000Z',
      to: '2026-11-23T05:00:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(sprintBounds({ ...sprint, meetingTimeZone: null })).toEqual({
      from: '2026-11-09T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
      timeZone: 'UTC',
    });
    // A DST change inside the sprint (Berlin falls back on 25 October 2026).
    expect(
      sprintBounds({ startDate: '2026-10-19', endDate: '2026-11-01', meetingTimeZone: 'Europe/Berlin' }),
    ).toMatchObject({ from: '2026-10-18T22:00:00.000Z', to: '2026-11-01T23:00:00.000Z' });
    const range = hlcRange({
      from: '2026-11-09T05:00:00.000Z',
      to: '2026-11-23T05:00:00.000Z',
      timeZone: 'UTC',
    });
    expect(range).toEqual([
      String(Date.parse('2026-11-09T05:00:00Z')),
      String(Date.parse('2026-11-23T05:00:00Z')),
    ]);
    expect(range.every((prefix) => /^\d{13}$/.test(prefix))).toBe(true);
  });
});

describe('retrospective.view', () => {
  it('groups the sprint goals by owner (by name, unowned last), in position order', async () => {
    const core = await tempCore();
    const { ada, bo, goal, sprint } = seed(core);
    const create = (title: string, ownerId: string | null) =>
      must(core, 'sprintGoals.create', { sprintId: sprint.id, title, ownerId, goalId: goal.id }).id;
    const b1 = create('Bo first', bo.id);
    const n1 = create('Nobody', null);
    const a1 = create('Ada first', ada.id);
    const a2 = create('Ada second', ada.id);
    must(core, 'sprintGoals.reorder', { ids: [a2, b1, n1, a1] });
    const view = must(core, 'retrospective.view', { sprintId: sprint.id });
    expect(view.goalsByOwner.map((g) => [g.ownerId, g.goals.map((x) => x.id)])).toEqual([
      [ada.id, [a2, a1]],
      [bo.id, [b1]],
      [null, [n1]],
    ]);
  });

  it("brings back earlier retrospectives' open action items, and lists this one's and its notes per column", async () => {
    const core = await tempCore();
    const { ada, bo, sprint: one } = seed(core);
    const openOld = must(core, 'actionItems.create', {
      sprintId: one.id,
      text: 'Still open',
      ownerId: ada.id,
    });
    const doneOld = must(core, 'actionItems.create', {
      sprintId: one.id,
      text: 'Done long ago',
      status: 'done',
    });
    const doneLater = must(core, 'actionItems.create', { sprintId: one.id, text: 'Done in sprint 2' });
    must(core, 'sprints.closeActive', {});
    const two = must(core, 'sprints.list', {})[1]!;
    must(core, 'actionItems.update', { id: doneLater.id, status: 'done' }); // recorded in sprint 2
    const mine = must(core, 'actionItems.create', { sprintId: two.id, text: 'New here', ownerId: bo.id });
    const kudos = must(core, 'retroNotes.create', { sprintId: two.id, column: 'kudos', text: 'Thanks' });
    const well = must(core, 'retroNotes.create', { sprintId: two.id, column: 'went well', text: 'Fast' });
    must(core, 'retroNotes.create', { sprintId: one.id, column: 'ideas', text: 'Not this sprint' });

    const view = must(core, 'retrospective.view', { sprintId: two.id });
    expect(view.earlierActionItems.map((i) => i.id)).toEqual([openOld.id, doneLater.id]);
    expect(view.earlierActionItems.map((i) => i.id)).not.toContain(doneOld.id);
    expect(view.actionItems.map((i) => i.id)).toEqual([mine.id]);
    expect(view.notes).toEqual({ 'went well': [well], 'to improve': [], ideas: [], kudos: [kudos] });
    // Sprint 1's own items are not "earlier" for sprint 1.
    expect(must(core, 'retrospective.view', { sprintId: one.id }).earlierActionItems).toEqual([]);
  });

  it('reads the roadmap state changes within the sprint only, in its meeting zone, with old and new state', async () => {
    const { core, at } = await clockedCore();
    const ada = must(core, 'people.create', { name: 'Ada', timeZone: 'UTC' });
    const goal = must(core, 'goals.create', { title: 'Faster builds', ownerIds: [ada.id] });
    const initiative = must(core, 'initiatives.create', { goalId: goal.id, title: 'Cache' });
    const milestone = must(core, 'milestones.create', {
      initiativeId: initiative.id,
      title: 'Design',
      participantIds: [ada.id],
    });
    // Midnight in New York is 05:00 UTC in November (EST).
    const sprint = must(core, 'sprints.createNext', {
      startDate: '2026-11-09',
      meetingAt: '2026-11-17T16:00:00Z',
      meetingTimeZone: 'America/New_York',
    });
    at('2026-11-09T04:59:59.999Z'); // Sunday evening in New York: before the sprint
    must(core, 'goals.update', { id: goal.id, state: 'paused' });
    at('2026-11-09T05:00:00.000Z'); // its first instant
    must(core, 'initiatives.update', { id: initiative.id, state: 'paused' });
    at('2026-11-12T10:00:00.000Z');
    must(core, 'milestones.update', { id: milestone.id, state: 'done' });
    at('2026-11-13T10:00:00.000Z');
    const gone = must(core, 'milestones.create', {
      initiativeId: initiative.id,
      title: 'Gone soon',
      state: 'paused',
    });
    at('2026-11-14T10:00:00.000Z');
    must(core, 'milestones.update', { id: gone.id, state: 'help wanted', title: 'Gone now' });
    must(core, 'milestones.delete', { id: gone.id });
    const polish = must(core, 'polish.create', { title: 'Typo', link: 'acme/app#1', assigneeId: ada.id });
    must(core, 'polish.update', { id: polish.id, status: 'done' });
    at('2026-11-23T04:59:59.999Z'); // the last instant of Sunday 22 November in New York
    must(core, 'goals.update', { id: goal.id, state: 'help wanted' });
    at('2026-11-23T05:00:00.000Z'); // after the sprint
    must(core, 'goals.update', { id: goal.id, state: 'paused' });

    const view = must(core, 'retrospective.view', { sprintId: sprint.id });
    const replicaId = core.workspace.replicaId;
    expect(view.bounds).toEqual({
      from: '2026-11-09T05:00:00.000Z',
      to: '2026-11-23T05:00:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(view.roadmapChanges).toEqual([
      {
        entity: 'initiative',
        id: initiative.id,
        title: 'Cache',
        from: 'help wanted',
        to: 'paused',
        at: '2026-11-09T05:00:00.000Z',
        replicaId,
      },
      {
        entity: 'milestone',
        id: milestone.id,
        title: 'Design',
        from: 'in progress',
        to: 'done',
        at: '2026-11-12T10:00:00.000Z',
        replicaId,
      },
      {
        entity: 'milestone',
        id: gone.id,
        title: 'Gone now',
        from: null,
        to: 'paused',
        at: '2026-11-13T10:00:00.000Z',
        replicaId,
      },
      {
        entity: 'milestone',
        id: gone.id,
        title: 'Gone now',
        from: 'paused',
        to: 'help wanted',
        at: '2026-11-14T10:00:00.000Z',
        replicaId,
      },
      {
        entity: 'goal',
        id: goal.id,
        title: 'Faster builds',
        from: 'paused',
        to: 'help wanted',
        at: '2026-11-23T04:59:59.999Z',
        replicaId,
      },
    ]);
    expect(view.milestonesDone).toEqual([
      {
        id: milestone.id,
        title: 'Design',
        initiativeId: initiative.id,
        initiativeTitle: 'Cache',
        at: '2026-11-12T10:00:00.000Z',
        replicaId,
      },
    ]);
    expect(view.polishDone).toMatchObject([
      { id: polish.id, doneAt: '2026-11-14T10:00:00.000Z', doneReplicaId: replicaId },
    ]);

    // Without a meeting zone the sprint runs midnight to midnight UTC.
    must(core, 'sprints.update', { id: sprint.id, meetingAt: null, meetingTimeZone: null });
    const utc = must(core, 'retrospective.view', { sprintId: sprint.id });
    expect(utc.bounds).toMatchObject({ from: '2026-11-09T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' });
    expect(utc.roadmapChanges.map((c) => [c.entity, c.at])).toEqual([
      ['goal', '2026-11-09T04:59:59.999Z'],
      ['initiative', '2026-11-09T05:00:00.000Z'],
      ['milestone', '2026-11-12T10:00:00.000Z'],
      ['milestone', '2026-11-13T10:00:00.000Z'],
      ['milestone', '2026-11-14T10:00:00.000Z'],
    ]);
  });

  it('refuses an unknown sprint, naming the field', async () => {
    const core = await tempCore();
    for (const method of ['retrospective.view', 'polish.view', 'planning.view', 'sprints.summary'] as const) {
      expect(refused(core, method, { sprintId: '01890a5d-ac96-774b-bcce-b302099a8057' })).toMatchObject({
        code: 'not_found',
        field: 'sprintId',
      });
    }
  });
});

describe('polish.view', () => {
  async function polishWorld() {
    const core = await tempCore();
    const { ada, bo, goal, sprint: one } = seed(core);
    const cy = must(core, 'people.create', { name: 'Cy', roles: ['stakeholder'] });
    const done = (assigneeId: string | null) =>
      must(core, 'polish.create', { title: 'Done', assigneeId, status: 'done' });
    done(ada.id);
    done(ada.id);
    done(cy.id);
    done(null);
    must(core, 'sprints.closeActive', {});
    const two = must(core, 'sprints.list', {})[1]!;
    done(bo.id);
    const open = must(core, 'polish.create', { title: 'Open', goalId: goal.id });
    const working = must(core, 'polish.create', {
      title: 'Working',
      assigneeId: bo.id,
      status: 'in progress',
    });
    must(core, 'polish.create', { title: 'Not worth it', status: "won't fix" });
    return { core, ada, bo, cy, one, two, open, working };
  }

  it("tallies the sprint's polish per person, with the goal owner who did none at 0", async () => {
    const { core, ada, bo, cy, one } = await polishWorld();
    const view = must(core, 'polish.view', { sprintId: one.id });
    expect(view.tally).toEqual([
      { personId: ada.id, count: 2, goalOwner: true },
      { personId: cy.id, count: 1, goalOwner: false },
      { personId: bo.id, count: 0, goalOwner: true },
    ]);
    expect(view.unassigned).toBe(1);
  });

  it('lists open and in-progress polish only, oldest first', async () => {
    const { core, two, open, working } = await polishWorld();
    expect(must(core, 'polish.view', { sprintId: two.id }).issues.map((i) => i.id)).toEqual([
      open.id,
      working.id,
    ]);
  });

  it('charts polish done per sprint, stacked by person, over the last sprints up to this one', async () => {
    const { core, ada, bo, cy, one, two } = await polishWorld();
    must(core, 'sprints.createNext', {}); // a later sprint: never in the chart of an earlier one
    const chart = must(core, 'polish.view', { sprintId: two.id }).chart;
    expect(chart).toEqual([
      { sprintId: one.id, sprintNumber: 1, byPerson: { [ada.id]: 2, [cy.id]: 1 }, unassigned: 1 },
      { sprintId: two.id, sprintNumber: 2, byPerson: { [bo.id]: 1 }, unassigned: 0 },
    ]);
    expect(
      must(core, 'polish.view', { sprintId: two.id, lastSprints: 1 }).chart.map((b) => b.sprintNumber),
    ).toEqual([2]);
    expect(refused(core, 'polish.view', { sprintId: two.id, lastSprints: 53 })).toMatchObject({
      field: 'lastSprints',
    });
    expect(refused(core, 'polish.view', { sprintId: two.id, lastSprints: 0 })).toMatchObject({
      field: 'lastSprints',
    });
  });

  it('charts a sprint with no polish as an empty bar', async () => {
    const core = await tempCore();
    const { sprint } = seed(core);
    expect(must(core, 'polish.view', { sprintId: sprint.id }).chart).toEqual([
      { sprintId: sprint.id, sprintNumber: 1, byPerson: {}, unassigned: 0 },
    ]);
  });
});

describe('planning.view', () => {
  async function planningWorld() {
    const core = await tempCore();
    const { ada, bo, goal, cache, sprint: one } = seed(core);
    const cy = must(core, 'people.create', { name: 'Cy', roles: ['stakeholder'] });
    const two = must(core, 'sprints.createNext', {});
    const three = must(core, 'sprints.createNext', {});
    const reviewed = (title: string, ownerId: string, outcome: 'done' | 'partial' | 'missed' | 'dropped') =>
      must(core, 'sprintGoals.create', {
        sprintId: one.id,
        title,
        ownerId,
        goalId: goal.id,
        definitionOfDone: 'Done.',
        estimate: 2,
        outcome,
      });
    const partial = reviewed('Half there', ada.id, 'partial');
    const missed = reviewed('Not started', ada.id, 'missed');
    reviewed('Finished', ada.id, 'done');
    reviewed('Given up', bo.id, 'dropped');
    const carried = reviewed('Rolled', bo.id, 'missed');
    must(core, 'sprintGoals.carryOver', { id: carried.id, toSprintId: two.id });
    must(core, 'capacities.set', { sprintId: one.id, personId: ada.id, days: 5 });
    must(core, 'capacities.set', { sprintId: one.id, personId: bo.id, days: 9 });
    must(core, 'capacities.set', { sprintId: two.id, personId: bo.id, days: 3 });
    must(core, 'capacities.set', { sprintId: three.id, personId: ada.id, days: 1 }); // later: not a default
    const planned = (input: {
      title: string;
      ownerId?: string | null;
      estimate?: number | null;
      definitionOfDone?: string;
      goalId?: string | null;
    }) =>
      must(core, 'sprintGoals.create', {
        sprintId: two.id,
        goalId: goal.id,
        definitionOfDone: 'Merged.',
        ...input,
      });
    const big = planned({ title: 'Big', ownerId: ada.id, estimate: 3 });
    const vague = planned({ title: 'Vague', ownerId: ada.id, estimate: 2.5, definitionOfDone: ' ' });
    const unestimated = planned({ title: 'Unestimated', ownerId: ada.id, estimate: null });
    const small = planned({ title: 'Small', ownerId: bo.id, estimate: 1 });
    const orphan = planned({ title: 'Orphan', ownerId: null, goalId: null, definitionOfDone: '' });
    const milestone = (
      title: string,
      targetSprintId: string,
      state: 'done' | 'help wanted' = 'help wanted',
    ) => must(core, 'milestones.create', { initiativeId: cache.id, title, targetSprintId, state });
    const late = milestone('Late', one.id);
    const due = milestone('Due', two.id);
    milestone('Already done', two.id, 'done');
    milestone('Later', three.id);
    return {
      core,
      ada,
      bo,
      cy,
      one,
      two,
      partial,
      missed,
      carried,
      big,
      vague,
      unestimated,
      small,
      orphan,
      late,
      due,
      cache,
      goal,
    };
  }

  it('offers the ending sprint’s partial and missed goals not carried over yet', async () => {
    const w = await planningWorld();
    const view = must(w.core, 'planning.view', { sprintId: w.two.id });
    expect(view.endingSprint?.id).toBe(w.one.id);
    expect(view.carryOverCandidates.map((g) => g.id)).toEqual([w.partial.id, w.missed.id]);
    must(w.core, 'sprintGoals.carryOver', { id: w.partial.id, toSprintId: w.two.id });
    const after = must(w.core, 'planning.view', { sprintId: w.two.id });
    expect(after.carryOverCandidates.map((g) => g.id)).toEqual([w.missed.id]);
    const copy = after.sprintGoals.find((g) => g.carriedOverFromId === w.partial.id);
    expect(copy).toMatchObject({ rolloverCount: 1, title: 'Half there' });
    // The first sprint has nothing to carry over.
    expect(must(w.core, 'planning.view', { sprintId: w.one.id })).toMatchObject({
      endingSprint: null,
      carryOverCandidates: [],
    });
  });

  it('checks each owner: capacity (defaulting to the last one set), total estimate, over capacity, well-defined', async () => {
    const w = await planningWorld();
    const view = must(w.core, 'planning.view', { sprintId: w.two.id });
    expect(view.owners.map((o) => o.personId)).toEqual([w.ada.id, w.bo.id, null]); // Cy: no role, no goal
    const [ada, bo, nobody] = view.owners;
    expect(ada).toMatchObject({
      capacity: 5,
      isDefault: true,
      capacityFromSprintNumber: 1,
      sprintGoalIds: [w.big.id, w.vague.id, w.unestimated.id],
      totalEstimate: 5.5,
      unestimated: 1,
      overCapacity: true,
      notWellDefined: [{ sprintGoalId: w.vague.id, missing: ['definition of done'] }],
    });
    const carriedCopy = view.sprintGoals.find((g) => g.carriedOverFromId === w.carried.id)!;
    expect(bo).toMatchObject({
      capacity: 3,
      isDefault: false,
      capacityFromSprintNumber: 2,
      sprintGoalIds: [carriedCopy.id, w.small.id],
      totalEstimate: 3, // 2 carried over + 1: exactly full
      overCapacity: false,
      notWellDefined: [],
    });
    expect(nobody).toMatchObject({
      personId: null,
      capacity: null,
      overCapacity: false,
      sprintGoalIds: [w.orphan.id],
      notWellDefined: [{ sprintGoalId: w.orphan.id, missing: ['owner', 'goal', 'definition of done'] }],
    });
    // Setting this sprint's capacity replaces the default.
    must(w.core, 'capacities.set', { sprintId: w.two.id, personId: w.ada.id, days: 6 });
    expect(must(w.core, 'planning.view', { sprintId: w.two.id }).owners[0]).toMatchObject({
      capacity: 6,
      isDefault: false,
      overCapacity: false,
    });
  });

  it('shows a goal owner with no goals and no capacity ever set', async () => {
    const core = await tempCore();
    const { ada, sprint } = seed(core);
    const view = must(core, 'planning.view', { sprintId: sprint.id });
    expect(view.owners[0]).toMatchObject({
      personId: ada.id,
      capacity: null,
      isDefault: false,
      capacityFromSprintNumber: null,
      sprintGoalIds: [],
      totalEstimate: 0,
      overCapacity: false,
      completion: { done: 0, counted: 0, rate: null },
    });
  });

  it('lists the milestones due: targeted at this sprint or an earlier one, and not done', async () => {
    const w = await planningWorld();
    const view = must(w.core, 'planning.view', { sprintId: w.two.id });
    expect(view.dueMilestones).toEqual([
      expect.objectContaining({
        id: w.late.id,
        targetSprintNumber: 1,
        initiativeTitle: 'Incremental cache',
        goalTitle: 'Faster builds',
      }),
      expect.objectContaining({
        id: w.due.id,
        targetSprintId: w.two.id,
        targetSprintNumber: 2,
        goalId: w.goal.id,
      }),
    ]);
  });

  it('computes completion rates over the last six sprints before this one, the ending sprint included', async () => {
    const core = await tempCore();
    const { ada, bo, goal } = seed(core);
    // Sprints 1–7 get one goal each for Ada; sprint 1 falls outside the window of sprint 8.
    const outcomes = ['done', 'partial', 'done', 'missed', 'dropped', 'done', null] as const;
    outcomes.forEach((outcome, i) => {
      const sprint = must(core, 'sprints.list', {})[i]!;
      expect(sprint.status).toBe('active');
      must(core, 'sprintGoals.create', {
        sprintId: sprint.id,
        title: `Goal ${i + 1}`,
        ownerId: ada.id,
        goalId: goal.id,
        outcome,
      });
      if (i === 6)
        must(core, 'sprintGoals.create', {
          sprintId: sprint.id,
          title: 'Bo',
          ownerId: bo.id,
          outcome: 'missed',
        });
      if (i < 6) must(core, 'sprints.closeActive', {});
    });
    const eight = must(core, 'sprints.createNext', {});
    const view = must(core, 'planning.view', { sprintId: eight.id });
    expect(view.completionSprintNumbers).toEqual([7, 6, 5, 4, 3, 2]);
    const [adaPlan, boPlan] = view.owners;
    // Sprints 2–7: done in 3 and 6; partial 2 and missed 4 count; dropped (5) and unreviewed (7) don't.
    expect(adaPlan?.completion).toEqual({ done: 2, counted: 4, rate: 0.5 });
    expect(boPlan?.completion).toEqual({ done: 0, counted: 1, rate: 0 });
  });
});

describe('sprints.overview', () => {
  it('lists every sprint with its dates, status, outcome counts and polish done', async () => {
    const core = await tempCore();
    const { ada, sprint } = seed(core);
    for (const outcome of ['done', 'done', 'partial', 'missed', 'dropped', null] as const) {
      must(core, 'sprintGoals.create', { sprintId: sprint.id, title: 'G', ownerId: ada.id, outcome });
    }
    must(core, 'polish.create', { title: 'P', status: 'done' });
    const two = must(core, 'sprints.createNext', {});
    expect(must(core, 'sprints.overview', {})).toEqual([
      {
        sprint: must(core, 'sprints.get', { id: sprint.id }),
        goals: 6,
        outcomes: { done: 2, partial: 1, missed: 1, dropped: 1, none: 1 },
        polishDone: 1,
      },
      {
        sprint: two,
        goals: 0,
        outcomes: { done: 0, partial: 0, missed: 0, dropped: 0, none: 0 },
        polishDone: 0,
      },
    ]);
  });
});

describe('at the scale of years of history', () => {
  /**
   * 260 sprints, 5,000 sprint goals, 20,000 polish issues, 50,000 notes and a change log of
   * 100,000 entries, written straight into the tables (the write path would take minutes).
   */
  function fill(core: Core) {
    const db = core.workspace.db;
    const id = (kind: string, n: number) => `00000000-0000-7000-8${kind}-${String(n).padStart(12, '0')}`;
    db.transaction(() => {
      const people = Array.from({ length: 15 }, (_, i) => id('001', i));
      const person = db.prepare(
        `INSERT INTO people (id, name, time_zone, roles) VALUES (?, ?, 'UTC', '["goal owner"]')`,
      );
      people.forEach((p, i) => person.run(p, `Person ${i}`));
      db.prepare(`INSERT INTO goals (id, title, state, position) VALUES (?, 'Goal', 'help wanted', 1)`).run(
        id('002', 0),
      );
      const sprint = db.prepare(
        `INSERT INTO sprints (id, number, start_date, end_date, status, meeting_time_zone) VALUES (?, ?, date('2016-01-04', ?), date('2016-01-17', ?), ?, 'Europe/Berlin')`,
      );
      for (let n = 1; n <= 260; n++) {
        sprint.run(
          id('003', n),
          n,
          `+${(n - 1) * 14} days`,
          `+${(n - 1) * 14} days`,
          n < 259 ? 'closed' : n === 259 ? 'active' : 'planned',
        );
      }
      const goal = db.prepare(
        `INSERT INTO sprint_goals (id, sprint_id, title, owner_id, goal_id, definition_of_done, estimate, outcome, position) VALUES (?, ?, 'Goal', ?, ?, 'Done.', 2, ?, ?)`,
      );
      const outcomes = ['done', 'partial', 'missed', 'dropped', null];
      for (let n = 0; n < 5000; n++) {
        const s = 1 + (n % 260);
        goal.run(
          id('004', n),
          id('003', s),
          people[n % 15],
          id('002', 0),
          s < 260 ? outcomes[n % 5] : null,
          n,
        );
      }
      const capacity = db.prepare(
        `INSERT INTO capacities (id, sprint_id, person_id, days) VALUES (?, ?, ?, 5)`,
      );
      for (let n = 1; n <= 250; n++) capacity.run(id('005', n), id('003', n), people[n % 15]);
      const polish = db.prepare(
        `INSERT INTO polish_issues (id, title, link, assignee_id, status, done_sprint_id, created_at) VALUES (?, 'Polish', 'acme/app#1', ?, ?, ?, '2020-01-01T00:00:00Z')`,
      );
      for (let n = 0; n < 20000; n++) {
        const done = n % 4 !== 0;
        polish.run(
          id('006', n),
          people[n % 16] ?? null,
          done ? 'done' : 'open',
          done ? id('003', 1 + (n % 259)) : null,
        );
      }
      const note = db.prepare(
        `INSERT INTO retro_notes (id, sprint_id, "column", text, votes, position) VALUES (?, ?, 'ideas', 'A note', 1, ?)`,
      );
      for (let n = 0; n < 50000; n++) note.run(id('007', n), id('003', 1 + (n % 259)), n);
      const change = db.prepare(
        `INSERT INTO changes (entity, entity_id, field, value, hlc, replica_id) VALUES (?, ?, ?, ?, ?, 'r')`,
      );
      const start = Date.parse('2016-01-04T00:00:00Z');
      const span = 260 * 14 * 86_400_000;
      for (let n = 0; n < 100_000; n++) {
        const wall = start + Math.floor((n / 100_000) * span);
        const hlc = `${String(wall).padStart(13, '0')}-${String(n % 100_000).padStart(5, '0')}-r`;
        if (n % 10 === 0)
          change.run(
            'milestone',
            id('008', n % 5000),
            'state',
            JSON.stringify(Math.floor(n / 5000) % 2 ? 'in progress' : 'done'),
            hlc,
          );
        else change.run('retroNote', id('007', n % 50000), 'votes', '1', hlc);
      }
    })();
  }

  it('answers every view in a few milliseconds with 260 sprints of data', async () => {
    const core = await tempCore(':memory:');
    fill(core);
    const sprints = must(core, 'sprints.list', {});
    const active = sprints.find((s) => s.status === 'active')!;
    const planned = sprints.at(-1)!;
    const calls = [
      () => must(core, 'retrospective.view', { sprintId: active.id }),
      () => must(core, 'polish.view', { sprintId: active.id, lastSprints: 52 }),
      () => must(core, 'planning.view', { sprintId: planned.id }),
      () => must(core, 'sprints.summary', { sprintId: active.id }),
      () => must(core, 'sprints.overview', {}),
    ];
    for (const call of calls) {
      call(); // prepares the statements
      const started = performance.now();
      call();
      expect(performance.now() - started).toBeLessThan(250);
    }
    const retro = must(core, 'retrospective.view', { sprintId: active.id });
    expect(retro.roadmapChanges.length).toBeGreaterThan(0);
    expect(retro.notes.ideas.length).toBeGreaterThan(100);
    expect(must(core, 'sprints.overview', {})).toHaveLength(260);
    expect(must(core, 'polish.view', { sprintId: active.id, lastSprints: 52 }).chart).toHaveLength(52);

    // The change log is read as a range of its clock-timestamp index, not scanned.
    const plan = core.workspace.db.prepare(`EXPLAIN QUERY PLAN ${ROADMAP_CHANGES_SQL}`).all('1', '2') as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /SEARCH c USING INDEX changes_by_hlc \(hlc>\? AND hlc<\?\)/,
    );
  });
});
