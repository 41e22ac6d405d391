/**
 * Opening a workspace file: pragmas, the migration check, a backup before migrating, and this
 * installation's replica id.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
}

/**
 * The Workspace over an open connection. Its clock reads the workspace's wall clock, so a test
 * that sets `now` sets both.
 */
function workspaceOn(
  db: DB,
  file: string,
  clock: (replicaId: string, now: () => number) => Clock,
): Workspace {
  const replicaId = ensureReplicaId(db);
  const workspace: Workspace = {
    db,
    file,
    replicaId,
    clock: undefined!,
    now: () => new Date(),
    action: null,
  };
  workspace.clock = clock(replicaId, () => workspace.now().getTime());
  return workspace;
}

/**
 * A second connection to a workspace another connection has opened (and migrated): it only
 * reads, so it answers while the other one writes (WAL lets readers run beside a writer).
 */
export function openReader(file: string): Workspace {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new Error(
        `${file} is at schema version ${version}, not ${SCHEMA_VERSION}: open it for writing first.`,
      );
    }
    // It never writes, so its clock never ticks: no need to read the change log's latest stamp.
    return workspaceOn(db, file, (replicaId, now) => new Clock(replicaId, undefined, now));
  } catch (error) {
    db.close();
    throw error;
  }
}

export async function openWorkspace(file: string, options: OpenOptions = {}): Promise<Workspace> {
  const isNew = file === ':memory:' || !existsSync(file);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    configure(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new DatabaseFromFutureError(file, version);
    if (version < SCHEMA_VERSION && !isNew) {
      const backupFile = options.backupFile?.(version) ?? `${file}.v${version}-${Date.now()}.backup`;
      await db.backup(backupFile);
    }
    migrate(db);
    return workspaceOn(db, file, (replicaId, now) => Clock.resume(db, replicaId, now));
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: DB): void {
  db.pragma('journal_mode = WAL');
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

function ensureReplicaId(db: DB): string {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'replica_id'`).get() as
    { value: string } | undefined;
  if (row) return row.value;
  const replicaId = randomUUID();
  db.prepare(`INSERT INTO meta (key, value) VALUES ('replica_id', ?)`).run(replicaId);
  return replicaId;
}
