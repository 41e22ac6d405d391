/**
 * The workspace's rolling backups, in a `backups/` folder next to its file: taking one, listing
 * them, keeping the last ones, and putting one back in the workspace's place.
 *
 * A backup is SQLite's own consistent copy (`VACUUM INTO`, from a read-only connection of its
 * own), never a copy of the live file's bytes. It runs synchronously, so a writing call can take
 * one first, and it copies the last committed state even while the app's connection is inside a
 * transaction. Every file is written under a hidden temporary name and renamed once complete, so
 * a crash never leaves a half backup (or a half workspace) where one is expected.
 */
import Database from 'better-sqlite3';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../shared/contract.ts';
import { SCHEMA_VERSION } from './migrations/index.ts';

export const BACKUP_REASONS = ['daily', 'import', 'restore', 'sync'] as const;
/** How many backups stay: the most recent ones, the newest of each recent day and week. */
export const KEEP = { recent: 10, days: 7, weeks: 4 } as const;

export const backupsFolder = (file: string) => join(dirname(file), 'backups');
/** The workspace's name without `.db`: the prefix of its backups' names. */
const stem = (file: string) => basename(file, extname(file));
/** A time as it appears in a backup's name: ISO 8601 in UTC, with `-` for `:` (file-name safe). */
const stamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
const NAME = /^(.+)\.(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.([a-z]+)\.db$/;

function parseName(file: string, name: string): { takenAt: Date; reason: BackupReason } | null {
  const match = NAME.exec(name);
  if (!match || match[1] !== stem(file)) return null;
  const reason = match[3] as BackupReason;
  if (!BACKUP_REASONS.includes(reason)) return null;
  const [date, time] = match[2]!.split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return { takenAt: new Date(`${date}T${h}:${m}:${s}.${ms}Z`), reason };
}

/** Flushes a file (or a folder's entries, after a rename) to the disk. */
export function flush(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) refuse to fsync a folder; the rename is still atomic there.
  } finally {
    closeSync(fd);
  }
}

/** Writes a consistent copy of the database `source` to `target` (which must not exist yet). */
export function copyDatabase(source: string, target: string): void {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  flush(target);
}

/** Copies to a hidden temporary name beside `target`, then renames: `target` is whole or absent. */
function copyAtomically(source: string, target: string): void {
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  rmSync(partial, { force: true });
  try {
    copyDatabase(source, partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  flush(dirname(target));
}

/** Reads what a backup (or any workspace file) holds, without writing to it. */
export function describeFile(path: string): Pick<BackupInfo, 'schemaVersion' | 'goals' | 'sprints'> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      goals: count('goals'),
      sprints: count('sprints'),
    };
  } finally {
    db.close();
  }
}

