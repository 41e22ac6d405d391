import { describe, expect, it } from 'vitest';
import { Clock, parseHlc } from '../../src/main/store/hlc.ts';
import { openWorkspace } from '../../src/main/db/open.ts';
import { dump, must, refused, seed, tempCore, tempDir } from './helpers.ts';
import { join } from 'node:path';
import type { Core } from '../../src/main/api/core.ts';
import type { ChangeRow } from '../../src/main/store/change-rows.ts';

const changesAfter = (core: Core, seq: number) =>
  core.workspace.db.prepare('SELECT * FROM changes WHERE seq > ? ORDER BY seq').all(seq) as ChangeRow[];
const lastSeq = (core: Core) =>
  (core.workspace.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM changes').get() as { s: number }).s;

describe('the one write path', () => {
  it('logs every field of a created item with its hlc and this replica', async () => {
    const core = await tempCore();
    const person = must(core, 'people.create', {
      name: 'Ada',
      handle: 'ada',
      timeZone: 'UTC',
      roles: ['goal owner'],
    });
    const rows = changesAfter(core, 0);
    expect(rows.map((r) => [r.entity, r.entity_id, r.field, r.value])).toEqual([
      ['person', person.id, 'name', '"Ada"'],
      ['person', person.id, 'handle', '"ada"'],
      ['person', person.id, 'timeZone', '"UTC"'],
      ['person', person.id, 'roles', '["goal owner"]'],
    ]);
    expect(new Set(rows.map((r) => r.replica_id))).toEqual(new Set([core.workspace.replicaId]));
  });

  it('logs only the fields an update really changes', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    const before = lastSeq(core);
    must(core, 'goals.update', { id: goal.id, title: 'Faster builds', impact: 'Less waiting' });
    expect(changesAfter(core, before).map((r) => [r.field, r.value])).toEqual([['impact', '"Less waiting"']]);
  });

  it('logs a list field (owners) as one value, in order', async () => {
    const core = await tempCore();
    const { goal, ada, bo } = seed(core);
    const before = lastSeq(core);
    must(core, 'goals.update', { id: goal.id, ownerIds: [bo.id, ada.id] });
    expect(changesAfter(core, before).map((r) => [r.field, JSON.parse(r.value!)])).toEqual([
      ['ownerIds', [bo.id, ada.id]],
    ]);
    expect(must(core, 'goals.get', { id: goal.id }).ownerIds).toEqual([bo.id, ada.id]);
  });

  it('writes a tombstone for a delete', async () => {
    const core = await tempCore();
    const { bo } = seed(core);
    const before = lastSeq(core);
    must(core, 'people.delete', { id: bo.id });
    expect(changesAfter(core, before).map((r) => [r.entity, r.entity_id, r.field, r.value])).toEqual([
      ['person', bo.id, '_deleted', 'true'],
    ]);
  });

  it('writes every change of a cascading delete, including the links it clears', async () => {
    const core = await tempCore();
    const { goal, cache, remote, sprint, ada } = seed(core);
    must(core, 'milestones.create', { initiativeId: cache.id, title: 'Prototype' });
    must(core, 'initiatives.update', { id: remote.id, dependsOnIds: [cache.id] });
    const sprintGoal = must(core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'Cache hits',
      initiativeId: cache.id,
      ownerId: ada.id,
    });
    const before = lastSeq(core);
    must(core, 'goals.delete', { id: goal.id, cascade: true });
    const fields = changesAfter(core, before).map((r) => `${r.entity}.${r.field}`);
    expect(fields).toContain('milestone._deleted');
    expect(fields).toContain('initiative.dependsOnIds');
    expect(fields).toContain('sprintGoal.initiativeId');
    expect(fields).toContain('sprintGoal.goalId');
    expect(fields.filter((f) => f === 'initiative._deleted')).toHaveLength(2);
    expect(fields).toContain('goal._deleted');
    const kept = must(core, 'sprintGoals.list', { sprintId: sprint.id })[0]!;
    expect(kept).toMatchObject({ id: sprintGoal.id, title: 'Cache hits', goalId: null, initiativeId: null });
  });

  it('writes nothing at all for a refused call', async () => {
    const core = await tempCore();
    const { goal, ada } = seed(core);
    const before = dump(core.workspace.db);
    refused(core, 'goals.update', { id: goal.id, ownerIds: [goal.id], state: 'in progress' });
    refused(core, 'people.delete', { id: ada.id });
    refused(core, 'goals.delete', { id: goal.id });
    refused(core, 'goals.create', { title: '' });
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('rolls back the whole call when a rule refuses it half-way', async () => {
    const core = await tempCore();
    const { cache, remote } = seed(core);
    must(core, 'initiatives.update', { id: remote.id, dependsOnIds: [cache.id] });
    const before = dump(core.workspace.db);
    // The title would change first, then the dependency closes a cycle: neither may land.
    refused(core, 'initiatives.update', { id: cache.id, title: 'Renamed', dependsOnIds: [remote.id] });
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('keeps timestamps increasing, also across a reopening', async () => {
    const file = join(tempDir(), 'w.db');
    const core = await tempCore(file);
    seed(core);
    const first = changesAfter(core, 0).map((r) => r.hlc);
    core.close();
    const ws = await openWorkspace(file);
    const next = ws.clock.tick();
    ws.db.close();
    expect([...first].sort()).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(next > first.at(-1)!).toBe(true);
  });
});

describe('the hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    let wall = 1_000_000;
    const clock = new Clock('r1', undefined, () => wall);
    const a = clock.tick();
    wall -= 5_000;
    const b = clock.tick();
    wall += 1;
    const c = clock.tick();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(b)).toEqual({ wall: 1_000_000, counter: 1, replicaId: 'r1' });
  });

  it('moves to the next millisecond when the counter runs out', () => {
    const clock = new Clock('r1', { wall: 5, counter: 99_999 }, () => 5);
    expect(parseHlc(clock.tick())).toEqual({ wall: 6, counter: 0, replicaId: 'r1' });
  });
});
