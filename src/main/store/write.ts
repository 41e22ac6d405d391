/**
 * The one write path for the API. Every create, update and delete of a user-visible field
 * becomes field changes `(entity, id, field, value, hlc, replica)`, which the one apply path
 * (`src/main/sync/apply.ts`) logs and applies — the same function that applies changes from
 * other replicas, so local writes and merges can't drift. The change log is the item history
 * and the unit of offline sync; rows are its materialised view. Deletes are tombstones.
 * Callers run inside a transaction (the API dispatcher opens one for every writing method).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Workspace } from '../db/open.ts';
import {
  ENTITIES,
  findField,
  type EntityName,
  type EntityRow,
  type EntityValues,
} from '../../shared/entities/index.ts';
import { applyChanges } from '../sync/apply.ts';
import { DELETED_FIELD, isCounter, type Change } from '../sync/change.ts';
import { selectSql } from './read.ts';
import { stmt } from './statements.ts';

export { DELETED_FIELD } from '../sync/change.ts';
export { stmt } from './statements.ts';

export type Values = Record<string, unknown>;

/** The id of the action (API call) being written, recorded with its first change. */
export function actionId(ws: Workspace): number | null {
  if (!ws.action) return null;
  ws.action.id ??= Number(
    stmt(ws.db, 'INSERT INTO actions (method, at, meeting_id) VALUES (?, ?, ?)').run(
      ws.action.method,
      ws.now().toISOString(),
      ws.action.meetingId ?? null,
    ).lastInsertRowid,
  );
  return ws.action.id;
}

/**
 * This replica's changes of one item, stamped now, logged and applied through the one path.
 * `fresh`: the log has no change of the item yet (its fields have no newest change to look up).
 */
function write(ws: Workspace, entity: EntityName, id: string, values: Values, fresh = false): void {
  const changes: Change[] = Object.entries(values).map(([field, value]) => ({
    entity,
    id,
    field,
    value: value === undefined ? null : JSON.stringify(value),
    hlc: ws.clock.tick(),
    replica: ws.replicaId,
    base: null,
  }));
  if (changes.length) applyChanges(ws, changes, { local: true, action: actionId(ws), fresh });
}

/** Whether the log knows the item at all, and whether its newest word is a tombstone (deleted). */
function logged(ws: Workspace, id: string): { known: boolean; deleted: boolean } {
  const row = stmt(
    ws.db,
    `SELECT EXISTS (SELECT 1 FROM changes WHERE entity_id = ?) AS known,
            (SELECT value FROM changes WHERE entity_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1) AS deleted`,
  ).get(id, id, DELETED_FIELD) as { known: number; deleted: string | null };
  return { known: row.known === 1, deleted: row.deleted === 'true' };
}

/** Whether the item has a row (cheaper than reading it). */
function shown(ws: Workspace, entity: EntityName, id: string): boolean {
  return stmt(ws.db, `SELECT 1 FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) !== undefined;
}

export function newId(): string {
  return uuidv7();
}

/**
 * Creates an item with every field given and returns its id. An id the log knows as deleted
 * (an undo bringing an item back, a natural id used again) is restored first.
 */
export function insert<E extends EntityName>(
  ws: Workspace,
  entity: E,
  values: EntityValues<E>,
  id = newId(),
): string {
  if (shown(ws, entity, id)) throw new Error(`${entity} ${id} already exists`);
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  for (const field of Object.keys(given)) {
    if (!findField(entity, field)) throw new Error(`${entity} has no field ${field}`);
  }
  const { known, deleted } = logged(ws, id);
  write(ws, entity, id, { ...(deleted ? { [DELETED_FIELD]: false } : {}), ...given }, !known);
  if (!shown(ws, entity, id)) throw new Error(`${entity} ${id} could not be created`);
  return id;
}

/** Reads one entity as the write path sees it (columns and link lists), or undefined. */
export function current<E extends EntityName>(
  ws: Workspace,
  entity: E,
  id: string,
): EntityRow<E> | undefined {
  const row = stmt(ws.db, `${selectSql(entity)} WHERE t.id = ?`).get(id) as Values | undefined;
  return row ? decodeRow(entity, row) : undefined;
}

/**
 * An entity from a row of its generic SELECT (`selectSql`), JSON columns and link lists
 * decoded. The row is trusted as the entity's, not validated: only the write path fills these
 * tables, with validated values, and the tables' CHECKs hold the same limits.
 */
export function decodeRow<E extends EntityName>(entity: E, row: Values): EntityRow<E> {
  const { fields, encoded } = layoutOf(entity);
  const out: Values = { id: row.id };
  for (const field of fields) out[field] = row[field];
  for (const field of encoded) {
    const raw = out[field];
    out[field] = raw == null ? null : JSON.parse(raw as string);
  }
  return out as EntityRow<E>;
}

const layouts = new Map<EntityName, { fields: string[]; encoded: string[] }>();
/**
 * An entity's field names, and those its generic SELECT gives as JSON (link lists and JSON
 * columns), worked out once: the Polish screen decodes hundreds of rows per read.
 */
function layoutOf(entity: EntityName): { fields: string[]; encoded: string[] } {
  let layout = layouts.get(entity);
  if (!layout) {
    const fields = Object.entries(ENTITIES[entity].fields);
    layout = {
      fields: fields.map(([field]) => field),
      encoded: fields
        .filter(([, { storage }]) => 'link' in storage || storage.type === 'json')
        .map(([field]) => field),
    };
    layouts.set(entity, layout);
  }
  return layout;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Updates the fields that differ from the stored row and logs exactly those. `before` is the row
 * as stored, when the caller has just read it (else it is read here). Returns the row as it is
 * now, without reading it again.
 */
export function update<E extends EntityName>(
  ws: Workspace,
  entity: E,
  id: string,
  values: EntityValues<E>,
  before: EntityRow<E> | undefined = current(ws, entity, id),
): EntityRow<E> {
  if (!before) throw new Error(`${entity} ${id} does not exist`);
  const stored: Values = before;
  const patch: Values = values;
  const changed = Object.keys(patch).filter((f) => patch[f] !== undefined && !same(stored[f], patch[f]));
  for (const field of changed) {
    if (!findField(entity, field)) throw new Error(`${entity} has no field ${field}`);
  }
  const counted = (field: string) => isCounter(entity, field);
  write(
    ws,
    entity,
    id,
    Object.fromEntries(
      changed.map((field) => [
        field,
        counted(field) ? Number(patch[field]) - Number(stored[field]) : patch[field],
      ]),
    ),
  );
  // The row as the apply path left it: the values written (lists each id once, counters never below 0).
  const after: Values = { ...stored };
  for (const field of changed) {
    const value = patch[field];
    after[field] = Array.isArray(value)
      ? [...new Set(value)]
      : counted(field)
        ? Math.max(0, Number(value))
        : value;
  }
  return after as EntityRow<E>;
}

/**
 * Writes fields again as new changes even when they hold these values already: keeping the
 * value shown when resolving a conflict is an edit every replica receives, and its base (the
 * value shown here) tells them it was made having seen both values (`docs/sync.md`).
 */
export function rewrite(ws: Workspace, entity: EntityName, id: string, values: Values): void {
  if (!current(ws, entity, id)) throw new Error(`${entity} ${id} does not exist`);
  write(ws, entity, id, values);
}

/** Deletes a row (its link rows go with it) and logs a tombstone. */
export function remove(ws: Workspace, entity: EntityName, id: string): void {
  if (!current(ws, entity, id)) throw new Error(`${entity} ${id} does not exist`);
  write(ws, entity, id, { [DELETED_FIELD]: true });
}
