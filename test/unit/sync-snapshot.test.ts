/**
 * Snapshots for newcomers, on real workspace files, a real folder and a real git remote: a
 * newcomer that loads the newest snapshot and then the segments after it ends up with the same
 * rows as one that replays every segment, and merges later edits (conflicts too) the same; a
 * snapshot not complete yet is passed over; one with a line that isn't a change gives way to the
 * segments; a snapshot is written on its own once the folder holds enough segments beyond the
 * newest one.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/api/core.ts';
import { folderTarget } from '../../src/main/sync/folder.ts';
import { cloneFolder, gitTarget } from '../../src/main/sync/git.ts';
import { listSnapshots } from '../../src/main/sync/segment-files.ts';
import { SNAPSHOT_EVERY, writeSnapshot } from '../../src/main/sync/snapshot.ts';
import { sourcesOf } from '../../src/main/sync/sources.ts';
import { must, seed, tempCore, tempDir } from './helpers.ts';
import {
  contentOf,
  fortnight,
  fortnightAsync,
  someWork,
  synced,
  syncedDump,
} from './sync-transport-helpers.ts';

/** Years of editing in little: fields edited again and again, items deleted, votes up and down. */
function history(core: Core, tag: string) {
  const world = seed(core);
  const { goal } = someWork(core, tag);
  for (let i = 0; i < 6; i++) must(core, 'goals.update', { id: goal.id, title: `Goal ${tag} take ${i}` });
  const gone = must(core, 'goals.create', { title: `Gone ${tag}` });
  must(core, 'initiatives.create', { goalId: gone.id, title: `Child of gone ${tag}` });
  must(core, 'goals.delete', { id: gone.id, cascade: true });
  const note = must(core, 'retroNotes.create', { sprintId: world.sprint.id, column: 'kudos', text: tag });
  for (const delta of [1, 1, -1, 1] as const) must(core, 'retroNotes.vote', { id: note.id, delta });
  return { ...world, goal, note };
}

