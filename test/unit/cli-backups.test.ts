/** The command line's backups: listing them, restoring one (and undoing it), a damaged workspace. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { listBackups } from '../../src/main/db/backups.ts';
import { fortnight, must, seed, tempDir } from './helpers.ts';

const goalTitles = async (file: string) => {
  const core = await openCore(file);
  const titles = must(core, 'goals.list', {}).map((goal) => goal.title);
  core.close();
  return titles;
};

describe('fortnight backups and restore', { timeout: 120_000 }, () => {
  it('lists the backups, restores one, and undoes the restore with the command it prints', async () => {
    const file = join(tempDir(), 'workspace.db');
    const core = await openCore(file);
    seed(core);
    core.close();
    (await openCore(file)).close(); // today's backup: the seeded roadmap
    const [backup] = listBackups(file);
    const later = await openCore(file);
    must(later, 'goals.create', { title: 'Written later' });
    later.close();

    const listed = fortnight('--db', file, 'backups');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(backup!.path);
    expect(listed.stdout).toMatch(/daily .* 1 goals, 1 sprints/);

    const restored = fortnight('--db', file, 'restore', backup!.path);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored ${file} from ${backup!.path}.`);
    expect(await goalTitles(file)).toEqual(['Faster builds']);

    const undo = /to undo, run: fortnight restore "(.+)"/.exec(restored.stdout)?.[1];
    expect(undo).toBeDefined();
    expect(fortnight('--db', file, 'restore', undo!).code).toBe(0);
    expect(await goalTitles(file)).toEqual(['Faster builds', 'Written later']);
  });

  it('names the latest good backup of a damaged workspace, and restore brings it back', async () => {
    const file = join(tempDir(), 'workspace.db');
    const core = await openCore(file);
    seed(core);
    core.close();
    (await openCore(file)).close();
    const [backup] = listBackups(file);
    const bytes = readFileSync(file);
    bytes.fill(0, 0, 100);
    writeFileSync(file, bytes);

    const opened = fortnight('--db', file, 'call', 'goals.list');
    expect(opened.code).toBe(1);
    expect(opened.stderr).toContain(`${file} is damaged`);
    expect(opened.stderr).toContain(`Restore it with: fortnight restore "${backup!.path}"`);

    const restored = fortnight('--db', file, 'restore', backup!.path);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/The file that could not be read was moved to .*damaged-/);
    expect(await goalTitles(file)).toEqual(['Faster builds']);
  });

  it('refuses to restore a file that is not a Fortnight backup, changing nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'workspace.db');
    (await openCore(file)).close();
    const before = readFileSync(file);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const result = fortnight('--db', file, 'restore', join(dir, 'notes.txt'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'notes.txt')} can't be restored`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
