/**
 * The "My sprint" page: the active sprint's part of the person this installation belongs to —
 * their sprint goals, initiatives, milestones, polish and retrospective notes — read in one call
 * (one read transaction), from the local workspace, so it works offline.
 */
import type { Initiative } from '../../shared/domain.ts';
import type { MyMilestone, MySprintView } from '../../shared/my-sprint.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';
import { toInitiative } from './initiatives.ts';
import { toPolish } from './polish.ts';
import { activeSprint } from './sprints.ts';
import { mePersonId } from './workspace.ts';

type Row = Record<string, unknown>;

function myInitiatives(ws: Workspace, personId: string): Initiative[] {
  const rows = stmt(
    ws.db,
    `SELECT t.*, p.progress AS progress FROM (${selectSql('initiative')}) t
       JOIN initiative_progress p ON p.initiative_id = t.id JOIN goals g ON g.id = t.goalId
      WHERE t.id IN (SELECT initiative_id FROM initiative_owners WHERE person_id = ?)
      ORDER BY g.position, t.position, t.id`,
  ).all(personId) as Row[];
  return rows.map(toInitiative);
}

function myMilestones(ws: Workspace, personId: string): MyMilestone[] {
  const rows = stmt(
    ws.db,
    `SELECT m.*, i.title AS initiativeTitle FROM (${selectSql('milestone')}) m
       JOIN initiatives i ON i.id = m.initiativeId JOIN goals g ON g.id = i.goal_id
      WHERE m.initiativeId IN (SELECT initiative_id FROM initiative_owners WHERE person_id = ?)
         OR m.id IN (SELECT milestone_id FROM milestone_participants WHERE person_id = ?)
      ORDER BY g.position, i.position, m.position, m.id`,
  ).all(personId, personId) as Row[];
  return rows.map((row) => ({
    ...decodeRow('milestone', row),
    initiativeTitle: String(row.initiativeTitle),
  }));
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
    polish: [],
    notes: [],
  };
  if (!personId) return view;
  view.initiatives = myInitiatives(ws, personId);
  view.milestones = myMilestones(ws, personId);
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