/** Whether a file is a whole Fortnight workspace this version can open; why not, when it isn't. */
export function checkFile(path: string): string | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const problems = (db.pragma('quick_check') as { quick_check: string }[])
        .map((row) => row.quick_check)
        .filter((line) => line !== 'ok');
      if (problems.length > 0) return `it is damaged (${problems[0]})`;
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) return `it was written by a newer Fortnight (schema version ${version})`;
      const meta = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'`).get();
      if (!meta) return 'it is not a Fortnight workspace';
      return null;
    } finally {
      db.close();
    }
  } catch (error) {
    return `it could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Takes a backup of the workspace `file` now, then drops the backups no longer kept. */
export function takeBackup(file: string, reason: BackupReason, at: Date = new Date()): BackupInfo {
  const folder = backupsFolder(file);
  mkdirSync(folder, { recursive: true });
  const name = `${stem(file)}.${stamp(at)}.${reason}.db`;
  copyAtomically(file, join(folder, name));
  pruneBackups(file, at);
  return describeBackup(file, name)!;
}

export function describeBackup(file: string, name: string): BackupInfo | null {
  const parsed = parseName(file, name);
  if (!parsed) return null;
  const path = join(backupsFolder(file), name);
  let held: Pick<BackupInfo, 'schemaVersion' | 'goals' | 'sprints'> | null = null;
  try {
    held = describeFile(path);
  } catch {
    // Listed all the same, as unreadable: the user sees it and can delete it.
  }
  return {
    name,
    path,
    takenAt: parsed.takenAt.toISOString(),
    reason: parsed.reason,
    bytes: statSync(path).size,
    readable: held !== null,
    schemaVersion: held?.schemaVersion ?? null,
    goals: held?.goals ?? null,
    sprints: held?.sprints ?? null,
  };
}

/** The names of the workspace's finished backups, newest first (temporary files never match). */
function backupNames(file: string): string[] {
  const folder = backupsFolder(file);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => parseName(file, name) !== null)
    .sort()
    .reverse();
}

export function listBackups(file: string): BackupInfo[] {
  return backupNames(file)
    .map((name) => describeBackup(file, name))
    .filter((info) => info !== null);
}

/** The newest backup that passes the checks, for a workspace that can't be opened. */
export function latestGoodBackup(file: string): BackupInfo | null {
  for (const name of backupNames(file)) {
    if (checkFile(join(backupsFolder(file), name)) === null) return describeBackup(file, name);
  }
  return null;
}

/** Whether a backup was taken at `since` or later. */
export function hasBackupSince(file: string, since: Date): boolean {
  return backupNames(file).some((name) => parseName(file, name)!.takenAt >= since);
}

/**
 * Keeps the `KEEP.recent` newest backups, and the newest of each of the last `KEEP.days` days
 * and `KEEP.weeks` weeks that have one (days and weeks in this machine's zone); deletes the rest.
 */
export function pruneBackups(file: string, now: Date = new Date()): void {
  const names = backupNames(file); // newest first
  const keep = new Set(names.slice(0, KEEP.recent));
  const newestOf = (period: (at: Date) => Date, count: number) => {
    const seen = new Set<number>();
    for (const name of names) {
      const key = period(parseName(file, name)!.takenAt).getTime();
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > count) break;
      keep.add(name);
    }
  };
  newestOf(startOfDay, KEEP.days);
  newestOf(startOfISOWeek, KEEP.weeks);
  const folder = backupsFolder(file);
  for (const name of names) if (!keep.has(name)) rmSync(join(folder, name), { force: true });
  // A temporary file left by a backup that was killed midway, if it is older than any running one.
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.partial') || !name.startsWith(`.${stem(file)}.`)) continue;
    const path = join(folder, name);
    if (now.getTime() - statSync(path).mtimeMs > 60 * 60 * 1000) rmSync(path, { force: true });
  }
}

/** The path of one of the workspace's backups by its name; null when there is none by that name. */
export function findBackup(file: string, name: string): string | null {
  return backupNames(file).includes(name) ? join(backupsFolder(file), name) : null;
}

export interface Replaced {
  /** The backup of the state before (to undo the restore), when that state could be read. */
  undo: BackupInfo | null;
  /** Where a workspace that could not be read was moved, when it was. */
  setAside: string | null;
}

/**
 * Puts the backup at `source` in the place of the workspace `file`: first a backup of the
 * current state (or, when that can't be read, the file moved aside), then the copy under a
 * temporary name, then — once `close` has closed every connection to the workspace — a rename
 * over it. The caller reopens the workspace afterwards.
 */
export function replaceWithBackup(
  file: string,
  source: string,
  close: () => void,
  at: Date = new Date(),
): Replaced {
  const problem = checkFile(source);
  if (problem) throw new BackupRefusedError(`${source} can't be restored: ${problem}.`);
  // Staged first: taking the undo backup may prune the one being restored.
  const staged = join(dirname(file), `.${basename(file)}.restoring`);
  rmSync(staged, { force: true });
  copyDatabase(source, staged);
  const current = existsSync(file) ? checkFile(file) : 'it does not exist';
  const undo = current === null ? takeBackup(file, 'restore', at) : null;
  close();
  let setAside: string | null = null;
  if (current !== null && existsSync(file)) {
    setAside = `${file}.damaged-${stamp(at)}`;
    renameSync(file, setAside);
  }
  // Closed cleanly, SQLite has folded its log into the file; what is left belongs to the old file.
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  renameSync(staged, file);
  flush(dirname(file));
  return { undo, setAside };
}

/** A backup that can't be restored (damaged, not Fortnight's, or from a newer version). */
export class BackupRefusedError extends Error {}
