/**
 * The git transport with the real git, against a local bare repository: joining, two clones
 * pushing at once, a remote that refuses the push, an unreachable remote, no git at all, remotes
 * that look like options.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { refused, tempCore, tempDir } from './helpers.ts';
import {
  fortnight,
  fortnightAsync,
  someWork,
  SUMMARY_LINE,
  synced,
  contentOf,
} from './sync-transport-helpers.ts';

function bareRepository(): string {
  const dir = join(tempDir(), 'team.git');
  execFileSync('git', ['init', '--quiet', '--bare', dir]);
  return dir;
}

/** Edits a workspace file in process, then lets go of it. */
async function edit(file: string, tag: string): Promise<void> {
  const core = await openCore(file);
  try {
    someWork(core, tag);
  } finally {
    core.close();
  }
}

describe('sync through a git remote', { timeout: 240_000 }, () => {
  it('joins, and two clones pushing at once both get through, then converge', async () => {
    const remote = bareRepository();
    const dir = tempDir();
    const a = join(dir, 'a', 'workspace.db');
    const b = join(dir, 'b', 'workspace.db');
    await edit(a, 'a');

    const first = fortnight(['--db', a, 'sync', '--git', remote]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(SUMMARY_LINE);
    const joined = fortnight(['--db', b, 'sync', '--git', remote]);
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stdout).toContain('This workspace joined workspace');
    expect(contentOf(b)).toEqual(contentOf(a));

    await edit(a, 'a2');
    await edit(b, 'b2');
    const both = await Promise.all([
      fortnightAsync(['--db', a, 'sync', '--git', remote]).done,
      fortnightAsync(['--db', b, 'sync', '--git', remote]).done,
    ]);
    for (const run of both) expect(run.code, run.stderr).toBe(0);
    for (const file of [a, b]) {
      const again = fortnight(['--db', file, 'sync', '--git', remote]);
      expect(again.code, again.stderr).toBe(0);
    }
    expect(contentOf(a)).toEqual(contentOf(b));
    expect(contentOf(a).goals).toHaveLength(3);
    // One branch, every installation's files on it.
    const files = execFileSync('git', ['--git-dir', remote, 'ls-tree', '-r', '--name-only', 'fortnight'], {
      encoding: 'utf8',
    });
    expect(
      new Set(
        files
          .trim()
          .split('\n')
          .map((path) => path.split('/')[1]),
      ).size,
    ).toBe(2);
  });

  it('says the remote refused the push, keeping what it received', async () => {
    const remote = bareRepository();
    const hook = join(remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "this remote is read-only" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const a = await tempCore();
    someWork(a, 'a');
    const error = refused(a, 'sync.git', { remote });
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(
      new RegExp(`^The remote ${remote} refused the push: .*this remote is read-only`),
    );
  });

  it("says when the remote can't be reached, and leaves no clone behind", async () => {
    const a = await tempCore();
    someWork(a, 'a');
    const remote = join(tempDir(), 'missing.git');
    const error = refused(a, 'sync.git', { remote });
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(new RegExp(`^git could not fetch from ${remote}: `));
    const clones = join(a.workspace.file, '..', 'sync');
    expect(existsSync(clones) ? readdirSync(clones) : []).toEqual([]);
  });

  it('refuses remotes git would read as an option or a command, before running git', async () => {
    const a = await tempCore();
    for (const [remote, message] of [
      ['--upload-pack=touch /tmp/owned', 'remote: must not start with - (git would read it as an option)'],
      ['-oProxyCommand=touch /tmp/owned', 'remote: must not start with - (git would read it as an option)'],
      ['ext::sh -c touch% /tmp/owned', 'remote: must not name a git remote helper (<helper>::<address>)'],
      [
        'team.git',
        'remote: must be a git URL (https://…, ssh://…, user@host:path) or the absolute path of a repository',
      ],
    ]) {
      expect(refused(a, 'sync.git', { remote })).toEqual({ code: 'invalid_input', field: 'remote', message });
    }
  });

  it('says so when there is no git on the machine', async () => {
    const dir = tempDir();
    const db = join(dir, 'workspace.db');
    const run = fortnight(['--db', db, 'sync', '--git', bareRepository()], {
      ...process.env,
      PATH: join(dir, 'empty'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Syncing through a git remote needs git, and there is no git on this machine',
    );
  });

  it('a second sync with nothing new pushes nothing', async () => {
    const remote = bareRepository();
    const a = await tempCore();
    someWork(a, 'a');
    expect(synced(a, 'sync.git', { remote }).sent).toBeGreaterThan(0);
    const head = () =>
      execFileSync('git', ['--git-dir', remote, 'rev-parse', 'fortnight'], { encoding: 'utf8' });
    const before = head();
    expect(synced(a, 'sync.git', { remote })).toMatchObject({ sent: 0, received: 0 });
    expect(head()).toBe(before);
  });
});
