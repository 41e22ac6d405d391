/**
 * The workspace's name ("Ferrite async working group"): one row, synced like any item, so every
 * installation — and someone about to join — sees which workspace it is. Its id is a natural id
 * (`workspaceDetailsId`), so two installations naming the workspace offline edit one row.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE workspace_details (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) <= 200) CHECK (length(name) > 0)
    ) STRICT;
  `);
}
