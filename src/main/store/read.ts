/** The generic SELECT of an entity: its columns under their field names, link lists as JSON. */
import { ENTITIES, type EntityName, type FieldDef } from './entities.ts';

const cache = new Map<EntityName, string>();

export function selectSql(entity: EntityName): string {
  let sql = cache.get(entity);
  if (sql) return sql;
  const { table, fields } = ENTITIES[entity];
  const parts = ['t.id AS id'];
  for (const [field, def] of Object.entries(fields as Record<string, FieldDef>)) {
    if ('link' in def) {
      const { table: linkTable, key, other } = def.link;
      parts.push(
        `(SELECT json_group_array(${other}) FROM (SELECT ${other} FROM ${linkTable} WHERE ${key} = t.id ORDER BY ord)) AS "${field}"`,
      );
    } else parts.push(`t."${def.column}" AS "${field}"`);
  }
  sql = `SELECT ${parts.join(', ')} FROM ${table} t`;
  cache.set(entity, sql);
  return sql;
}

/** ` WHERE t.a = ? AND t.b = ?` for the conditions whose value is given, with their parameters. */
export function whereEqual(conditions: [column: string, value: unknown][]): {
  sql: string;
  params: unknown[];
} {
  const given = conditions.filter(([, value]) => value !== undefined);
  return {
    sql: given.length ? ` WHERE ${given.map(([column]) => `t.${column} = ?`).join(' AND ')}` : '',
    params: given.map(([, value]) => value),
  };
}
