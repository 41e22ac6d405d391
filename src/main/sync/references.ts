/**
 * What each entity's fields point at, read once per connection from the schema's own foreign
 * keys (the migrations say it; nothing here restates it): a column that holds another item's id,
 * whether the row can exist without it (NOT NULL), and the link lists of ids.
 */
import type { DB } from '../db/open.ts';
import { ENTITIES, ENTITY_NAMES, type EntityName, type Field } from '../../shared/entities/index.ts';

export interface Reference {
  /** The entity holding the reference, and its field. */
  entity: EntityName;
  field: string;
  /** The entity it points at. */
  target: EntityName;
  /** A column the row can't exist without (a child's parent), as opposed to a nullable one. */
  required: boolean;
  /** The column (for a column reference), or the link table (for a list of ids). */
  column?: string;
  link?: { table: string; key: string; other: string };
}

export interface References {
  /** The references an entity's fields hold. */
  from: Map<EntityName, Reference[]>;
  /** The references that point at an entity. */
  to: Map<EntityName, Reference[]>;
  /** Columns that must have a value and have no default: a row lacking one isn't complete yet. */
  needed: Map<EntityName, string[]>;
  /**
   * Every entity after the ones its columns point at (lists of ids may point either way: a person
   * follows goals, a goal has owners).
   */
  order: EntityName[];
}

const cache = new WeakMap<DB, References>();

interface ForeignKey {
  table: string;
  from: string;
}
interface ColumnInfo {
  name: string;
  notnull: number;
  dflt_value: unknown;
}

export function references(db: DB): References {
  let found = cache.get(db);
  if (found) return found;
  const byTable = new Map(ENTITY_NAMES.map((name) => [ENTITIES[name].table, name]));
  found = { from: new Map(), to: new Map(), needed: new Map(), order: [] };
  for (const entity of ENTITY_NAMES) {
    const { table, fields } = ENTITIES[entity];
    const keys = db.pragma(`foreign_key_list(${table})`) as ForeignKey[];
    const columns = db.pragma(`table_info(${table})`) as ColumnInfo[];
    const list: Reference[] = [];
    const needed: string[] = [];
    for (const [field, { storage }] of Object.entries(fields as Record<string, Field>)) {
      if ('link' in storage) {
        const linkKeys = db.pragma(`foreign_key_list(${storage.link.table})`) as ForeignKey[];
        const target = byTable.get(linkKeys.find((k) => k.from === storage.link.other)?.table ?? '');
        if (target) list.push({ entity, field, target, required: false, link: storage.link });
        continue;
      }
      const info = columns.find((c) => c.name === storage.column);
      if (info?.notnull && info.dflt_value === null) needed.push(field);
      const target = byTable.get(keys.find((k) => k.from === storage.column)?.table ?? '');
      if (target) list.push({ entity, field, target, required: !!info?.notnull, column: storage.column });
    }
    found.from.set(entity, list);
    found.needed.set(entity, needed);
    for (const ref of list) found.to.set(ref.target, [...(found.to.get(ref.target) ?? []), ref]);
  }
  found.order = targetsFirst(found.from);
  cache.set(db, found);
  return found;
}

/** The entities, each after those its columns point at (an item pointing at its own kind aside). */
function targetsFirst(from: Map<EntityName, Reference[]>): EntityName[] {
  const order: EntityName[] = [];
  const visiting = new Set<EntityName>();
  const visit = (entity: EntityName) => {
    if (order.includes(entity) || visiting.has(entity)) return;
    visiting.add(entity);
    for (const ref of from.get(entity) ?? []) if (ref.column) visit(ref.target);
    visiting.delete(entity);
    order.push(entity);
  };
  ENTITY_NAMES.forEach(visit);
  return order;
}
