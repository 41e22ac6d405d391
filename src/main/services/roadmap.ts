/**
 * Reads across the roadmap: the whole tree in one call for the Roadmap screen, blocked work,
 * quick-open search, and everything about one person.
 */
import { dependencyCycles } from './dependency-cycles.ts';
import { seeksOwner } from '../../shared/unowned.ts';
import type { ParsedInput } from '../../shared/contract.ts';
import type {
  BlockedItem,
  Initiative,
  Milestone,
  MilestoneCounts,
  Ownership,
  PersonView,
  Roadmap,
  RoadmapInitiative,
  SearchHit,
  State,
} from '../../shared/domain.ts';
import { plainSummary } from '../../shared/plain-summary.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';
import { listGoals } from './goals.ts';
import { listInitiatives } from './initiatives.ts';
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

/**
 * The milestones the roadmap shows at once — those of initiatives not done, every one not done,
 * those of the initiatives and the participant asked for — and the ones these depend on (so a
 * dependency always has its title). The milestones of done initiatives are years of history.
 */
function shownMilestonesSql(participant: 'none' | 'someone' | 'nobody'): string {
  const arms = [
    `SELECT m.id FROM initiatives i CROSS JOIN milestones m ON m.initiative_id = i.id WHERE i.state <> 'done'`,
    `SELECT id FROM milestones WHERE state IN ('in progress', 'help wanted', 'paused')`,
    `SELECT id FROM milestones WHERE initiative_id IN (SELECT value FROM json_each($initiativeIds))`,
    ...(participant === 'someone'
      ? ['SELECT milestone_id FROM milestone_participants WHERE person_id = $participantId']
      : []),
    ...(participant === 'nobody'
      ? [
          `SELECT id FROM milestones m
            WHERE NOT EXISTS (SELECT 1 FROM milestone_participants p WHERE p.milestone_id = m.id)`,
        ]
      : []),
  ];
  return `WITH shown(id) AS MATERIALIZED (${arms.join(' UNION ALL ')})
    ${selectSql('milestone')}
     WHERE t.id IN (SELECT id FROM shown
       UNION ALL SELECT d.depends_on_id FROM shown CROSS JOIN milestone_dependencies d ON d.milestone_id = shown.id)
     ORDER BY t.initiative_id, t.position, t.id`;
}

function milestoneCounts(ws: Workspace): Record<string, MilestoneCounts> {
  const rows = stmt(
    ws.db,
    'SELECT initiative_id AS id, state, count(*) AS n FROM milestones GROUP BY state, initiative_id',
  ).all() as { id: string; state: State; n: number }[];
  const counts: Record<string, MilestoneCounts> = {};
  for (const { id, state, n } of rows) {
    counts[id] ??= { done: 0, 'in progress': 0, 'help wanted': 0, paused: 0 };
    counts[id][state] = n;
  }
  return counts;
}

function shownMilestones(
  ws: Workspace,
  initiativeIds: readonly string[],
  participantId: string | null | undefined,
): Milestone[] {
  const participant = participantId ? 'someone' : participantId === null ? 'nobody' : 'none';
  const params = {
    initiativeIds: JSON.stringify(initiativeIds),
    ...(participantId ? { participantId } : {}),
  };
  return (stmt(ws.db, shownMilestonesSql(participant)).all(params) as Record<string, unknown>[]).map((r) =>
    decodeRow('milestone', r),
  );
}

/** An initiative without its Markdown texts; one seeking an owner says in a line what it is about. */
function roadmapInitiative({ impact, features, ...initiative }: Initiative): RoadmapInitiative {
  return seeksOwner(initiative.state, initiative.ownerIds)
    ? { ...initiative, about: plainSummary(impact || features) }
    : initiative;
}

export function roadmapView(
  ws: Workspace,
  { initiativeIds = [], participantId }: ParsedInput<'roadmap.view'>,
): Roadmap {
  return {
    goals: listGoals(ws),
    initiatives: listInitiatives(ws, {}).map(roadmapInitiative),
    milestones: shownMilestones(ws, initiativeIds, participantId),
    milestoneCounts: milestoneCounts(ws),
    blocked: blockedWork(ws),
    cycles: dependencyCycles(ws),
  };
}

