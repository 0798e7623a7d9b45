import type Database from 'better-sqlite3';

/**
 * Prepared statements cached per connection and SQL text. Imports call the same few statements
 * tens of thousands of times; preparing each anew cost about as much as running it.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let forDb = cache.get(db);
  if (!forDb) {
    forDb = new Map();
    cache.set(db, forDb);
  }
  let s = forDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    forDb.set(sql, s);
  }
  return s;
}
