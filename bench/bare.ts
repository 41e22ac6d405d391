/**
 * The bare better-sqlite3 twins of the main list reads: the same rows, fetched with the
 * simplest flat queries (the main table with the same WHERE and ORDER BY, its link rows in one
 * query per link table, and for progress the milestone counts per initiative), no decoding, no
 * validation, no JSON. `service ÷ bare` is the cost of our layers over the physical limit.
 */
import type { DB } from '../src/main/db/open.ts';
import type { Context } from './reads.ts';

/** Runs the bare queries; returns the number of main rows (checked against the service's). */
export type Bare = () => number;

type Factory = (db: DB, c: Context) => Bare;

const all = (db: DB, sql: string, ...params: unknown[]) => {
  const statement = db.prepare(sql);
  return () => statement.all(...params).length;
};

const goalsBare: Factory = (db) => {
  const goals = all(db, 'SELECT * FROM goals ORDER BY position, id');
  const owners = all(db, 'SELECT goal_id, person_id FROM goal_owners ORDER BY goal_id, ord');
  const initiatives = all(db, 'SELECT id, goal_id, state, manual_progress FROM initiatives');
  const progress = milestoneCounts(db);
  return () => {
    owners();
    initiatives();
    progress();
    return goals();
  };
};

const milestoneCounts = (db: DB) =>
  all(
    db,
    `SELECT initiative_id, count(*) AS total, sum(state = 'done') AS done FROM milestones GROUP BY initiative_id`,
  );

const initiativesBare: Factory = (db) => {
  const initiatives = all(
    db,
    'SELECT i.* FROM initiatives i JOIN goals g ON g.id = i.goal_id ORDER BY g.position, i.position, i.id',
  );
  const owners = all(
    db,
    'SELECT initiative_id, person_id FROM initiative_owners ORDER BY initiative_id, ord',
  );
  const dependencies = all(
    db,
    'SELECT initiative_id, depends_on_id FROM initiative_dependencies ORDER BY initiative_id, ord',
  );
  const progress = milestoneCounts(db);
  return () => {
    owners();
    dependencies();
    progress();
    return initiatives();
  };
};

/** A set of milestones (by a WHERE on `milestones m`), with their link rows. */
const milestonesWhere = (db: DB, where: string, order: string, ...params: unknown[]): Bare => {
  const milestones = all(db, `SELECT * FROM milestones m WHERE ${where} ORDER BY ${order}`, ...params);
  const participants = all(
    db,
    `SELECT milestone_id, person_id FROM milestone_participants
      WHERE milestone_id IN (SELECT id FROM milestones m WHERE ${where}) ORDER BY milestone_id, ord`,
    ...params,
  );
  const dependencies = all(
    db,
    `SELECT milestone_id, depends_on_id FROM milestone_dependencies
      WHERE milestone_id IN (SELECT id FROM milestones m WHERE ${where}) ORDER BY milestone_id, ord`,
    ...params,
  );
  return () => {
    participants();
    dependencies();
    return milestones();
  };
};

/** The milestones of one initiative, as opening it loads them. */
const milestonesBare: Factory = (db, c) =>
  milestonesWhere(db, 'm.initiative_id = ?', 'm.position, m.id', c.doneInitiativeId);

/**
 * The milestones `roadmap.view` sends on arrival: of initiatives not done, not done, and the
 * ones these depend on; and the milestone counts per initiative.
 */
const shownMilestonesBare: Factory = (db) => {
  const shown = `m.initiative_id IN (SELECT id FROM initiatives WHERE state <> 'done') OR m.state <> 'done'`;
  const milestones = milestonesWhere(
    db,
    `${shown} OR m.id IN (SELECT depends_on_id FROM milestone_dependencies d JOIN milestones m ON m.id = d.milestone_id WHERE ${shown})`,
    'm.initiative_id, m.position, m.id',
  );
  const counts = all(
    db,
    'SELECT initiative_id, state, count(*) FROM milestones GROUP BY initiative_id, state',
  );
  return () => {
    counts();
    return milestones();
  };
};

const blockedBare: Factory = (db) =>
  all(
    db,
    `SELECT a.id, b.id, b.title, b.state FROM initiative_dependencies d
       JOIN initiatives a ON a.id = d.initiative_id JOIN initiatives b ON b.id = d.depends_on_id
      WHERE a.state = 'in progress' AND b.state IN ('paused', 'help wanted')
     UNION ALL
     SELECT a.id, b.id, b.title, b.state FROM milestone_dependencies d
       JOIN milestones a ON a.id = d.milestone_id JOIN milestones b ON b.id = d.depends_on_id
      WHERE a.state = 'in progress' AND b.state IN ('paused', 'help wanted')`,
  );

/** A page of polish issues as `polish.page` reads it: one row past the page, and the count of all pages. */
const polishPageBare =
  (statuses: string[], direction: 'ASC' | 'DESC', limit: number): Factory =>
  (db) => {
    const where = `WHERE status IN (${statuses.map(() => '?').join(', ')})`;
    const rows = db.prepare(
      `SELECT * FROM polish_issues ${where} ORDER BY created_at ${direction}, id ${direction} LIMIT ?`,
    );
    const count = db.prepare(`SELECT count(*) FROM polish_issues ${where}`);
    return () => {
      count.get(...statuses);
      return Math.min(rows.all(...statuses, limit + 1).length, limit);
    };
  };

export const BARE: Record<string, Factory> = {
  'goals.list': goalsBare,
  'initiatives.list': initiativesBare,
  'milestones.list': milestonesBare,
  'roadmap.view': (db, c) => {
    const parts = [goalsBare, initiativesBare, shownMilestonesBare, blockedBare].map((f) => f(db, c));
    return () => parts.reduce((sum, part) => sum + part(), 0);
  },
  'people.list': (db) => all(db, 'SELECT * FROM people ORDER BY name COLLATE NOCASE, id'),
  'sprints.list': (db) => all(db, 'SELECT * FROM sprints ORDER BY number'),
  'sprintGoals.list': (db, c) =>
    all(db, 'SELECT * FROM sprint_goals WHERE sprint_id = ? ORDER BY position, id', c.activeSprintId),
  'polish.list': (db) => all(db, `SELECT * FROM polish_issues WHERE status = 'open' ORDER BY created_at, id`),
  'polish.page working set': polishPageBare(['open', 'in progress'], 'ASC', 1000),
  'polish.page done': polishPageBare(['done'], 'DESC', 100),
  'retroNotes.list': (db, c) =>
    all(db, 'SELECT * FROM retro_notes WHERE sprint_id = ? ORDER BY position, id', c.lastClosedId),
  'actionItems.list': (db) => all(db, `SELECT * FROM action_items WHERE status = 'open' ORDER BY id`),
  'capacities.list': (db, c) => all(db, 'SELECT * FROM capacities WHERE sprint_id = ?', c.activeSprintId),
};

/** How many items the service's answer holds, to compare with the bare main rows. */
export function itemCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    return Object.values(value as Record<string, unknown>).reduce<number>(
      (sum, v) => sum + (Array.isArray(v) ? v.length : 0),
      0,
    );
  }
  return 0;
}
