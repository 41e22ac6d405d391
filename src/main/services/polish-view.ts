/** The polish step: the open polish issues, the sprint's tally and the chart of the last sprints. */
import type { ParsedInput } from '../../shared/contract.ts';
import type { PolishView } from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { stmt } from '../store/write.ts';
import { toPolish } from './polish.ts';
import { DEFAULT_CHART_SPRINTS, polishChart, tallyPeople, tallyPolish } from './polish-tally.ts';
import { getSprint } from './sprints.ts';

export function polishView(ws: Workspace, { sprintId, lastSprints }: ParsedInput<'polish.view'>): PolishView {
  const sprint = getSprint(ws, sprintId, 'sprintId');
  const issues = (
    stmt(
      ws.db,
      `${selectSql('polishIssue')} WHERE t.status IN ('open', 'in progress') ORDER BY t.created_at, t.id`,
    ).all() as Record<string, unknown>[]
  ).map(toPolish);
  const chart = polishChart(ws, sprint.number - (lastSprints ?? DEFAULT_CHART_SPRINTS), sprint.number);
  const bar = chart.at(-1);
  return {
    sprint,
    issues,
    tally: tallyPolish(bar?.byPerson ?? {}, tallyPeople(ws)),
    unassigned: bar?.unassigned ?? 0,
    chart,
  };
}
