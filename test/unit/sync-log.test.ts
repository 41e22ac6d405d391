import { describe, expect, it } from 'vitest';
import { must } from './helpers.ts';
import { replica, send, syncedRows, syncAll } from './sync-helpers.ts';
import {
  adopt,
  changesAfter,
  isEmpty,
  receive,
  seen,
  workspaceId,
  type Change,
} from '../../src/main/sync/log.ts';

describe('exchanging changes between two workspace files', () => {
  it('brings a new replica to the same rows, and a second delivery changes nothing', async () => {
    const a = await replica('a');
    const b = await replica('b');
    const ada = must(a.core, 'people.create', { name: 'Ada', handle: 'ada', timeZone: 'Europe/Berlin' });
    const goal = must(a.core, 'goals.create', { title: 'Faster builds', ownerIds: [ada.id] });
    must(a.core, 'initiatives.create', { goalId: goal.id, title: 'Cache', ownerIds: [ada.id] });
    must(a.core, 'sprints.createNext', { startDate: '2026-11-09' });
    expect(isEmpty(b.core.workspace)).toBe(true);
    adopt(b.core.workspace, workspaceId(a.core.workspace));

    const first = send(a, b);
    expect(first.applied).toBeGreaterThan(10);
    expect(first.invalid).toEqual([]);
    expect(syncedRows(b)).toEqual(syncedRows(a));
    expect(isEmpty(b.core.workspace)).toBe(false);

    const all = changesAfter(a.core.workspace, {});
    const again = receive(b.core.workspace, all);
    expect(again).toMatchObject({ applied: 0, duplicates: all.length, conflicts: 0 });
    expect(syncedRows(b)).toEqual(syncedRows(a));
    expect(seen(b.core.workspace)[a.core.workspace.replicaId]).toBe(all.at(-1)!.hlc);
  });

  it('gives the same rows whatever order the changes arrive in', async () => {
    const a = await replica('a');
    const ada = must(a.core, 'people.create', { name: 'Ada', timeZone: 'UTC' });
    const goal = must(a.core, 'goals.create', { title: 'One', ownerIds: [ada.id] });
    must(a.core, 'goals.update', { id: goal.id, title: 'Two' });
    must(a.core, 'initiatives.create', { goalId: goal.id, title: 'Cache' });
    const all = changesAfter(a.core.workspace, {});
    const b = await replica('b');
    const reversed = [...all].reverse();
    receive(b.core.workspace, reversed);
    expect(syncedRows(b)).toEqual(syncedRows(a));
  });

  it('moves the receiving clock past what it received', async () => {
    const a = await replica('a', '2026-11-01T12:00:00.000Z');
    const b = await replica('b', '2026-11-01T11:00:00.000Z');
    must(a.core, 'people.create', { name: 'Ada', timeZone: 'UTC' });
    send(a, b);
    const person = must(b.core, 'people.create', { name: 'Bo', timeZone: 'UTC' });
    const mine = seen(b.core.workspace)[b.core.workspace.replicaId]!;
    expect(mine > seen(b.core.workspace)[a.core.workspace.replicaId]!).toBe(true);
    expect(person.name).toBe('Bo');
  });

  it('tells the others whose installation this is, so they name who made a change', async () => {
    const a = await replica('a');
    const b = await replica('b');
    send(a, b);
    const ada = must(a.core, 'people.create', { name: 'Ada', timeZone: 'UTC' });
    must(a.core, 'workspace.setMe', { personId: ada.id });
    const goal = must(a.core, 'goals.create', { title: 'Async iterator trait' });
    send(a, b);
    const history = must(b.core, 'history.list', { entity: 'goal', id: goal.id });
    expect(history.find((c) => c.field === 'title')?.personId).toBe(ada.id);
    expect(must(b.core, 'workspace.info', {}).mePersonId).toBeNull();
    expect(must(a.core, 'workspace.info', {}).mePersonId).toBe(ada.id);
  });

  it('refuses one installation saying whose another one is', async () => {
    const a = await replica('a');
    const ada = must(a.core, 'people.create', { name: 'Ada', timeZone: 'UTC' });
    const b = await replica('b');
    send(a, b);
    const forged: Change = {
      entity: 'replica',
      id: b.core.workspace.replicaId,
      field: 'personId',
      value: JSON.stringify(ada.id),
      hlc: `${String(Date.parse('2026-11-01T12:00:00Z')).padStart(13, '0')}-00000-${a.core.workspace.replicaId}`,
      replica: a.core.workspace.replicaId,
      base: null,
    };
    const result = receive(b.core.workspace, [forged]);
    expect(result.invalid).toEqual([{ index: 0, reason: expect.stringContaining('replica.id') }]);
    expect(must(b.core, 'workspace.info', {}).mePersonId).toBeNull();
  });

  it('counts a workspace holding only whose installation it is as empty', async () => {
    const a = await replica('a');
    const ada = must(a.core, 'people.create', { name: 'Ada', timeZone: 'UTC' });
    must(a.core, 'workspace.setMe', { personId: ada.id });
    const b = await replica('b');
    const claim = changesAfter(a.core.workspace, {}).filter((c) => c.entity === 'replica');
    expect(claim).toHaveLength(1);
    receive(b.core.workspace, claim);
    expect(isEmpty(b.core.workspace)).toBe(true);
  });

  it('refuses to merge a workspace with data into another workspace, naming both', async () => {
    const a = await replica('a');
    const b = await replica('b');
    must(b.core, 'people.create', { name: 'Bo', timeZone: 'UTC' });
    const theirs = workspaceId(a.core.workspace);
    const mine = workspaceId(b.core.workspace);
    expect(() => adopt(b.core.workspace, theirs)).toThrow(new RegExp(`${mine}.*${theirs}`));
    expect(workspaceId(b.core.workspace)).toBe(mine);
    adopt(b.core.workspace, mine); // its own id is fine
  });

  it('syncs three replicas to identical rows', async () => {
    const rs = [await replica('a'), await replica('b'), await replica('c')];
    for (const [i, r] of rs.entries()) must(r.core, 'people.create', { name: `P${i}`, timeZone: 'UTC' });
    syncAll(rs);
    expect(syncedRows(rs[1]!)).toEqual(syncedRows(rs[0]!));
    expect(syncedRows(rs[2]!)).toEqual(syncedRows(rs[0]!));
    expect(must(rs[0]!.core, 'people.list', {})).toHaveLength(3);
  });
});
