/**
 * Changes made by a newer Fortnight (an entity or a field this version doesn't know) arriving
 * through a folder: kept and counted, never reported as problems, never dropped — they travel on
 * to the installations this one syncs with — while the changes this version knows apply.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detailLines } from '../../src/cli/sync.ts';
import { summaryLine } from '../../src/shared/sync-summary.ts';
import { decode, encode } from '../../src/main/sync/segment.ts';
import { must, tempCore, tempDir } from './helpers.ts';
import { someWork, synced } from './sync-transport-helpers.ts';

describe('sync: changes from a newer version', () => {
  it('are kept, counted and passed on; the known changes beside them apply', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const { goal } = someWork(a, 'a');
    const { workspaceId } = synced(a, 'sync.folder', { folder });

    // The goal's title as `a` wrote it: the newer installation's edit replaces it, having seen it.
    const [mine] = readdirSync(join(folder, workspaceId));
    const written = decode(readFileSync(join(folder, workspaceId, mine!, '00000001.changes.gz')));
    if (written.kind !== 'read') throw new Error(`a's segment is ${written.kind}`);
    const title = written.changes.find((c) => c.id === goal.id && c.field === 'title')!;

    // A third installation, running a newer Fortnight, wrote a segment with a known edit, a field
    // of goals this version lacks, and a whole entity this version lacks.
    const writer = randomUUID();
    const stamp = (n: number) => `${String(Date.now() + n).padStart(13, '0')}-00000-${writer}`;
    const badge = randomUUID();
    const changes = [
      {
        entity: 'goal',
        id: goal.id,
        field: 'title',
        value: JSON.stringify('Renamed by a newer one'),
        base: title.hlc,
      },
      { entity: 'goal', id: goal.id, field: 'mood', value: JSON.stringify('sunny') },
      { entity: 'badge', id: badge, field: 'label', value: JSON.stringify('Shipped') },
    ].map((change, n) => ({ base: null, ...change, hlc: stamp(n + 1), replica: writer }));
    mkdirSync(join(folder, workspaceId, writer));
    writeFileSync(
      join(folder, workspaceId, writer, '00000001.changes.gz'),
      encode({ workspace: workspaceId, replica: writer }, changes),
    );

    const summary = synced(a, 'sync.folder', { folder });
    expect(summary).toMatchObject({
      received: 3,
      newerVersion: 2,
      conflicts: 0,
      problemCount: 0,
      installations: 1,
    });
    expect(must(a, 'goals.get', { id: goal.id }).title).toBe('Renamed by a newer one');
    expect(summaryLine(summary)).toBe(
      'Sent 0 changes; received 3 changes from 1 installation; 0 conflicts recorded.',
    );
    expect(detailLines(summary)).toContain(
      '2 changes came from a newer Fortnight: kept, and applied once this installation is updated.',
    );
    // Read once: a second sync finds nothing new.
    expect(synced(a, 'sync.folder', { folder })).toMatchObject({ received: 0, newerVersion: 0 });

    // Passed on: an empty installation that syncs with `a` through another folder gets all three.
    const relay = tempDir();
    expect(synced(a, 'sync.folder', { folder: relay }).sent).toBeGreaterThanOrEqual(3);
    const c = await tempCore();
    const joined = synced(c, 'sync.folder', { folder: relay });
    expect(joined).toMatchObject({ joined: true, workspaceId, newerVersion: 2 });
    expect(must(c, 'goals.get', { id: goal.id }).title).toBe('Renamed by a newer one');
  });
});
