/**
 * The tables' rules that per-field merging alone can break, each kept by a deterministic choice
 * (the same on every replica, whatever order changes came in) — `docs/sync.md`, "Rules that tie
 * rows together":
 *
 * - one active sprint: of two sprints both marked active, the later (higher number) is active
 *   and the earlier reads as closed, until the later one stops being active;
 * - a handle names one person: of two people given the same handle, the one with the smaller id
 *   keeps it and the other reads without one;
 * - a polish issue is done exactly when it has the sprint it was done in: one not done reads
 *   without a done sprint, one done without a sprint reads as open.
 */
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/statements.ts';
import type { EntityName } from '../../shared/entities/index.ts';
import type { Materializer } from './materialize.ts';

type Values = Record<string, unknown>;

export function applyRowRules(
  materializer: Materializer,
  ws: Workspace,
  entity: EntityName,
  id: string,
  values: Values,
): void {
  if (entity === 'sprint' && values.status === 'active') oneActiveSprint(materializer, ws, id, values);
  if (entity === 'person' && typeof values.handle === 'string') oneHandle(materializer, ws, id, values);
  if (entity === 'polishIssue') doneHasSprint(values);
}

function oneActiveSprint(materializer: Materializer, ws: Workspace, id: string, values: Values): void {
  const other = stmt(ws.db, `SELECT id, number FROM sprints WHERE status = 'active' AND id <> ?`).get(id) as
    { id: string; number: number } | undefined;
  if (!other) return;
  if (other.number > Number(values.number)) {
    values.status = 'closed';
    materializer.wait('sprint', id, other.id);
  } else {
    stmt(ws.db, `UPDATE sprints SET status = 'closed' WHERE id = ?`).run(other.id);
    materializer.wait('sprint', other.id, id);
  }
}

function oneHandle(materializer: Materializer, ws: Workspace, id: string, values: Values): void {
  const other = stmt(ws.db, 'SELECT id FROM people WHERE lower(handle) = lower(?) AND id <> ?').get(
    values.handle,
    id,
  ) as { id: string } | undefined;
  if (!other) return;
  if (other.id < id) {
    values.handle = null;
    materializer.wait('person', id, other.id);
  } else {
    stmt(ws.db, 'UPDATE people SET handle = NULL WHERE id = ?').run(other.id);
    materializer.wait('person', other.id, id);
  }
}

function doneHasSprint(values: Values): void {
  if (values.status === undefined) return;
  if (values.status !== 'done') values.doneSprintId = null;
  else if (!values.doneSprintId) values.status = 'open';
}
