/**
 * Schema v3: progress and milestone counts per initiative read from an index alone. The roadmap
 * derives every initiative's progress (done / total of its milestones) on each read, and counts
 * its milestones by state without loading those of done initiatives (the read targets: README, Performance).
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`CREATE INDEX milestones_by_initiative_state ON milestones (initiative_id, state);`);
}
