import type { ParsedInput } from '../../shared/contract.ts';
import type { Capacity } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, insert, stmt, update } from '../store/write.ts';
import { getPerson } from './people.ts';
import { getSprint } from './sprints.ts';
import { capacityIdFor } from '../sync/natural-ids.ts';

const toCapacity = (row: Record<string, unknown>) => decodeRow('capacity', row);

export function listCapacities(ws: Workspace, { sprintId }: ParsedInput<'capacities.list'>): Capacity[] {
  const rows = stmt(ws.db, `${selectSql('capacity')} WHERE t.sprint_id = ?`).all(sprintId) as Record<
    string,
    unknown
  >[];
  return rows.map(toCapacity);
}

/** A person's days for a sprint: one row per (sprint, person), created or updated. */
export function setCapacity(
  ws: Workspace,
  { sprintId, personId, days }: ParsedInput<'capacities.set'>,
): Capacity {
  getSprint(ws, sprintId, 'sprintId');
  getPerson(ws, personId, 'personId');
  const row = stmt(ws.db, `${selectSql('capacity')} WHERE t.sprint_id = ? AND t.person_id = ?`).get(
    sprintId,
    personId,
  ) as Record<string, unknown> | undefined;
  if (row) {
    const existing = toCapacity(row);
    return update(ws, 'capacity', existing.id, { days }, existing);
  }
  const id = insert(ws, 'capacity', { sprintId, personId, days }, capacityIdFor(sprintId, personId));
  return { id, sprintId, personId, days };
}
