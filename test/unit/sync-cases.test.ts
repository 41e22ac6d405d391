/**
 * The hard cases of merging (docs/sync.md, "Hard cases"): two real workspace files edit offline,
 * then exchange through `changesAfter` / `receive`. B's edits are made strictly later by driving
 * its clock, never by sleeping.
 */
import { describe, expect, it } from 'vitest';
import { must, seed } from './helpers.ts';
import { replica, send, syncAll, syncedRows, type Replica } from './sync-helpers.ts';
import { adopt, workspaceId } from '../../src/main/sync/log.ts';

/** Two replicas of one workspace, seeded on A and fully exchanged; B's clock runs a minute ahead. */
async function pair() {
  const a = await replica('a', '2026-11-01T12:00:00.000Z');
  const b = await replica('b', '2026-11-01T12:01:00.000Z');
  const world = seed(a.core);
  adopt(b.core.workspace, workspaceId(a.core.workspace));
  send(a, b);
  return { a, b, world };
}

function converge(...replicas: Replica[]): void {
  syncAll(replicas);
  for (const r of replicas.slice(1)) expect(syncedRows(r)).toEqual(syncedRows(replicas[0]!));
}

describe('hard cases of merging two replicas', () => {
  it('concurrent edits of one field: the later wins, the other is kept as a conflict', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'goals.update', { id: world.goal.id, title: 'From A' });
    must(b.core, 'goals.update', { id: world.goal.id, title: 'From B' });
    const received = send(b, a);
    expect(received.conflicts).toBe(1);
    expect(send(a, b).conflicts).toBe(1);
    converge(a, b);
    expect(must(a.core, 'goals.get', { id: world.goal.id }).title).toBe('From B');
    for (const r of [a, b]) {
      const [conflict, ...rest] = must(r.core, 'conflicts.list', {});
      expect(rest).toEqual([]);
      expect(conflict).toMatchObject({
        entity: 'goal',
        id: world.goal.id,
        field: 'title',
        value: 'From A',
        current: 'From B',
        replica: a.core.workspace.replicaId,
      });
      expect(must(r.core, 'workspace.info', {}).conflicts).toBe(1);
      const history = must(r.core, 'history.list', { entity: 'goal', id: world.goal.id });
      const titles = history.filter((c) => c.field === 'title');
      expect(titles.map((c) => [c.value, c.conflict])).toEqual([
        ['From B', false],
        ['From A', true],
        ['Faster builds', false],
      ]);
    }
  });

  it('an edit made after seeing the other is no conflict', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'goals.update', { id: world.goal.id, title: 'From A' });
    send(a, b);
    must(b.core, 'goals.update', { id: world.goal.id, title: 'From B' });
    expect(send(b, a).conflicts).toBe(0);
    expect(must(a.core, 'conflicts.list', {})).toEqual([]);
    expect(must(a.core, 'goals.get', { id: world.goal.id }).title).toBe('From B');
  });

  it('resolving a conflict: keeping writes the value shown again, taking the other value writes that; both are edits', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'goals.update', { id: world.goal.id, title: 'From A' });
    must(a.core, 'initiatives.update', { id: world.cache.id, title: 'Cache A' });
    must(b.core, 'goals.update', { id: world.goal.id, title: 'From B' });
    must(b.core, 'initiatives.update', { id: world.cache.id, title: 'Cache B' });
    converge(a, b);
    const [first, second] = must(a.core, 'conflicts.list', {});
    const onGoal = [first!, second!].find((c) => c.entity === 'goal')!;
    const onCache = [first!, second!].find((c) => c.entity === 'initiative')!;
    must(a.core, 'conflicts.resolve', { id: onGoal.conflictId, choice: 'keep' });
    must(a.core, 'conflicts.resolve', { id: onCache.conflictId, choice: 'other' });
    expect(must(a.core, 'conflicts.list', {})).toEqual([]);
    expect(must(a.core, 'goals.get', { id: world.goal.id }).title).toBe('From B');
    expect(must(a.core, 'initiatives.get', { id: world.cache.id }).title).toBe('Cache A');
    send(a, b);
    expect(must(b.core, 'initiatives.get', { id: world.cache.id }).title).toBe('Cache A');
  });

  it('an edit racing a delete: the delete wins, the item stays deleted on both', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'initiatives.delete', { id: world.remote.id });
    must(b.core, 'initiatives.update', { id: world.remote.id, title: 'Edited offline' });
    converge(a, b);
    expect(must(b.core, 'initiatives.list', {}).map((i) => i.id)).not.toContain(world.remote.id);
  });

  it('a child created under a parent deleted elsewhere is hidden with it, on both', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'goals.delete', { id: world.goal.id, cascade: true });
    const child = must(b.core, 'initiatives.create', { goalId: world.goal.id, title: 'Orphan' });
    must(b.core, 'milestones.create', { initiativeId: child.id, title: 'Deep orphan' });
    converge(a, b);
    expect(must(a.core, 'initiatives.list', {})).toEqual([]);
    expect(must(a.core, 'milestones.list', {})).toEqual([]);
  });

  it('two replicas creating the next sprint make one sprint', async () => {
    const { a, b } = await pair();
    const fromA = must(a.core, 'sprints.createNext', {});
    const fromB = must(b.core, 'sprints.createNext', {});
    expect(fromA.id).toBe(fromB.id);
    converge(a, b);
    expect(must(a.core, 'sprints.list', {})).toHaveLength(2);
  });

  it('two replicas closing the active sprint leave one active sprint', async () => {
    const { a, b } = await pair();
    must(a.core, 'sprints.createNext', {});
    send(a, b);
    must(a.core, 'sprints.closeActive', {});
    must(b.core, 'sprints.closeActive', {});
    converge(a, b);
    const sprints = must(a.core, 'sprints.list', {});
    expect(sprints.map((s) => s.status)).toEqual(['closed', 'active']);
  });

  it('two replicas starting the same meeting make one meeting', async () => {
    const { a, b, world } = await pair();
    const fromA = must(a.core, 'meeting.start', { sprintId: world.sprint.id });
    const fromB = must(b.core, 'meeting.start', { sprintId: world.sprint.id });
    expect(fromA.id).toBe(fromB.id);
    converge(a, b);
  });

  it('two replicas running the same meeting merge its step and clock with no conflict to review', async () => {
    const { a, b, world } = await pair();
    const meeting = must(a.core, 'meeting.start', { sprintId: world.sprint.id });
    send(a, b);
    // Attendees are someone's choice: ticked differently on each, they are a conflict to review.
    const attendees = (present: boolean) => [{ personId: world.ada.id, present }];
    must(a.core, 'meeting.update', { id: meeting.id, attendees: attendees(true) });
    must(b.core, 'meeting.update', { id: meeting.id, attendees: attendees(false) });
    // Both move through the steps and close the meeting, each on their own clock.
    for (const r of [a, b]) {
      r.tick(30_000);
      must(r.core, 'meeting.goTo', { id: meeting.id, step: 'polish' });
      r.tick(5_000);
      must(r.core, 'meeting.goTo', { id: meeting.id, step: 'wrap-up' });
      r.tick(1_000);
      must(r.core, 'meeting.end', { id: meeting.id });
    }
    converge(a, b);
    for (const r of [a, b]) {
      expect(must(r.core, 'conflicts.list', {})).toMatchObject([
        { field: 'attendees', label: 'Meeting of sprint 1' },
      ]);
    }
    expect(must(a.core, 'meeting.get', { sprintId: world.sprint.id })).toEqual(
      must(b.core, 'meeting.get', { sprintId: world.sprint.id }),
    );
  });

  it("two replicas setting one person's capacity make one row, the later days", async () => {
    const { a, b, world } = await pair();
    must(a.core, 'capacities.set', { sprintId: world.sprint.id, personId: world.ada.id, days: 5 });
    must(b.core, 'capacities.set', { sprintId: world.sprint.id, personId: world.ada.id, days: 7 });
    converge(a, b);
    expect(must(a.core, 'capacities.list', { sprintId: world.sprint.id })).toMatchObject([{ days: 7 }]);
  });

  it('two replicas carrying over the same goal make one copy', async () => {
    const { a, b, world } = await pair();
    const next = must(a.core, 'sprints.createNext', {});
    const goal = must(a.core, 'sprintGoals.create', {
      sprintId: world.sprint.id,
      title: 'Half done',
      outcome: 'partial',
    });
    send(a, b);
    must(a.core, 'sprintGoals.carryOver', { id: goal.id, toSprintId: next.id });
    must(b.core, 'sprintGoals.carryOver', { id: goal.id, toSprintId: next.id });
    converge(a, b);
    expect(must(a.core, 'sprintGoals.list', { sprintId: next.id })).toHaveLength(1);
  });

  it('votes on one note on two replicas add up, and never go below 0', async () => {
    const { a, b, world } = await pair();
    const note = must(a.core, 'retroNotes.create', {
      sprintId: world.sprint.id,
      column: 'kudos',
      text: 'Thanks',
    });
    send(a, b);
    must(a.core, 'retroNotes.vote', { id: note.id, delta: 1 });
    must(a.core, 'retroNotes.vote', { id: note.id, delta: 1 });
    must(b.core, 'retroNotes.vote', { id: note.id, delta: 1 });
    converge(a, b);
    expect(must(a.core, 'retroNotes.list', { sprintId: world.sprint.id })[0]!.votes).toBe(3);
    must(a.core, 'retroNotes.vote', { id: note.id, delta: -1 });
    must(a.core, 'retroNotes.vote', { id: note.id, delta: -1 });
    must(a.core, 'retroNotes.vote', { id: note.id, delta: -1 });
    must(b.core, 'retroNotes.vote', { id: note.id, delta: -1 });
    converge(a, b);
    expect(must(b.core, 'retroNotes.list', { sprintId: world.sprint.id })[0]!.votes).toBe(0);
  });

  it('concurrent reorders give one order, nothing duplicated or dropped', async () => {
    const { a, b, world } = await pair();
    const third = must(a.core, 'initiatives.create', { goalId: world.goal.id, title: 'Third' });
    send(a, b);
    const ids = [world.cache.id, world.remote.id, third.id];
    must(a.core, 'initiatives.reorder', { ids: [ids[2]!, ids[0]!, ids[1]!] });
    must(b.core, 'initiatives.reorder', { ids: [ids[1]!, ids[2]!, ids[0]!] });
    converge(a, b);
    const order = must(a.core, 'initiatives.list', { goalId: world.goal.id }).map((i) => i.id);
    expect([...order].sort()).toEqual([...ids].sort());
    expect(order).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('dependencies that form a cycle only once merged are kept, and listed as cycles', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'initiatives.update', { id: world.cache.id, dependsOnIds: [world.remote.id] });
    must(b.core, 'initiatives.update', { id: world.remote.id, dependsOnIds: [world.cache.id] });
    converge(a, b);
    const roadmap = must(a.core, 'roadmap.view', {});
    expect(roadmap.cycles).toEqual([[world.cache.id, world.remote.id].sort()]);
  });

  it('a cascade delete meeting dependency edits from two replicas ends', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'initiatives.update', { id: world.cache.id, dependsOnIds: [world.remote.id] });
    must(b.core, 'initiatives.update', { id: world.remote.id, dependsOnIds: [world.cache.id] });
    send(b, a);
    must(a.core, 'goals.delete', { id: world.goal.id, cascade: true });
    converge(a, b);
    expect(must(b.core, 'initiatives.list', {})).toEqual([]);
  });

  it('a person deleted while referenced elsewhere: references read as none', async () => {
    const { a, b, world } = await pair();
    must(a.core, 'people.delete', { id: world.bo.id });
    must(b.core, 'initiatives.update', { id: world.remote.id, ownerIds: [world.bo.id, world.ada.id] });
    must(b.core, 'polish.create', { title: 'Typo', assigneeId: world.bo.id });
    converge(a, b);
    expect(must(a.core, 'initiatives.get', { id: world.remote.id }).ownerIds).toEqual([world.ada.id]);
    expect(must(a.core, 'polish.list', {})).toMatchObject([{ title: 'Typo', assigneeId: null }]);
  });
});
