/**
 * The planning step: the next sprint's goals per owner against their capacity, what the ending
 * sprint leaves to carry over, how much each owner got done lately, and the milestones due.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import type { Outcome, Sprint, SprintGoal } from '../../shared/domain.ts';
import type {
  Completion,
  DefinitionGap,
  DueMilestone,
  OwnerPlan,
  PlanningView,
} from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';
import { listSprintGoals } from './sprint-goals.ts';
import { getSprint, sprintNumbered } from './sprints.ts';

/** How many earlier sprints the completion rate looks at. */
export const COMPLETION_SPRINTS = 6;

type Row = Record<string, unknown>;
const toSprintGoal = (row: Row) => decodeRow('sprintGoal', row);

// ---- the rules ---------------------------------------------------------------------------

/**
 * What a sprint goal lacks to be well-defined: an owner, a link to a goal of the roadmap (an
 * initiative or milestone link implies its goal), a definition of done. Empty when well-defined.
 */
export function definitionGaps(
  goal: Pick<SprintGoal, 'ownerId' | 'goalId' | 'definitionOfDone'>,
): DefinitionGap[] {
  const gaps: DefinitionGap[] = [];
  if (!goal.ownerId) gaps.push('owner');
  if (!goal.goalId) gaps.push('goal');
  if (!goal.definitionOfDone.trim()) gaps.push('definition of done');
  return gaps;
}

export const isWellDefined = (goal: Pick<SprintGoal, 'ownerId' | 'goalId' | 'definitionOfDone'>): boolean =>
  definitionGaps(goal).length === 0;

/** The sum of the estimates (missing ones count 0), rounded to hundredths of a day. */
export function totalEstimate(estimates: readonly (number | null)[]): number {
  return Math.round(estimates.reduce<number>((sum, e) => sum + (e ?? 0), 0) * 100) / 100;
}

/**
 * Over capacity: the owner's total estimate doesn't fit the days they have. Exactly full fits;
 * an unknown capacity (never set) flags nothing.
 */
export function isOverCapacity(total: number, capacity: number | null): boolean {
  return capacity !== null && total - capacity > 1e-9;
}

/**
 * The completion rate: goals done over goals with an outcome of done, partial or missed.
 * `dropped` is left out on purpose — dropping is a decision to re-plan, not a failure to
 * deliver — and so are goals never reviewed (no outcome). `partial` counts as not done.
 */
export function completionRate(counts: Readonly<Partial<Record<Outcome | 'none', number>>>): Completion {
  const done = counts.done ?? 0;
  const counted = done + (counts.partial ?? 0) + (counts.missed ?? 0);
  return { done, counted, rate: counted ? done / counted : null };
}

// ---- the reads -----------------------------------------------------------------------------

/** The ending sprint's partial and missed goals that no later sprint took over yet. */
export function carryOverCandidates(ws: Workspace, endingSprintId: string): SprintGoal[] {
  const rows = stmt(
    ws.db,
    `${selectSql('sprintGoal')} WHERE t.sprint_id = ? AND t.outcome IN ('partial', 'missed')
       AND NOT EXISTS (SELECT 1 FROM sprint_goals c WHERE c.carried_over_from_id = t.id)
       ORDER BY t.position, t.id`,
  ).all(endingSprintId) as Row[];
  return rows.map(toSprintGoal);
}

/** How many of the ending sprint's goals have no outcome yet. */
function undecidedCount(ws: Workspace, endingSprintId: string): number {
  const row = stmt(
    ws.db,
    'SELECT count(*) AS n FROM sprint_goals WHERE sprint_id = ? AND outcome IS NULL',
  ).get(endingSprintId) as { n: number };
  return row.n;
}

/**
 * The sprints the completion rate is computed over: the last `COMPLETION_SPRINTS` before this
 * one that are closed — or active, which the ending sprint still is during its meeting, when
 * its outcomes are already in: counting it then gives the same hint as after the close.
 */
function completionSprints(ws: Workspace, sprint: Sprint): { id: string; number: number }[] {
  return stmt(
    ws.db,
    `SELECT id, number FROM sprints WHERE number < ? AND status <> 'planned' ORDER BY number DESC LIMIT ?`,
  ).all(sprint.number, COMPLETION_SPRINTS) as { id: string; number: number }[];
}

