/**
 * Stakeholders: people with the stakeholder role, outside the group, who follow some of its
 * goals and initiatives. The group identifies five to ten of them.
 */
import { STAKEHOLDERS_WANTED, type Person } from '../../shared/domain.ts';
import {
  isStakeholder,
  type StakeholdersOverview,
  type UnfollowedInitiative,
} from '../../shared/stakeholder-views.ts';
import type { Workspace } from '../db/open.ts';
import { stmt, update } from '../store/write.ts';
import { listPeople } from './people.ts';
import { requireRows } from './rules.ts';

/** The goals and initiatives followed exist. */
export function requireFollowed(
  ws: Workspace,
  fields: Partial<Pick<Person, 'followsGoalIds' | 'followsInitiativeIds'>>,
): void {
  requireRows(ws, 'goals', 'Goal', fields.followsGoalIds, 'followsGoalIds');
  requireRows(ws, 'initiatives', 'Initiative', fields.followsInitiativeIds, 'followsInitiativeIds');
}

/** Nobody follows a goal or an initiative once it is deleted (each follower's change logged). */
export function unfollow(ws: Workspace, kind: 'goal' | 'initiative', id: string): void {
  const [table, column, field] =
    kind === 'goal'
      ? (['person_follows_goals', 'goal_id', 'followsGoalIds'] as const)
      : (['person_follows_initiatives', 'initiative_id', 'followsInitiativeIds'] as const);
  const followers = stmt(ws.db, `SELECT person_id AS id FROM ${table} WHERE ${column} = ?`).all(id) as {
    id: string;
  }[];
  for (const follower of followers) {
    const kept = (
      stmt(ws.db, `SELECT ${column} AS id FROM ${table} WHERE person_id = ? ORDER BY ord`).all(
        follower.id,
      ) as {
        id: string;
      }[]
    )
      .map((r) => r.id)
      .filter((other) => other !== id);
    update(ws, 'person', follower.id, { [field]: kept });
  }
}

/** `isStakeholder` in SQL, for a person `p`. */
const STAKEHOLDER_SQL = `p.roles LIKE '%"stakeholder"%' AND p.roles NOT LIKE '%"goal owner"%'`;

/** Open initiatives (not done) that no stakeholder follows, directly or through their goal. */
function unfollowedInitiatives(ws: Workspace): UnfollowedInitiative[] {
  return stmt(
    ws.db,
    `SELECT i.id, i.title, i.state, i.goal_id AS goalId, g.title AS goalTitle
       FROM initiatives i JOIN goals g ON g.id = i.goal_id
      WHERE i.state != 'done'
        AND NOT EXISTS (SELECT 1 FROM person_follows_initiatives f JOIN people p ON p.id = f.person_id
                         WHERE f.initiative_id = i.id AND ${STAKEHOLDER_SQL})
        AND NOT EXISTS (SELECT 1 FROM person_follows_goals f JOIN people p ON p.id = f.person_id
                         WHERE f.goal_id = i.goal_id AND ${STAKEHOLDER_SQL})
      ORDER BY g.position, i.position`,
  ).all() as UnfollowedInitiative[];
}

export function stakeholdersOverview(ws: Workspace): StakeholdersOverview {
  const stakeholders = listPeople(ws).filter(isStakeholder);
  const { min, max } = STAKEHOLDERS_WANTED;
  const n = stakeholders.length;
  const identify =
    n < min
      ? `Identify ${min}–${max} stakeholders: the group has ${n === 0 ? 'none' : n} yet.`
      : n > max
        ? `Identify ${min}–${max} stakeholders: the group has ${n}, more than it can keep up with.`
        : null;
  return { stakeholders, identify, unfollowed: unfollowedInitiatives(ws) };
}
