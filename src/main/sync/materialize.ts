/**
 * What a row becomes, decided from the change log alone (so every replica with the same log has
 * the same rows, whatever order the changes came in):
 *
 * - each field holds its newest change's value; a counter the clamped sum of its changes;
 * - a row whose newest `_deleted` is true is not shown (a tombstone);
 * - a row lacking a value it can't exist without (its parent, a required column) is not shown
 *   yet; a nullable reference to a row that isn't shown reads as null, and a list of ids leaves
 *   it out — each remembered in `sync_waiting`, so the row is worked out again when it appears;
 * - the tables' rules that tie rows together hold by deterministic choices (`rules.ts`).
 *
 * Hiding a row first works out again every row that points at it, depth first along the
 * references (a tree: a child needs its parent, never the other way round); a row being hidden
 * counts as absent, so a cycle of references (two initiatives depending on each other) ends.
 */
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/statements.ts';
import { ENTITIES, findField, type EntityName } from '../../shared/entities/index.ts';
import { DELETED_FIELD, isCounter, type Change } from './change.ts';
import { references } from './references.ts';
import { applyRowRules } from './rules.ts';

type Values = Record<string, unknown>;
/** A change of an item as the log holds it. */
export type Logged = Pick<Change, 'field' | 'value' | 'hlc'>;

/** Rows worked out more often than this in one apply mean a bug, not a busy workspace. */
const MAX_VISITS = 64;

const decode = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

export class Materializer {
  readonly #ws: Workspace;
  /** Changes from elsewhere: a row a table refuses is hidden rather than failing the whole apply. */
  readonly #tolerant: boolean;
  readonly #hiding = new Set<string>();
  readonly #queue = new Map<string, EntityName>();
  readonly #visits = new Map<string, number>();

  constructor(ws: Workspace, tolerant: boolean) {
    this.#ws = ws;
    this.#tolerant = tolerant;
  }

  /** Works out the rows waiting on another once that one appeared or changed. */
  settle(): void {
    while (this.#queue.size) {
      const [id, entity] = this.#queue.entries().next().value!;
      this.#queue.delete(id);
      this.materialize(entity, id);
    }
  }

