/** Prepared statements, cached per connection. */
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../db/open.ts';

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
