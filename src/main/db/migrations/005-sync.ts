/**
 * Schema v5: the change log becomes what replicas exchange (`docs/sync.md`).
 *
 * - `changes.base`: the timestamp of the value a change replaced where it was made, so a replica
 *   can tell an edit made over another one (no conflict) from two made side by side (a conflict).
 * - A change's timestamp names it: unique, so a change that arrives twice is kept once.
 * - Indexes for the newest value of a field, and for what one replica wrote after a timestamp.
 * - `sync_waiting`: items shown differently from their log until another item appears (a child
 *   whose parent was deleted elsewhere, a reference to a person not received yet).
 * - `sync_conflicts`: changes that lost to one made without having seen them, to review.
 * - `sync_newer`: changes made by a newer Fortnight, applied once this one knows their fields.
 * - A note's votes are logged as +n / -n, so votes cast on two replicas add up: the log's
 *   absolute counts become the differences between them.
 */
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE changes ADD COLUMN base TEXT CHECK (length(base) <= 80);
    DROP INDEX changes_by_hlc;
    CREATE UNIQUE INDEX changes_by_stamp ON changes (hlc);
    CREATE INDEX changes_by_field ON changes (entity_id, field, hlc);
    CREATE INDEX changes_by_replica ON changes (replica_id, hlc);

    CREATE TABLE sync_waiting (
      on_id TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      PRIMARY KEY (on_id, entity_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX sync_waiting_by_item ON sync_waiting (entity_id);

    CREATE TABLE sync_conflicts (
      hlc TEXT PRIMARY KEY,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX sync_conflicts_by_item ON sync_conflicts (entity_id, field);

    CREATE TABLE sync_newer (
      hlc TEXT PRIMARY KEY,
      replica_id TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
  const votes = db
    .prepare(
      `SELECT seq, entity_id, value FROM changes WHERE entity = 'retroNote' AND field = 'votes' ORDER BY entity_id, seq`,
    )
    .all() as { seq: number; entity_id: string; value: string | null }[];
  const set = db.prepare('UPDATE changes SET value = ? WHERE seq = ?');
  let note = '';
  let total = 0;
  for (const { seq, entity_id: id, value } of votes) {
    if (id !== note) [note, total] = [id, 0];
    const count = value === null ? 0 : Number(JSON.parse(value));
    set.run(JSON.stringify(count - total), seq);
    total = count;
  }
}
