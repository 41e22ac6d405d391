/**
 * The "My sprint" page: the active sprint's part of the person this installation belongs to —
 * their sprint goals, initiatives and milestones (but those done before the sprint began, which
 * are counted), polish and retrospective notes — read in one call (one read transaction), from
 * the local workspace, so it works offline.
 */
import type { Initiative, Sprint } from '../../shared/domain.ts';
import type { MyMilestone, MySprintView } from '../../shared/my-sprint.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';
import { toInitiative } from './initiatives.ts';
import { toPolish } from './polish.ts';
import { hlcRange, reviewBounds } from './retrospective.ts';
import { activeSprint } from './sprints.ts';
import { mePersonId } from './workspace.ts';

type Row = Record<string, unknown>;

/** Whose (`$me`), and the items whose state changed since the active sprint began (`$changed`, a JSON array). */
interface Scope {
  me: string;
  changed: string;
}

const MY_INITIATIVES = 'SELECT initiative_id FROM initiative_owners WHERE person_id = $me';
const MY_MILESTONES = `SELECT m.id FROM milestones m WHERE m.initiative_id IN (${MY_INITIATIVES})
  UNION SELECT milestone_id FROM milestone_participants WHERE person_id = $me`;

/**
 * An item (`alias`) done before the active sprint began (or, with none active, done at all): its
 * state is done and has not changed since. The page leaves those out, and counts them.
 */
const doneBefore = (alias: string) =>
  `(${alias}.state = 'done' AND ${alias}.id NOT IN (SELECT value FROM json_each($changed)))`;

/** Whose page it is, and what changed state since the sprint began: one range of the change log. */
function scopeOf(ws: Workspace, me: string, sprint: Sprint | null): Scope {
  const since = sprint ? hlcRange(reviewBounds(ws, sprint))[0] : null;
  const changed = since
    ? stmt(ws.db, `SELECT entity_id FROM changes WHERE hlc >= ? AND field = 'state'`).pluck().all(since)
    : [];
  return { me, changed: JSON.stringify(changed) };
}

function myInitiatives(ws: Workspace, scope: Scope): Initiative[] {
  const rows = stmt(
    ws.db,
    `SELECT t.*, p.progress AS progress FROM (${selectSql('initiative')}) t
       JOIN initiative_progress p ON p.initiative_id = t.id JOIN goals g ON g.id = t.goalId
      WHERE t.id IN (${MY_INITIATIVES}) AND NOT ${doneBefore('t')}
      ORDER BY g.position, t.position, t.id`,
  ).all(scope) as Row[];
  return rows.map(toInitiative);
}

function myMilestones(ws: Workspace, scope: Scope): MyMilestone[] {
  const rows = stmt(
    ws.db,
    `SELECT m.*, i.title AS initiativeTitle FROM (${selectSql('milestone')}) m
       JOIN initiatives i ON i.id = m.initiativeId JOIN goals g ON g.id = i.goal_id
      WHERE m.id IN (${MY_MILESTONES}) AND NOT ${doneBefore('m')}
      ORDER BY g.position, i.position, m.position, m.id`,
  ).all(scope) as Row[];
  return rows.map((row) => ({
    ...decodeRow('milestone', row),
    initiativeTitle: String(row.initiativeTitle),
  }));
}

function myDoneBefore(ws: Workspace, scope: Scope): MySprintView['doneBefore'] {
  return stmt(
    ws.db,
    `SELECT (SELECT count(*) FROM (${MY_INITIATIVES}) mine CROSS JOIN initiatives i ON i.id = mine.initiative_id
              WHERE ${doneBefore('i')}) AS initiatives,
            (SELECT count(*) FROM (${MY_MILESTONES}) mine CROSS JOIN milestones m ON m.id = mine.id
              WHERE ${doneBefore('m')}) AS milestones`,
  ).get(scope) as MySprintView['doneBefore'];
}

export function mySprintView(ws: Workspace): MySprintView {
  const personId = mePersonId(ws);
  const sprint = activeSprint(ws);
  const view: MySprintView = {
    personId,
    sprint,
    sprintGoals: [],
    initiatives: [],
    milestones: [],
    doneBefore: { initiatives: 0, milestones: 0 },
    polish: [],
    notes: [],
  };
  if (!personId) return view;
  const scope = scopeOf(ws, personId, sprint);
  view.initiatives = myInitiatives(ws, scope);
  view.milestones = myMilestones(ws, scope);
  view.doneBefore = myDoneBefore(ws, scope);
  view.polish = (
    stmt(
      ws.db,
      `${selectSql('polishIssue')} WHERE t.assignee_id = ?
         AND (t.status IN ('open', 'in progress') OR t.done_sprint_id = ?) ORDER BY t.created_at, t.id`,
    ).all(personId, sprint?.id ?? null) as Row[]
  ).map(toPolish);
  if (!sprint) return view;
  view.sprintGoals = (
    stmt(
      ws.db,
      `${selectSql('sprintGoal')} WHERE t.sprint_id = ? AND t.owner_id = ? ORDER BY t.position, t.id`,
    ).all(sprint.id, personId) as Row[]
  ).map((row) => decodeRow('sprintGoal', row));
  // A note's writer: the installation that logged its first text, and whose that installation is.
  view.notes = (
    stmt(
      ws.db,
      `${selectSql('retroNote')} WHERE t.sprint_id = ? AND (
         SELECT r.person_id FROM changes c JOIN replicas r ON r.id = c.replica_id
          WHERE c.entity_id = t.id AND c.field = 'text' ORDER BY c.hlc LIMIT 1) = ?
        ORDER BY t.position, t.id`,
    ).all(sprint.id, personId) as Row[]
  ).map((row) => decodeRow('retroNote', row));
  return view;
}
