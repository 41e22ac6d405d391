/** The Sprints screen: every sprint with its dates, status and the outcomes of its goals. */
import type { SprintOverview } from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';

interface OverviewRow extends Record<string, unknown> {
  goals: number;
  done: number;
  partial: number;
  missed: number;
  dropped: number;
  none: number;
  polishDone: number;
}

/** One grouped query: sprints joined to their goals, polish done counted per sprint. */
export function sprintsOverview(ws: Workspace): SprintOverview[] {
  const rows = stmt(
    ws.db,
    `SELECT s.*, count(g.id) AS goals,
        count(CASE WHEN g.outcome = 'done' THEN 1 END) AS done,
        count(CASE WHEN g.outcome = 'partial' THEN 1 END) AS partial,
        count(CASE WHEN g.outcome = 'missed' THEN 1 END) AS missed,
        count(CASE WHEN g.outcome = 'dropped' THEN 1 END) AS dropped,
        count(CASE WHEN g.id IS NOT NULL AND g.outcome IS NULL THEN 1 END) AS none,
        (SELECT count(*) FROM polish_issues p WHERE p.done_sprint_id = s.id) AS polishDone
       FROM (${selectSql('sprint')}) s LEFT JOIN sprint_goals g ON g.sprint_id = s.id
       GROUP BY s.id ORDER BY s.number`,
  ).all() as OverviewRow[];
  return rows.map((row) => ({
    sprint: decodeRow('sprint', row),
    goals: row.goals,
    outcomes: {
      done: row.done,
      partial: row.partial,
      missed: row.missed,
      dropped: row.dropped,
      none: row.none,
    },
    polishDone: row.polishDone,
  }));
}
