/**
 * The one write path. Every create, update and delete of a user-visible field goes through
 * here, and each appends `(entity, id, field, value, hlc, replica)` to the change log in the same
 * transaction: the item history now, the unit of offline sync later. Deletes are tombstones.
 * Callers run inside a transaction (the API dispatcher opens one for every writing method).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DB, Workspace } from '../db/open.ts';
import { ENTITIES, type EntityName, type FieldDef } from './entities.ts';
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

function fieldDef(entity: EntityName, field: string): FieldDef {
  const def = (ENTITIES[entity].fields as Record<string, FieldDef>)[field];
  if (!def) throw new Error(`${entity} has no field ${field}`);
  return def;
}

function toColumnValue(def: FieldDef, value: unknown): unknown {
  if ('link' in def) throw new Error('link fields have no column');
  if (value === undefined || value === null) return null;
  if (def.type === 'json') return JSON.stringify(value);
  if (def.type === 'bool') return value ? 1 : 0;
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

function writeLinks(ws: Workspace, def: FieldDef, id: string, ids: readonly string[]): void {
  if (!('link' in def)) throw new Error('not a link field');
  const { table, key, other } = def.link;
  stmt(ws.db, `DELETE FROM ${table} WHERE ${key} = ?`).run(id);
  const insert = stmt(ws.db, `INSERT INTO ${table} (${key}, ${other}, ord) VALUES (?, ?, ?)`);
  [...new Set(ids)].forEach((other, ord) => insert.run(id, other, ord));
}

export function newId(): string {
  return uuidv7();
}

/** Inserts a row and logs every field given. Returns the new id. */
export function insert(ws: Workspace, entity: EntityName, values: Values, id = newId()): string {
  const columns: string[] = [];
  const params: unknown[] = [];
  const links: [FieldDef, string[]][] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const def = fieldDef(entity, field);
    if ('link' in def) links.push([def, value as string[]]);
    else {
      columns.push(`"${def.column}"`);
      params.push(toColumnValue(def, value));
    }
  }
  const { table } = ENTITIES[entity];
  stmt(
    ws.db,
    `INSERT INTO ${table} (id${columns.map((c) => `, ${c}`).join('')}) VALUES (?${', ?'.repeat(columns.length)})`,
  ).run(id, ...params);
  for (const [def, ids] of links) writeLinks(ws, def, id, ids);
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined) logChange(ws, entity, id, field, value);
  }
  return id;
}

/** Reads one entity as the write path sees it (columns and link lists), or undefined. */
export function current(ws: Workspace, entity: EntityName, id: string): Values | undefined {
  const row = stmt(ws.db, `${selectSql(entity)} WHERE t.id = ?`).get(id) as Values | undefined;
  return row ? decodeRow(entity, row) : undefined;
}

export function decodeRow(entity: EntityName, row: Values): Values {
  const out: Values = { id: row.id };
  for (const [field, def] of Object.entries(ENTITIES[entity].fields as Record<string, FieldDef>)) {
    const raw = row[field];
    if ('link' in def || def.type === 'json') out[field] = raw == null ? null : JSON.parse(raw as string);
    else if (def.type === 'bool') out[field] = raw === 1;
    else out[field] = raw;
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Updates the fields that differ from the stored row and logs exactly those. Returns them. */
export function update(ws: Workspace, entity: EntityName, id: string, patch: Values): string[] {
  const before = current(ws, entity, id);
  if (!before) throw new Error(`${entity} ${id} does not exist`);
  const changed = Object.keys(patch).filter((f) => patch[f] !== undefined && !same(before[f], patch[f]));
  const columns = changed.map((field) => [field, fieldDef(entity, field)] as const);
  const plain = columns.filter(([, def]) => !('link' in def));
  if (plain.length) {
    // One statement, so table CHECKs that tie columns together see the row whole.
    const sets = plain.map(([, def]) => `"${(def as { column: string }).column}" = ?`).join(', ');
    stmt(ws.db, `UPDATE ${ENTITIES[entity].table} SET ${sets} WHERE id = ?`).run(
      ...plain.map(([field, def]) => toColumnValue(def, patch[field])),
      id,
    );
  }
  for (const [field, def] of columns) if ('link' in def) writeLinks(ws, def, id, patch[field] as string[]);
  for (const field of changed) logChange(ws, entity, id, field, patch[field]);
  return changed;
}

/** Deletes a row (its link rows go with it) and logs a tombstone. */
export function remove(ws: Workspace, entity: EntityName, id: string): void {
  const { table } = ENTITIES[entity];
  const result = stmt(ws.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
  if (result.changes === 0) throw new Error(`${entity} ${id} does not exist`);
  logChange(ws, entity, id, DELETED_FIELD, true);
}
