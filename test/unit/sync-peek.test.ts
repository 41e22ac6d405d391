/**
 * `sync.peek`: which workspace a real folder, a real bare git repository (the real git) or a file
 * of changes holds — its name and counts — without writing anything to the workspace asking;
 * and one sentence for each place that holds none.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { dump, must, refused, tempCore, tempDir, workerCore } from './helpers.ts';
import { fortnight, someWork, synced } from './sync-transport-helpers.ts';

/** Two installations of a named workspace that synced through `folder`: A named it, B joined and added. */
async function groupIn(folder: string) {
  const a = await tempCore();
  must(a, 'workspace.setName', { name: 'Team Ferrite' });
  someWork(a, 'a');
  synced(a, 'sync.folder', { folder });
  const b = await tempCore();
  synced(b, 'sync.folder', { folder });
  someWork(b, 'b');
  synced(b, 'sync.folder', { folder });
  return { a, b, changes: syncedChanges(b) };
}

/** The changes a workspace's log holds that travel (every one but whose installation it is). */
const syncedChanges = (core: Core) =>
  (
    core.workspace.db.prepare(`SELECT count(*) AS n FROM changes WHERE entity != 'replica'`).get() as {
      n: number;
    }
  ).n;

const changeCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

function bareRepository(): string {
  const dir = join(tempDir(), 'team.git');
  execFileSync('git', ['init', '--quiet', '--bare', dir]);
  return dir;
}

