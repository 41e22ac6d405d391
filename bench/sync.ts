/**
 * Sync through a folder at the workspace's size, on a copy of it:
 *
 * - the first sync of the whole workspace into an empty folder: the ten-year segment folder, its
 *   size, and bytes on disk per change;
 * - a new installation catching the whole workspace up from that folder, through the worker
 *   threads as the app runs it, with a read asked every frame (16 ms) meanwhile — as often as a
 *   screen could use one;
 * - its baseline: the changes it holds then, inserted into an empty change log (the schema's
 *   table and indexes) with bare better-sqlite3, 10,000 a transaction;
 * - an exchange of one meeting's edits (about 500 changes, made by the new installation) into
 *   the workspace;
 * - a sync with nothing new, with 40 installations' folders in the folder.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCore } from '../src/main/api/core-client.ts';
import { openCore, type Core } from '../src/main/api/core.ts';
import type { SyncSummary } from '../src/shared/contract.ts';
import { formatHlc } from '../src/main/store/hlc.ts';
import { changeLogVersion } from '../src/main/store/version.ts';
import { encode } from '../src/main/sync/segment.ts';
import { segmentName } from '../src/main/sync/segment-files.ts';
import { SNAPSHOT_CHUNK } from '../src/main/sync/snapshot-reading.ts';
import { migrate } from '../src/main/db/open.ts';
import { mustCall } from './in-process.ts';
import { TARGETS, row, single, timeAsync, timeSync, type Budget, type Row } from './measure.ts';

const GROUP = 'Sync';
export const BARE_LOG_INSERT = "bare log insert: the catch-up's changes into an empty change log";
/** A read during a catch-up is asked at most once a frame. */
const READ_EVERY_MS = 16;
/** Installations whose folders the idle sync walks past. */
const INSTALLATIONS = 40;
/** About one meeting's edits. */
const MEETING_CHANGES = 500;

const removeDb = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
};

const folderBytes = (folder: string): number =>
  (readdirSync(folder, { recursive: true }) as string[]).reduce((sum, name) => {
    const stat = statSync(join(folder, name));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);

const syncFolder = (core: Core, folder: string) => mustCall(core, 'sync.folder', { folder }) as SyncSummary;

export interface SyncBudgets {
  catchUp: Budget;
  exchange: Budget;
  idle: Budget;
}

export async function measureSync(
  source: string,
  workDir: string,
  budgets: SyncBudgets,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = join(workDir, 'sync');
  rmSync(dir, { recursive: true, force: true });
  const folder = join(dir, 'folder');
  mkdirSync(folder, { recursive: true });
  const mainFile = join(dir, 'main.db');
  const copy = new Database(source, { readonly: true });
  await copy.backup(mainFile);
  copy.close();

  log('  the whole workspace into an empty folder…');
  const main = await openCore(mainFile);
  try {
    const t0 = performance.now();
    const first = syncFolder(main, folder);
    const seconds = (performance.now() - t0) / 1000;
    const bytes = folderBytes(folder);
    const changes = `${first.sent.toLocaleString('en')} changes`;
    rows.push(
      single(GROUP, `first sync of the whole workspace into an empty folder (${changes})`, seconds, 's'),
    );
    rows.push(
      single(GROUP, 'the segment folder of the whole workspace', bytes / 1e6, 'MB', undefined, changes),
    );
    rows.push(
      single(
        GROUP,
        'bytes on disk per change',
        bytes / first.sent,
        'B',
        undefined,
        'gzip, one line a change',
      ),
    );

    log('  a new installation catches up from it (worker threads), reads meanwhile…');
    const { catchUp, reads, file: joined } = await catchUpSamples(dir, folder, budgets.catchUp);
    log('  its baseline: the same changes into an empty change log, bare better-sqlite3…');
    rows.push(
      row('Baseline', BARE_LOG_INSERT, bareLogInserts(joined, dir, budgets.catchUp), undefined, {
        note: '10,000 changes a transaction',
      }),
    );
    rows.push(
      row(GROUP, `a new installation catches up from the folder (${changes})`, catchUp, TARGETS.syncCatchUp),
    );
    rows.push(
      row(
        GROUP,
        'workspace.info answered while a catch-up runs (worker threads)',
        reads,
        TARGETS.readDuringSync,
        {
          note: `${reads.length} reads during the catch-ups, one a frame`,
        },
      ),
    );

    log(`  one meeting's edits (~${MEETING_CHANGES} changes) into the workspace…`);
    const other = await openCore(joined);
    try {
      let received = 0;
      const samples: number[] = [];
      for (let i = 0; i < budgets.exchange.iterations; i++) {
        makeMeetingEdits(other);
        syncFolder(other, folder);
        const t0 = performance.now();
        received = syncFolder(main, folder).received;
        samples.push(performance.now() - t0);
      }
      const name = `an exchange of one meeting's edits (${received} changes) into the workspace`;
      rows.push(row(GROUP, name, samples, TARGETS.syncExchange, { note: 'the receiving sync only' }));
    } finally {
      other.close();
    }

    log(`  nothing new, ${INSTALLATIONS} installations' folders…`);
    addInstallations(main, folder, first.workspaceId, INSTALLATIONS - 2);
    syncFolder(main, folder);
    const idle = timeSync(() => {
      const summary = syncFolder(main, folder);
      if (summary.received + summary.sent > 0) throw new Error('the idle sync found something new');
    }, budgets.idle);
    rows.push(
      row(GROUP, `a sync with nothing new (${INSTALLATIONS} installations' folders)`, idle, TARGETS.syncIdle),
    );
  } finally {
    main.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Catch-ups of empty workspaces from the folder through the worker threads, timed from the
 * door's side, each with a trivial read asked again and again until it ends. Keeps the last.
 */
async function catchUpSamples(dir: string, folder: string, budget: Budget) {
  const catchUp: number[] = [];
  const reads: number[] = [];
  let file = '';
  await timeAsync(async (i) => {
    file = join(dir, `joined-${i + 10}.db`);
    removeDb(file);
    const client = await startCore(file);
    try {
      await client.call('workspace.info', {});
      let syncing = true;
      const t0 = performance.now();
      const done = client.call('sync.folder', { folder }).finally(() => (syncing = false));
      do {
        const r0 = performance.now();
        const answer = await client.call('workspace.info', {});
        if (!answer.ok) throw new Error(answer.error.message);
        const took = performance.now() - r0;
        reads.push(took);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, READ_EVERY_MS - took)));
      } while (syncing);
      const result = await done;
      if (!result.ok) throw new Error(result.error.message);
      if (i >= 0) catchUp.push(performance.now() - t0);
    } finally {
      await client.close();
    }
  }, budget);
  return { catchUp, reads, file };
}

