/**
 * What `receive` does with changes it can't simply apply: invalid ones are refused by index and
 * never stop the rest; those of a newer Fortnight are kept, counted, passed on and never crash.
 */
import { describe, expect, it } from 'vitest';
import { must, seed } from './helpers.ts';
import { replica, send, syncedRows } from './sync-helpers.ts';
import { formatHlc } from '../../src/main/store/hlc.ts';
import { changesAfter, receive, type Change } from '../../src/main/sync/log.ts';

const REPLICA = '0f5c2a3e-8b1d-4c6f-9e2a-7d3b5c1e9f00';
let counter = 0;
/** A change from another replica, stamped just after the test clocks' start. */
const from = (change: Partial<Change> & Pick<Change, 'entity' | 'id' | 'field' | 'value'>): Change => ({
  hlc: formatHlc(Date.parse('2026-11-01T12:00:00.000Z'), ++counter, REPLICA),
  replica: REPLICA,
  base: null,
  ...change,
});

describe('receiving changes', () => {
  it('refuses invalid changes by index, naming the field, and applies the rest', async () => {
    const b = await replica('b');
    const world = seed(b.core);
    const before = syncedRows(b);
    const goal = world.goal.id;
    const changes: Change[] = [
      from({ entity: 'goal', id: goal, field: 'title', value: '5' }),
      from({ entity: 'goal', id: goal, field: 'title', value: JSON.stringify('x'.repeat(5000)) }),
      from({ entity: 'goal', id: goal, field: 'state', value: '"sleeping"' }),
      from({ entity: 'goal', id: 'not an id', field: 'title', value: '"Fine"' }),
      from({ entity: 'goal', id: goal, field: 'title', value: '"Fine"', hlc: 'yesterday' }),
      from({ entity: 'goal', id: goal, field: 'title', value: '{not json' }),
      from({ entity: 'goal', id: goal, field: 'ownerIds', value: JSON.stringify([goal]) }),
      from({ entity: 'replica', id: b.core.workspace.replicaId, field: 'personId', value: 'null' }),
      from({ entity: 'goal', id: goal, field: 'title', value: '"Merged title"' }),
    ];
    const result = receive(b.core.workspace, changes);
    expect(result.invalid.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.invalid[0]!.reason).toContain('goal.title');
    expect(result.invalid[2]!.reason).toContain('goal.state');
    expect(result.invalid[4]!.reason).toContain('hlc');
    expect(result.applied).toBe(1);
    expect(must(b.core, 'goals.get', { id: goal }).title).toBe('Merged title');
    const after = syncedRows(b);
    after.goals = before.goals!.map((row) =>
      (row as { id: string }).id === goal ? { ...(row as object), title: 'Merged title' } : row,
    );
    expect(after).toEqual({ ...before, goals: after.goals });
  });

  it("keeps a newer version's changes: counted, passed on, the rows untouched", async () => {
    const a = await replica('a');
    const b = await replica('b');
    const world = seed(a.core);
    send(a, b);
    const newer = [
      from({ entity: 'goal', id: world.goal.id, field: 'colour', value: '"teal"' }),
      from({ entity: 'label', id: world.goal.id, field: 'name', value: '"Infra"' }),
    ];
    const result = receive(a.core.workspace, newer);
    expect(result).toMatchObject({ applied: 2, newerVersion: 2, invalid: [] });
    expect(must(a.core, 'workspace.info', {}).newerVersionChanges).toBe(2);
    expect(syncedRows(a)).toEqual(syncedRows(b));
    const passedOn = send(a, b);
    expect(passedOn).toMatchObject({ applied: 2, newerVersion: 2 });
    expect(changesAfter(b.core.workspace, {}).filter((c) => c.replica === REPLICA)).toHaveLength(2);
  });

  it('applies kept changes once this version knows their field (after an upgrade)', async () => {
    const a = await replica('a');
    const world = seed(a.core);
    // As an older Fortnight left it: a change of a field it didn't know, kept and counted.
    const kept = from({
      entity: 'goal',
      id: world.goal.id,
      field: 'title',
      value: '"From the future"',
      hlc: formatHlc(Date.parse('2026-11-01T12:00:01.000Z'), 0, REPLICA),
    });
    const { db } = a.core.workspace;
    db.prepare(
      'INSERT INTO changes (entity, entity_id, field, value, hlc, replica_id, base) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(kept.entity, kept.id, kept.field, kept.value, kept.hlc, kept.replica, kept.base);
    db.prepare('INSERT INTO sync_newer (hlc, replica_id) VALUES (?, ?)').run(kept.hlc, kept.replica);
    expect(must(a.core, 'goals.get', { id: world.goal.id }).title).toBe('Faster builds');
    receive(a.core.workspace, []);
    expect(must(a.core, 'goals.get', { id: world.goal.id }).title).toBe('From the future');
    expect(must(a.core, 'workspace.info', {}).newerVersionChanges).toBe(0);
  });
});
