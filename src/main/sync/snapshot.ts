/**
 * Snapshots, so a new installation doesn't replay years of edits (`docs/sync-transports.md`).
 *
 * A snapshot is a file of the one format (`segment.ts`) in its writer's folder, named after how
 * many segments of the folder it stands for. It holds the changes that decide the rows: per field
 * of each item its newest change (a tombstone included), and every change of a counter (their sum
 * is the value). Its header says which segments it stands for and the newest clock time per
 * installation the folder held. Materializing those changes gives the same rows as replaying the
 * whole log, and a later change meets the same newest change per field, so it merges and
 * conflicts the same.
 *
 * A replica writes one after a sync when the folder holds `SNAPSHOT_EVERY` segments more than its
 * newest snapshot stands for (or when asked), then removes its own older ones. An empty workspace
 * joining loads the newest complete snapshot in chunks (`exchange.ts`, reading it with
 * `snapshot-reading.ts`), then only the segments after it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/statements.ts';
import { COUNTERS, type Change } from './change.ts';
import { encode, type SnapshotCover } from './segment.ts';
import { listSnapshots, snapshotName, writeNewFile } from './segment-files.ts';
import { references } from './references.ts';
import { knownOf, type Source } from './sources.ts';

/** Segments a folder holds beyond its newest snapshot before a sync writes a new one. */
export const SNAPSHOT_EVERY = 20;
const COUNTER_FIELDS = Object.entries(COUNTERS)
  .flatMap(([entity, fields]) =>
    (fields ?? []).map((field) => `(entity = '${entity}' AND field = '${field}')`),
  )
  .join(' OR ');
const IS_COUNTER = COUNTER_FIELDS || 'FALSE';

/**
 * The changes that decide the rows: per field its newest change, and every change of a counter.
 * Each item's changes together; items of an entity after those of the entities it points at (a
 * polish issue after the sprint it was done in), and in the order they were made — so a newcomer
 * seldom meets a reference to an item it hasn't got yet.
 */
export function snapshotChanges(ws: Workspace): Change[] {
  const rank = references(ws.db)
    .order.map((entity, i) => `WHEN '${entity}' THEN ${i}`)
    .join(' ');
  return stmt(
    ws.db,
    `WITH kept AS (
       SELECT entity, entity_id, field, value, max(hlc) AS hlc, replica_id, base FROM changes
        WHERE NOT (${IS_COUNTER}) GROUP BY entity_id, field
       UNION ALL
       SELECT entity, entity_id, field, value, hlc, replica_id, base FROM changes WHERE ${IS_COUNTER}
     )
     SELECT entity, entity_id AS id, field, value, hlc, replica_id AS replica, base FROM kept
      ORDER BY CASE entity ${rank} ELSE ${references(ws.db).order.length} END,
               min(hlc) OVER (PARTITION BY entity_id), entity_id, hlc`,
  ).all() as Change[];
}

/** How many segments the sources name (1 to n of each writer): what a snapshot would stand for. */
const segmentsOf = (sources: Map<string, Source>): Record<string, number> =>
  Object.fromEntries([...sources].filter(([, s]) => s.upto > 0).map(([writer, s]) => [writer, s.upto]));

const total = (segments: Record<string, number>) => Object.values(segments).reduce((a, b) => a + b, 0);

/**
 * Writes a snapshot of this workspace into its own folder under `workspaceFolder`, standing for
 * the segments `sources` says were applied (call right after sending: the folder then holds every
 * change of the log). Removes this installation's older snapshots. The file's path, or null when
 * one standing for as many segments is there already.
 */
export function writeSnapshot(
  ws: Workspace,
  workspaceFolder: string,
  workspace: string,
  sources: Map<string, Source>,
): string | null {
  const cover: SnapshotCover = { seen: knownOf(sources), segments: segmentsOf(sources) };
  const own = join(workspaceFolder, ws.replicaId);
  const count = total(cover.segments);
  const path = join(own, snapshotName(count));
  const bytes = encode({ workspace, replica: ws.replicaId, snapshot: cover }, snapshotChanges(ws));
  if (!writeNewFile(path, bytes)) return null;
  for (const older of listSnapshots(workspaceFolder)) {
    if (older.writer === ws.replicaId && older.segments < count) rmSync(older.path, { force: true });
  }
  return path;
}

/** Writes a snapshot when the folder holds `SNAPSHOT_EVERY` segments more than its newest one stands for. */
export function writeSnapshotIfDue(
  ws: Workspace,
  workspaceFolder: string,
  workspace: string,
  sources: Map<string, Source>,
): string | null {
  const newest = listSnapshots(workspaceFolder)[0]?.segments ?? 0;
  if (total(segmentsOf(sources)) - newest < SNAPSHOT_EVERY) return null;
  return writeSnapshot(ws, workspaceFolder, workspace, sources);
}
