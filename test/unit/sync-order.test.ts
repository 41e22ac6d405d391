/**
 * Segments arriving in any order, with gaps, through a real folder: two installations edit the
 * same fields round after round, each writing its own segments; installations that receive those
 * segments one file at a time, in different orders, end up with the same rows and the same
 * conflicts listed as the two that made them.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { must, tempCore, tempDir } from './helpers.ts';
import { someWork, synced, syncedDump } from './sync-transport-helpers.ts';

const ROUNDS = 4;

/** The segment files under `folder`, as paths relative to it. */
const filesOf = (folder: string) =>
  (readdirSync(folder, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.changes.gz'))
    .sort();

/** A deterministic shuffle (a linear congruential generator), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const conflictsOf = (core: Core) =>
  (must(core, 'conflicts.list', {}) as { conflictId: string; field: string; value: unknown }[])
    .map(({ conflictId, field, value }) => ({ conflictId, field, value }))
    .sort((x, y) => (x.conflictId < y.conflictId ? -1 : 1));

describe('segments delivered in any order', () => {
  it('record the same conflicts and rows on every installation, whatever the order and gaps', async () => {
    const base = tempDir();
    const a = await tempCore();
    const b = await tempCore();
    const { goal, initiative } = someWork(a, 'base');
    synced(a, 'sync.folder', { folder: base });
    synced(b, 'sync.folder', { folder: base });

    // Offline, round after round, both edit the goal's title; each edits other fields too. Each
    // writes its segments into a copy of the folder of its own (one segment per round).
    const own = { a: tempDir(), b: tempDir() };
    cpSync(base, own.a, { recursive: true });
    cpSync(base, own.b, { recursive: true });
    for (let round = 1; round <= ROUNDS; round++) {
      must(a, 'goals.update', { id: goal.id, title: `Title by a, round ${round}` });
      must(a, 'initiatives.update', { id: initiative.id, title: `Initiative by a, round ${round}` });
      synced(a, 'sync.folder', { folder: own.a });
      must(b, 'goals.update', { id: goal.id, title: `Title by b, round ${round}` });
      if (round % 2 === 0)
        must(b, 'initiatives.update', { id: initiative.id, title: `By b, round ${round}` });
      must(b, 'goals.update', { id: goal.id, impact: `Impact by b, round ${round}` });
      synced(b, 'sync.folder', { folder: own.b });
    }
    const everything = tempDir();
    for (const folder of [own.a, own.b]) cpSync(folder, everything, { recursive: true });
    const files = filesOf(everything);
    expect(files.length).toBeGreaterThanOrEqual(2 * ROUNDS);

    // The two that made the edits, each taking the other's segments.
    synced(a, 'sync.folder', { folder: everything });
    synced(b, 'sync.folder', { folder: everything });
    expect(syncedDump(b.workspace.db)).toEqual(syncedDump(a.workspace.db));
    const expected = conflictsOf(a);
    expect(expected.length).toBeGreaterThan(0);
    expect(conflictsOf(b)).toEqual(expected);

    // Newcomers receiving the segment files one at a time, in three different orders, syncing
    // after each arrival: gaps in a writer's numbers, the other writer first, and so on.
    for (const seed of [1, 7, 42]) {
      const folder = tempDir();
      const c = await tempCore();
      for (const file of shuffled(files, seed)) {
        mkdirSync(dirname(join(folder, file)), { recursive: true });
        copyFileSync(join(everything, file), join(folder, file));
        synced(c, 'sync.folder', { folder });
      }
      const label = `order ${shuffled(files, seed)
        .map((f) => relative('.', f).split('/').slice(-2).join('/').slice(0, 12))
        .join(', ')}`;
      expect(syncedDump(c.workspace.db), label).toEqual(syncedDump(a.workspace.db));
      expect(conflictsOf(c), label).toEqual(expected);
    }
  });
});