  /** Whether a row is shown (and not on its way out). */
  present(entity: EntityName, id: string): boolean {
    if (this.#hiding.has(id)) return false;
    return stmt(this.#ws.db, `SELECT 1 FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) !== undefined;
  }

  /** Remembers that `id` is shown differently until `onId` appears or changes. */
  wait(entity: EntityName, id: string, onId: string): void {
    stmt(this.#ws.db, 'INSERT OR IGNORE INTO sync_waiting (on_id, entity, entity_id) VALUES (?, ?, ?)').run(
      onId,
      entity,
      id,
    );
  }

  /**
   * Works out the row of `id` from the log; `logged`: every change of it the log holds, when the
   * caller has them at hand (an item new to the log, just logged), so they aren't read back.
   */
  materialize(entity: EntityName, id: string, logged?: readonly Logged[]): void {
    if (this.#hiding.has(id)) return;
    const visits = (this.#visits.get(id) ?? 0) + 1;
    if (visits > MAX_VISITS) throw new Error(`${entity} ${id} keeps changing while changes are applied`);
    this.#visits.set(id, visits);
    const { db } = this.#ws;
    // An item new to the log, met for the first time here, has no row and waits on nothing yet.
    const fresh = logged !== undefined && visits === 1;
    if (!fresh) stmt(db, 'DELETE FROM sync_waiting WHERE entity_id = ?').run(id);
    const { values, deleted } = fromLog(entity, logged ?? this.#logOf(entity, id));
    const exists =
      !fresh && stmt(db, `SELECT 1 FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) !== undefined;
    const needed = references(db).needed.get(entity) ?? [];
    const complete = needed.every((field) => values[field] !== undefined && values[field] !== null);
    if (deleted || !complete || !this.#resolveReferences(entity, id, values)) {
      if (exists) this.hide(entity, id);
      return;
    }
    applyRowRules(this, this.#ws, entity, id, values);
    try {
      const changed = exists ? this.#update(entity, id, values) : (this.#insert(entity, id, values), true);
      if (changed) this.#wakeWaiters(id);
    } catch (error) {
      if (!this.#tolerant) throw error;
      // A table's rule no choice above foresaw: the row waits for the next change to it.
      if (exists) this.hide(entity, id);
    }
  }

  /** Takes a row out of its table, after working out again every row that points at it. */
  hide(entity: EntityName, id: string): void {
    if (this.#hiding.has(id)) return;
    this.#hiding.add(id);
    const { db } = this.#ws;
    try {
      for (const ref of references(db).to.get(entity) ?? []) {
        const { table } = ENTITIES[ref.entity];
        const holders = ref.column
          ? (stmt(db, `SELECT id FROM ${table} WHERE "${ref.column}" = ?`).all(id) as { id: string }[])
          : (stmt(
              db,
              `SELECT ${ref.link!.key} AS id FROM ${ref.link!.table} WHERE ${ref.link!.other} = ?`,
            ).all(id) as { id: string }[]);
        for (const holder of holders) this.materialize(ref.entity, holder.id);
      }
      stmt(db, `DELETE FROM ${ENTITIES[entity].table} WHERE id = ?`).run(id);
    } finally {
      this.#hiding.delete(id);
    }
  }

  #logOf(entity: EntityName, id: string): Logged[] {
    return stmt(this.#ws.db, 'SELECT field, value, hlc FROM changes WHERE entity_id = ? AND entity = ?').all(
      id,
      entity,
    ) as Logged[];
  }

  /**
   * Points the row's references at rows that are shown: a missing parent hides the row (false),
   * a missing nullable reference reads as null, a list leaves missing ids out. Each waits.
   */
  #resolveReferences(entity: EntityName, id: string, values: Values): boolean {
    let shown = true;
    for (const ref of references(this.#ws.db).from.get(entity) ?? []) {
      const value = values[ref.field];
      if (value === undefined || value === null) continue;
      if (ref.link) {
        const ids = value as string[];
        const kept = ids.filter(
          (other) => this.present(ref.target, other) || (this.wait(entity, id, other), false),
        );
        values[ref.field] = kept;
      } else if (!this.present(ref.target, value as string)) {
        this.wait(entity, id, value as string);
        if (ref.required) shown = false;
        else values[ref.field] = null;
      }
    }
    return shown;
  }

  #insert(entity: EntityName, id: string, values: Values): void {
    const { table } = ENTITIES[entity];
    const columns = Object.keys(values).flatMap((field) => {
      const column = columnOf(entity, field);
      return column ? [[column, field] as const] : [];
    });
    stmt(
      this.#ws.db,
      `INSERT INTO ${table} (id${columns.map(([c]) => `, "${c}"`).join('')}) VALUES (?${', ?'.repeat(columns.length)})`,
    ).run(id, ...columns.map(([, field]) => toColumnValue(entity, field, values[field])));
    for (const field of Object.keys(values)) {
      if (!columnOf(entity, field)) this.#writeLinks(entity, field, id, values[field] as string[] | null);
    }
  }

  /** Writes the columns and lists that differ from the stored row; whether any did. */
  #update(entity: EntityName, id: string, values: Values): boolean {
    const { table } = ENTITIES[entity];
    const stored = stmt(this.#ws.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Values;
    const columns = Object.keys(values).flatMap((field) => {
      const column = columnOf(entity, field);
      const value = column ? toColumnValue(entity, field, values[field]) : undefined;
      return column && stored[column] !== value ? [[column, value] as const] : [];
    });
    if (columns.length) {
      // One statement, so table CHECKs that tie columns together see the row whole.
      stmt(
        this.#ws.db,
        `UPDATE ${table} SET ${columns.map(([c]) => `"${c}" = ?`).join(', ')} WHERE id = ?`,
      ).run(...columns.map(([, value]) => value), id);
    }
    let changed = columns.length > 0;
    for (const field of Object.keys(values)) {
      if (columnOf(entity, field)) continue;
      const ids = (values[field] as string[] | null) ?? [];
      if (JSON.stringify(this.#links(entity, field, id)) === JSON.stringify([...new Set(ids)])) continue;
      this.#writeLinks(entity, field, id, ids);
      changed = true;
    }
    return changed;
  }

  #links(entity: EntityName, field: string, id: string): string[] {
    const { table, key, other } = linkOf(entity, field);
    return (
      stmt(this.#ws.db, `SELECT ${other} AS other FROM ${table} WHERE ${key} = ? ORDER BY ord`).all(id) as {
        other: string;
      }[]
    ).map((r) => r.other);
  }

  #writeLinks(entity: EntityName, field: string, id: string, ids: readonly string[] | null): void {
    const { table, key, other } = linkOf(entity, field);
    stmt(this.#ws.db, `DELETE FROM ${table} WHERE ${key} = ?`).run(id);
    const insert = stmt(this.#ws.db, `INSERT INTO ${table} (${key}, ${other}, ord) VALUES (?, ?, ?)`);
    [...new Set(ids ?? [])].forEach((to, ord) => insert.run(id, to, ord));
  }

  #wakeWaiters(id: string): void {
    const waiting = stmt(this.#ws.db, 'SELECT entity, entity_id FROM sync_waiting WHERE on_id = ?').all(
      id,
    ) as {
      entity: EntityName;
      entity_id: string;
    }[];
    for (const row of waiting) this.#queue.set(row.entity_id, row.entity);
  }
}

/**
 * Every field's value from an item's changes, and whether the newest word is a tombstone: per
 * field the newest change's value, a counter its changes summed in timestamp order, never below 0.
 */
function fromLog(entity: EntityName, logged: readonly Logged[]): { values: Values; deleted: boolean } {
  const newest = new Map<string, string | null>();
  const values: Values = {};
  for (const { field, value } of [...logged].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
    if (isCounter(entity, field))
      values[field] = Math.max(0, Number(values[field] ?? 0) + Number(decode(value) ?? 0));
    else newest.set(field, value);
  }
  let deleted = false;
  for (const [field, value] of newest) {
    if (field === DELETED_FIELD) deleted = decode(value) === true;
    else if (findField(entity, field)) values[field] = decode(value);
  }
  return { values, deleted };
}

function columnOf(entity: EntityName, field: string): string | undefined {
  const storage = findField(entity, field)?.storage;
  return storage && 'column' in storage ? storage.column : undefined;
}

function linkOf(entity: EntityName, field: string): { table: string; key: string; other: string } {
  const storage = findField(entity, field)?.storage;
  if (!storage || !('link' in storage)) throw new Error(`${entity}.${field} is not a list of ids`);
  return storage.link;
}

/** A field's value as its column holds it: JSON text for lists and records, else as is. */
export function toColumnValue(entity: EntityName, field: string, value: unknown): unknown {
  const storage = findField(entity, field)?.storage;
  if (!storage || 'link' in storage) throw new Error(`${entity}.${field} has no column`);
  if (value === undefined || value === null) return null;
  return storage.type === 'json' ? JSON.stringify(value) : value;
}
