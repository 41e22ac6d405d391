import type { ParsedInput } from '../../shared/contract.ts';
import type { Initiative } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { deleteMilestone } from './milestones.ts';
import { unfollow } from './stakeholders.ts';
import {
  nextPosition,
  dropDependenciesOn,
  refuseCycle,
  requireRow,
  requireRows,
  placeInOrder,
  unlink,
} from './rules.ts';

const SELECT = () =>
  `SELECT t.*, p.progress AS progress FROM (${selectSql('initiative')}) t JOIN initiative_progress p ON p.initiative_id = t.id`;

export const toInitiative = (row: Record<string, unknown>): Initiative => ({
  ...decodeRow('initiative', row),
  progress: Number(row.progress),
});

export function listInitiatives(ws: Workspace, { goalId }: ParsedInput<'initiatives.list'>): Initiative[] {
  const rows = goalId
    ? stmt(ws.db, `${SELECT()} WHERE t.goalId = ? ORDER BY t.position, t.id`).all(goalId)
    : stmt(ws.db, `${SELECT()} JOIN goals g ON g.id = t.goalId ORDER BY g.position, t.position, t.id`).all();
  return (rows as Record<string, unknown>[]).map(toInitiative);
}

export function getInitiative(ws: Workspace, id: string, field = 'id'): Initiative {
  // The row and its progress apart: SQLite plans the join of the two for one id badly (~15× slower).
  const row = stmt(ws.db, `${selectSql('initiative')} WHERE t.id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw notFound(ws, 'Initiative', id, field);
  const { progress } = stmt(ws.db, 'SELECT progress FROM initiative_progress WHERE initiative_id = ?').get(
    id,
  ) as { progress: number };
  return toInitiative({ ...row, progress });
}

function checkReferences(
  ws: Workspace,
  id: string | null,
  input: Partial<ParsedInput<'initiatives.create'>>,
): void {
  requireRow(ws, 'goals', 'Goal', input.goalId, 'goalId');
  requireRows(ws, 'people', 'Person', input.ownerIds, 'ownerIds');
  requireRows(ws, 'initiatives', 'Initiative', input.dependsOnIds, 'dependsOnIds');
  if (id && input.dependsOnIds) {
    refuseCycle(ws, 'initiative', id, input.dependsOnIds);
  }
}

export function createInitiative(ws: Workspace, input: ParsedInput<'initiatives.create'>): Initiative {
  checkReferences(ws, null, input);
  const ownerIds = input.ownerIds ?? [];
  const state = input.state ?? (ownerIds.length ? 'in progress' : 'help wanted');
  const id = insert(ws, 'initiative', {
    goalId: input.goalId,
    title: input.title,
    impact: input.impact ?? '',
    features: input.features ?? '',
    link: input.link ?? null,
    state,
    manualProgress: input.manualProgress ?? null,
    position: nextPosition(ws, 'initiatives', 'goal_id = ?', input.goalId),
    ownerIds,
    dependsOnIds: input.dependsOnIds ?? [],
  });
  return getInitiative(ws, id);
}

export function updateInitiative(
  ws: Workspace,
  { id, ...patch }: ParsedInput<'initiatives.update'>,
): Initiative {
  const initiative = getInitiative(ws, id);
  checkReferences(ws, id, patch);
  if (patch.goalId && patch.goalId !== initiative.goalId) {
    patch = {
      ...patch,
      position: nextPosition(ws, 'initiatives', 'goal_id = ?', patch.goalId),
    } as typeof patch;
  }
  update(ws, 'initiative', id, patch);
  return getInitiative(ws, id);
}

/**
 * An initiative with milestones is deleted only with `cascade`. Initiatives that depended on it
 * drop that dependency, and sprint goals keep their text but lose the link — all logged.
 */
export function deleteInitiative(ws: Workspace, { id, cascade }: ParsedInput<'initiatives.delete'>): null {
  const initiative = getInitiative(ws, id);
  const milestones = stmt(
    ws.db,
    'SELECT id, title FROM milestones WHERE initiative_id = ? ORDER BY position',
  ).all(id) as {
    id: string;
    title: string;
  }[];
  if (milestones.length && !cascade) {
    throw new DomainError(
      'rule_violation',
      `“${initiative.title}” still has ${milestones.length} milestone(s): ${milestones.map((m) => `“${m.title}”`).join(', ')}. Delete them first, or confirm deleting them with the initiative.`,
      'cascade',
    );
  }
  for (const milestone of milestones) deleteMilestone(ws, milestone.id);
  dropDependenciesOn(ws, 'initiative', id);
  unlink(ws, 'sprint_goals', 'sprintGoal', 'initiativeId', 'initiative_id', id);
  unlink(ws, 'polls', 'poll', 'initiativeId', 'initiative_id', id);
  unfollow(ws, 'initiative', id);
  remove(ws, 'initiative', id);
  return null;
}

export function reorderInitiatives(ws: Workspace, { ids }: ParsedInput<'initiatives.reorder'>): Initiative[] {
  const first = ids[0] ? getInitiative(ws, ids[0], 'ids.0') : undefined;
  if (!first) throw new DomainError('invalid_input', 'ids: must list the initiatives of one goal', 'ids');
  placeInOrder(ws, 'initiative', ids, 'initiative of the goal', ['goal_id', first.goalId]);
  return listInitiatives(ws, { goalId: first.goalId });
}
