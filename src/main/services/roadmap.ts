/**
 * Reads across the roadmap: the whole tree in one call for the Roadmap screen, blocked work,
 * quick-open search, and everything about one person.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import type {
  BlockedItem,
  PersonView,
  Roadmap,
  SearchHit,
  SearchKind,
  SprintGoal,
} from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';
import { listGoals } from './goals.ts';
import { listInitiatives } from './initiatives.ts';
import { listMilestones } from './milestones.ts';
import { getPerson } from './people.ts';

/** In-progress items whose dependencies are paused or seek an owner. */
export function blockedWork(ws: Workspace): BlockedItem[] {
  const rows = stmt(
    ws.db,
    `SELECT 'initiative' AS kind, a.id, b.id AS onId, b.title AS onTitle, b.state AS onState
       FROM initiative_dependencies d JOIN initiatives a ON a.id = d.initiative_id JOIN initiatives b ON b.id = d.depends_on_id
      WHERE a.state = 'in progress' AND b.state IN ('paused', 'help wanted')
     UNION ALL
     SELECT 'milestone', a.id, b.id, b.title, b.state
       FROM milestone_dependencies d JOIN milestones a ON a.id = d.milestone_id JOIN milestones b ON b.id = d.depends_on_id
      WHERE a.state = 'in progress' AND b.state IN ('paused', 'help wanted')
     ORDER BY 1, 2`,
  ).all() as { kind: BlockedItem['kind']; id: string; onId: string; onTitle: string; onState: string }[];
  const byItem = new Map<string, BlockedItem>();
  for (const row of rows) {
    const item = byItem.get(row.id) ?? { kind: row.kind, id: row.id, waitingOn: [] };
    item.waitingOn.push({
      id: row.onId,
      title: row.onTitle,
      state: row.onState as BlockedItem['waitingOn'][number]['state'],
    });
    byItem.set(row.id, item);
  }
  return [...byItem.values()];
}

export function roadmapView(ws: Workspace): Roadmap {
  return {
    goals: listGoals(ws),
    initiatives: listInitiatives(ws, {}),
    milestones: listMilestones(ws, {}),
    blocked: blockedWork(ws),
  };
}

const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Titles containing the query (case-insensitive), those starting with it first. */
export function quickSearch(ws: Workspace, { query, limit = 20 }: ParsedInput<'search.quick'>): SearchHit[] {
  const pattern = likePattern(query.trim());
  const prefix = `${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = stmt(
    ws.db,
    `SELECT * FROM (
       SELECT 'goal' AS kind, id, title, NULL AS context, 0 AS k FROM goals WHERE title LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'initiative', i.id, i.title, g.title, 1 FROM initiatives i JOIN goals g ON g.id = i.goal_id
        WHERE i.title LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'milestone', m.id, m.title, i.title, 2 FROM milestones m JOIN initiatives i ON i.id = m.initiative_id
        WHERE m.title LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'person', id, name, handle, 3 FROM people WHERE name LIKE $pattern ESCAPE '\\' OR handle LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'polishIssue', id, title, link, 4 FROM polish_issues WHERE title LIKE $pattern ESCAPE '\\' OR link LIKE $pattern ESCAPE '\\'
     )
     ORDER BY (title NOT LIKE $prefix ESCAPE '\\'), k, length(title), title
     LIMIT $limit`,
  ).all({ pattern, prefix, limit }) as (SearchHit & { k: number })[];
  return rows.map(({ kind, id, title, context }) => ({ kind: kind as SearchKind, id, title, context }));
}

export function personView(ws: Workspace, id: string): PersonView {
  const person = getPerson(ws, id);
  const goals = listGoals(ws).filter((g) => g.ownerIds.includes(id));
  const initiatives = listInitiatives(ws, {}).filter((i) => i.ownerIds.includes(id));
  const milestones = (
    stmt(
      ws.db,
      `${selectSql('milestone')} WHERE t.id IN (SELECT milestone_id FROM milestone_participants WHERE person_id = ?)
        ORDER BY t.initiative_id, t.position`,
    ).all(id) as Record<string, unknown>[]
  ).map((r) => decodeRow('milestone', r) as unknown as PersonView['milestones'][number]);
  const sprintGoals = (
    stmt(
      ws.db,
      `SELECT t.*, s.number AS sprintNumber FROM (${selectSql('sprintGoal')}) t JOIN sprints s ON s.id = t.sprintId
        WHERE t.ownerId = ? ORDER BY s.number DESC, t.position LIMIT 30`,
    ).all(id) as Record<string, unknown>[]
  ).map((r) => ({
    ...(decodeRow('sprintGoal', r) as unknown as SprintGoal),
    sprintNumber: r.sprintNumber as number,
  }));
  const polishDoneBySprint = stmt(
    ws.db,
    `SELECT s.number AS sprintNumber, count(*) AS count FROM polish_issues p JOIN sprints s ON s.id = p.done_sprint_id
      WHERE p.assignee_id = ? GROUP BY s.number ORDER BY s.number DESC LIMIT 12`,
  ).all(id) as { sprintNumber: number; count: number }[];
  const polishDone = (
    stmt(ws.db, `SELECT count(*) AS n FROM polish_issues WHERE assignee_id = ? AND status = 'done'`).get(
      id,
    ) as { n: number }
  ).n;
  return { person, goals, initiatives, milestones, sprintGoals, polishDone, polishDoneBySprint };
}
