/**
 * Stakeholders, polls and the monthly update. A stakeholder is a person with the stakeholder
 * role: they gain a team (or affiliation), a link, and the goals and initiatives they follow.
 * A poll asks stakeholders one question about a goal or an initiative; a response is one
 * stakeholder's answer. A monthly update is the group's Markdown report for a month.
 */
import type { Database } from 'better-sqlite3';

const len = (column: string, max: number) => `CHECK (length(${column}) <= ${max})`;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE people ADD COLUMN team TEXT NOT NULL DEFAULT '' ${len('team', 200)};
    ALTER TABLE people ADD COLUMN link TEXT ${len('link', 2000)};

    CREATE TABLE person_follows_goals (
      person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      goal_id TEXT NOT NULL REFERENCES goals (id),
      ord INTEGER NOT NULL,
      PRIMARY KEY (person_id, goal_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_follows_goals_by_goal ON person_follows_goals (goal_id);

    CREATE TABLE person_follows_initiatives (
      person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      initiative_id TEXT NOT NULL REFERENCES initiatives (id),
      ord INTEGER NOT NULL,
      PRIMARY KEY (person_id, initiative_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_follows_initiatives_by_initiative ON person_follows_initiatives (initiative_id);

    CREATE TABLE polls (
      id TEXT PRIMARY KEY,
      question TEXT NOT NULL ${len('question', 300)} CHECK (length(question) > 0),
      goal_id TEXT REFERENCES goals (id),
      initiative_id TEXT REFERENCES initiatives (id),
      options TEXT NOT NULL DEFAULT '[]' ${len('options', 20000)} CHECK (json_valid(options)),
      opens_on TEXT NOT NULL CHECK (date(opens_on) = opens_on),
      closes_on TEXT CHECK (date(closes_on) = closes_on AND closes_on >= opens_on),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX polls_by_goal ON polls (goal_id) WHERE goal_id IS NOT NULL;
    CREATE INDEX polls_by_initiative ON polls (initiative_id) WHERE initiative_id IS NOT NULL;

    CREATE TABLE poll_asked (
      poll_id TEXT NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
      person_id TEXT NOT NULL REFERENCES people (id),
      ord INTEGER NOT NULL,
      PRIMARY KEY (poll_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX poll_asked_by_person ON poll_asked (person_id);

    CREATE TABLE poll_responses (
      id TEXT PRIMARY KEY,
      poll_id TEXT NOT NULL REFERENCES polls (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      answer TEXT NOT NULL ${len('answer', 20000)} CHECK (length(answer) > 0),
      answered_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX poll_responses_one_per_person ON poll_responses (poll_id, person_id);
    CREATE INDEX poll_responses_by_person ON poll_responses (person_id);

    CREATE TABLE monthly_updates (
      id TEXT PRIMARY KEY,
      month TEXT NOT NULL ${len('month', 7)},
      title TEXT NOT NULL ${len('title', 300)} CHECK (length(title) > 0),
      authors TEXT NOT NULL DEFAULT '[]' ${len('authors', 20000)} CHECK (json_valid(authors)),
      body TEXT NOT NULL DEFAULT '' ${len('body', 200000)},
      status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
      published_on TEXT CHECK (date(published_on) = published_on),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX monthly_updates_by_month ON monthly_updates (month);
  `);
}
