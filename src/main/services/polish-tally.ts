/**
 * Polish done: who did how much in a sprint ("small investments add up"), and polish done per
 * sprint over the last sprints, stacked by person.
 */
import type { Sprint } from '../../shared/domain.ts';
import type { PolishChartBar, PolishTallyEntry } from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/write.ts';

export const DEFAULT_CHART_SPRINTS = 8;

export interface TallyPerson {
  id: string;
  name: string;
  goalOwner: boolean;
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The per-person tally of one sprint: every goal owner (0 made explicit), and everyone else who
 * did polish. Most first; ties by name, then id.
 */
export function tallyPolish(
  counts: Readonly<Record<string, number>>,
  people: readonly TallyPerson[],
): PolishTallyEntry[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const entries = people
    .filter((p) => p.goalOwner || (counts[p.id] ?? 0) > 0)
    .map((p) => ({ personId: p.id, count: counts[p.id] ?? 0, goalOwner: p.goalOwner }));
  const name = (id: string) => byId.get(id)?.name ?? '';
  return entries.sort(
    (a, b) =>
      b.count - a.count ||
      byName.compare(name(a.personId), name(b.personId)) ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
}

/** Everyone, with whether they have the goal-owner role. */
export function tallyPeople(ws: Workspace): TallyPerson[] {
  const rows = stmt(
    ws.db,
    `SELECT id, name, EXISTS (SELECT 1 FROM json_each(roles) WHERE value = 'goal owner') AS goalOwner
       FROM people ORDER BY name COLLATE NOCASE, id`,
  ).all() as { id: string; name: string; goalOwner: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, goalOwner: r.goalOwner === 1 }));
}

/** Polish done per sprint and assignee, for the sprints numbered (from, to], oldest first. */
export function polishChart(ws: Workspace, fromNumber: number, toNumber: number): PolishChartBar[] {
  const rows = stmt(
    ws.db,
    `SELECT s.id AS sprintId, s.number AS sprintNumber, p.assignee_id AS personId, count(p.id) AS n
       FROM sprints s LEFT JOIN polish_issues p ON p.done_sprint_id = s.id
       WHERE s.number > ? AND s.number <= ?
       GROUP BY s.id, p.assignee_id ORDER BY s.number, p.assignee_id`,
  ).all(fromNumber, toNumber) as {
    sprintId: string;
    sprintNumber: number;
    personId: string | null;
    n: number;
  }[];
  const bars: PolishChartBar[] = [];
  for (const row of rows) {
    let bar = bars.at(-1);
    if (bar?.sprintId !== row.sprintId) {
      bar = { sprintId: row.sprintId, sprintNumber: row.sprintNumber, byPerson: {}, unassigned: 0 };
      bars.push(bar);
    }
    if (row.personId === null) bar.unassigned += row.n;
    else bar.byPerson[row.personId] = row.n;
  }
  return bars;
}

/** The sprint's tally and its unassigned count. */
export function sprintTally(
  ws: Workspace,
  sprint: Sprint,
  people = tallyPeople(ws),
): { tally: PolishTallyEntry[]; unassigned: number } {
  const bar = polishChart(ws, sprint.number - 1, sprint.number)[0];
  return { tally: tallyPolish(bar?.byPerson ?? {}, people), unassigned: bar?.unassigned ?? 0 };
}
