/**
 * The change log as replicas exchange it (`docs/sync.md`): which workspace it belongs to, what
 * each replica has seen, what a peer lacks, and receiving changes. No transport here: the
 * folder, git and file transports build on these functions.
 */
import { randomUUID } from 'node:crypto';
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/statements.ts';
import { applyChanges, applyNowKnown } from './apply.ts';
import { ABOUT_ITSELF, type Change } from './change.ts';
import { checkChanges, type CheckedChanges } from './validate.ts';

export type { Change } from './change.ts';

export interface Received {
  /** Changes new to this log (including those of a newer version, kept for later). */
  applied: number;
  /** Changes it already had. */
  duplicates: number;
  /** Conflicts recorded: two replicas changed one field without having seen each other's value. */
  conflicts: number;
  /** Changes made by a newer Fortnight (an entity or field this version doesn't know). */
  newerVersion: number;
  /** Changes refused, by their index in what was given, and why. */
  invalid: { index: number; reason: string }[];
}

const ABOUT_ITSELF_ENTITIES = [...ABOUT_ITSELF].map((e) => `'${e}'`).join(', ');

/** The workspace's id when it has one yet (read only: nothing is made). */
export function storedWorkspaceId(ws: Workspace): string | null {
  const row = stmt(ws.db, `SELECT value FROM meta WHERE key = 'workspace_id'`).get() as
    { value: string } | undefined;
  return row?.value ?? null;
}

/** One id shared by every replica of a workspace, made on first need. */
export function workspaceId(ws: Workspace): string {
  const stored = storedWorkspaceId(ws);
  if (stored) return stored;
  const id = randomUUID();
  if (!ws.db.readonly && !ws.readOnly) {
    stmt(ws.db, `INSERT INTO meta (key, value) VALUES ('workspace_id', ?)`).run(id);
  }
  return id;
}

/** Nothing the user made yet (a fresh install): no synced change in the log. */
export function isEmpty(ws: Workspace): boolean {
  return (
    stmt(ws.db, `SELECT 1 FROM changes WHERE entity NOT IN (${ABOUT_ITSELF_ENTITIES}) LIMIT 1`).get() ===
    undefined
  );
}

/**
 * Makes this workspace a replica of workspace `id`. An empty workspace joins it; one with data
 * of its own joins only its own workspace — another one's is refused, naming both.
 */
export function adopt(ws: Workspace, id: string): void {
  const mine = workspaceId(ws);
  if (mine === id) return;
  if (!isEmpty(ws)) {
    throw new Error(
      `This workspace (${mine}) already has data of its own, so it can't merge with workspace ${id}: only replicas of one workspace merge. Sync it with its own workspace, or start from an empty one to join ${id}.`,
    );
  }
  stmt(
    ws.db,
    `INSERT INTO meta (key, value) VALUES ('workspace_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(id);
}

/**
 * The newest timestamp per replica in this log. It hops along the index `changes_by_replica`
 * (replica, timestamp): two index look-ups per replica, however long the log is.
 */
export function seen(ws: Workspace): Record<string, string> {
  const rows = stmt(
    ws.db,
    `WITH RECURSIVE replica (id) AS (
       SELECT min(replica_id) FROM changes
       UNION ALL
       SELECT (SELECT min(replica_id) FROM changes WHERE replica_id > replica.id) FROM replica WHERE id IS NOT NULL
     )
     SELECT id AS replica_id, (SELECT max(hlc) FROM changes WHERE replica_id = replica.id) AS hlc
       FROM replica WHERE id IS NOT NULL`,
  ).all() as { replica_id: string; hlc: string }[];
  return Object.fromEntries(rows.map((r) => [r.replica_id, r.hlc]));
}

/**
 * The synced changes a peer that has seen `seen` lacks, in (replica, timestamp) order — each
 * replica's changes in the order it made them, so a prefix of the answer (a `limit`) leaves no
 * gap in any replica's changes.
 */
export function changesAfter(ws: Workspace, seenByPeer: Record<string, string>, limit = Infinity): Change[] {
  const out: Change[] = [];
  const replicas = Object.keys(seen(ws)).sort();
  for (const replica of replicas) {
    if (out.length >= limit) break;
    const rows = stmt(
      ws.db,
      `SELECT entity, entity_id AS id, field, value, hlc, replica_id AS replica, base FROM changes
        WHERE replica_id = ? AND hlc > ? ORDER BY hlc LIMIT ?`,
    ).all(replica, seenByPeer[replica] ?? '', Number.isFinite(limit) ? limit - out.length : -1) as Change[];
    out.push(...rows);
  }
  return out;
}

/**
 * Receives changes from other replicas in ONE transaction: each is checked (an invalid one is
 * reported by its index and never stops the rest), logged once, and applied through the one
 * apply path; the clock moves past them. Each replica's changes must come in the order it made
 * them, without gaps (as `changesAfter` gives them).
 */
export function receive(ws: Workspace, changes: readonly Change[]): Received {
  return receiveChecked(ws, checkChanges(changes, ws.now()));
}

/** `receive` of changes checked already (`checkChanges`, as a snapshot's reading thread does). */
export function receiveChecked(ws: Workspace, { valid, invalid }: CheckedChanges): Received {
  if (ws.readOnly) throw new Error(ws.readOnly);
  return ws.db.transaction(() => {
    applyNowKnown(ws);
    const result = applyChanges(ws, valid, { local: false });
    const newest = valid.reduce<string | null>((max, c) => (max === null || c.hlc > max ? c.hlc : max), null);
    if (newest !== null) ws.clock.observe(newest);
    return { ...result, invalid };
  })();
}
