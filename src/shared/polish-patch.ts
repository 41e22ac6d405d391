/**
 * The polish step's view after one of its writes, from the issue the write answered: the step
 * redraws without reading the view again, so one key press is one call. The tally and the chart
 * follow the issue's done sprint and assignee. Each function returns a new view.
 */
import type { PolishIssue } from './domain.ts';
import type { PolishChartBar, PolishTallyEntry, PolishView } from './meeting-views.ts';

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

/** The view's order: oldest first, as it is read. */
const oldestFirst = (a: PolishIssue, b: PolishIssue) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const isOpen = (issue: PolishIssue) => issue.status === 'open' || issue.status === 'in progress';

/** A bar with one more (or one fewer) done by `assigneeId`; a person at 0 leaves the bar. */
function counted(bar: PolishChartBar, assigneeId: string | null, delta: 1 | -1): PolishChartBar {
  if (assigneeId === null) return { ...bar, unassigned: bar.unassigned + delta };
  const byPerson = { ...bar.byPerson, [assigneeId]: (bar.byPerson[assigneeId] ?? 0) + delta };
  if (byPerson[assigneeId]! <= 0) delete byPerson[assigneeId];
  return { ...bar, byPerson };
}

/**
 * The view with `issue` as written: listed while open (in the list's order, oldest first), and counted in the chart and the tally of the sprint it was done in. `before` is the
 * issue as it was (null for a new one); `people` everyone, for the tally.
 */
export function withPolish(
  view: PolishView,
  before: PolishIssue | null,
  issue: PolishIssue,
  people: readonly TallyPerson[],
): PolishView {
  const others = view.issues.filter((i) => i.id !== issue.id);
  const issues = isOpen(issue) ? [...others, issue].sort(oldestFirst) : others;
  const chart = view.chart.map((bar) => {
    let next = bar;
    if (before?.doneSprintId === bar.sprintId) next = counted(next, before.assigneeId, -1);
    if (issue.doneSprintId === bar.sprintId) next = counted(next, issue.assigneeId, 1);
    return next;
  });
  const bar = chart.find((b) => b.sprintId === view.sprint.id);
  return {
    ...view,
    issues,
    chart,
    tally: tallyPolish(bar?.byPerson ?? {}, people),
    unassigned: bar?.unassigned ?? 0,
  };
}
