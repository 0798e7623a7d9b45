import type { Db } from './open';

/** What every service receives first: the database, who is acting, and the clock. */
export interface ServiceContext {
  db: Db;
  actor: string;
  now: () => Date;
}

export function makeContext(db: Db, actor = '管理员', now: () => Date = () => new Date()): ServiceContext {
  return { db, actor, now };
}
