/**
 * The retrospective's read: the sprint's bounds, and goals per owner, action items, notes and
 * roadmap changes from the change log within them.
 */
import { describe, expect, it } from 'vitest';
import { hlcRange, sprintBounds } from '../../src/main/services/retrospective.ts';
import { clockedCore, must, refused, seed, tempCore } from './helpers.ts';

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
    // What the step shows of each: its title and who did it.
    expect(view.polishDone).toEqual([{ id: polish.id, title: polish.title, assigneeId: polish.assigneeId }]);

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

  it('hands what follows an early close to the next sprint, whose retrospective reviews it', async () => {
    const { core, at } = await clockedCore('2026-11-09T09:00:00Z');
    const initiative = must(core, 'initiatives.create', {
      goalId: must(core, 'goals.create', { title: 'Faster builds' }).id,
      title: 'Cache',
    });
    const milestone = must(core, 'milestones.create', { initiativeId: initiative.id, title: 'Design' });
    const first = must(core, 'sprints.createNext', { startDate: '2026-11-09' });
    expect(first.status).toBe('active');
    at('2026-11-16T10:00:00.000Z'); // a week early
    const second = must(core, 'sprints.closeActive', {});
    at('2026-11-16T11:00:00.000Z');
    must(core, 'milestones.update', { id: milestone.id, state: 'done' });

    const closed = must(core, 'retrospective.view', { sprintId: first.id });
    expect(closed.bounds).toMatchObject({ from: '2026-11-09T00:00:00.000Z', to: '2026-11-16T10:00:00.000Z' });
    expect(closed.milestonesDone).toEqual([]);
    const active = must(core, 'retrospective.view', { sprintId: second.id });
    expect(active.bounds).toMatchObject({ from: '2026-11-16T10:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
    expect(active.milestonesDone.map((m) => [m.title, m.at])).toEqual([
      ['Design', '2026-11-16T11:00:00.000Z'],
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
