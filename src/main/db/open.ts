/**
 * Opening a workspace file: the checks before anything is written, pragmas, the migration (with
 * a backup before it), the day's backup, and this installation's replica id.
 */
import Database from 'better-sqlite3';
import { startOfDay } from 'date-fns/startOfDay';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupInfo } from '../../shared/contract.ts';
import { backupsFolder, copyDatabase, hasBackupSince, latestGoodBackup, takeBackup } from './backups.ts';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.ts';
import { Clock } from '../store/hlc.ts';

export type DB = Database.Database;

export interface Workspace {
  db: DB;
  file: string;
  replicaId: string;
  clock: Clock;
  /** The wall clock the services read (meeting times, created-at); replaceable in tests. */
  now: () => Date;
  /**
   * The API call being written, set by the core for the length of a writing call; `meetingId`
   * when it is an action of that meeting (what the meeting's undo may take back).
   */
  action: { method: string; id?: number; meetingId?: string } | null;
  /** Why the workspace is open read-only (its file or folder can't be written), or null. */
  readOnly: string | null;
}

/** A database written by a newer Fortnight: refused, never "repaired". */
export class DatabaseFromFutureError extends Error {
  constructor(file: string, found: number) {
    super(
      `${file} was written by a newer Fortnight (schema version ${found}; this version knows up to ${SCHEMA_VERSION}). Update Fortnight to open it.`,
    );
  }
}

export interface OpenOptions {
  /** Where to put the pre-migration backup; next to the database by default. */
  backupFile?: (fromVersion: number) => string;
  /** The wall clock that decides whether today's backup is taken yet; replaceable in tests. */
  now?: () => Date;
}

/** A workspace file that SQLite can't read: the message names the latest good backup and the way back. */
export class DamagedWorkspaceError extends Error {
  readonly file: string;
  readonly backup: BackupInfo | null;
  constructor(file: string, cause: string, backup: BackupInfo | null) {
    super(
      `${file} is damaged and can't be opened (${cause}). ` +
        (backup
          ? `The latest good backup is ${backup.path}, taken ${backup.takenAt} (${backup.goals} goals, ${backup.sprints} sprints). Restore it with: fortnight restore "${backup.path}"`
          : `There is no good backup of it in ${backupsFolder(file)}; restore a copy of your own, or move the file away to start a new workspace.`),
    );
    this.file = file;
    this.backup = backup;
  }
}

/** SQLite's answers for a file that isn't a readable database. */
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
const sqliteCode = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : '');

/**
 * The Workspace over an open connection. Its clock reads the workspace's wall clock, so a test
 * that sets `now` sets both. A read-only connection only reads the replica id (a workspace that
 * never had one gets one for this session).
 */
function workspaceOn(
  db: DB,
  file: string,
  readOnly: string | null,
  clock: (replicaId: string, now: () => number) => Clock,
): Workspace {
  const replicaId =
    readOnly !== null || db.readonly ? (readReplicaId(db) ?? randomUUID()) : ensureReplicaId(db);
  const workspace: Workspace = {
    db,
    file,
    replicaId,
    clock: undefined!,
    now: () => new Date(),
    action: null,
    readOnly,
  };
  workspace.clock = clock(replicaId, () => workspace.now().getTime());
  return workspace;
}

/**
 * A second connection to a workspace another connection has opened (and migrated): it only
 * reads, so it answers while the other one writes (WAL lets readers run beside a writer). It
 * knows why the workspace is read-only too, since it answers `workspace.info`.
 */
export function openReader(file: string): Workspace {
  const db = openReadOnly(file);
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new Error(
        `${file} is at schema version ${version}, not ${SCHEMA_VERSION}: open it for writing first.`,
      );
    }
    // It never writes, so its clock never ticks: no need to read the change log's latest stamp.
    return workspaceOn(
      db,
      file,
      readOnlyReason(file),
      (replicaId, now) => new Clock(replicaId, undefined, now),
    );
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (creating it when missing) and migrates a workspace. Nothing is written to an existing
 * file before it is known to be a database this version can open; a read-only file or folder
 * opens read-only; a damaged file is refused naming its latest good backup; the first open of
 * each day takes that day's backup.
 */
