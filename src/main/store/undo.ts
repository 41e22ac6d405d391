/**
 * Undo, built on the change log: an action (one API call) is taken back by writing, through
 * the one write path, the values its fields had before — so the undo is itself logged and
 * syncs like any edit. Items the action created are deleted; items it deleted come back.
 */
import type { Workspace } from '../db/open.ts';
import { isEntityName, type EntityName } from '../../shared/entities/index.ts';
import { isCounter } from '../sync/change.ts';
import { current, DELETED_FIELD, insert, remove, stmt, update, type Values } from './write.ts';

interface LoggedChange {
  seq: number;
  entity: string;
  entity_id: string;
  field: string;
}

const decode = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

/**
 * The value a field had just before `seq`: the newest (by timestamp) of the changes logged
 * before it, which may include changes received from other replicas. Undefined when none.
 */
function valueBefore(ws: Workspace, entityId: string, field: string, seq: number): unknown {
  const row = stmt(
    ws.db,
    'SELECT value FROM changes WHERE entity_id = ? AND field = ? AND seq < ? ORDER BY hlc DESC LIMIT 1',
  ).get(entityId, field, seq) as { value: string | null } | undefined;
  return row ? decode(row.value) : undefined;
}

/**
 * Every field of an item as it was just before `seq` (to bring back a deleted item). Counters
 * are left out: the log's sum of them comes back with the item.
 */
function itemBefore(ws: Workspace, entity: EntityName, entityId: string, seq: number): Values {
  const rows = stmt(
    ws.db,
    `SELECT field, value, max(hlc) FROM changes WHERE entity_id = ? AND seq < ? AND field <> '${DELETED_FIELD}'
      GROUP BY field`,
  ).all(entityId, seq) as { field: string; value: string | null }[];
  return Object.fromEntries(
    rows.filter((r) => !isCounter(entity, r.field)).map((r) => [r.field, decode(r.value)]),
  );
}

/** A change's difference, for a counter field (a note's votes). */
function deltaOf(ws: Workspace, seq: number): number {
  const row = stmt(ws.db, 'SELECT value FROM changes WHERE seq = ?').get(seq) as { value: string | null };
  return Number(decode(row.value) ?? 0);
}

export function undoAction(ws: Workspace, action: number): void {
  const changes = stmt(
    ws.db,
    'SELECT seq, entity, entity_id, field FROM changes WHERE action = ? ORDER BY seq DESC',
  ).all(action) as LoggedChange[];
  const firstSeq = changes.at(-1)?.seq ?? 0;
  const created = new Map<string, { entity: EntityName; seq: number }>();
  const deleted = new Map<string, { entity: EntityName; seq: number }>();
  const patches = new Map<string, { entity: EntityName; patch: Values }>();
  for (const { seq, entity, entity_id: id, field } of changes) {
    if (!isEntityName(entity)) continue;
    if (
      stmt(ws.db, 'SELECT 1 FROM changes WHERE entity_id = ? AND seq < ? LIMIT 1').get(id, firstSeq) ===
      undefined
    ) {
      created.set(id, { entity, seq }); // going backwards, the seq ends as the item's first
    } else if (field === DELETED_FIELD) {
      deleted.set(id, { entity, seq });
    } else {
      // Going backwards, the last value written here is the one from before the action.
      const entry = patches.get(id) ?? { entity, patch: {} };
      if (isCounter(entity, field)) {
        // Take back this action's own difference; votes cast elsewhere meanwhile stay.
        const now = entry.patch[field] ?? (current(ws, entity, id) as Values | undefined)?.[field] ?? 0;
        entry.patch[field] = Math.max(0, Number(now) - deltaOf(ws, seq));
      } else entry.patch[field] = valueBefore(ws, id, field, seq) ?? null;
      patches.set(id, entry);
    }
  }
  // 1. Deleted items come back, parents first (they were deleted last).
  for (const [id, { entity, seq }] of deleted) {
    if (!current(ws, entity, id)) insert(ws, entity, itemBefore(ws, entity, id, seq), id);
  }
  // 2. Changed fields get their old values, one update per item so checks see the row whole.
  for (const [id, { entity, patch }] of patches) {
    const row = current(ws, entity, id);
    if (row) update(ws, entity, id, patch, row);
  }
  // 3. Created items go, children first.
  for (const [id, { entity }] of [...created].sort(([, a], [, b]) => b.seq - a.seq)) {
    if (current(ws, entity, id)) remove(ws, entity, id);
  }
}
