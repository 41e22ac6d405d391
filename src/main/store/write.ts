/**
 * The one write path. Every create, update and delete of a user-visible field goes through
 * here, and each appends `(entity, id, field, value, hlc, replica)` to the change log in the same
 * transaction: the item history now, the unit of offline sync later. Deletes are tombstones.
 * Callers run inside a transaction (the API dispatcher opens one for every writing method).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DB, Workspace } from '../db/open.ts';
import {
  ENTITIES,
  findField,
  type EntityName,
  type EntityRow,
  type EntityValues,
  type Storage,
} from '../../shared/entities/index.ts';
import { selectSql } from './read.ts';

export const DELETED_FIELD = '_deleted';

export type Values = Record<string, unknown>;

type Statement = BetterSqlite3.Statement<unknown[], unknown>;
const statements = new WeakMap<DB, Map<string, Statement>>();

/** A prepared statement, cached per connection. */
export function stmt(db: DB, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare<unknown[]>(sql)));
  return statement;
}

function storageOf(entity: EntityName, field: string): Storage {
  const found = findField(entity, field);
  if (!found) throw new Error(`${entity} has no field ${field}`);
  return found.storage;
}

function toColumnValue(storage: Storage, value: unknown): unknown {
  if ('link' in storage) throw new Error('link fields have no column');
  if (value === undefined || value === null) return null;
  if (storage.type === 'json') return JSON.stringify(value);
  return value;
}

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

function logChange(ws: Workspace, entity: EntityName, id: string, field: string, value: unknown): void {
  stmt(
    ws.db,
    'INSERT INTO changes (action, entity, entity_id, field, value, hlc, replica_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    actionId(ws),
    entity,
    id,
    field,
    value === undefined ? null : JSON.stringify(value),
    ws.clock.tick(),
    ws.replicaId,
  );
}

/** Replaces an item's link rows; returns the ids as stored (in order, each once). */
function writeLinks(ws: Workspace, storage: Storage, id: string, ids: readonly string[]): string[] {
  if (!('link' in storage)) throw new Error('not a link field');
  const { table, key, other } = storage.link;
  stmt(ws.db, `DELETE FROM ${table} WHERE ${key} = ?`).run(id);
  const insert = stmt(ws.db, `INSERT INTO ${table} (${key}, ${other}, ord) VALUES (?, ?, ?)`);
  const stored = [...new Set(ids)];
  stored.forEach((other, ord) => insert.run(id, other, ord));
  return stored;
}

export function newId(): string {
  return uuidv7();
}

/** Inserts a row and logs every field given. Returns the new id. */
export function insert<E extends EntityName>(
  ws: Workspace,
  entity: E,
  values: EntityValues<E>,
  id = newId(),
): string {
  const columns: string[] = [];
  const params: unknown[] = [];
  const links: [Storage, string[]][] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const storage = storageOf(entity, field);
    if ('link' in storage) links.push([storage, value as string[]]);
    else {
      columns.push(`"${storage.column}"`);
      params.push(toColumnValue(storage, value));
    }
  }
  const { table } = ENTITIES[entity];
  stmt(
    ws.db,
    `INSERT INTO ${table} (id${columns.map((c) => `, ${c}`).join('')}) VALUES (?${', ?'.repeat(columns.length)})`,
  ).run(id, ...params);
  for (const [storage, ids] of links) writeLinks(ws, storage, id, ids);
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined) logChange(ws, entity, id, field, value);
  }
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
  const fields = changed.map((field) => [field, storageOf(entity, field)] as const);
  const columns = fields.flatMap(([field, storage]) => ('link' in storage ? [] : [{ field, storage }]));
  if (columns.length) {
    // One statement, so table CHECKs that tie columns together see the row whole.
    const sets = columns.map(({ storage }) => `"${storage.column}" = ?`).join(', ');
    stmt(ws.db, `UPDATE ${ENTITIES[entity].table} SET ${sets} WHERE id = ?`).run(
      ...columns.map(({ field, storage }) => toColumnValue(storage, patch[field])),
      id,
    );
  }
  const after: Values = { ...stored };
  for (const [field, storage] of fields) {
    if ('link' in storage) after[field] = writeLinks(ws, storage, id, patch[field] as string[]);
    else after[field] = patch[field];
  }
  for (const field of changed) logChange(ws, entity, id, field, patch[field]);
  return after as EntityRow<E>;
}

/** Deletes a row (its link rows go with it) and logs a tombstone. */
export function remove(ws: Workspace, entity: EntityName, id: string): void {
  const { table } = ENTITIES[entity];
  const result = stmt(ws.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
  if (result.changes === 0) throw new Error(`${entity} ${id} does not exist`);
  logChange(ws, entity, id, DELETED_FIELD, true);
}