export function openWorkspace(file: string, options: OpenOptions = {}): Workspace {
  const now = options.now ?? (() => new Date());
  const isNew = file === ':memory:' || !existsSync(file);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const readOnly = isNew ? null : readOnlyReason(file);
  let db: DB | undefined;
  try {
    db = readOnly ? openReadOnly(file) : new Database(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new DatabaseFromFutureError(file, version);
    if (readOnly && version < SCHEMA_VERSION) {
      throw new Error(
        `${file} is read-only, and this version of Fortnight must first upgrade it (schema version ${version} to ${SCHEMA_VERSION}). ${readOnly}`,
      );
    }
    configure(db, readOnly !== null);
    if (version < SCHEMA_VERSION && !isNew) {
      copyDatabase(file, options.backupFile?.(version) ?? `${file}.v${version}-${Date.now()}.backup`);
    }
    if (!readOnly) migrate(db);
    const opened = db;
    const workspace = workspaceOn(db, file, readOnly, (replicaId, now) =>
      Clock.resume(opened, replicaId, now),
    );
    if (!isNew && !readOnly) takeDailyBackup(file, now());
    return workspace;
  } catch (error) {
    db?.close();
    if (DAMAGED.has(sqliteCode(error))) {
      throw new DamagedWorkspaceError(file, (error as Error).message, latestGoodBackup(file));
    }
    throw error;
  }
}

/** The day's first open backs the workspace up; a backup that fails never stops the open. */
function takeDailyBackup(file: string, now: Date): void {
  try {
    if (!hasBackupSince(file, startOfDay(now))) takeBackup(file, 'daily', now);
  } catch (error) {
    console.error(`Fortnight: today's backup of ${file} failed: ${(error as Error).message}`);
  }
}

/** Reopens the workspace's file in place (after a restore replaced it): same object, new database. */
export function reopenWorkspace(workspace: Workspace): void {
  const fresh = openWorkspace(workspace.file);
  workspace.db = fresh.db;
  workspace.replicaId = fresh.replicaId;
  workspace.readOnly = fresh.readOnly;
  workspace.clock = Clock.resume(fresh.db, fresh.replicaId, () => workspace.now().getTime());
}

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Why the workspace can't be written (its file or its folder is read-only), or null when it can. */
export function readOnlyReason(file: string): string | null {
  const what = !writable(file) ? 'the file' : !writable(dirname(file)) ? 'its folder' : null;
  return what
    ? `Fortnight can't write to ${what === 'the file' ? file : dirname(file)}, so it is open read-only: to edit it, make ${what} writable and open Fortnight again.`
    : null;
}

/**
 * A read-only connection. SQLite reads a WAL database through a shared-memory file beside it;
 * where that can't be created (a read-only folder), it reads an in-memory image of the file.
 */
function openReadOnly(file: string): DB {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('user_version');
    return db;
  } catch (error) {
    if (sqliteCode(error) !== 'SQLITE_CANTOPEN') throw error;
  }
  const image = readFileSync(file);
  // Bytes 18 and 19 of the header say "WAL"; an in-memory image has no log, so it says "rollback".
  if (image.length > 19) image[18] = image[19] = 1;
  const db = new Database(image);
  db.pragma('query_only = ON');
  return db;
}

function configure(db: DB, readOnly: boolean): void {
  if (!readOnly) db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL never corrupts and loses nothing on an app crash; only a power loss can
  // roll back the last commits. FULL would fsync on every edit for little gain on a desktop.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (db.pragma('foreign_keys', { simple: true }) !== 1) {
    throw new Error('This SQLite build refused to enable foreign keys.');
  }
}

/** Runs every migration above the file's `user_version`, each in a transaction that sets it. */
export function migrate(db: DB, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function readReplicaId(db: DB): string | null {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'replica_id'`).get() as
    { value: string } | undefined;
  return row?.value ?? null;
}

function ensureReplicaId(db: DB): string {
  const existing = readReplicaId(db);
  if (existing) return existing;
  const replicaId = randomUUID();
  db.prepare(`INSERT INTO meta (key, value) VALUES ('replica_id', ?)`).run(replicaId);
  return replicaId;
}