function outcomeCounts(ws: Workspace, sprintIds: readonly string[]) {
  const counts = new Map<string, Partial<Record<Outcome | 'none', number>>>();
  if (!sprintIds.length) return counts;
  const rows = stmt(
    ws.db,
    `SELECT owner_id AS ownerId, coalesce(outcome, 'none') AS outcome, count(*) AS n FROM sprint_goals
       WHERE sprint_id IN (${sprintIds.map(() => '?').join(', ')}) AND owner_id IS NOT NULL
       GROUP BY owner_id, outcome`,
  ).all(...sprintIds) as { ownerId: string; outcome: Outcome | 'none'; n: number }[];
  for (const row of rows) {
    const entry = counts.get(row.ownerId) ?? {};
    entry[row.outcome] = row.n;
    counts.set(row.ownerId, entry);
  }
  return counts;
}

/** Each person's capacity for the sprint, or the last one set for an earlier sprint. */
function capacities(ws: Workspace, sprint: Sprint) {
  // SQLite takes the bare columns (days) from the row holding the max(number).
  const rows = stmt(
    ws.db,
    `SELECT c.person_id AS personId, c.days, max(s.number) AS number FROM capacities c
       JOIN sprints s ON s.id = c.sprint_id WHERE s.number <= ? GROUP BY c.person_id`,
  ).all(sprint.number) as { personId: string; days: number; number: number }[];
  return new Map(rows.map((r) => [r.personId, r]));
}

export function dueMilestones(ws: Workspace, sprint: Sprint): DueMilestone[] {
  const rows = stmt(
    ws.db,
    `SELECT m.*, s.number AS targetSprintNumber, i.title AS initiativeTitle, g.id AS goalId, g.title AS goalTitle
       FROM (${selectSql('milestone')}) m
       JOIN sprints s ON s.id = m.targetSprintId
       JOIN initiatives i ON i.id = m.initiativeId
       JOIN goals g ON g.id = i.goal_id
       WHERE s.number <= ? AND m.state <> 'done'
       ORDER BY s.number, g.position, i.position, m.position, m.id`,
  ).all(sprint.number) as Row[];
  return rows.map((row) => {
    const milestone = decodeRow('milestone', row);
    return {
      id: milestone.id,
      title: milestone.title,
      state: milestone.state,
      participantIds: milestone.participantIds,
      initiativeId: milestone.initiativeId,
      initiativeTitle: row.initiativeTitle as string,
      goalId: row.goalId as string,
      goalTitle: row.goalTitle as string,
      targetSprintId: milestone.targetSprintId ?? '',
      targetSprintNumber: row.targetSprintNumber as number,
    };
  });
}

export function planningView(ws: Workspace, { sprintId }: ParsedInput<'planning.view'>): PlanningView {
  const sprint = getSprint(ws, sprintId, 'sprintId');
  const endingSprint = sprintNumbered(ws, sprint.number - 1);
  const sprintGoals = listSprintGoals(ws, { sprintId: sprint.id });

  const people = stmt(
    ws.db,
    `SELECT id, EXISTS (SELECT 1 FROM json_each(roles) WHERE value = 'goal owner') AS goalOwner
       FROM people ORDER BY name COLLATE NOCASE, id`,
  ).all() as { id: string; goalOwner: number }[];
  const owning = new Set(sprintGoals.map((g) => g.ownerId));
  const ownerIds: (string | null)[] = people.filter((p) => p.goalOwner || owning.has(p.id)).map((p) => p.id);
  if (owning.has(null)) ownerIds.push(null);

  const recent = completionSprints(ws, sprint);
  const outcomes = outcomeCounts(
    ws,
    recent.map((s) => s.id),
  );
  const capacity = capacities(ws, sprint);
  const owners = ownerIds.map((personId): OwnerPlan => {
    const goals = sprintGoals.filter((g) => g.ownerId === personId);
    const set = personId === null ? undefined : capacity.get(personId);
    const total = totalEstimate(goals.map((g) => g.estimate));
    const days = set?.days ?? null;
    return {
      personId,
      capacity: days,
      isDefault: set !== undefined && set.number < sprint.number,
      capacityFromSprintNumber: set?.number ?? null,
      sprintGoalIds: goals.map((g) => g.id),
      totalEstimate: total,
      unestimated: goals.filter((g) => g.estimate === null).length,
      overCapacity: isOverCapacity(total, days),
      notWellDefined: goals
        .map((g) => ({ sprintGoalId: g.id, missing: definitionGaps(g) }))
        .filter((x) => x.missing.length > 0),
      completion: completionRate((personId && outcomes.get(personId)) || {}),
    };
  });

  return {
    sprint,
    endingSprint,
    carryOverCandidates: endingSprint ? carryOverCandidates(ws, endingSprint.id) : [],
    undecided: endingSprint ? undecidedCount(ws, endingSprint.id) : 0,
    sprintGoals,
    owners,
    completionSprintNumbers: recent.map((s) => s.number),
    dueMilestones: dueMilestones(ws, sprint),
  };
}
