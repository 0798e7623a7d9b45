/**
 * Who is signed in. One window (Electron) or one local server (browser mode) per process, so the
 * signed-in user is the Session's; the browser mode's token stays the transport's guard.
 *
 * - On opening a database nobody is signed in, unless this PC's automatic sign-in names an
 *   active account (the demo's names its administrator). Reopening the same file (a restore)
 *   keeps the user when the account is still active in it.
 * - Every call the dispatcher admits reads the account again, so a role changed or an account
 *   disabled by an administrator (or at the command line) applies at once.
 * - After the idle time (the `idleTimeoutMinutes` setting) without any admitted call, the next
 *   call finds nobody signed in (SIGNED_OUT) — except for the automatic sign-in's own account,
 *   which that PC signs in without a password anyway.
 * - Trusted in-process callers (tests, the benchmark) sign in as a named local account with
 *   `Session.open({ signInAs })`, made without a password when missing (it cannot be used on the
 *   sign-in page). Nothing reaching the dispatcher can do this.
 */
import { masksPersonal, type Role } from '../../shared/access';
import type { SignedInUser } from '../../shared/schemas/accounts';
import { defaultSettings, settingsSchema } from '../../shared/schemas/settings';
import { makeContext, type ServiceContext } from '../db/context';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/stmt';
import { asSignedIn, autoSignInUser, insertUser, userById, userByLogin, type UserRecord } from '../domains/accounts/service';
import { recordSignIn, recordSignOut } from '../domains/accounts/signIn';

/** What this file needs of the Session (session.ts holds the fields). */
export interface SignInState {
  ctx: ServiceContext;
  readonly db: Db;
  readonly now: () => Date;
  user: SignedInUser | null;
  lastActivity: number;
  signedOutReason: string;
}

/** A local account for trusted in-process callers. */
export interface LocalAccount {
  login: string;
  name: string;
  role: Role;
}

/** The actor of what happens while nobody is signed in (a lock after wrong passwords, first run). */
export const NOBODY = { name: '未登录', login: null } as const;

function contextFor(s: SignInState, u: SignedInUser): ServiceContext {
  return makeContext(s.db, { name: u.name, login: u.login }, s.now, { maskPersonal: masksPersonal(u.role) });
}

/** Signs `u` in; `how` (密码登录, 本机自动登录) is recorded on the account and in the audit, null records nothing. */
export function signIn(s: SignInState, u: UserRecord, how: string | null): SignedInUser {
  if (how !== null) recordSignIn(s.ctx, u, how);
  const user = asSignedIn(userById(s.db, u.id) ?? u);
  s.user = user;
  s.ctx = contextFor(s, user);
  s.lastActivity = s.now().getTime();
  s.signedOutReason = '';
  return user;
}

/** Ends the session; `record` (退出登录) goes into the audit, `reason` to the sign-in page. */
export function signOut(s: SignInState, reason = '', record?: string): void {
  const was = s.user ? userById(s.db, s.user.id) : null;
  if (was && record) recordSignOut(s.ctx, was, record);
  s.user = null;
  s.ctx = makeContext(s.db, NOBODY, s.now);
  s.signedOutReason = reason;
}

/** After a database is opened: keep the user on a reopen of the same file, else sign in automatically if set. */
export function afterOpen(s: SignInState, keep: SignedInUser | null): void {
  s.user = null;
  s.ctx = makeContext(s.db, NOBODY, s.now);
  s.signedOutReason = '';
  const same = keep ? userByLogin(s.db, keep.login) : null;
  if (same && !same.disabled) {
    signIn(s, same, null);
    return;
  }
  const auto = autoSignInUser(s.db);
  if (auto) signIn(s, auto, '本机自动登录');
}

export function signInTrusted(s: SignInState, account: LocalAccount): SignedInUser {
  let u = userByLogin(s.db, account.login);
  if (!u) {
    const ctx = makeContext(s.db, '本机程序', s.now);
    u = s.db
      .transaction(() => insertUser(ctx, { ...account, password: null }, { mustChange: false, how: '本机程序创建，无密码' }))
      .immediate();
  }
  if (u.disabled) throw new AppError('FORBIDDEN', `账号 ${u.login} 已停用`);
  return signIn(s, u, null);
}

function idleMinutes(db: Db): number {
  const raw = stmt(db, "SELECT value FROM settings WHERE key = 'idleTimeoutMinutes'").pluck().get();
  try {
    const parsed = settingsSchema.shape.idleTimeoutMinutes.safeParse(typeof raw === 'string' ? JSON.parse(raw) : undefined);
    return parsed.success ? parsed.data : defaultSettings.idleTimeoutMinutes;
  } catch {
    return defaultSettings.idleTimeoutMinutes;
  }
}

/**
 * Who is signed in now: the account read again (disabled → signed out), the idle time applied
 * (→ signed out, with the reason for the sign-in page). Does not count as activity.
 */
export function currentUser(s: SignInState): SignedInUser | null {
  if (!s.user) return null;
  const u = userById(s.db, s.user.id);
  if (!u || u.disabled || u.login !== s.user.login) {
    signOut(s, '您的账号已被停用或删除，请联系管理员');
    return null;
  }
  const minutes = idleMinutes(s.db);
  if (s.now().getTime() - s.lastActivity > minutes * 60_000) {
    if (autoSignInUser(s.db)?.id !== u.id) {
      signOut(s, `已超过 ${minutes} 分钟没有操作，为保护数据已退出登录。请重新登录，正在填写的内容不会丢失`);
      return null;
    }
    s.lastActivity = s.now().getTime();
  }
  const now = asSignedIn(u);
  if (now.name !== s.user.name || now.role !== s.user.role || now.mustChangePassword !== s.user.mustChangePassword) {
    s.user = now;
    s.ctx = contextFor(s, now);
  }
  return s.user;
}

/** An admitted call: the idle time starts again. */
export function touch(s: SignInState): void {
  s.lastActivity = s.now().getTime();
}

/** The signed-in user's context again (after their name or role changed). */
export function refreshContext(s: SignInState): void {
  if (s.user) currentUser(s);
}
