/**
 * The one apply path. Every write — a local API call's (`store/write.ts`) or a change arriving
 * from another replica (`sync/log.ts`) — is a list of field changes, logged here and then applied
 * by `materialize`, which decides what each touched row becomes from the log alone: per field,
 * the value of the newest change (last writer wins by timestamp); a counter, the sum of its
 * changes; a tombstone hides the row. `docs/sync.md` states the rules.
 */
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/statements.ts';
import { findField, isEntityName, type EntityName } from '../../shared/entities/index.ts';
import { DELETED_FIELD, isCounter, isReviewed, type Change } from './change.ts';
import { Materializer } from './materialize.ts';

export interface Applied {
  applied: number;
  duplicates: number;
  conflicts: number;
  newerVersion: number;
}

/** Whether this version knows the change's entity and field (else a newer version made it). */
export const isKnown = (change: Pick<Change, 'entity' | 'field'>): boolean =>
  isEntityName(change.entity) &&
  (change.field === DELETED_FIELD || findField(change.entity, change.field) !== undefined);

/**
 * Logs the changes and applies them, in the caller's transaction. `local` changes are this
 * replica's own writes: each one's base is the field's newest change here, and a row that breaks
 * a table's rule throws (the caller's transaction rolls back); `fresh` ones are of an item the
 * log doesn't know yet (a new item: no newest change to look up). Changes from elsewhere are
 * applied whatever happens: a row that can't be shown yet waits (`docs/sync.md`).
 */
export function applyChanges(
  ws: Workspace,
  changes: readonly Change[],
  options: { local: boolean; action?: number | null; fresh?: boolean },
): Applied {
  const result: Applied = { applied: 0, duplicates: 0, conflicts: 0, newerVersion: 0 };
  const touched = new Map<string, EntityName>();
  const log = new Logging(ws, options.fresh ?? false);
  for (const change of changes) {
    const prev = log.newest(change);
    const base = options.local ? (prev ?? null) : change.base;
    const inserted = stmt(
      ws.db,
      'INSERT OR IGNORE INTO changes (action, entity, entity_id, field, value, hlc, replica_id, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      options.action ?? null,
      change.entity,
      change.id,
      change.field,
      change.value,
      change.hlc,
      change.replica,
      base,
    ).changes;
    if (!inserted) {
      result.duplicates += 1;
      continue;
    }
    result.applied += 1;
    log.logged(change);
    if (!isKnown(change)) {
      stmt(ws.db, 'INSERT OR IGNORE INTO sync_newer (hlc, replica_id) VALUES (?, ?)').run(
        change.hlc,
        change.replica,
      );
      result.newerVersion += 1;
      continue;
    }
    const counter = isCounter(change.entity, change.field);
    const reviewed = !counter && change.field !== DELETED_FIELD && isReviewed(change.entity, change.field);
    if (prev !== undefined && !options.local && reviewed) {
      result.conflicts += recordConflicts(ws, change);
    }
    if (counter || prev === undefined || change.hlc > prev)
      touched.set(change.id, change.entity as EntityName);
  }
  const materializer = new Materializer(ws, !options.local);
  for (const [id, entity] of touched) materializer.materialize(entity, id, log.changesOf(id));
  materializer.settle();
  return result;
}

/**
 * What the log holds of the items changes are being logged for, kept up as they are logged one
 * by one: the newest change of a field is looked up for an item the log knew before; an item new
 * to it (most of what a newcomer's catch-up brings) costs one look-up, and its changes are the
 * ones logged since, kept here — so neither its fields' newest changes nor its row's values are
 * read back.
 */
class Logging {
  readonly #ws: Workspace;
  /** Every item is new to the log (a local write creating it). */
  readonly #allNew: boolean;
  /** Per item: whether the log knew it before. */
  readonly #known = new Map<string, boolean>();
  /** Per item new to the log: its changes logged since. */
  readonly #changes = new Map<string, Change[]>();

  constructor(ws: Workspace, allNew: boolean) {
    this.#ws = ws;
    this.#allNew = allNew;
  }

  /** The timestamp of the field's newest change in the log, if any. */
  newest(change: Change): string | undefined {
    const logged = this.changesOf(change.id);
    if (logged) {
      let newest: string | undefined;
      for (const c of logged)
        if (c.field === change.field && (newest === undefined || c.hlc > newest)) newest = c.hlc;
      return newest;
    }
    const row = stmt(
      this.#ws.db,
      'SELECT hlc FROM changes WHERE entity_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1',
    ).get(change.id, change.field) as { hlc: string } | undefined;
    return row?.hlc;
  }

  /** Remembers a change just logged. */
  logged(change: Change): void {
    this.changesOf(change.id)?.push(change);
  }

  /** Every change of an item new to the log (the ones logged since); undefined for one it knew. */
  changesOf(id: string): Change[] | undefined {
    let known = this.#known.get(id);
    if (known === undefined) {
      known =
        !this.#allNew &&
        stmt(this.#ws.db, 'SELECT 1 FROM changes WHERE entity_id = ? LIMIT 1').get(id) !== undefined;
      this.#known.set(id, known);
      if (!known) this.#changes.set(id, []);
    }
    return this.#changes.get(id);
  }
}

/**
 * Two changes of one field from two replicas, the newer made without having seen the older (its
 * base is older than the older change), with different values: the older one is recorded as a
 * conflict. A change that arrives is checked both ways — as the newer one, against the changes
 * between its base and itself; as the older one, against the newer changes whose base is older
 * than it — so the conflicts recorded depend only on the changes in the log, never on the order
 * they arrived in. (A local change is the newest and made over the newest value: it has none.)
 */
function recordConflicts(ws: Workspace, change: Change): number {
  const overlooked = stmt(
    ws.db,
    `SELECT hlc FROM changes WHERE entity_id = ? AND field = ? AND hlc > ? AND hlc < ?
        AND replica_id <> ? AND value IS NOT ?`,
  ).all(change.id, change.field, change.base ?? '', change.hlc, change.replica, change.value) as {
    hlc: string;
  }[];
  const overlookedBy = stmt(
    ws.db,
    `SELECT 1 FROM changes WHERE entity_id = ? AND field = ? AND hlc > ? AND coalesce(base, '') < ?
        AND replica_id <> ? AND value IS NOT ? LIMIT 1`,
  ).get(change.id, change.field, change.hlc, change.hlc, change.replica, change.value);
  const losers = overlooked.map((row) => row.hlc);
  if (overlookedBy) losers.push(change.hlc);
  const record = stmt(
    ws.db,
    'INSERT OR IGNORE INTO sync_conflicts (hlc, entity, entity_id, field) VALUES (?, ?, ?, ?)',
  );
  return losers.reduce((n, hlc) => n + record.run(hlc, change.entity, change.id, change.field).changes, 0);
}

/**
 * Applies the changes a newer Fortnight made once this version knows their fields (after an
 * upgrade): the rows they touch are worked out again from the log. Returns how many became known.
 */
export function applyNowKnown(ws: Workspace): number {
  const rows = stmt(
    ws.db,
    'SELECT c.hlc, c.entity, c.entity_id AS id, c.field FROM sync_newer n JOIN changes c ON c.hlc = n.hlc',
  ).all() as { hlc: string; entity: string; id: string; field: string }[];
  const known = rows.filter(isKnown);
  if (!known.length) return 0;
  const materializer = new Materializer(ws, true);
  for (const row of known) {
    stmt(ws.db, 'DELETE FROM sync_newer WHERE hlc = ?').run(row.hlc);
    materializer.materialize(row.entity as EntityName, row.id);
  }
  materializer.settle();
  return known.length;
}
