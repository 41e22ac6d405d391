/** Schema v1: the whole domain (docs/domain.md), plus the change log and this replica's identity. */
import type { Database } from 'better-sqlite3';

const STATE = `CHECK (state IN ('done', 'in progress', 'help wanted', 'paused'))`;
const len = (column: string, max: number) => `CHECK (length(${column}) <= ${max})`;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- This replica's own API calls that wrote something: what undo works on. Local, never synced.
    CREATE TABLE actions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      method TEXT NOT NULL ${len('method', 60)},
      at TEXT NOT NULL,
      undone_by INTEGER REFERENCES actions (id),
      undoes INTEGER REFERENCES actions (id)
    ) STRICT;

    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      action INTEGER REFERENCES actions (id),
      entity TEXT NOT NULL ${len('entity', 40)},
      entity_id TEXT NOT NULL ${len('entity_id', 80)},
      field TEXT NOT NULL ${len('field', 40)},
      value TEXT,
      hlc TEXT NOT NULL ${len('hlc', 80)},
      replica_id TEXT NOT NULL ${len('replica_id', 40)}
    ) STRICT;
    CREATE INDEX changes_by_item ON changes (entity_id, field, seq);
    CREATE INDEX changes_by_hlc ON changes (hlc);
    CREATE INDEX changes_by_action ON changes (action);

    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL ${len('name', 200)} CHECK (length(name) > 0),
      handle TEXT ${len('handle', 100)},
      time_zone TEXT NOT NULL ${len('time_zone', 64)},
      roles TEXT NOT NULL DEFAULT '[]' ${len('roles', 200)} CHECK (json_valid(roles))
    ) STRICT;
    CREATE UNIQUE INDEX people_handle ON people (lower(handle)) WHERE handle IS NOT NULL;

    -- Each installation (replica) can say whose it is, so history can name who made a change.
    CREATE TABLE replicas (
      id TEXT PRIMARY KEY ${len('id', 40)},
      person_id TEXT REFERENCES people (id)
    ) STRICT;
    CREATE INDEX replicas_by_person ON replicas (person_id);

    CREATE TABLE goals (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL ${len('title', 300)} CHECK (length(title) > 0),
      impact TEXT NOT NULL DEFAULT '' ${len('impact', 20000)},
      how_to_help TEXT NOT NULL DEFAULT '' ${len('how_to_help', 20000)},
      state TEXT NOT NULL DEFAULT 'help wanted' ${STATE},
      manual_progress INTEGER CHECK (manual_progress BETWEEN 0 AND 100),
      position REAL NOT NULL
    ) STRICT;

    CREATE TABLE goal_owners (
      goal_id TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
      person_id TEXT NOT NULL REFERENCES people (id),
      ord INTEGER NOT NULL,
      PRIMARY KEY (goal_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX goal_owners_by_person ON goal_owners (person_id);

    CREATE TABLE initiatives (
      id TEXT PRIMARY KEY,
      goal_id TEXT NOT NULL REFERENCES goals (id),
      title TEXT NOT NULL ${len('title', 300)} CHECK (length(title) > 0),
      impact TEXT NOT NULL DEFAULT '' ${len('impact', 20000)},
      features TEXT NOT NULL DEFAULT '' ${len('features', 20000)},
      link TEXT ${len('link', 2000)},
      state TEXT NOT NULL DEFAULT 'help wanted' ${STATE},
      manual_progress INTEGER CHECK (manual_progress BETWEEN 0 AND 100),
      position REAL NOT NULL
    ) STRICT;
    CREATE INDEX initiatives_by_goal ON initiatives (goal_id, position);

    CREATE TABLE initiative_owners (
      initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
      person_id TEXT NOT NULL REFERENCES people (id),
      ord INTEGER NOT NULL,
      PRIMARY KEY (initiative_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX initiative_owners_by_person ON initiative_owners (person_id);

    CREATE TABLE initiative_dependencies (
      initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
      depends_on_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      PRIMARY KEY (initiative_id, depends_on_id),
      CHECK (initiative_id <> depends_on_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX initiative_dependencies_reverse ON initiative_dependencies (depends_on_id);

    CREATE TABLE sprints (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number > 0),
      start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
      end_date TEXT NOT NULL CHECK (date(end_date) = end_date AND end_date > start_date),
      status TEXT NOT NULL CHECK (status IN ('planned', 'active', 'closed')),
      meeting_at TEXT ${len('meeting_at', 40)},
      meeting_time_zone TEXT ${len('meeting_time_zone', 64)}
    ) STRICT;
    CREATE UNIQUE INDEX sprints_one_active ON sprints (status) WHERE status = 'active';

    CREATE TABLE milestones (
      id TEXT PRIMARY KEY,
      initiative_id TEXT NOT NULL REFERENCES initiatives (id),
      title TEXT NOT NULL ${len('title', 300)} CHECK (length(title) > 0),
      state TEXT NOT NULL DEFAULT 'help wanted' ${STATE},
      target_sprint_id TEXT REFERENCES sprints (id),
      position REAL NOT NULL
    ) STRICT;
    CREATE INDEX milestones_by_initiative ON milestones (initiative_id, position);
    CREATE INDEX milestones_by_target_sprint ON milestones (target_sprint_id);

    CREATE TABLE milestone_participants (
      milestone_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
      person_id TEXT NOT NULL REFERENCES people (id),
      ord INTEGER NOT NULL,
      PRIMARY KEY (milestone_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX milestone_participants_by_person ON milestone_participants (person_id);

    CREATE TABLE milestone_dependencies (
      milestone_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
      depends_on_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      PRIMARY KEY (milestone_id, depends_on_id),
      CHECK (milestone_id <> depends_on_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX milestone_dependencies_reverse ON milestone_dependencies (depends_on_id);

    CREATE TABLE sprint_goals (
      id TEXT PRIMARY KEY,
      sprint_id TEXT NOT NULL REFERENCES sprints (id),
      title TEXT NOT NULL ${len('title', 300)} CHECK (length(title) > 0),
      owner_id TEXT REFERENCES people (id),
      goal_id TEXT REFERENCES goals (id),
      initiative_id TEXT REFERENCES initiatives (id),
      milestone_id TEXT REFERENCES milestones (id),
      definition_of_done TEXT NOT NULL DEFAULT '' ${len('definition_of_done', 20000)},
      estimate REAL CHECK (estimate BETWEEN 0 AND 100),
      outcome TEXT CHECK (outcome IN ('done', 'partial', 'missed', 'dropped')),
      outcome_note TEXT NOT NULL DEFAULT '' ${len('outcome_note', 20000)},
      carried_over_from_id TEXT REFERENCES sprint_goals (id),
      rollover_count INTEGER NOT NULL DEFAULT 0 CHECK (rollover_count >= 0),
      position REAL NOT NULL
    ) STRICT;
    CREATE INDEX sprint_goals_by_sprint ON sprint_goals (sprint_id, position);
    CREATE INDEX sprint_goals_by_owner ON sprint_goals (owner_id);
    CREATE INDEX sprint_goals_by_goal ON sprint_goals (goal_id);
    CREATE INDEX sprint_goals_by_initiative ON sprint_goals (initiative_id);
    CREATE INDEX sprint_goals_by_milestone ON sprint_goals (milestone_id);
    CREATE INDEX sprint_goals_by_origin ON sprint_goals (carried_over_from_id);

    CREATE TABLE capacities (
      id TEXT PRIMARY KEY,
      sprint_id TEXT NOT NULL REFERENCES sprints (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      days REAL NOT NULL CHECK (days BETWEEN 0 AND 14),
      UNIQUE (sprint_id, person_id)
    ) STRICT;
    CREATE INDEX capacities_by_person ON capacities (person_id);

    CREATE TABLE polish_issues (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL ${len('title', 300)} CHECK (length(title) > 0),
      link TEXT ${len('link', 2000)},
      goal_id TEXT REFERENCES goals (id),
      assignee_id TEXT REFERENCES people (id),
      size TEXT CHECK (size IN ('S', 'M', 'L')),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in progress', 'done', 'won''t fix')),
      done_sprint_id TEXT REFERENCES sprints (id),
      planned_sprint_id TEXT REFERENCES sprints (id),
      created_at TEXT NOT NULL,
      CHECK ((status = 'done') = (done_sprint_id IS NOT NULL))
    ) STRICT;
    CREATE INDEX polish_by_status ON polish_issues (status);
    CREATE INDEX polish_by_done_sprint ON polish_issues (done_sprint_id);
    CREATE INDEX polish_by_goal ON polish_issues (goal_id);
    CREATE INDEX polish_by_assignee ON polish_issues (assignee_id);
    CREATE INDEX polish_by_planned_sprint ON polish_issues (planned_sprint_id);

    CREATE TABLE retro_notes (
      id TEXT PRIMARY KEY,
      sprint_id TEXT NOT NULL REFERENCES sprints (id),
      "column" TEXT NOT NULL CHECK ("column" IN ('went well', 'to improve', 'ideas', 'kudos')),
      text TEXT NOT NULL ${len('text', 20000)} CHECK (length(text) > 0),
      votes INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
      position REAL NOT NULL
    ) STRICT;
    CREATE INDEX retro_notes_by_sprint ON retro_notes (sprint_id, position);

    CREATE TABLE action_items (
      id TEXT PRIMARY KEY,
      sprint_id TEXT NOT NULL REFERENCES sprints (id),
      text TEXT NOT NULL ${len('text', 20000)} CHECK (length(text) > 0),
      owner_id TEXT REFERENCES people (id),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
      done_sprint_id TEXT REFERENCES sprints (id)
    ) STRICT;
    CREATE INDEX action_items_by_status ON action_items (status);
    CREATE INDEX action_items_by_sprint ON action_items (sprint_id);
    CREATE INDEX action_items_by_owner ON action_items (owner_id);
    CREATE INDEX action_items_by_done_sprint ON action_items (done_sprint_id);

    CREATE TABLE meetings (
      id TEXT PRIMARY KEY,
      sprint_id TEXT NOT NULL UNIQUE REFERENCES sprints (id),
      step TEXT NOT NULL CHECK (step IN ('retrospective', 'polish', 'plan', 'wrap-up')),
      attendees TEXT NOT NULL DEFAULT '[]' ${len('attendees', 10000)} CHECK (json_valid(attendees)),
      timeboxes TEXT NOT NULL DEFAULT '{}' ${len('timeboxes', 1000)} CHECK (json_valid(timeboxes)),
      seconds_spent TEXT NOT NULL DEFAULT '{}' ${len('seconds_spent', 1000)} CHECK (json_valid(seconds_spent)),
      step_started_at TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT
    ) STRICT;

    -- Progress (0–100): the owner's value where set by hand, else derived — an initiative from
    -- its milestones (done / total), a goal from its initiatives (their average).
    CREATE VIEW initiative_progress AS
    SELECT i.id AS initiative_id, i.goal_id AS goal_id, COALESCE(
      i.manual_progress,
      (SELECT CAST(round(100.0 * sum(m.state = 'done') / count(*)) AS INTEGER)
         FROM milestones m WHERE m.initiative_id = i.id HAVING count(*) > 0),
      CASE WHEN i.state = 'done' THEN 100 ELSE 0 END
    ) AS progress
    FROM initiatives i;

    CREATE VIEW goal_progress AS
    SELECT g.id AS goal_id, COALESCE(
      g.manual_progress,
      (SELECT CAST(round(avg(p.progress)) AS INTEGER) FROM initiative_progress p WHERE p.goal_id = g.id),
      CASE WHEN g.state = 'done' THEN 100 ELSE 0 END
    ) AS progress
    FROM goals g;
  `);
}
