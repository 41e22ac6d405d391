/** Sprint goals: commitments for one sprint, their outcomes, and carry-over of unfinished ones. */
import type { ParsedInput } from '../../shared/contract.ts';
import type { SprintGoal } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { getInitiative } from './initiatives.ts';
import { getMilestone } from './milestones.ts';
import { nextPosition, requireRow, placeInOrder } from './rules.ts';
import { getSprint } from './sprints.ts';
import { carriedOverIdFor } from '../sync/natural-ids.ts';

const toSprintGoal = (row: Record<string, unknown>) => decodeRow('sprintGoal', row);

export function listSprintGoals(ws: Workspace, { sprintId }: ParsedInput<'sprintGoals.list'>): SprintGoal[] {
  const rows = stmt(ws.db, `${selectSql('sprintGoal')} WHERE t.sprint_id = ? ORDER BY t.position, t.id`).all(
    sprintId,
  );
  return (rows as Record<string, unknown>[]).map(toSprintGoal);
}

export function getSprintGoal(ws: Workspace, id: string, field = 'id'): SprintGoal {
  const row = current(ws, 'sprintGoal', id);
  if (!row) throw notFound(ws, 'Sprint goal', id, field);
  return row;
}

type Links = Pick<SprintGoal, 'goalId' | 'initiativeId' | 'milestoneId'>;

/**
 * Checks the roadmap links and fills in the implied ones: a milestone implies its initiative,
 * an initiative its goal. A link that contradicts another is refused.
 */
function resolveLinks(ws: Workspace, links: Links): Links {
  let { goalId, initiativeId } = links;
  const { milestoneId } = links;
  requireRow(ws, 'goals', 'Goal', goalId, 'goalId');
  if (milestoneId) {
    const milestone = getMilestone(ws, milestoneId, 'milestoneId');
    if (initiativeId && initiativeId !== milestone.initiativeId) {
      throw new DomainError(
        'rule_violation',
        `The milestone “${milestone.title}” belongs to another initiative`,
        'milestoneId',
      );
    }
    initiativeId = milestone.initiativeId;
  }
  if (initiativeId) {
    const initiative = getInitiative(ws, initiativeId, 'initiativeId');
    if (goalId && goalId !== initiative.goalId) {
      throw new DomainError(
        'rule_violation',
        `The initiative “${initiative.title}” belongs to another goal`,
        'initiativeId',
      );
    }
    goalId = initiative.goalId;
  }
  return { goalId, initiativeId, milestoneId };
}

const LINKS = ['goalId', 'initiativeId', 'milestoneId'] as const;

/**
 * The roadmap links after an update, or {} when none changes. A link the patch doesn't name is
 * cleared when a coarser one changed (a new goal drops the old initiative), re-derived when a
 * finer one was set (a milestone implies its initiative and goal), and kept otherwise.
 */
function changedLinks(ws: Workspace, goal: SprintGoal, patch: Partial<Links>): Partial<Links> {
  const changed = LINKS.map((k, level) => ({ k, level })).filter(
    ({ k }) => patch[k] !== undefined && patch[k] !== goal[k],
  );
  if (!changed.length) return {};
  const next = Object.fromEntries(
    LINKS.map((k, level) => {
      if (patch[k] !== undefined) return [k, patch[k]];
      const coarserChanged = changed.some((c) => c.level < level);
      const finerSet = changed.some((c) => c.level > level && patch[c.k] !== null);
      return [k, coarserChanged || finerSet ? null : goal[k]];
    }),
  ) as Links;
  return resolveLinks(ws, next);
}

function refuseOutcomeBeforeSprintEnds(ws: Workspace, sprintId: string, outcome: unknown): void {
  if (outcome == null) return;
  const sprint = getSprint(ws, sprintId);
  if (sprint.status === 'planned') {
    throw new DomainError(
      'rule_violation',
      `Outcome: sprint ${sprint.number} hasn't started; a sprint goal gets its outcome at its sprint's retrospective`,
      'outcome',
    );
  }
}

