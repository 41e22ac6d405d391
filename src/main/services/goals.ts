import type { ParsedInput } from '../../shared/contract.ts';
import type { Goal } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { deleteInitiative } from './initiatives.ts';
import { nextPosition, requireRows, placeInOrder, unlink } from './rules.ts';
import { unfollow } from './stakeholders.ts';

const SELECT = () =>
  `SELECT t.*, p.progress AS progress FROM (${selectSql('goal')}) t JOIN goal_progress p ON p.goal_id = t.id`;

const toGoal = (row: Record<string, unknown>): Goal => ({
  ...decodeRow('goal', row),
  progress: Number(row.progress),
});

export function listGoals(ws: Workspace): Goal[] {
  return (stmt(ws.db, `${SELECT()} ORDER BY t.position, t.id`).all() as Record<string, unknown>[]).map(
    toGoal,
  );
}

export function getGoal(ws: Workspace, id: string, field = 'id'): Goal {
  const row = stmt(ws.db, `${SELECT()} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw notFound(ws, 'Goal', id, field);
  return toGoal(row);
}

export function createGoal(ws: Workspace, input: ParsedInput<'goals.create'>): Goal {
  requireRows(ws, 'people', 'Person', input.ownerIds, 'ownerIds');
  const ownerIds = input.ownerIds ?? [];
  const state = input.state ?? (ownerIds.length ? 'in progress' : 'help wanted');
  const id = insert(ws, 'goal', {
    title: input.title,
    impact: input.impact ?? '',
    howToHelp: input.howToHelp ?? '',
    state,
    manualProgress: input.manualProgress ?? null,
    position: nextPosition(ws, 'goals'),
    ownerIds,
  });
  return getGoal(ws, id);
}

export function updateGoal(ws: Workspace, { id, ...patch }: ParsedInput<'goals.update'>): Goal {
  getGoal(ws, id); // an unknown id is refused before anything else
  requireRows(ws, 'people', 'Person', patch.ownerIds, 'ownerIds');
  update(ws, 'goal', id, patch);
  return getGoal(ws, id);
}

/**
 * A goal with initiatives is deleted only with `cascade` (its initiatives and their milestones
 * go too). Sprint goals and polish issues that pointed at it keep their text and lose the link.
 */
export function deleteGoal(ws: Workspace, { id, cascade }: ParsedInput<'goals.delete'>): null {
  const goal = getGoal(ws, id);
  const initiatives = stmt(
    ws.db,
    'SELECT id, title FROM initiatives WHERE goal_id = ? ORDER BY position',
  ).all(id) as {
    id: string;
    title: string;
  }[];
  if (initiatives.length && !cascade) {
    const names = initiatives.map((i) => `“${i.title}”`).join(', ');
    throw new DomainError(
      'rule_violation',
      `“${goal.title}” still has ${initiatives.length} initiative(s): ${names}. Delete them first, or confirm deleting them with the goal.`,
      'cascade',
    );
  }
  for (const initiative of initiatives) deleteInitiative(ws, { id: initiative.id, cascade: true });
  unlink(ws, 'sprint_goals', 'sprintGoal', 'goalId', 'goal_id', id);
  unlink(ws, 'polish_issues', 'polishIssue', 'goalId', 'goal_id', id);
  unlink(ws, 'polls', 'poll', 'goalId', 'goal_id', id);
  unfollow(ws, 'goal', id);
  remove(ws, 'goal', id);
  return null;
}

export function reorderGoals(ws: Workspace, { ids }: ParsedInput<'goals.reorder'>): Goal[] {
  placeInOrder(ws, 'goal', ids, 'goal');
  return listGoals(ws);
}
