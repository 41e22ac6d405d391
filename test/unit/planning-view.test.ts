/**
 * The plan step's read: its checks (carry-over, capacity, well-defined, completion rate,
 * milestones due), directly and through the API.
 */
import { describe, expect, it } from 'vitest';
import {
  completionRate,
  definitionGaps,
  isOverCapacity,
  isWellDefined,
  totalEstimate,
} from '../../src/main/services/planning.ts';
import { must, seed, tempCore } from './helpers.ts';

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
    expect(view.undecided).toBe(0);
    must(w.core, 'sprintGoals.carryOver', { id: w.partial.id, toSprintId: w.two.id });
    const after = must(w.core, 'planning.view', { sprintId: w.two.id });
    expect(after.carryOverCandidates.map((g) => g.id)).toEqual([w.missed.id]);
    const copy = after.sprintGoals.find((g) => g.carriedOverFromId === w.partial.id);
    expect(copy).toMatchObject({ rolloverCount: 1, title: 'Half there' });
    // A goal of the ending sprint not reviewed yet is counted, not offered.
    const unreviewed = must(w.core, 'sprintGoals.create', {
      sprintId: w.one.id,
      title: 'Not looked at',
      ownerId: w.ada.id,
      goalId: copy!.goalId,
      definitionOfDone: 'Done.',
    });
    const pending = must(w.core, 'planning.view', { sprintId: w.two.id });
    expect(pending.undecided).toBe(1);
    expect(pending.carryOverCandidates.map((g) => g.id)).toEqual([w.missed.id]);
    must(w.core, 'sprintGoals.update', { id: unreviewed.id, outcome: 'missed' });
    const reviewed = must(w.core, 'planning.view', { sprintId: w.two.id });
    expect(reviewed.undecided).toBe(0);
    expect(reviewed.carryOverCandidates.map((g) => g.id)).toEqual([w.missed.id, unreviewed.id]);
    // The first sprint has nothing to carry over.
    expect(must(w.core, 'planning.view', { sprintId: w.one.id })).toMatchObject({
      endingSprint: null,
      carryOverCandidates: [],
      undecided: 0,
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