export function createSprintGoal(ws: Workspace, input: ParsedInput<'sprintGoals.create'>): SprintGoal {
  getSprint(ws, input.sprintId, 'sprintId');
  requireRow(ws, 'people', 'Person', input.ownerId, 'ownerId');
  const links = resolveLinks(ws, {
    goalId: input.goalId ?? null,
    initiativeId: input.initiativeId ?? null,
    milestoneId: input.milestoneId ?? null,
  });
  refuseOutcomeBeforeSprintEnds(ws, input.sprintId, input.outcome);
  const id = insert(ws, 'sprintGoal', {
    sprintId: input.sprintId,
    title: input.title,
    ownerId: input.ownerId ?? null,
    ...links,
    definitionOfDone: input.definitionOfDone ?? '',
    estimate: input.estimate ?? null,
    outcome: input.outcome ?? null,
    outcomeNote: input.outcomeNote ?? '',
    rolloverCount: 0,
    position: nextPosition(ws, 'sprint_goals', 'sprint_id = ?', input.sprintId),
  });
  return getSprintGoal(ws, id);
}

export function updateSprintGoal(
  ws: Workspace,
  { id, ...patch }: ParsedInput<'sprintGoals.update'>,
): SprintGoal {
  const goal = getSprintGoal(ws, id);
  requireRow(ws, 'people', 'Person', patch.ownerId, 'ownerId');
  const links = changedLinks(ws, goal, patch);
  refuseOutcomeBeforeSprintEnds(ws, goal.sprintId, patch.outcome);
  return update(ws, 'sprintGoal', id, { ...patch, ...links }, goal);
}

export function deleteSprintGoal(ws: Workspace, id: string): null {
  getSprintGoal(ws, id);
  unlinkCarriedOver(ws, id);
  remove(ws, 'sprintGoal', id);
  return null;
}

/** Later copies keep their rollover count but no longer point at a deleted original. */
function unlinkCarriedOver(ws: Workspace, id: string): void {
  const copies = stmt(ws.db, 'SELECT id FROM sprint_goals WHERE carried_over_from_id = ?').all(id) as {
    id: string;
  }[];
  for (const copy of copies) update(ws, 'sprintGoal', copy.id, { carriedOverFromId: null });
}

export function reorderSprintGoals(ws: Workspace, { ids }: ParsedInput<'sprintGoals.reorder'>): SprintGoal[] {
  const first = ids[0] ? getSprintGoal(ws, ids[0], 'ids.0') : undefined;
  if (!first) throw new DomainError('invalid_input', 'ids: must list the sprint goals of one sprint', 'ids');
  placeInOrder(ws, 'sprintGoal', ids, 'sprint goal of the sprint', ['sprint_id', first.sprintId]);
  return listSprintGoals(ws, { sprintId: first.sprintId });
}

/** An unfinished (partial or missed) sprint goal, copied into a later open sprint. */
export function carryOverSprintGoal(
  ws: Workspace,
  { id, toSprintId }: ParsedInput<'sprintGoals.carryOver'>,
): SprintGoal {
  const original = getSprintGoal(ws, id);
  const from = getSprint(ws, original.sprintId);
  const to = getSprint(ws, toSprintId, 'toSprintId');
  if (original.outcome !== 'partial' && original.outcome !== 'missed') {
    throw new DomainError(
      'rule_violation',
      `“${original.title}” can be carried over only when its outcome is partial or missed`,
      'id',
    );
  }
  if (to.number <= from.number || to.status === 'closed') {
    throw new DomainError(
      'rule_violation',
      `Sprint ${to.number} can't take it: carry over into a later sprint that isn't closed`,
      'toSprintId',
    );
  }
  const already = stmt(
    ws.db,
    'SELECT s.number FROM sprint_goals g JOIN sprints s ON s.id = g.sprint_id WHERE g.carried_over_from_id = ?',
  ).get(id) as { number: number } | undefined;
  if (already) {
    throw new DomainError(
      'conflict',
      `“${original.title}” is already carried over into sprint ${already.number}`,
      'id',
    );
  }
  const copy = insert(
    ws,
    'sprintGoal',
    {
      sprintId: toSprintId,
      title: original.title,
      ownerId: original.ownerId,
      goalId: original.goalId,
      initiativeId: original.initiativeId,
      milestoneId: original.milestoneId,
      definitionOfDone: original.definitionOfDone,
      estimate: original.estimate,
      outcome: null,
      outcomeNote: '',
      carriedOverFromId: original.id,
      rolloverCount: original.rolloverCount + 1,
      position: nextPosition(ws, 'sprint_goals', 'sprint_id = ?', toSprintId),
    },
    carriedOverIdFor(original.id),
  );
  return getSprintGoal(ws, copy);
}
