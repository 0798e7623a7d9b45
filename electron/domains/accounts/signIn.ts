/**
 * Signing in with a password. Five wrong passwords in a row lock the account for 15 minutes;
 * while locked no password is even checked, and the message says until when. An unknown login
 * costs the same scrypt time as a known one and gets the same first words. Every sign-in is
 * recorded in the audit trail under the user who signed in; a lock under the attempt.
 */
import { chineseDateTime } from '../../../shared/format';
import { audit } from '../../db/audit';
import { makeContext, type ServiceContext } from '../../db/context';
import { AppError, invalid } from '../../db/errors';
import { stmt } from '../../db/stmt';
import { verifyPassword } from './password';
import { accountName, setPassword, userById, userByLogin, type UserRecord } from './service';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

const WRONG = '登录名或密码不正确';

function lockedMessage(until: string): string {
  return `连续 ${LOCK_AFTER_FAILURES} 次密码错误，账号已锁定到 ${chineseDateTime(until)}（${LOCK_MINUTES} 分钟），请到时再试，或请管理员重置密码`;
}

/** The context a user's own actions are recorded under. */
export function userContext(ctx: ServiceContext, u: UserRecord): ServiceContext {
  return makeContext(ctx.db, { name: u.name, login: u.login }, ctx.now);
}

/** Notes a sign-in on the account and in the audit trail (`how`: 密码登录, 本机自动登录). */
export function recordSignIn(ctx: ServiceContext, u: UserRecord, how: string): void {
  ctx.db
    .transaction(() => {
      stmt(ctx.db, 'UPDATE users SET failed_count = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?').run(
        ctx.now().toISOString(),
        u.id,
      );
      audit(userContext(ctx, u), { action: 'signIn', entity: 'user', entityId: u.id, summary: `${how}：${accountName(u)}` });
    })
    .immediate();
}

export function recordSignOut(ctx: ServiceContext, u: UserRecord, why: string): void {
  ctx.db
    .transaction(() =>
      audit(userContext(ctx, u), { action: 'signOut', entity: 'user', entityId: u.id, summary: `${why}：${accountName(u)}` }),
    )
    .immediate();
}

/** Checks a login and password; returns the account, or throws the Chinese reason after counting the failure. */
export function attemptSignIn(ctx: ServiceContext, login: string, password: string): UserRecord {
  const found = userByLogin(ctx.db, login);
  const now = ctx.now();
  if (!found) {
    verifyPassword(password, null);
    throw new AppError('VALIDATION', WRONG, { field: 'password', fields: { password: WRONG } });
  }
  if (found.lockedUntil !== null && found.lockedUntil > now.toISOString())
    throw new AppError('FORBIDDEN', lockedMessage(found.lockedUntil));
  const good = verifyPassword(password, found.passwordHash);
  if (good && found.disabled) throw new AppError('FORBIDDEN', `账号 ${found.login} 已停用，请联系管理员`);
  if (good) {
    recordSignIn(ctx, found, '密码登录');
    return userById(ctx.db, found.id) ?? found;
  }
  const lockedUntil = ctx.db
    .transaction(() => {
      // Counted from the row as it is now: another window may have counted a failure meanwhile.
      const u = userById(ctx.db, found.id) ?? found;
      const failed = u.failedCount + 1;
      if (failed < LOCK_AFTER_FAILURES) {
        stmt(ctx.db, 'UPDATE users SET failed_count = ? WHERE id = ?').run(failed, u.id);
        return { failed, until: null };
      }
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
      stmt(ctx.db, 'UPDATE users SET failed_count = 0, locked_until = ? WHERE id = ?').run(until, u.id);
      audit(ctx, {
        action: 'lock',
        entity: 'user',
        entityId: u.id,
        summary: `连续 ${LOCK_AFTER_FAILURES} 次密码错误，锁定账号 ${accountName(u)} 到 ${chineseDateTime(until)}`,
      });
      return { failed, until };
    })
    .immediate();
  if (lockedUntil.until !== null) throw new AppError('FORBIDDEN', lockedMessage(lockedUntil.until));
  const left = LOCK_AFTER_FAILURES - lockedUntil.failed;
  const message = `${WRONG}（再输错 ${left} 次，账号将锁定 ${LOCK_MINUTES} 分钟）`;
  throw new AppError('VALIDATION', message, { field: 'password', fields: { password: message } });
}

/** The signed-in user's own new password, after checking the old one; a reset's duty to change ends. */
export function changeOwnPassword(ctx: ServiceContext, u: UserRecord, oldPassword: string, password: string): void {
  if (!verifyPassword(oldPassword, u.passwordHash)) throw invalid('oldPassword', '原密码不正确');
  setPassword(ctx, u.id, password, { mustChange: false, summary: '修改自己的密码' });
}
