/**
 * Conflicts to review (`docs/sync.md`, "Conflicts"): a change that lost to one made on another
 * replica without having seen it. The winner shows; the loser is listed with who made it and when,
 * until the user keeps the winner (the conflict is marked resolved) or takes the other value (an
 * ordinary new edit, which every replica then receives). A conflict whose field was edited again
 * after the winner, by someone who had seen it, is settled and no longer listed.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import type { Conflict } from '../../shared/domain.ts';
import { isEntityName, type EntityName } from '../../shared/entities/index.ts';
import type { Workspace } from '../db/open.ts';
import { parseHlc } from '../store/hlc.ts';
import { current, stmt, update } from '../store/write.ts';
import { DomainError } from './errors.ts';

interface Row {
  hlc: string;
  entity: string;
  entity_id: string;
  field: string;
  value: string | null;
  replica_id: string;
  person_id: string | null;
  winner_value: string | null;
  winner_base: string | null;
}

const decode = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

/** The open conflicts, newest first. */
export function listConflicts(ws: Workspace): Conflict[] {
  const rows = stmt(
    ws.db,
    `SELECT k.hlc, k.entity, k.entity_id, k.field, c.value, c.replica_id, r.person_id,
            w.value AS winner_value, w.base AS winner_base
       FROM sync_conflicts k
       JOIN changes c ON c.hlc = k.hlc
       LEFT JOIN replicas r ON r.id = c.replica_id
       JOIN changes w ON w.hlc = (SELECT max(hlc) FROM changes WHERE entity_id = k.entity_id AND field = k.field)
      ORDER BY k.hlc DESC`,
  ).all() as Row[];
  return rows
    .filter((row) => (row.winner_base ?? '') < row.hlc) // edited again by someone who saw it: settled
    .filter((row) => isEntityName(row.entity) && current(ws, row.entity, row.entity_id) !== undefined)
    .map((row) => ({
      conflictId: row.hlc,
      entity: row.entity,
      id: row.entity_id,
      field: row.field,
      value: decode(row.value),
      current: decode(row.winner_value),
      replica: row.replica_id,
      personId: row.person_id,
      at: new Date(parseHlc(row.hlc).wall).toISOString(),
    }));
}

/** Keeps the value shown, or takes the other one as a new edit; either way the conflict closes. */
export function resolveConflict(ws: Workspace, { id, choice }: ParsedInput<'conflicts.resolve'>): Conflict[] {
  const conflict = listConflicts(ws).find((c) => c.conflictId === id);
  if (!conflict) throw new DomainError('not_found', `conflict ${id} is not open`, 'id');
  if (choice === 'other') {
    const entity = conflict.entity as EntityName;
    update(ws, entity, conflict.id, { [conflict.field]: conflict.value });
  }
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