const changeCount = (core: Core) =>
  (core.workspace.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;

/** Writes a snapshot of `core` into the folder it syncs with, as a sync does when one is due. */
function snapshotInto(core: Core, root: string, target: string, workspace: string): string {
  const sources = sourcesOf(core.workspace, target);
  const written = writeSnapshot(core.workspace, join(root, workspace), workspace, sources);
  expect(written).not.toBeNull();
  return written!;
}

/** A little history synced to a new folder, and a snapshot of it written there. */
async function aSnapshot() {
  const folder = tempDir();
  const a = await tempCore();
  history(a, 'a');
  const { workspaceId } = synced(a, 'sync.folder', { folder });
  return { folder, a, snapshot: snapshotInto(a, folder, folderTarget(folder), workspaceId) };
}

describe('snapshots for newcomers', () => {
  it('a newcomer loads the snapshot, then the segments after it: the same rows as a full replay, later edits merge the same', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const { goal, note, ada } = history(a, 'a');
    must(a, 'workspace.setMe', { personId: ada.id }); // whose installation it is travels too
    const first = synced(a, 'sync.folder', { folder });
    const workspace = first.workspaceId;
    const snapshot = snapshotInto(a, folder, folderTarget(folder), workspace);
    // Edits after the snapshot: a segment the newcomer replays on top of it.
    must(a, 'goals.update', { id: goal.id, howToHelp: 'Review the cache' });
    must(a, 'retroNotes.vote', { id: note.id, delta: 1 });
    synced(a, 'sync.folder', { folder });

    // The full replay: the same folder without the snapshot.
    const plain = tempDir();
    cpSync(folder, plain, { recursive: true });
    rmSync(join(plain, workspace, a.workspace.replicaId, snapshot.split('/').at(-1)!));
    const replayed = await tempCore();
    const full = synced(replayed, 'sync.folder', { folder: plain });
    expect(full.received).toBe(changeCount(a));

    const newcomer = await tempCore();
    const joined = synced(newcomer, 'sync.folder', { folder });
    expect(joined).toMatchObject({ joined: true, workspaceId: workspace, problems: [], sent: 0 });
    // The snapshot keeps each field's newest change only: fewer changes than the log.
    expect(joined.received).toBeLessThan(full.received);
    expect(syncedDump(newcomer.workspace.db)).toEqual(syncedDump(a.workspace.db));
    expect(syncedDump(replayed.workspace.db)).toEqual(syncedDump(a.workspace.db));
    const whose = (core: Core) => core.workspace.db.prepare('SELECT * FROM replicas ORDER BY id').all();
    expect(whose(newcomer)).toEqual(whose(a));
    // Nothing to send back, nothing more to read.
    expect(synced(newcomer, 'sync.folder', { folder })).toMatchObject({ sent: 0, received: 0 });

    // Both newcomers edit the goal's title, unaware of each other and of a further edit by a.
    must(a, 'goals.update', { id: goal.id, title: 'Title by a' });
    must(newcomer, 'goals.update', { id: goal.id, title: 'Title by the newcomer' });
    must(replayed, 'goals.update', { id: goal.id, title: 'Title by the replayer' });
    for (const core of [a, newcomer, a, replayed, a, newcomer]) synced(core, 'sync.folder', { folder });
    synced(replayed, 'sync.folder', { folder: plain }); // replayed syncs through its own copy too: a no-op
    const conflicts = (core: Core) =>
      (must(core, 'conflicts.list', {}) as { conflictId: string }[]).map((c) => c.conflictId).sort();
    expect(conflicts(a).length).toBeGreaterThan(0);
    expect(syncedDump(newcomer.workspace.db)).toEqual(syncedDump(a.workspace.db));
    expect(syncedDump(replayed.workspace.db)).toEqual(syncedDump(a.workspace.db));
    expect(conflicts(newcomer)).toEqual(conflicts(a));
    expect(conflicts(replayed)).toEqual(conflicts(a));
  });

  it('a snapshot cut short is passed over (the newcomer replays the segments) until it is whole', async () => {
    const { folder, a, snapshot } = await aSnapshot();
    const whole = readFileSync(snapshot);
    writeFileSync(snapshot, whole.subarray(0, Math.floor(whole.length / 2)));

    const early = await tempCore();
    const replay = synced(early, 'sync.folder', { folder });
    expect(replay).toMatchObject({ joined: true, received: changeCount(a), problems: [], waiting: [] });
    expect(syncedDump(early.workspace.db)).toEqual(syncedDump(a.workspace.db));

    writeFileSync(snapshot, whole);
    const later = await tempCore();
    const loaded = synced(later, 'sync.folder', { folder });
    expect(loaded.received).toBeLessThan(changeCount(a));
    expect(syncedDump(later.workspace.db)).toEqual(syncedDump(a.workspace.db));
  });

  it('a snapshot with a line that isn’t a change: its load stops there, says so, and the segments are read instead', async () => {
    const { folder, a, snapshot } = await aSnapshot();
    // Whole and well compressed, with its end line, but one line in the middle is not a change.
    const lines = gunzipSync(readFileSync(snapshot)).toString('utf8').split('\n');
    const broken = Math.floor(lines.length / 2);
    lines[broken] = '["goal"]';
    writeFileSync(snapshot, gzipSync(lines.join('\n')));

    const newcomer = await tempCore();
    const joined = synced(newcomer, 'sync.folder', { folder });
    expect(joined).toMatchObject({ joined: true, received: changeCount(a), problemCount: 1 });
    expect(joined.problems).toEqual([
      {
        file: snapshot,
        line: broken + 1,
        message: 'skipped from here: the line is not a change; the segments it stands for are read instead',
      },
    ]);
    expect(syncedDump(newcomer.workspace.db)).toEqual(syncedDump(a.workspace.db));
    expect(synced(newcomer, 'sync.folder', { folder })).toMatchObject({ received: 0, problems: [] });
    // The load let the log be copied into the file less often; the usual pace is back.
    expect(newcomer.workspace.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('a sync writes a snapshot once the folder holds enough segments beyond the newest one', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const { goal } = history(a, 'a');
    const snapshots = () => listSnapshots(join(folder, synced(a, 'sync.folder', { folder }).workspaceId));
    for (let i = 1; i < SNAPSHOT_EVERY; i++) {
      expect(snapshots(), `after ${i} segments`).toEqual([]);
      must(a, 'goals.update', { id: goal.id, title: `Edit ${i}` });
    }
    expect(snapshots()).toEqual([
      expect.objectContaining({ writer: a.workspace.replicaId, segments: SNAPSHOT_EVERY }),
    ]);
    const newcomer = await tempCore();
    synced(newcomer, 'sync.folder', { folder });
    expect(syncedDump(newcomer.workspace.db)).toEqual(syncedDump(a.workspace.db));
  });

  it('through a git remote: the snapshot travels in the repository, and a newcomer loads it', async () => {
    const remote = join(tempDir(), 'team.git');
    execFileSync('git', ['init', '--quiet', '--bare', remote]);
    const a = await tempCore();
    const { goal } = history(a, 'a');
    const { workspaceId } = synced(a, 'sync.git', { remote });
    snapshotInto(a, cloneFolder(a.workspace, remote), gitTarget(remote), workspaceId);
    must(a, 'goals.update', { id: goal.id, howToHelp: 'After the snapshot' });
    synced(a, 'sync.git', { remote }); // commits the snapshot with the new segment, and pushes

    const files = execFileSync('git', ['-C', remote, 'ls-tree', '-r', '--name-only', 'fortnight'], {
      encoding: 'utf8',
    });
    expect(files).toMatch(/snapshot-\d{8}\.changes\.gz/);
    const newcomer = await tempCore();
    const joined = synced(newcomer, 'sync.git', { remote });
    expect(joined).toMatchObject({ joined: true, problems: [] });
    expect(joined.received).toBeLessThan(changeCount(a));
    expect(syncedDump(newcomer.workspace.db)).toEqual(syncedDump(a.workspace.db));
    expect(synced(newcomer, 'sync.git', { remote })).toMatchObject({ sent: 0, received: 0 });
    expect(readdirSync(join(cloneFolder(newcomer.workspace, remote), workspaceId))).toContain(
      a.workspace.replicaId,
    );
  });

  it(
    'kill -9 while a newcomer loads a snapshot: a rerun goes on from where it stopped and completes',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir();
      const folder = join(dir, 'shared');
      mkdirSync(folder);
      const a = join(dir, 'a.db');
      const core = await openCore(a);
      try {
        // Enough changes for a snapshot of several chunks, so that a kill can land between two.
        for (let i = 0; i < 6000; i++) must(core, 'people.create', { name: `Person ${i}`, timeZone: 'UTC' });
        history(core, 'a');
        const { workspaceId } = synced(core, 'sync.folder', { folder });
        snapshotInto(core, folder, folderTarget(folder), workspaceId);
      } finally {
        core.close();
      }
      const expected = contentOf(a);

      const b = join(dir, 'b.db');
      expect(fortnight(['--db', b, 'sync', '--folder', folder]).code).toBe(0);
      expect(contentOf(b)).toEqual(expected);

      // Killed as soon as the file shows a load under way (a chunk applied, the rest not yet).
      let midway = 0;
      for (let run = 0; run < 2; run++) {
        const c = join(dir, `c-${run}.db`);
        const sync = fortnightAsync(['--db', c, 'sync', '--folder', folder]);
        let ended = false;
        void sync.done.then(() => (ended = true));
        while (!ended && !loadUnderWay(c)) await new Promise((resolve) => setTimeout(resolve, 10));
        sync.kill();
        if ((await sync.done).signal === 'SIGKILL' && loadUnderWay(c)) midway++;
        const rerun = fortnight(['--db', c, 'sync', '--folder', folder]);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(contentOf(c)).toEqual(expected);
        expect(loadUnderWay(c)).toBe(false);
        expect(fortnight(['--db', c, 'check']).stdout.trim()).toBe('ok');
      }
      console.log(`kill -9 during a snapshot load: ${midway} of 2 runs killed between two chunks`);
      expect(midway).toBeGreaterThan(0);
    },
  );
});

/** Whether the workspace file remembers a snapshot load under way (killed between two chunks). */
function loadUnderWay(file: string): boolean {
  if (!existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true });
    return db.prepare(`SELECT 1 FROM sync_sources WHERE target LIKE 'snapshot:%'`).get() !== undefined;
  } catch {
    return false; // not made yet: nothing there yet
  } finally {
    db?.close();
  }
}
