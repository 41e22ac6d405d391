/**
 * Conflicts to review (`docs/sync.md`, "Conflicts"): a change that lost to one made on another
 * replica without having seen it. The winner shows; both are listed with who made them and when,
 * until the user keeps the winner or takes the other value. Either is an ordinary new edit of
 * the field, made having seen both, which every replica receives: a conflict whose field was
 * edited again after the winner, by someone who had seen it, is settled and no longer listed.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import type { Conflict } from '../../shared/domain.ts';
import { isEntityName, type EntityName } from '../../shared/entities/index.ts';
import type { Workspace } from '../db/open.ts';
import { changedAt, decodeValue } from '../store/change-rows.ts';
import { current, rewrite, stmt, update } from '../store/write.ts';
import { isReviewed } from '../sync/change.ts';
import { itemLabel, itemPlace } from './item-places.ts';
import { DomainError } from './errors.ts';

interface Row {
  hlc: string;
  entity: string;
  entity_id: string;
  field: string;
  value: string | null;
  replica_id: string;
  person_id: string | null;
  winner_hlc: string;
  winner_value: string | null;
  winner_base: string | null;
  winner_replica: string;
  winner_person: string | null;
}

/** The open conflicts, newest first. */
export function listConflicts(ws: Workspace): Conflict[] {
  const rows = stmt(
    ws.db,
    `SELECT k.hlc, k.entity, k.entity_id, k.field, c.value, c.replica_id, r.person_id,
            w.hlc AS winner_hlc, w.value AS winner_value, w.base AS winner_base,
            w.replica_id AS winner_replica, wr.person_id AS winner_person
       FROM sync_conflicts k
       JOIN changes c ON c.hlc = k.hlc
       LEFT JOIN replicas r ON r.id = c.replica_id
       JOIN changes w ON w.hlc = (SELECT max(hlc) FROM changes WHERE entity_id = k.entity_id AND field = k.field)
       LEFT JOIN replicas wr ON wr.id = w.replica_id
      ORDER BY k.hlc DESC`,
  ).all() as Row[];
  return rows
    .filter((row) => (row.winner_base ?? '') < row.hlc) // edited again by someone who saw it: settled
    .filter((row) => isReviewed(row.entity, row.field)) // recorded before that field merged without review
    .filter((row) => isEntityName(row.entity) && current(ws, row.entity, row.entity_id) !== undefined)
    .map((row) => ({
      conflictId: row.hlc,
      entity: row.entity,
      id: row.entity_id,
      field: row.field,
      value: decodeValue(row.value),
      current: decodeValue(row.winner_value),
      replica: row.replica_id,
      personId: row.person_id,
      at: changedAt(row.hlc),
      currentReplica: row.winner_replica,
      currentPersonId: row.winner_person,
      currentAt: changedAt(row.winner_hlc),
      label: itemLabel(ws, row.entity, row.entity_id),
      place: itemPlace(ws, row.entity, row.entity_id),
    }));
}

/**
 * Keeps the value shown, or takes the other one: either way a new edit of the field, made over
 * the value shown (its base), so every replica that receives it settles the conflict too.
 */
export function resolveConflict(ws: Workspace, { id, choice }: ParsedInput<'conflicts.resolve'>): Conflict[] {
  const conflict = listConflicts(ws).find((c) => c.conflictId === id);
  if (!conflict) throw new DomainError('not_found', `conflict ${id} is not open`, 'id');
  const entity = conflict.entity as EntityName;
  if (choice === 'other') update(ws, entity, conflict.id, { [conflict.field]: conflict.value });
  else rewrite(ws, entity, conflict.id, { [conflict.field]: conflict.current });
  stmt(ws.db, 'DELETE FROM sync_conflicts WHERE hlc = ?').run(id);
  return listConflicts(ws);
}

/** Whether a change lost a conflict (for the item's history). */
export function lostConflict(ws: Workspace, hlc: string): boolean {
  return stmt(ws.db, 'SELECT 1 FROM sync_conflicts WHERE hlc = ?').get(hlc) !== undefined;
}

/** How many received changes a newer Fortnight made (kept until this one is upgraded). */
export function newerVersionChanges(ws: Workspace): number {
  return (stmt(ws.db, 'SELECT count(*) AS n FROM sync_newer').get() as { n: number }).n;
}
