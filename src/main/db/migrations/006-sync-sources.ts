/**
 * Schema v6: what each sync target (a folder, a git remote) has given this installation, and what
 * it was given. Local, never synced: which segments of each writer were applied, the newest clock
 * time per installation among them (what the target is known to hold, so only the rest is
 * written), and how far the change log was when this installation last wrote there.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sync_sources (
      target TEXT NOT NULL CHECK (length(target) <= 5000),
      writer TEXT NOT NULL CHECK (length(writer) <= 80),
      -- Every segment numbered 1 to applied_upto is applied, and those listed in applied_beyond.
      applied_upto INTEGER NOT NULL DEFAULT 0 CHECK (applied_upto >= 0),
      applied_beyond TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(applied_beyond)),
      -- The newest clock time of each installation among the changes of those segments.
      covers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(covers)),
      PRIMARY KEY (target, writer)
    ) STRICT;

    -- Per target: the change log's last sequence number when this installation last wrote its
    -- segments there. While it stays the same, there is nothing new to write.
    CREATE TABLE sync_targets (
      target TEXT PRIMARY KEY CHECK (length(target) <= 5000),
      sent_upto INTEGER NOT NULL CHECK (sent_upto >= 0)
    ) STRICT;
  `);
}