const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Titles containing the query (case-insensitive), those starting with it first, then what is not
 * history (done, or a polish issue that won't be fixed) before what is.
 */
export function quickSearch(ws: Workspace, { query, limit = 20 }: ParsedInput<'search.quick'>): SearchHit[] {
  const pattern = likePattern(query.trim());
  const prefix = `${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = stmt(
    ws.db,
    `SELECT * FROM (
       SELECT 'goal' AS kind, id, title, NULL AS context, iif(state = 'done', 'done', NULL) AS closed, 0 AS k
         FROM goals
        WHERE title LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'initiative', i.id, i.title, g.title, iif(i.state = 'done', 'done', NULL), 1
         FROM initiatives i JOIN goals g ON g.id = i.goal_id
        WHERE i.title LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'milestone', m.id, m.title, i.title, iif(m.state = 'done', 'done', NULL), 2 FROM milestones m
         JOIN initiatives i ON i.id = m.initiative_id
        WHERE m.title LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'person', id, name, handle, NULL, 3 FROM people WHERE name LIKE $pattern ESCAPE '\\' OR handle LIKE $pattern ESCAPE '\\'
       UNION ALL
       SELECT 'polishIssue', id, title, link, iif(status IN ('open', 'in progress'), NULL, status), 4 FROM polish_issues
        WHERE title LIKE $pattern ESCAPE '\\' OR link LIKE $pattern ESCAPE '\\'
     )
     ORDER BY (title NOT LIKE $prefix ESCAPE '\\'), closed IS NOT NULL, k, length(title), title
     LIMIT $limit`,
  ).all({ pattern, prefix, limit }) as (SearchHit & { k: number })[];
  return rows.map(({ kind, id, title, context, closed }) => ({ kind, id, title, context, closed }));
}

export function personView(ws: Workspace, id: string): PersonView {
  const person = getPerson(ws, id);
  const goals = (
    stmt(
      ws.db,
      `SELECT t.*, p.progress AS progress FROM (${selectSql('goal')}) t JOIN goal_progress p ON p.goal_id = t.id
        WHERE t.id IN (SELECT goal_id FROM goal_owners WHERE person_id = ?) ORDER BY t.position, t.id`,
    ).all(id) as Record<string, unknown>[]
  ).map((r) => ({ ...decodeRow('goal', r), progress: Number(r.progress) }));
  const initiatives = (
    stmt(
      ws.db,
      `SELECT t.*, p.progress AS progress FROM (${selectSql('initiative')}) t
         JOIN initiative_progress p ON p.initiative_id = t.id JOIN goals g ON g.id = t.goalId
        WHERE t.id IN (SELECT initiative_id FROM initiative_owners WHERE person_id = ?)
        ORDER BY g.position, t.position, t.id`,
    ).all(id) as Record<string, unknown>[]
  ).map((r) => ({ ...decodeRow('initiative', r), progress: Number(r.progress) }));
  const milestones = (
    stmt(
      ws.db,
      `SELECT t.*, i.title AS initiativeTitle FROM (${selectSql('milestone')}) t JOIN initiatives i ON i.id = t.initiativeId
        WHERE t.id IN (SELECT milestone_id FROM milestone_participants WHERE person_id = ?)
        ORDER BY t.initiativeId, t.position`,
    ).all(id) as Record<string, unknown>[]
  ).map((r) => ({
    ...decodeRow('milestone', r),
    initiativeTitle: r.initiativeTitle as string,
  }));
  const sprintGoals = (
    stmt(
      ws.db,
      `SELECT t.*, s.number AS sprintNumber FROM (${selectSql('sprintGoal')}) t JOIN sprints s ON s.id = t.sprintId
        WHERE t.ownerId = ? ORDER BY s.number DESC, t.position LIMIT 30`,
    ).all(id) as Record<string, unknown>[]
  ).map((r) => ({
    ...decodeRow('sprintGoal', r),
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

/** How many goals and initiatives each person owns that are not done, and how many are done. */
export function ownership(ws: Workspace): Ownership[] {
  return stmt(
    ws.db,
    `SELECT person_id AS personId, sum(kind = 'goal' AND state <> 'done') AS goals,
            sum(kind = 'initiative' AND state <> 'done') AS initiatives, sum(state = 'done') AS done FROM (
       SELECT o.person_id, 'goal' AS kind, g.state FROM goal_owners o JOIN goals g ON g.id = o.goal_id
       UNION ALL
       SELECT o.person_id, 'initiative', i.state FROM initiative_owners o JOIN initiatives i ON i.id = o.initiative_id
     ) GROUP BY person_id ORDER BY person_id`,
  ).all() as Ownership[];
}
