/**
 * The operations that change who is signed in: first run (the center and its administrator),
 * creating the administrator of a database from before accounts, signing in and out, and
 * changing one's own password. The users page's operations are the accounts domain's.
 */
import type { Output, ParsedInput } from '../../shared/contract';
import { audit } from '../db/audit';
import { makeContext } from '../db/context';
import { AppError } from '../db/errors';
import type { HandlerMap } from '../domains/handlerTypes';
import { insertUser, userById, userCount, type UserRecord } from '../domains/accounts/service';
import { attemptSignIn, changeOwnPassword } from '../domains/accounts/signIn';
import { readSettings, writeSettingsRaw } from '../domains/settings/service';
import { appInfo } from './appInfo';
import type { Session } from './session';
import { currentUser, signIn, signOut } from './signedIn';

type SessionOps = 'accounts.signIn' | 'accounts.setupAdmin' | 'accounts.signOut' | 'accounts.changePassword';

interface AdminAccount {
  adminLogin: string;
  adminName: string;
  password: string;
}

/** Creates the first administrator, refusing once any account exists; `alsoInTransaction` runs beside it. */
function createFirstAdmin(s: Session, v: AdminAccount, refuse: () => string | null, alsoInTransaction: () => void = () => undefined) {
  const admin = makeContext(s.db, { name: v.adminName, login: v.adminLogin }, s.now);
  const made: UserRecord = s.db
    .transaction(() => {
      // Checked inside the write transaction, so two first runs at once cannot both pass.
      const why = refuse();
      if (why !== null) throw new AppError('CONFLICT', why);
      const u = insertUser(admin, { login: v.adminLogin, name: v.adminName, role: 'admin', password: v.password }, { mustChange: false });
      alsoInTransaction();
      return u;
    })
    .immediate();
  return signIn(s, made, '密码登录');
}

/** `app.firstRun`: names the center and creates its administrator, who is then signed in. */
export function firstRun(s: Session, input: ParsedInput<'app.firstRun'>): Output<'app.firstRun'> {
  if (s.isDemo) throw new AppError('CONFLICT', '当前是演示数据，请先返回正式数据再填写单位信息');
  const { centerName, county } = input;
  const admin = makeContext(s.db, { name: input.adminName, login: input.adminLogin }, s.now);
  createFirstAdmin(
    s,
    input,
    () =>
      readSettings(s.db).centerName.trim() !== '' || userCount(s.db) > 0
        ? '本单位已完成首次设置（已有单位名称或账号），不能再次设置。单位信息请由管理员登录后在“设置”中修改'
        : null,
    () => {
      writeSettingsRaw(s.db, { centerName, county });
      audit(admin, {
        action: 'update',
        entity: 'settings',
        summary: `首次设置：单位 ${centerName}，所属县（区）${county}`,
        after: { centerName, county },
      });
    },
  );
  return appInfo(s);
}

function signedInRecord(s: Session): UserRecord {
  const u = currentUser(s);
  const rec = u ? userById(s.db, u.id) : null;
  if (!rec) throw new AppError('SIGNED_OUT', '请先登录');
  return rec;
}

export const accountSessionHandlers: HandlerMap<SessionOps, Session> = {
  'accounts.signIn': (s, { login, password }) => {
    const u = attemptSignIn(s.ctx, login, password);
    if (s.user && s.user.id !== u.id) signOut(s, '', '换用户登录，退出');
    signIn(s, u, null);
    return appInfo(s);
  },
  'accounts.setupAdmin': (s, v) => {
    if (s.isDemo) throw new AppError('CONFLICT', '当前是演示数据，请先返回正式数据');
    createFirstAdmin(s, v, () =>
      userCount(s.db) > 0 ? '本单位已有账号，请用已有账号登录；忘记管理员密码请见说明书的“找回管理员密码”' : null,
    );
    return appInfo(s);
  },
  'accounts.signOut': (s) => {
    signOut(s, '', '退出登录');
    return appInfo(s);
  },
  'accounts.changePassword': (s, { oldPassword, password }) => {
    changeOwnPassword(s.ctx, signedInRecord(s), oldPassword, password);
    currentUser(s);
    return appInfo(s);
  },
};
