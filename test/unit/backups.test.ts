/** Rolling backups, restoring one (and undoing that), a damaged workspace, and a kill -9 mid-backup. */
import Database from 'better-sqlite3';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { startCore } from '../../src/main/api/core-client.ts';
import { openCoreOrRecovery } from '../../src/main/api/recovery.ts';
import {
  backupsFolder,
  checkFile,
  KEEP,
  listBackups,
  pruneBackups,
  replaceWithBackup,
  takeBackup,
} from '../../src/main/db/backups.ts';
import { DamagedWorkspaceError, openWorkspace } from '../../src/main/db/open.ts';
import { backUpBeforeSyncCatchUp } from '../../src/main/services/backups.ts';
import { dump, dumpFile, must, refused, seed, tempDir } from './helpers.ts';

const day = (iso: string) => () => new Date(iso);

/** A workspace file with the small seeded roadmap, closed. */
async function seededFile(): Promise<string> {
  const file = join(tempDir(), 'workspace.db');
  const core = await openCore(file);
  seed(core);
  core.close();
  return file;
}

describe('rolling backups', () => {
  it('takes one at the first open of each day, none for a new file, and lists what it holds', async () => {
    const file = join(tempDir(), 'workspace.db');
    const created = await openCore(file, { now: day('2026-03-02T08:00:00') });
    seed(created);
    created.close();
    expect(existsSync(backupsFolder(file))).toBe(false);

    for (const at of ['2026-03-03T08:00:00', '2026-03-03T17:00:00', '2026-03-04T08:00:00']) {
      (await openCore(file, { now: day(at) })).close();
    }
    const core = await openCore(file, { now: day('2026-03-04T12:00:00') });
    const backups = must(core, 'backups.list', {});
    core.close();
    expect(backups.map((b) => [b.takenAt, b.reason])).toEqual([
      [new Date('2026-03-04T08:00:00').toISOString(), 'daily'],
      [new Date('2026-03-03T08:00:00').toISOString(), 'daily'],
    ]);
    expect(backups[0]).toMatchObject({ readable: true, goals: 1, sprints: 1 });
    expect(backups[0]!.bytes).toBeGreaterThan(4096);
    expect(backups[0]!.path).toBe(join(backupsFolder(file), backups[0]!.name));
  });

  it('takes one before every import', async () => {
    const file = await seededFile();
    const core = await openCore(file);
    const before = listBackups(file).length;
    const content = '# Roadmap\n\n| Goal | State | Owner |\n|---|---|---|\n| Imported | :crab: | |\n';
    must(core, 'roadmap.import', { files: [{ path: 'roadmap.md', content }], keepMissing: true });
    const backups = listBackups(file);
    expect(must(core, 'goals.list', {})).toHaveLength(2);
    core.close();
    expect(backups).toHaveLength(before + 1);
    expect(backups[0]).toMatchObject({ reason: 'import', goals: 1 });
  });

  it('takes one with the sync hook, of the state before the catch-up writes', async () => {
    const file = await seededFile();
    const core = await openCore(file);
    const before = listBackups(file).length;
    core.workspace.db.transaction(() => {
      core.workspace.db.prepare(`UPDATE goals SET title = 'Changed by a catch-up'`).run();
      backUpBeforeSyncCatchUp(core.workspace);
    })();
    core.close();
    const backups = listBackups(file);
    expect(backups).toHaveLength(before + 1);
    expect(backups[0]).toMatchObject({ reason: 'sync', goals: 1 });
    const held = new Database(backups[0]!.path, { readonly: true });
    expect(held.prepare('SELECT title FROM goals').pluck().all()).toEqual(['Faster builds']);
    held.close();
  });

  it(`keeps the ${KEEP.recent} newest, and the newest of each of ${KEEP.days} days and ${KEEP.weeks} weeks`, async () => {
    const file = await seededFile();
    // Two backups a day, at 09:00 and 18:00, for 60 days.
    const start = new Date('2026-01-01T09:00:00').getTime();
    for (let d = 0; d < 60; d++) {
      for (const hours of [0, 9]) {
        const at = new Date(start + d * 86_400_000 + hours * 3_600_000);
        takeBackup(file, 'daily', at);
      }
    }
    const kept = listBackups(file).map((b) => new Date(b.takenAt));
    const last = new Date(start + 59 * 86_400_000 + 9 * 3_600_000);
    const ago = (days: number, hours = 0) => last.getTime() - days * 86_400_000 - hours * 3_600_000;
    const keptTimes = kept.map((at) => at.getTime());
    // The 10 newest: both backups of the last 5 days.
    expect(keptTimes.slice(0, KEEP.recent)).toEqual(
      [0, 1, 2, 3, 4].flatMap((days) => [ago(days), ago(days, 9)]),
    );
    // The newest of each of the last 7 days.
    for (let days = 0; days < KEEP.days; days++) expect(keptTimes).toContain(ago(days));
    // The newest of each of the last 4 weeks.
    const weeks = new Set(kept.map((at) => startOfISOWeek(at).getTime()));
    expect(weeks.size).toBe(KEEP.weeks);
    expect(kept.length).toBeLessThanOrEqual(KEEP.recent + KEEP.days + KEEP.weeks);
    expect(kept.at(-1)!.getTime()).toBeLessThanOrEqual(ago(21));
    // Pruning again changes nothing.
    pruneBackups(file, last);
    expect(listBackups(file)).toHaveLength(kept.length);
  });
});

