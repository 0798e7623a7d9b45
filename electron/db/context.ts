import type { Db } from './open';

/**
 * Who is acting: the name written in records and the audit trail, and the account behind it
 * (`login`), or null for an actor that is no account of the app — the command line (本机命令行
 * with the machine's user), the demo seeding, a test.
 */
export interface Actor {
  name: string;
  login: string | null;
}

/**
 * What every service receives first: the database, who is acting, and the clock. `actor` is
 * the name written into records (stocktake signatures, movements, 变更记录); `actorLogin` the
 * account, written beside it in every audit row. `maskPersonal`: the acting role sees 身份证号
 * and phone numbers masked (shared/access.ts decides, shared/masking.ts masks), which the
 * file exports honour as the dispatcher does for every other answer.
 */
export interface ServiceContext {
  db: Db;
  actor: string;
  actorLogin: string | null;
  maskPersonal: boolean;
  now: () => Date;
}

export function makeContext(
  db: Db,
  actor: string | Actor = '管理员',
  now: () => Date = () => new Date(),
  opts: { maskPersonal?: boolean } = {},
): ServiceContext {
  const who = typeof actor === 'string' ? { name: actor, login: null } : actor;
  return { db, actor: who.name, actorLogin: who.login, maskPersonal: opts.maskPersonal ?? false, now };
}