const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('sync.peek: which workspace a place holds', { timeout: 240_000 }, () => {
  it('reads a folder: the name, people, goals, changes and installations, and writes nothing', async () => {
    const folder = tempDir();
    const { a, changes } = await groupIn(folder);
    const file = join(tempDir(), 'newcomer.db');
    const newcomer = await workerCore(file);
    const before = changeCount(file);
    const files = listing(folder);

    const peeked = await newcomer.call('sync.peek', { folder });
    expect(peeked.ok && peeked.value).toEqual({
      workspaceId: a.workspace.db.prepare(`SELECT value FROM meta WHERE key = 'workspace_id'`).pluck().get(),
      name: 'Team Ferrite',
      people: 2,
      goals: 2,
      changes,
      installations: 2,
      waiting: 0,
      problems: 0,
      isThisWorkspace: false,
    });
    expect(changeCount(file)).toBe(before);
    expect(listing(folder)).toEqual(files);
    const info = await newcomer.call('workspace.info', {});
    expect(info.ok && info.value).toMatchObject({ isEmpty: true, name: null });

    // Joining brings what the peek said.
    const joined = await newcomer.call('sync.folder', { folder });
    expect(joined.ok && joined.value).toMatchObject({ joined: true, received: changes, installations: 2 });
    const after = await newcomer.call('workspace.info', {});
    expect(after.ok && after.value).toMatchObject({ name: 'Team Ferrite', counts: { person: 2, goal: 2 } });
    // Its own workspace, seen from an installation of it.
    expect(must(a, 'sync.peek', { folder }).isThisWorkspace).toBe(true);
  });

  it('reads a bare git repository through a temporary clone, leaving nothing beside the workspace', async () => {
    const remote = bareRepository();
    const a = await tempCore();
    must(a, 'workspace.setName', { name: 'Team Ferrite' });
    someWork(a, 'a');
    synced(a, 'sync.git', { remote });
    const newcomer = await tempCore();
    const before = dump(newcomer.workspace.db);

    expect(must(newcomer, 'sync.peek', { remote })).toMatchObject({
      name: 'Team Ferrite',
      people: 1,
      goals: 1,
      changes: syncedChanges(a),
      installations: 1,
    });
    expect(dump(newcomer.workspace.db)).toBe(before);
    expect(existsSync(join(newcomer.workspace.file, '..', 'sync'))).toBe(false);
  });

  it('reads a file of changes, and says when a workspace has no name', async () => {
    const a = await tempCore();
    someWork(a, 'a');
    someWork(a, 'a2');
    const file = join(tempDir(), 'week.fortnight-changes');
    must(a, 'sync.exportChanges', { file });
    const newcomer = await tempCore();
    const before = dump(newcomer.workspace.db);

    expect(must(newcomer, 'sync.peek', { file })).toMatchObject({
      name: null,
      people: 2,
      goals: 2,
      changes: syncedChanges(a),
      installations: 1,
    });
    expect(dump(newcomer.workspace.db)).toBe(before);
  });

  it('says in one sentence why a place holds no workspace, and changes nothing', async () => {
    const newcomer = await tempCore();
    const before = dump(newcomer.workspace.db);
    const message = (input: object) => refused(newcomer, 'sync.peek', input).message;

    const empty = tempDir();
    expect(message({ folder: empty })).toBe(
      `${empty} holds no Fortnight workspace: no installation has synced through it yet (or its files are still being copied). Choose the place your group syncs through.`,
    );
    const otherApp = tempDir();
    mkdirSync(join(otherApp, 'photos', '2026'), { recursive: true });
    writeFileSync(join(otherApp, 'photos', '2026', 'beach.jpg'), 'not a photo');
    writeFileSync(join(otherApp, 'notes.txt'), 'hello');
    expect(message({ folder: otherApp })).toContain(`${otherApp} holds no Fortnight workspace`);
    expect(message({ folder: join(empty, 'missing') })).toBe(
      `There is no folder at ${join(empty, 'missing')}: create it (or choose your synced folder) first.`,
    );

    // A half-synced folder: every segment cut short while a syncing tool copies it.
    const folder = tempDir();
    await groupIn(folder);
    const half = tempDir();
    cpSync(folder, half, { recursive: true });
    for (const path of listing(half).filter((p) => p.endsWith('.changes.gz'))) {
      const bytes = readFileSync(join(half, path));
      writeFileSync(join(half, path), bytes.subarray(0, bytes.length - 20));
    }
    expect(message({ folder: half })).toMatch(
      new RegExp(
        `^The workspace in ${half} is still being copied \\(\\d+ of its files are not complete yet\\)`,
      ),
    );

    const notChanges = join(empty, 'notes.fortnight-changes');
    writeFileSync(notChanges, 'just some notes');
    expect(message({ file: notChanges })).toBe(
      `${notChanges} can't be imported: it is not a Fortnight changes file.`,
    );
    const nowhere = join(empty, 'nowhere.git');
    expect(message({ remote: nowhere })).toContain(`git could not fetch from ${nowhere}: `);
    const bare = bareRepository();
    expect(message({ remote: bare })).toBe(
      `${bare} holds no Fortnight workspace yet (it has no branch fortnight): choose the remote your group syncs through.`,
    );
    expect(dump(newcomer.workspace.db)).toBe(before);
  });

  it('refuses input that names no place, two places, or a relative path, naming the field', async () => {
    const core = await tempCore();
    expect(refused(core, 'sync.peek', {}).message).toBe(
      'input: must name one place: a folder, a remote or a file',
    );
    expect(refused(core, 'sync.peek', { folder: '/a', file: '/b.fortnight-changes' }).message).toBe(
      'input: must name one place: a folder, a remote or a file',
    );
    expect(refused(core, 'sync.peek', { folder: 'team' })).toMatchObject({
      code: 'invalid_input',
      field: 'folder',
      message: 'folder: must be an absolute path',
    });
  });

  it('says so when there is no git on the machine', () => {
    const dir = tempDir();
    const run = fortnight(
      ['--db', join(dir, 'workspace.db'), 'call', 'sync.peek', JSON.stringify({ remote: bareRepository() })],
      { ...process.env, PATH: join(dir, 'empty') },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Syncing through a git remote needs git, and there is no git on this machine',
    );
  });
});
