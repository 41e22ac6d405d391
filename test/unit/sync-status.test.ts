/**
 * The sync place and status (`sync.setPlace`, `sync.now`, `sync.status`) with real workspace
 * files, real folders and the real git: synced, edits waiting, unreachable (a folder gone or made
 * unwritable, a bare repository moved away), and the next sync after the fix sending everything.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { lockAgainstWrites, must, refused, tempCore, tempDir } from './helpers.ts';
import { someWork, syncedDump } from './sync-transport-helpers.ts';

const status = (core: Core) => must(core, 'sync.status', {});
const goalTitles = (core: Core) =>
  must(core, 'goals.list', {})
    .map((goal) => goal.title)
    .sort();

describe('the sync place', () => {
  it('is none at first, remembered once set, and refused with the field named when wrong', async () => {
    const core = await tempCore();
    const folder = tempDir();
    expect(must(core, 'sync.place', {})).toEqual({ kind: 'none' });
    must(core, 'people.create', { name: 'Ada' });
    // Nowhere to send it: nothing is waiting (and the status never walks the whole change log).
    expect(status(core)).toMatchObject({
      place: { kind: 'none' },
      state: 'never',
      syncedAt: null,
      waiting: 0,
    });

    expect(refused(core, 'sync.setPlace', { kind: 'folder', folder: 'shared/sync' })).toMatchObject({
      code: 'invalid_input',
      field: 'folder',
      message: 'folder: must be an absolute path',
    });
    expect(refused(core, 'sync.setPlace', { kind: 'folder', folder: join(folder, 'nope') })).toMatchObject({
      code: 'unavailable',
      field: 'folder',
      message: expect.stringContaining('There is no folder at'),
    });
    expect(refused(core, 'sync.setPlace', { kind: 'git', remote: join(folder, 'nope.git') })).toMatchObject({
      code: 'unavailable',
      field: 'remote',
      message: `There is no repository at ${join(folder, 'nope.git')}: create it (git init --bare) or check the path.`,
    });
    expect(refused(core, 'sync.setPlace', { kind: 'git', remote: '--upload-pack=evil' })).toMatchObject({
      field: 'remote',
      message: expect.stringContaining('must not start with -'),
    });
    expect(refused(core, 'sync.setPlace', { kind: 'dropbox' })).toMatchObject({ field: 'kind' });
    expect(must(core, 'sync.place', {})).toEqual({ kind: 'none' });
    expect(refused(core, 'sync.now', {})).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('Settings → Sync'),
    });

    expect(must(core, 'sync.setPlace', { kind: 'folder', folder })).toEqual({ kind: 'folder', folder });
    expect(must(core, 'sync.place', {})).toEqual({ kind: 'folder', folder });
    expect(status(core)).toMatchObject({ state: 'never', waiting: 1 });
  });
});

describe('the sync status', { timeout: 240_000 }, () => {
  it('synced, edits waiting, unreachable when the folder is gone, and the next sync sends it all', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const a = await tempCore(join(dir, 'a.db'));
    const b = await tempCore(join(dir, 'b.db'));
    someWork(a, 'a');
    must(a, 'sync.setPlace', { kind: 'folder', folder });
    expect(status(a).waiting).toBeGreaterThan(0); // nothing has gone out through this folder yet

    const summary = must(a, 'sync.now', {});
    expect(summary.sent).toBeGreaterThan(0);
    const done = status(a);
    expect(done).toMatchObject({ state: 'synced', fault: null, waiting: 0, summary: { sent: summary.sent } });
    expect(done.syncedAt).not.toBeNull();

    // Two items edited (one of them twice) after the sync: two items waiting to go out.
    const goal = must(a, 'goals.create', { title: 'Offline edits' });
    must(a, 'goals.update', { id: goal.id, title: 'Offline edits, renamed' });
    must(a, 'people.create', { name: 'Cleo', timeZone: 'UTC' });
    expect(status(a)).toMatchObject({ state: 'synced', waiting: 2 });

    // The folder goes away (an unmounted share), a file in its place: one sentence, nothing lost.
    renameSync(folder, join(dir, 'away'));
    writeFileSync(folder, 'not a folder');
    const failed = refused(a, 'sync.now', {});
    expect(failed.message).toBe(`${folder} is a file, not a folder.`);
    expect(status(a)).toMatchObject({ state: 'unreachable', fault: failed.message, waiting: 2 });
    expect(status(a).syncedAt).toBe(done.syncedAt);
    expect(goalTitles(a)).toContain('Offline edits, renamed');

    // Fixed: the next sync completes the work, and another installation gets all of it.
    rmSync(folder);
    renameSync(join(dir, 'away'), folder);
    must(a, 'sync.now', {});
    expect(status(a)).toMatchObject({ state: 'synced', fault: null, faultAt: null, waiting: 0 });
    must(b, 'sync.setPlace', { kind: 'folder', folder });
    expect(must(b, 'sync.now', {}).joined).toBe(true);
    expect(syncedDump(b.workspace.db)).toEqual(syncedDump(a.workspace.db));
    expect(status(b)).toMatchObject({ state: 'synced', waiting: 0 });
  });

  it('is unreachable while the folder cannot be written, and recovers', async () => {
    const folder = tempDir();
    const a = await tempCore();
    someWork(a, 'a');
    must(a, 'sync.setPlace', { kind: 'folder', folder });
    const unlock = lockAgainstWrites(folder, true);
    if (!unlock) return; // the reason is printed by lockAgainstWrites
    let fault: string;
    try {
      fault = refused(a, 'sync.now', {}).message;
    } finally {
      unlock();
    }
    expect(fault).toContain(`Fortnight can't write`);
    expect(status(a)).toMatchObject({ state: 'unreachable', fault });
    expect(status(a).waiting).toBeGreaterThan(0);
    must(a, 'sync.now', {});
    expect(status(a)).toMatchObject({ state: 'synced', fault: null, waiting: 0 });
  });

  it('is unreachable while the git remote is gone, and the next sync pushes what waited', async () => {
    const dir = tempDir();
    const remote = join(dir, 'team.git');
    execFileSync('git', ['init', '--quiet', '--bare', remote]);
    const a = await tempCore(join(dir, 'a', 'workspace.db'));
    const b = await tempCore(join(dir, 'b', 'workspace.db'));
    someWork(a, 'a');
    must(a, 'sync.setPlace', { kind: 'git', remote });
    must(a, 'sync.now', {});
    expect(status(a)).toMatchObject({ place: { kind: 'git', remote }, state: 'synced', waiting: 0 });

    renameSync(remote, join(dir, 'moved.git'));
    must(a, 'goals.create', { title: 'Made while the remote was away' });
    const failed = refused(a, 'sync.now', {});
    expect(failed.message).toMatch(/^git could not fetch from /);
    expect(status(a)).toMatchObject({ state: 'unreachable', fault: failed.message, waiting: 1 });

    renameSync(join(dir, 'moved.git'), remote);
    must(a, 'sync.now', {});
    expect(status(a)).toMatchObject({ state: 'synced', fault: null, waiting: 0 });
    must(b, 'sync.setPlace', { kind: 'git', remote });
    must(b, 'sync.now', {});
    expect(goalTitles(b)).toContain('Made while the remote was away');
    expect(syncedDump(b.workspace.db)).toEqual(syncedDump(a.workspace.db));
  });

  it('says syncing while a sync is under way (a sync cut short is cleared by the next one)', async () => {
    const folder = tempDir();
    const a = await tempCore();
    must(a, 'sync.setPlace', { kind: 'folder', folder });
    // What a sync leaves while it runs, or when its process dies in the middle of it.
    a.workspace.db
      .prepare(`INSERT INTO meta (key, value) VALUES ('sync_started', ?)`)
      .run(new Date().toISOString());
    expect(status(a).state).toBe('syncing');
    must(a, 'sync.now', {});
    expect(status(a).state).toBe('synced');
  });

  it('starts again at never when the place changes', async () => {
    const a = await tempCore();
    must(a, 'sync.setPlace', { kind: 'folder', folder: tempDir() });
    must(a, 'sync.now', {});
    expect(status(a).state).toBe('synced');
    const other = tempDir();
    must(a, 'sync.setPlace', { kind: 'folder', folder: other });
    expect(status(a)).toMatchObject({
      place: { kind: 'folder', folder: other },
      state: 'never',
      syncedAt: null,
    });
    must(a, 'sync.setPlace', { kind: 'none' });
    expect(status(a)).toMatchObject({ place: { kind: 'none' }, state: 'never' });
  });
});
