/**
 * Reading a snapshot ahead of its loading, on a real snapshot file: read in its own thread, it
 * gives exactly the parts it gives read in the loading's thread — the snapshot found, then its
 * chunks with each change checked (a refused one by its line) — and a folder without a snapshot
 * gives nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { folderTarget } from '../../src/main/sync/folder.ts';
import { listSnapshots } from '../../src/main/sync/segment-files.ts';
import {
  readSnapshotAhead,
  readSnapshotsWith,
  SNAPSHOT_CHUNK,
  type SnapshotPart,
} from '../../src/main/sync/snapshot-reading.ts';
import { writeSnapshot } from '../../src/main/sync/snapshot.ts';
import { sourcesOf } from '../../src/main/sync/sources.ts';
import { must, seed, tempCore, tempDir } from './helpers.ts';
import { synced } from './sync-transport-helpers.ts';

const THREAD = new URL('../../src/main/sync/snapshot-reading-thread.ts', import.meta.url);

function readAll(folder: string, workspace: string, now: Date): SnapshotPart[] {
  const reading = readSnapshotAhead(listSnapshots(folder), workspace, now);
  const parts: SnapshotPart[] = [];
  try {
    for (let part = reading.next(); part; part = reading.next()) parts.push(part);
  } finally {
    reading.close();
  }
  return parts;
}

describe('reading a snapshot ahead', () => {
  afterEach(() => readSnapshotsWith(THREAD));

  it('in its own thread gives the parts it gives in the loading’s thread, refused changes by their line', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const world = seed(a);
    for (let i = 0; i < 5; i++) must(a, 'goals.update', { id: world.goal.id, title: `Take ${i}` });
    const { workspaceId } = synced(a, 'sync.folder', { folder });
    const workspaceFolder = join(folder, workspaceId);
    const snapshot = writeSnapshot(
      a.workspace,
      workspaceFolder,
      workspaceId,
      sourcesOf(a.workspace, folderTarget(folder)),
    )!;
    // One change whose value its field refuses (a goal's title can't be a number).
    const lines = gunzipSync(readFileSync(snapshot)).toString('utf8').split('\n');
    const refused = lines.findIndex((line) => line.includes('"goal"') && line.includes('"title"'));
    const change = JSON.parse(lines[refused]!) as unknown[];
    change[3] = '42';
    lines[refused] = JSON.stringify(change);
    writeFileSync(snapshot, gzipSync(lines.join('\n')));

    const now = new Date();
    readSnapshotsWith(THREAD);
    const inThread = readAll(workspaceFolder, workspaceId, now);
    readSnapshotsWith(null);
    const here = readAll(workspaceFolder, workspaceId, now);

    expect(inThread).toEqual(here);
    const [found, chunk, ...more] = inThread;
    expect(more).toEqual([]);
    expect(found).toMatchObject({ kind: 'found', path: snapshot, writer: a.workspace.replicaId, chunks: 1 });
    expect(chunk?.kind).toBe('chunk');
    if (chunk?.kind !== 'chunk') return;
    const count = lines.filter((line) => line !== '').length - 2;
    expect(count).toBeLessThan(SNAPSHOT_CHUNK);
    expect(chunk.checked.valid).toHaveLength(count - 1);
    expect(chunk.problems).toEqual([]);
    expect(chunk.checked.invalid).toEqual([
      { index: refused - 1, reason: expect.stringMatching(/^goal\.title: /) as unknown },
    ]);
    expect(chunk.lines[refused - 1]).toBe(refused + 1);
  });

  it('gives nothing when the folder holds no snapshot of the workspace', async () => {
    const folder = tempDir();
    const a = await tempCore();
    seed(a);
    const { workspaceId } = synced(a, 'sync.folder', { folder });
    const workspaceFolder = join(folder, workspaceId);
    writeSnapshot(a.workspace, workspaceFolder, workspaceId, sourcesOf(a.workspace, folderTarget(folder)));
    readSnapshotsWith(THREAD);
    expect(readAll(workspaceFolder, workspaceId, new Date())).toHaveLength(2);
    expect(readAll(workspaceFolder, 'another-workspace', new Date())).toEqual([]);
    expect(readAll(tempDir(), workspaceId, new Date())).toEqual([]);
  });
});
