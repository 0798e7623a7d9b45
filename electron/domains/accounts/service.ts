/**
 * The center's accounts: list, add, change name and role, disable, reset a password, and this
 * PC's automatic sign-in. Every write is one IMMEDIATE transaction with its audit row. The last
 * active administrator can be neither disabled nor given another role, so the center can always
 * reach its users and settings. Signing in lives in signIn.ts; who is signed in, in the session.
 */
import { roleLabels, type Role } from '../../../shared/access';
import type { SignedInUser, UserCreate, UserRow, UsersOutput, UserUpdate } from '../../../shared/schemas/accounts';
import { audit } from '../../db/audit';
import type { ServiceContext } from '../../db/context';
import { invalid, notFound } from '../../db/errors';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { hashPassword } from './password';

export interface UserRecord {
  id: number;
  login: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  mustChangePassword: boolean;
  failedCount: number;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

const AUTO_SIGN_IN_KEY = 'autoSignInLogin';

function toRecord(r: Record<string, unknown>): UserRecord {
  return {
    id: Number(r.id),
    login: String(r.login),
    name: String(r.display_name),
    role: r.role as Role,
    passwordHash: r.password_hash === null ? null : String(r.password_hash),
    mustChangePassword: r.must_change_password === 1,
    failedCount: Number(r.failed_count),
    lockedUntil: r.locked_until === null ? null : String(r.locked_until),
    disabled: r.disabled === 1,
    createdAt: String(r.created_at),
    lastSignInAt: r.last_sign_in_at === null ? null : String(r.last_sign_in_at),
  };
}

export function userById(db: Db, id: number): UserRecord | null {
  const r = stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  return r ? toRecord(r) : null;
}

export function userByLogin(db: Db, login: string): UserRecord | null {
  const r = stmt(db, 'SELECT * FROM users WHERE login = ? COLLATE NOCASE').get(login.trim()) as Record<string, unknown> | undefined;
  return r ? toRecord(r) : null;
}

export function userCount(db: Db): number {
  return Number(stmt(db, 'SELECT count(*) FROM users').pluck().get());
}

export function asSignedIn(u: UserRecord): SignedInUser {
  return { id: u.id, login: u.login, name: u.name, role: u.role, mustChangePassword: u.mustChangePassword };
}

/** `刘晓梅（liuxm）`: how an account is named in messages and the audit trail. */
export function accountName(u: { login: string; name: string }): string {
  return `${u.name}（${u.login}）`;
}

export function listUsers(ctx: ServiceContext): UsersOutput {
  const now = ctx.now().toISOString();
  const rows = (stmt(ctx.db, 'SELECT * FROM users ORDER BY disabled, id').all() as Record<string, unknown>[]).map(toRecord);
  const users = rows.map((u): UserRow => ({
    id: u.id,
    login: u.login,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil !== null && u.lockedUntil > now ? u.lockedUntil : null,
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt,
    lastSignInAt: u.lastSignInAt,
  }));
  return { users, autoSignInUserId: autoSignInUser(ctx.db)?.id ?? null };
}

/**
 * Adds an account. `password` null: no password at all (a trusted local program's account, which
 * cannot sign in through the sign-in page). `mustChange`: the user sets their own at first sign-in.
 */
export function insertUser(
  ctx: ServiceContext,
  v: { login: string; name: string; role: Role; password: string | null },
  opts: { mustChange: boolean; how?: string },
): UserRecord {
  if (userByLogin(ctx.db, v.login)) throw invalid('login', `登录名“${v.login}”已被使用，请换一个`);
  const at = ctx.now().toISOString();
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO users (login, display_name, role, password_hash, must_change_password, created_at, created_by, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(v.login, v.name, v.role, v.password === null ? null : hashPassword(v.password), opts.mustChange ? 1 : 0, at, ctx.actor, at)
      .lastInsertRowid,
  );
  const how = opts.how ? `，${opts.how}` : '';
  audit(ctx, {
    action: 'create',
    entity: 'user',
    entityId: id,
    summary: `新建账号：${accountName(v)}，角色 ${roleLabels[v.role]}${how}`,
    after: { login: v.login, name: v.name, role: v.role },
  });
  const made = userById(ctx.db, id);
  if (!made) throw notFound('账号');
  return made;
}

export function createUser(ctx: ServiceContext, v: UserCreate): UsersOutput {
  ctx.db.transaction(() => insertUser(ctx, v, { mustChange: true, how: '首次登录须修改密码' })).immediate();
  return listUsers(ctx);
}

function activeAdminsOtherThan(db: Db, id: number): number {
  return Number(stmt(db, "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?").pluck().get(id));
}

export function updateUser(ctx: ServiceContext, v: UserUpdate): UsersOutput {
  ctx.db
    .transaction(() => {
      const before = userById(ctx.db, v.id);
      if (!before) throw notFound('账号');
      const losesAdmin = before.role === 'admin' && !before.disabled && (v.role !== 'admin' || v.disabled);
      if (losesAdmin && activeAdminsOtherThan(ctx.db, v.id) === 0) {
        const field = v.disabled ? 'disabled' : 'role';
        throw invalid(field, `${accountName(before)}是最后一名在用的管理员，不能停用或改为其他角色；请先另设一名管理员`);
      }
      if (v.disabled && !before.disabled && ctx.actorLogin !== null && before.login.toLowerCase() === ctx.actorLogin.toLowerCase()) {
        throw invalid('disabled', '不能停用自己正在使用的账号');
      }
      const changes: string[] = [];
      if (before.name !== v.name) changes.push(`姓名 ${before.name} → ${v.name}`);
      if (before.role !== v.role) changes.push(`角色 ${roleLabels[before.role]} → ${roleLabels[v.role]}`);
      if (before.disabled !== v.disabled) changes.push(v.disabled ? '停用' : '重新启用');
      if (changes.length === 0) return;
      stmt(ctx.db, 'UPDATE users SET display_name = ?, role = ?, disabled = ? WHERE id = ?').run(v.name, v.role, v.disabled ? 1 : 0, v.id);
      audit(ctx, {
        action: 'update',
        entity: 'user',
        entityId: v.id,
        summary: `修改账号 ${accountName(before)}：${changes.join('，')}`,
        before: { name: before.name, role: before.role, disabled: before.disabled },
        after: { name: v.name, role: v.role, disabled: v.disabled },
      });
      if (v.disabled && autoSignInLogin(ctx.db)?.toLowerCase() === before.login.toLowerCase()) writeAutoSignIn(ctx, null, '（账号已停用）');
    })
    .immediate();
  return listUsers(ctx);
}

/**
 * Sets a password. By an administrator for someone else (`mustChange`): the user must set their
 * own at the next sign-in. Either way a lock from wrong passwords ends.
 */
export function setPassword(ctx: ServiceContext, id: number, password: string, opts: { mustChange: boolean; summary: string }): void {
  ctx.db
    .transaction(() => {
      const u = userById(ctx.db, id);
      if (!u) throw notFound('账号');
      stmt(
        ctx.db,
        `UPDATE users SET password_hash = ?, must_change_password = ?, failed_count = 0, locked_until = NULL,
           password_changed_at = ? WHERE id = ?`,
      ).run(hashPassword(password), opts.mustChange ? 1 : 0, ctx.now().toISOString(), id);
      audit(ctx, { action: 'password', entity: 'user', entityId: id, summary: `${opts.summary}：${accountName(u)}` });
    })
    .immediate();
}

export function resetPassword(ctx: ServiceContext, id: number, password: string): UsersOutput {
  setPassword(ctx, id, password, { mustChange: true, summary: '管理员重置密码（下次登录须修改）' });
  return listUsers(ctx);
}

function autoSignInLogin(db: Db): string | null {
  const raw = stmt(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(AUTO_SIGN_IN_KEY);
  if (typeof raw !== 'string') return null;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' && v !== '' ? v : null;
  } catch {
    return null;
  }
}

/** The account this PC signs in as by itself, when the setting is on and the account is usable. */
export function autoSignInUser(db: Db): UserRecord | null {
  const login = autoSignInLogin(db);
  const u = login === null ? null : userByLogin(db, login);
  return u && !u.disabled ? u : null;
}

function writeAutoSignIn(ctx: ServiceContext, u: UserRecord | null, why = ''): void {
  if (u) {
    stmt(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      AUTO_SIGN_IN_KEY,
      JSON.stringify(u.login),
    );
  } else stmt(ctx.db, 'DELETE FROM settings WHERE key = ?').run(AUTO_SIGN_IN_KEY);
  audit(ctx, {
    action: 'update',
    entity: 'settings',
    summary: u ? `开启本机自动登录：打开程序即以 ${accountName(u)} 登录` : `关闭本机自动登录${why}`,
    after: { autoSignIn: u ? u.login : null },
  });
}

/** Turns this PC's automatic sign-in on for an active account, or off (null); recorded in the audit. */
export function setAutoSignIn(ctx: ServiceContext, userId: number | null): UsersOutput {
  ctx.db
    .transaction(() => {
      const current = autoSignInUser(ctx.db);
      if (userId === null) {
        if (autoSignInLogin(ctx.db) !== null) writeAutoSignIn(ctx, null);
        return;
      }
      const u = userById(ctx.db, userId);
      if (!u) throw notFound('账号');
      if (u.disabled) throw invalid('userId', `${accountName(u)}已停用，不能设为自动登录`);
      if (current?.id !== u.id) writeAutoSignIn(ctx, u);
    })
    .immediate();
  return listUsers(ctx);
}