/**
 * The catch-up's floor: the changes the caught-up `file` holds, inserted in log order into an
 * empty workspace's change log (its table and indexes, nothing else) with bare better-sqlite3,
 * 10,000 a transaction, as the catch-up commits them.
 */
function bareLogInserts(file: string, dir: string, budget: Budget): number[] {
  const source = new Database(file, { readonly: true });
  const changes = source
    .prepare('SELECT entity, entity_id, field, value, hlc, replica_id, base FROM changes ORDER BY seq')
    .raw()
    .all() as unknown[][];
  source.close();
  const samples: number[] = [];
  for (let i = 0; i < budget.iterations; i++) {
    const target = join(dir, `bare-${i}.db`);
    removeDb(target);
    const db = new Database(target);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
      const insert = db.prepare(
        'INSERT INTO changes (entity, entity_id, field, value, hlc, replica_id, base) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const t0 = performance.now();
      for (let at = 0; at < changes.length; at += SNAPSHOT_CHUNK) {
        db.transaction(() => {
          for (const change of changes.slice(at, at + SNAPSHOT_CHUNK)) insert.run(...change);
        })();
      }
      samples.push(performance.now() - t0);
    } finally {
      db.close();
      removeDb(target);
    }
  }
  return samples;
}

/** About one meeting's edits on `core`: retrospective notes with votes, on the active sprint. */
function makeMeetingEdits(core: Core): void {
  const info = mustCall(core, 'workspace.info', {}) as { activeSprintId: string | null };
  if (!info.activeSprintId) throw new Error('the workspace has no active sprint');
  const start = changeLogVersion(core.workspace.db);
  for (let i = 0; changeLogVersion(core.workspace.db) - start < MEETING_CHANGES; i++) {
    const note = mustCall(core, 'retroNotes.create', {
      sprintId: info.activeSprintId,
      column: 'went well',
      text: `Benchmark note ${i}`,
    }) as { id: string };
    mustCall(core, 'retroNotes.vote', { id: note.id, delta: 1 });
  }
}

/** Folders of `count` more installations, each with a segment of a few edits, applied by `core`. */
function addInstallations(core: Core, folder: string, workspace: string, count: number): void {
  const goals = mustCall(core, 'goals.list', {}) as { id: string }[];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const replica = randomUUID();
    const changes = goals.slice(0, 5).map((goal, n) => ({
      entity: 'goal',
      id: goal.id,
      field: 'howToHelp',
      value: JSON.stringify(`Ask installation ${i}`),
      hlc: formatHlc(now - 60_000 + i * 10 + n, 0, replica),
      replica,
      base: null,
    }));
    mkdirSync(join(folder, workspace, replica), { recursive: true });
    writeFileSync(join(folder, workspace, replica, segmentName(1)), encode({ workspace, replica }, changes));
  }
}
