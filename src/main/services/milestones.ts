import type { ParsedInput } from '../../shared/contract.ts';
import type { Milestone } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import {
  nextPosition,
  dropDependenciesOn,
  refuseCycle,
  requireRow,
  requireRows,
  placeInOrder,
  unlink,
} from './rules.ts';

const toMilestone = (row: Record<string, unknown>) => decodeRow('milestone', row);

export function listMilestones(ws: Workspace, { initiativeId }: ParsedInput<'milestones.list'>): Milestone[] {
  const rows = initiativeId
    ? stmt(ws.db, `${selectSql('milestone')} WHERE t.initiative_id = ? ORDER BY t.position, t.id`).all(
        initiativeId,
      )
    : stmt(ws.db, `${selectSql('milestone')} ORDER BY t.initiative_id, t.position, t.id`).all();
  return (rows as Record<string, unknown>[]).map(toMilestone);
}

export function getMilestone(ws: Workspace, id: string, field = 'id'): Milestone {
  const row = current(ws, 'milestone', id);
  if (!row) throw notFound(ws, 'Milestone', id, field);
  return row;
}

function checkReferences(
  ws: Workspace,
  id: string | null,
  input: Partial<ParsedInput<'milestones.create'>>,
): void {
  requireRow(ws, 'initiatives', 'Initiative', input.initiativeId, 'initiativeId');
  requireRows(ws, 'people', 'Person', input.participantIds, 'participantIds');
  requireRows(ws, 'milestones', 'Milestone', input.dependsOnIds, 'dependsOnIds');
  requireRow(ws, 'sprints', 'Sprint', input.targetSprintId, 'targetSprintId');
  if (id && input.dependsOnIds) {
    refuseCycle(ws, 'milestone', id, input.dependsOnIds);
  }
}

export function createMilestone(ws: Workspace, input: ParsedInput<'milestones.create'>): Milestone {
  checkReferences(ws, null, input);
  const participantIds = input.participantIds ?? [];
  const state = input.state ?? (participantIds.length ? 'in progress' : 'help wanted');
  const id = insert(ws, 'milestone', {
    initiativeId: input.initiativeId,
    title: input.title,
    state,
    targetSprintId: input.targetSprintId ?? null,
    position: nextPosition(ws, 'milestones', 'initiative_id = ?', input.initiativeId),
    participantIds,
    dependsOnIds: input.dependsOnIds ?? [],
  });
  return getMilestone(ws, id);
}

export function updateMilestone(
  ws: Workspace,
  { id, confirm, ...patch }: ParsedInput<'milestones.update'>,
): Milestone {
  const milestone = getMilestone(ws, id);
  checkReferences(ws, id, patch);
  if (patch.state === 'done' && milestone.state !== 'done' && !confirm)
    refuseDoneBeforeDependencies(ws, milestone);
  if (patch.initiativeId && patch.initiativeId !== milestone.initiativeId) {
    patch = {
      ...patch,
      position: nextPosition(ws, 'milestones', 'initiative_id = ?', patch.initiativeId),
    } as typeof patch;
  }
  update(ws, 'milestone', id, patch);
  return getMilestone(ws, id);
}

/** Marking a milestone done while something it depends on isn't done needs a confirmation. */
function refuseDoneBeforeDependencies(ws: Workspace, milestone: Milestone): void {
  const open = stmt(
    ws.db,
    `SELECT m.title FROM milestone_dependencies d JOIN milestones m ON m.id = d.depends_on_id
      WHERE d.milestone_id = ? AND m.state <> 'done' ORDER BY d.ord`,
  ).all(milestone.id) as { title: string }[];
  if (!open.length) return;
  const titles = open.map((m) => `“${m.title}”`).join(', ');
  throw new DomainError(
    'needs_confirmation',
    `“${milestone.title}” depends on ${titles}, not done yet. Mark it done anyway?`,
    'state',
  );
}

/** Milestones that depended on it drop the dependency; sprint goals lose the link (logged). */
export function deleteMilestone(ws: Workspace, id: string): null {
  getMilestone(ws, id);
  dropDependenciesOn(ws, 'milestone', id);
  unlink(ws, 'sprint_goals', 'sprintGoal', 'milestoneId', 'milestone_id', id);
  remove(ws, 'milestone', id);
  return null;
}

export function reorderMilestones(ws: Workspace, { ids }: ParsedInput<'milestones.reorder'>): Milestone[] {
  const first = ids[0] ? getMilestone(ws, ids[0], 'ids.0') : undefined;
  if (!first)
    throw new DomainError('invalid_input', 'ids: must list the milestones of one initiative', 'ids');
  placeInOrder(ws, 'milestone', ids, 'milestone of the initiative', ['initiative_id', first.initiativeId]);
  return listMilestones(ws, { initiativeId: first.initiativeId });
}