describe('restoring a backup', { timeout: 120_000 }, () => {
  it('puts the backup back, after a backup of the current state that undoes it', async () => {
    const file = await seededFile();
    const atBackup = dumpFile(file);
    const core = await openCore(file, { now: day('2026-05-01T09:00:00') });
    const [backup] = must(core, 'backups.list', {});
    must(core, 'goals.create', { title: 'Written after the backup' });
    const beforeRestore = dump(core.workspace.db);

    const { restored, undo, info } = must(core, 'backups.restore', { name: backup!.name });
    expect(restored.name).toBe(backup!.name);
    expect(info.counts.goal).toBe(1);
    expect(dump(core.workspace.db)).toBe(atBackup);
    // The reopened workspace takes edits, and its change log goes on.
    const edit = must(core, 'goals.create', { title: 'After the restore' });
    must(core, 'goals.delete', { id: edit.id });

    expect(undo).toMatchObject({ reason: 'restore', goals: 2 });
    must(core, 'backups.restore', { name: undo!.name });
    expect(dump(core.workspace.db)).toBe(beforeRestore);
    core.close();
    expect(dumpFile(file)).toBe(beforeRestore);
    expect(readdirSync(join(file, '..')).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('through the worker core: both workers let go of the old file and open the restored one', async () => {
    const file = await seededFile();
    const atBackup = dumpFile(file);
    (await openCore(file)).close(); // today's backup
    const [backup] = listBackups(file);
    const core = await startCore(file);
    const written = await core.call('goals.create', { title: 'Written after the backup' });
    expect(written.ok).toBe(true);
    // A read asked beside the restore is answered after it, from the restored file.
    const [restored, readAlongside] = await Promise.all([
      core.call('backups.restore', { name: backup!.name }),
      core.call('goals.list', {}),
    ]);
    expect(restored).toMatchObject({ ok: true, value: { info: { counts: { goal: 1 } } } });
    expect(readAlongside).toMatchObject({ ok: true, value: [{ title: 'Faster builds' }] });
    expect(dumpFile(file)).toBe(atBackup);
    // No thread of this process holds the replaced file open any more.
    expect(openFilesGone(file)).toEqual([]);
    expect(await core.call('goals.list', {})).toMatchObject({ ok: true, value: [{}] });

    const undo = (restored as { value: { undo: { name: string } } }).value.undo;
    expect(await core.call('backups.restore', { name: undo.name })).toMatchObject({ ok: true });
    expect(await core.call('goals.list', {})).toMatchObject({ ok: true, value: [{}, {}] });
    expect(openFilesGone(file)).toEqual([]);
    await core.close();
  });

  it('refuses an unknown name or a damaged backup, and changes nothing', async () => {
    const file = await seededFile();
    const core = await openCore(file);
    const before = dump(core.workspace.db);
    expect(refused(core, 'backups.restore', { name: 'nothing.db' })).toMatchObject({
      code: 'not_found',
      field: 'name',
    });
    expect(refused(core, 'backups.restore', { name: '../workspace.db' })).toMatchObject({
      code: 'invalid_input',
      field: 'name',
    });
    const [backup] = listBackups(file);
    writeFileSync(backup!.path, 'not a database at all, just some text that is long enough '.repeat(100));
    expect(refused(core, 'backups.restore', { name: backup!.name })).toMatchObject({
      code: 'rule_violation',
      message: expect.stringContaining("can't be restored"),
    });
    expect(dump(core.workspace.db)).toBe(before);
    must(core, 'goals.create', { title: 'Still writable' });
    core.close();
  });
});

describe('a damaged workspace', { timeout: 120_000 }, () => {
  it('is refused naming the latest good backup and the restore command, which brings it back', async () => {
    const file = await seededFile();
    const content = dumpFile(file);
    (await openCore(file, { now: day('2026-01-01T09:00:00') })).close();
    (await openCore(file, { now: day('2099-01-01T09:00:00') })).close(); // a second, newer backup
    const [newest, good] = listBackups(file);
    writeFileSync(newest!.path, Buffer.alloc(8192, 7)); // the newest backup is damaged too
    const bytes = readFileSync(file);
    bytes.fill(0x55, 0, 100); // the header
    writeFileSync(file, bytes);

    let error: unknown;
    try {
      openWorkspace(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DamagedWorkspaceError);
    const damaged = error as DamagedWorkspaceError;
    expect(damaged.backup?.name).toBe(good!.name);
    expect(damaged.message).toContain(`${file} is damaged`);
    expect(damaged.message).toContain(`fortnight restore "${good!.path}"`);

    const { undo, setAside } = replaceWithBackup(file, good!.path, () => {});
    expect(undo).toBeNull();
    expect(
      readFileSync(setAside!)
        .subarray(0, 100)
        .every((b) => b === 0x55),
    ).toBe(true);
    const ws = openWorkspace(file);
    expect(dump(ws.db)).toBe(content);
    ws.db.close();
  });

  it('opens the app on a stand-in that offers the backups, then on the restored workspace', async () => {
    const file = await seededFile();
    const content = dumpFile(file);
    (await openCore(file, { now: day('2026-01-01T09:00:00') })).close();
    const [backup] = listBackups(file);
    writeFileSync(file, Buffer.alloc(8192, 7));

    // The real path of both doors: the worker core, whose writer can't open the file.
    const core = await openCoreOrRecovery(file);
    const info = await core.call('workspace.info', {});
    expect(info).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(!info.ok && info.error.message).toContain(backup!.path);
    expect(await core.call('goals.create', { title: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });
    expect(await core.call('backups.list', {})).toMatchObject({ ok: true, value: [{ name: backup!.name }] });
    expect(await core.call('backups.restore', { name: 'nothing.db' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const restored = await core.call('backups.restore', { name: backup!.name });
    expect(restored).toMatchObject({
      ok: true,
      value: { restored: { name: backup!.name }, info: { counts: { goal: 1 } } },
    });
    expect(dumpFile(file)).toBe(content);
    // Reads (the reader worker) and writes (the writer worker) both reach the restored file.
    expect(await core.call('goals.list', {})).toMatchObject({
      ok: true,
      value: [{ title: 'Faster builds' }],
    });
    const created = await core.call('goals.create', { title: 'After the restore' });
    expect(created.ok).toBe(true);
    expect(await core.call('goals.list', {})).toMatchObject({ ok: true, value: [{}, {}] });
    await core.close();
  });

  it('says so when there is no good backup', () => {
    const file = join(tempDir(), 'workspace.db');
    writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => openWorkspace(file)).toThrow(/is damaged .*There is no good backup of it in/);
  });
});

/** This process's open files that are the workspace (or its log) as it was before being replaced. */
function openFilesGone(file: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // closed meanwhile
      }
    })
    .filter((target) => target.startsWith(file) && target.endsWith('(deleted)'));
}

/** The seeded rows and the padding's first bytes: equal when the file is unchanged. */
function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify([
      db.prepare('SELECT * FROM goals ORDER BY id').all(),
      db.prepare('SELECT * FROM people ORDER BY id').all(),
      db.prepare('SELECT count(*) AS n FROM changes').get(),
      db.prepare('SELECT count(*) AS n, group_concat(hex(substr(blob, 1, 16))) AS h FROM padding').get(),
    ]);
  } finally {
    db.close();
  }
}

describe('a kill -9 during a backup', { timeout: 120_000 }, () => {
  it('leaves the workspace and the earlier backups whole, and no half backup listed', async () => {
    const file = await seededFile();
    const db = new Database(file);
    // About 24 MB, so that a backup takes long enough to be caught halfway.
    db.exec(`CREATE TABLE padding (blob BLOB)`);
    const insert = db.prepare('INSERT INTO padding VALUES (randomblob(1048576))');
    db.transaction(() => {
      for (let i = 0; i < 24; i++) insert.run();
    })();
    db.close();
    const content = fingerprint(file);
    const earlier = takeBackup(file, 'sync', new Date('2026-01-01T00:00:00Z'));

    const backups = resolve(import.meta.dirname, '../../src/main/db/backups.ts');
    const script = `import { takeBackup } from ${JSON.stringify(backups)};
      for (let i = 0; ; i++) takeBackup(${JSON.stringify(file)}, 'daily', new Date(Date.UTC(2026, 1, 1, 0, 0, i)));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const folder = backupsFolder(file);
    // Killed once it is writing a backup's temporary file.
    await new Promise<void>((done) => {
      const look = () => {
        if (readdirSync(folder).some((name) => name.endsWith('.partial'))) done();
        else setTimeout(look, 2);
      };
      look();
    });
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));

    expect(readdirSync(folder).some((name) => name.endsWith('.partial'))).toBe(true);
    expect(fingerprint(file)).toBe(content);
    expect(checkFile(file)).toBeNull();
    const listed = listBackups(file);
    expect(listed.map((b) => b.name)).toContain(earlier.name);
    for (const backup of listed) expect(checkFile(backup.path)).toBeNull();
    expect(listed.every((b) => !b.name.includes('partial'))).toBe(true);
  });
});
