/**
 * Where this installation syncs, and how its last sync went: kept in the workspace's local
 * `meta` (never synced, like the replica id). `sync.now` syncs through the place and remembers
 * the outcome; `sync.status` reads it back for the navigation and Settings → Sync.
 *
 * - `sync_place`: the place (JSON `SyncPlace`); absent: none.
 * - `sync_started`: when the sync under way started; absent when none is (a sync the process
 *   died in leaves it, and the next sync — the scheduler's first, at start — clears it).
 * - `sync_outcome`: the last sync's outcome (JSON `Outcome`), forgotten when the place changes.
 */
import { existsSync } from 'node:fs';
import type { SyncSummary } from '../../shared/contract.ts';
import type { SyncPlace, SyncStatus } from '../../shared/contract-sync-setup.ts';
import { isLocalRemote } from '../../shared/sync-places.ts';
import { WAITING_COUNTED } from '../../shared/sync-status.ts';
import type { Workspace } from '../db/open.ts';
import { DomainError } from '../services/errors.ts';
import { listConflicts } from '../services/conflicts.ts';
import { stmt } from '../store/write.ts';
import { changeLogVersion } from '../store/version.ts';
import { syncFolder } from './folder.ts';
import { syncGit } from './git.ts';
import { requireSyncFolder } from './segment-files.ts';

interface Outcome {
  /** When the last sync that worked ended, and the change log's last number then. */
  syncedAt: string | null;
  doneUpto: number;
  summary: SyncSummary | null;
  /** The last sync that failed, when it failed after the last one that worked. */
  fault: string | null;
  faultAt: string | null;
}

const NO_OUTCOME: Outcome = { syncedAt: null, doneUpto: 0, summary: null, fault: null, faultAt: null };

const getMeta = (ws: Workspace, key: string): string | null =>
  (stmt(ws.db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
  null;

/** Sets (or, with null, forgets) a local fact, in a transaction of its own unless one is open. */
function setMeta(ws: Workspace, key: string, value: string | null): void {
  const run = () => {
    if (value === null) stmt(ws.db, 'DELETE FROM meta WHERE key = ?').run(key);
    else
      stmt(
        ws.db,
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(key, value);
  };
  if (ws.db.inTransaction) run();
  else ws.db.transaction(run)();
}

function parsed<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const syncPlace = (ws: Workspace): SyncPlace => parsed(getMeta(ws, 'sync_place'), { kind: 'none' });

/**
 * `sync.setPlace`: a folder, or a repository given by its path, must exist (a typo is said now,
 * not at the first sync). A URL is not tried here: the network may be down.
 */
export function setSyncPlace(ws: Workspace, place: SyncPlace): SyncPlace {
  if (place.kind === 'folder') requireSyncFolder(place.folder, ws.file);
  if (place.kind === 'git' && isLocalRemote(place.remote) && !existsSync(place.remote)) {
    throw new DomainError(
      'unavailable',
      `There is no repository at ${place.remote}: create it (git init --bare) or check the path.`,
      'remote',
    );
  }
  const kept: SyncPlace =
    place.kind === 'folder'
      ? { kind: 'folder', folder: place.folder }
      : place.kind === 'git'
        ? { kind: 'git', remote: place.remote }
        : { kind: 'none' };
  if (JSON.stringify(kept) === JSON.stringify(syncPlace(ws))) return kept;
  setMeta(ws, 'sync_place', kept.kind === 'none' ? null : JSON.stringify(kept));
  setMeta(ws, 'sync_outcome', null);
  setMeta(ws, 'sync_started', null);
  return kept;
}

const outcomeOf = (ws: Workspace): Outcome => ({
  ...NO_OUTCOME,
  ...parsed<Partial<Outcome>>(getMeta(ws, 'sync_outcome'), {}),
});

/** `sync.now`: one sync through the place set, its outcome remembered whether it worked or not. */
export function syncNow(ws: Workspace): SyncSummary {
  const place = syncPlace(ws);
  if (place.kind === 'none') {
    throw new DomainError(
      'unavailable',
      'There is no place to sync through yet: choose a folder or a git remote in Settings → Sync.',
    );
  }
  setMeta(ws, 'sync_started', ws.now().toISOString());
  const before = outcomeOf(ws);
  try {
    const summary = place.kind === 'folder' ? syncFolder(ws, place.folder) : syncGit(ws, place.remote);
    const done: Outcome = {
      syncedAt: ws.now().toISOString(),
      doneUpto: changeLogVersion(ws.db),
      summary,
      fault: null,
      faultAt: null,
    };
    setMeta(ws, 'sync_outcome', JSON.stringify(done));
    return summary;
  } catch (error) {
    const fault =
      error instanceof DomainError
        ? error.message
        : `The sync stopped: ${error instanceof Error ? error.message : String(error)}`;
    setMeta(ws, 'sync_outcome', JSON.stringify({ ...before, fault, faultAt: ws.now().toISOString() }));
    throw error;
  } finally {
    setMeta(ws, 'sync_started', null);
  }
}

/**
 * Items edited here after change number `after` (each counted once, up to `WAITING_COUNTED`):
 * what has not gone out yet.
 */
function editsAfter(ws: Workspace, after: number): number {
  // `+replica_id`: walk the log from `after` on (few rows), not every change this replica made;
  // the walk stops at the items counted.
  const row = stmt(
    ws.db,
    `SELECT count(*) AS n FROM (
       SELECT DISTINCT entity_id FROM changes WHERE seq > ? AND +replica_id = ? LIMIT ${WAITING_COUNTED}
     )`,
  ).get(after, ws.replicaId) as { n: number };
  return row.n;
}

/** `sync.status`. */
export function syncStatus(ws: Workspace): SyncStatus {
  const place = syncPlace(ws);
  const outcome = place.kind === 'none' ? NO_OUTCOME : outcomeOf(ws);
  const state =
    place.kind !== 'none' && getMeta(ws, 'sync_started') !== null
      ? 'syncing'
      : outcome.fault !== null
        ? 'unreachable'
        : outcome.syncedAt !== null
          ? 'synced'
          : 'never';
  return {
    place,
    state,
    syncedAt: outcome.syncedAt,
    fault: outcome.fault,
    faultAt: outcome.faultAt,
    // Nowhere to go, nothing waiting: and no walk through ten years of changes every few seconds.
    waiting: place.kind === 'none' ? 0 : editsAfter(ws, outcome.doneUpto),
    conflicts: listConflicts(ws).length,
    summary: outcome.summary,
    replicaId: ws.replicaId,
  };
}
