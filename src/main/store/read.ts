/** The generic SELECT of an entity: its columns under their field names, link lists as JSON. */
import { ENTITIES, type EntityName, type Field } from '../../shared/entities/index.ts';

const cache = new Map<EntityName, string>();

export function selectSql(entity: EntityName): string {
  let sql = cache.get(entity);
  if (sql) return sql;
  const { table, fields } = ENTITIES[entity];
  const parts = ['t.id AS id'];
  for (const [field, { storage }] of Object.entries(fields as Record<string, Field>)) {
    if ('link' in storage) {
      const { table: linkTable, key, other } = storage.link;
      parts.push(
        `(SELECT json_group_array(${other}) FROM (SELECT ${other} FROM ${linkTable} WHERE ${key} = t.id ORDER BY ord)) AS "${field}"`,
      );
    } else parts.push(`t."${storage.column}" AS "${field}"`);
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
