/**
 * Schema v2: indexes for the reads behind the screens on a workspace with years of history
 * (the read targets: README, Performance). Each link list is read in its `ord` order per item:
 * covering indexes make that a range scan without a sort; the Polish screen pages through issues
 * by status in creation order.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE INDEX goal_owners_in_order ON goal_owners (goal_id, ord, person_id);
    CREATE INDEX initiative_owners_in_order ON initiative_owners (initiative_id, ord, person_id);
    CREATE INDEX initiative_dependencies_in_order ON initiative_dependencies (initiative_id, ord, depends_on_id);
    CREATE INDEX milestone_participants_in_order ON milestone_participants (milestone_id, ord, person_id);
    CREATE INDEX milestone_dependencies_in_order ON milestone_dependencies (milestone_id, ord, depends_on_id);
    CREATE INDEX milestones_by_state ON milestones (state, initiative_id);
    CREATE INDEX polish_by_status_in_order ON polish_issues (status, created_at, id);
    CREATE INDEX polish_in_order ON polish_issues (created_at, id);
    DROP INDEX polish_by_status;
  `);
}
