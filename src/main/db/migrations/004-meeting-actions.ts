/**
 * Schema v4: an action records the meeting it was made in. The meeting's undo takes back only
 * its own actions — never a roadmap edit made on another screen or a CLI call meanwhile.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE actions ADD COLUMN meeting_id TEXT CHECK (length(meeting_id) <= 80);
    CREATE INDEX actions_by_meeting ON actions (meeting_id, id) WHERE meeting_id IS NOT NULL;
  `);
}
