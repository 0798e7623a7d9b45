/**
 * Prepared statements kept per database handle. A roster import looks up every row (the person
 * by 身份证号, the clinic by name, the person's certificates, posts and contracts), twice when
 * the commit re-plans; preparing the same SQL 10,000 times would cost more than running it.
 * Only compiled SQL is kept, never data, so a cached statement always reads the current rows.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';

type Statement = Database.Statement<unknown[], unknown>;

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare<unknown[], unknown>(sql);
    byDb.set(sql, s);
  }
  return s;
}
