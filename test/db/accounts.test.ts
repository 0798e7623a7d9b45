/**
 * Accounts through the dispatcher: first run and the administrator of an older database,
 * signing in with the lock after five wrong passwords (an injected clock), the idle time, the
 * administrator's reset and the duty to change it, disabling, the last administrator kept, the
 * user in every audit row, and this PC's automatic sign-in.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/app/session';
import { call, callFails, expectChinese, FIRST_ADMIN, firstRunInput, village } from '../helpers/calls';
import { dumpDb, openSession, tempDbPath } from '../helpers/tempDb';

/** A clock the test moves by hand. */
function handClock(start = '2026-03-02T01:00:00.000Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (minutes: number) => (t += minutes * 60_000) };
}

async function signedOutSession(now?: () => Date): Promise<Session> {
  return openSession(tempDbPath(), { as: null }).then(async (s) => {
    if (!now) return s;
    s.close();
    return Session.open({ dbPath: s.realPath, shell: 'browser', now });
  });
}

async function centerWithAdmin(now?: () => Date): Promise<Session> {
  const s = await signedOutSession(now);
  await call(s, 'app.firstRun', firstRunInput('青石镇卫生院', '青石县'));
  return s;
}

const signIn = (s: Session, login: string, password: string) => call(s, 'accounts.signIn', { login, password });

async function addUser(s: Session, login: string, role: 'admin' | 'clerk' | 'reviewer' | 'viewer', password = 'first-pass-1') {
  const out = await call(s, 'accounts.create', { login, name: `${login}的姓名`, role, password, passwordAgain: password });
  const made = out.users.find((u) => u.login === login);
  if (!made) throw new Error('not made');
  return made;
}

describe('first run and the first administrator', () => {
  it('first run creates the administrator and is refused once the center is set up, in Chinese', async () => {
    const s = await centerWithAdmin();
    const again = await callFails(s, 'app.firstRun', firstRunInput('乙镇卫生院', '乙县'));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('已完成首次设置');
    // Signed out too: still refused.
    await call(s, 'accounts.signOut', {});
    expect((await callFails(s, 'app.firstRun', firstRunInput('乙镇卫生院', '乙县'))).code).toBe('CONFLICT');
    expect((await call(s, 'app.info', {})).centerName).toBe('青石镇卫生院');
  });

  it('first run wants the password twice alike and at least 8 long, naming the field', async () => {
    const s = await signedOutSession();
    const before = dumpDb(s.db);
    const short = await callFails(s, 'app.firstRun', { ...firstRunInput('甲镇', '甲县'), password: 'abc', passwordAgain: 'abc' });
    expect(short).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(short.message).toContain('密码至少 8 位');
    const differ = await callFails(s, 'app.firstRun', { ...firstRunInput('甲镇', '甲县'), passwordAgain: 'something-else' });
    expect(differ).toMatchObject({ code: 'VALIDATION', field: 'passwordAgain' });
    expect(dumpDb(s.db)).toBe(before);
  });

  it('a named center from before accounts asks for its administrator first, once', async () => {
    const s = await signedOutSession();
    await call(s, 'app.info', {});
    s.db.prepare(`INSERT INTO settings (key, value) VALUES ('centerName', '"旧镇卫生院"'), ('county', '"旧县"')`).run();
    expect(await call(s, 'app.info', {})).toMatchObject({ firstRun: false, needsAdmin: true, user: null });
    expect((await callFails(s, 'villages.list', {})).code).toBe('SIGNED_OUT');
    const admin = { adminLogin: 'wang', adminName: '王会计', password: 'old-town-2026', passwordAgain: 'old-town-2026' };
    const info = await call(s, 'accounts.setupAdmin', admin);
    expect(info).toMatchObject({ needsAdmin: false, user: { login: 'wang', role: 'admin', mustChangePassword: false } });
    expect((await callFails(s, 'accounts.setupAdmin', { ...admin, adminLogin: 'wang2' })).code).toBe('CONFLICT');
    expect((await call(s, 'villages.list', {})).total).toBe(0);
  });
});

describe('signing in', () => {
  it('locks the account for 15 minutes after five wrong passwords, saying until when', async () => {
    const clock = handClock();
    const s = await centerWithAdmin(clock.now);
    await call(s, 'accounts.signOut', {});
    for (let i = 1; i <= 4; i++) {
      const e = await callFails(s, 'accounts.signIn', { login: 'zhangwei', password: `wrong-${i}` });
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'password' });
      expect(e.message).toContain(`再输错 ${5 - i} 次`);
    }
    const locked = await callFails(s, 'accounts.signIn', { login: 'zhangwei', password: 'wrong-5' });
    expect(locked.code).toBe('FORBIDDEN');
    // 01:00 UTC is 09:00 in China; locked until 09:15.
    expect(locked.message).toContain('锁定到 2026年3月2日 09:15');
    // The right password does not open a locked account, even a minute before the end.
    clock.advance(14);
    expect((await callFails(s, 'accounts.signIn', { login: 'ZhangWei', password: FIRST_ADMIN.password })).code).toBe('FORBIDDEN');
    clock.advance(1.1);
    expect((await signIn(s, 'ZhangWei', FIRST_ADMIN.password)).user?.login).toBe('zhangwei');
    const audit = (await call(s, 'audit.list', { filters: [{ id: 'entity', value: 'user' }] })).rows.map((r) => r.action);
    expect(audit.slice(0, 2)).toEqual(['signIn', 'lock']);
  });

  it('an unknown login gets the same words as a wrong password; a right sign-in resets the count', async () => {
    const s = await centerWithAdmin();
    await call(s, 'accounts.signOut', {});
    const unknown = await callFails(s, 'accounts.signIn', { login: 'nobody', password: 'whatever-1' });
    expect(unknown.message).toContain('登录名或密码不正确');
    for (let i = 0; i < 4; i++) await callFails(s, 'accounts.signIn', { login: 'zhangwei', password: 'bad-password' });
    await signIn(s, 'zhangwei', FIRST_ADMIN.password);
    await call(s, 'accounts.signOut', {});
    expect((await callFails(s, 'accounts.signIn', { login: 'zhangwei', password: 'bad-password' })).message).toContain('再输错 4 次');
  });

  it('ends the session after the idle time: the next call answers SIGNED_OUT with the reason, until signed in again', async () => {
    const clock = handClock();
    const s = await centerWithAdmin(clock.now);
    clock.advance(29);
    await call(s, 'villages.list', {});
    clock.advance(29); // 29 minutes since the last call: still signed in
    await call(s, 'villages.create', village({ name: '甲村' }));
    clock.advance(31);
    const e = await callFails(s, 'villages.create', village({ name: '乙村' }));
    expect(e.code).toBe('SIGNED_OUT');
    expect(e.message).toContain('30 分钟没有操作');
    expect(await call(s, 'app.info', {})).toMatchObject({ user: null, signedOutReason: e.message });
    await signIn(s, 'zhangwei', FIRST_ADMIN.password);
    await call(s, 'villages.create', village({ name: '乙村' }));
    // The idle time is a setting.
    await call(s, 'settings.update', { idleTimeoutMinutes: 5 });
    clock.advance(6);
    expect((await callFails(s, 'villages.list', {})).code).toBe('SIGNED_OUT');
  });
});

describe("the administrator's users page", () => {
  it('a reset password must be changed at the next sign-in before anything else', async () => {
    const s = await centerWithAdmin();
    const clerk = await addUser(s, 'liu', 'clerk');
    expect(clerk).toMatchObject({ role: 'clerk', mustChangePassword: true, disabled: false, hasPassword: true });
    await call(s, 'accounts.resetPassword', { id: clerk.id, password: 'temp-pass-9', passwordAgain: 'temp-pass-9' });
    const info = await signIn(s, 'liu', 'temp-pass-9');
    expect(info.user).toMatchObject({ login: 'liu', mustChangePassword: true });
    const e = await callFails(s, 'villages.list', {});
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('修改密码');
    const wrongOld = await callFails(s, 'accounts.changePassword', {
      oldPassword: 'nope-nope',
      password: 'own-pass-123',
      passwordAgain: 'own-pass-123',
    });
    expect(wrongOld).toMatchObject({ code: 'VALIDATION', field: 'oldPassword' });
    const changed = await call(s, 'accounts.changePassword', {
      oldPassword: 'temp-pass-9',
      password: 'own-pass-123',
      passwordAgain: 'own-pass-123',
    });
    expect(changed.user?.mustChangePassword).toBe(false);
    await call(s, 'villages.create', village({ name: '刘录的村' }));
    const row = (await call(s, 'audit.list', { limit: 1 })).rows[0];
    expect(row).toMatchObject({ actor: 'liu的姓名', actorLogin: 'liu', entity: 'village' });
  });

  it('the last active administrator can be neither disabled nor demoted; with a second one, can', async () => {
    const s = await centerWithAdmin();
    const me = (await call(s, 'accounts.list', {})).users[0];
    if (!me) throw new Error('no admin');
    const before = dumpDb(s.db);
    const demote = await callFails(s, 'accounts.update', { id: me.id, name: me.name, role: 'clerk', disabled: false });
    expect(demote).toMatchObject({ code: 'VALIDATION', field: 'role' });
    expect(demote.message).toContain('最后一名在用的管理员');
    const disable = await callFails(s, 'accounts.update', { id: me.id, name: me.name, role: 'admin', disabled: true });
    expect(disable).toMatchObject({ code: 'VALIDATION', field: 'disabled' });
    expect(dumpDb(s.db)).toBe(before);

    const second = await addUser(s, 'wang', 'admin');
    // Not oneself, though: signed in as zhangwei, zhangwei cannot be disabled.
    expect((await callFails(s, 'accounts.update', { id: me.id, name: me.name, role: 'admin', disabled: true })).message).toContain('自己');
    const out = await call(s, 'accounts.update', { id: me.id, name: me.name, role: 'reviewer', disabled: false });
    expect(out.users.find((u) => u.id === me.id)?.role).toBe('reviewer');
    // zhangwei is now 审核 and is refused the users page at once.
    const refused = await callFails(s, 'accounts.list', {});
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('审核');
    // wang, the one administrator left, is protected in turn.
    await signIn(s, 'wang', 'first-pass-1');
    await call(s, 'accounts.changePassword', { oldPassword: 'first-pass-1', password: 'wang-own-1', passwordAgain: 'wang-own-1' });
    expect((await callFails(s, 'accounts.update', { id: second.id, name: second.name, role: 'viewer', disabled: false })).code).toBe(
      'VALIDATION',
    );
  });

  it('a disabled account is signed out at its next call and cannot sign in', async () => {
    const s = await centerWithAdmin();
    const clerk = await addUser(s, 'liu', 'clerk');
    await signIn(s, 'liu', 'first-pass-1');
    await call(s, 'accounts.changePassword', { oldPassword: 'first-pass-1', password: 'liu-own-pass', passwordAgain: 'liu-own-pass' });
    // Disabled from elsewhere (another window, the command line): the row is read at every call.
    s.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(clerk.id);
    const e = await callFails(s, 'villages.list', {});
    expect(e.code).toBe('SIGNED_OUT');
    expectChinese(e.message);
    const again = await callFails(s, 'accounts.signIn', { login: 'liu', password: 'liu-own-pass' });
    expect(again.code).toBe('FORBIDDEN');
    expect(again.message).toContain('停用');
  });

  it('automatic sign-in on this PC: off by default, turned on and off in the audit, applied when the database opens', async () => {
    const s = await centerWithAdmin();
    const clerk = await addUser(s, 'liu', 'clerk');
    expect((await call(s, 'accounts.list', {})).autoSignInUserId).toBeNull();
    expect((await call(s, 'accounts.setAutoSignIn', { userId: clerk.id })).autoSignInUserId).toBe(clerk.id);
    const rows = (await call(s, 'audit.list', { limit: 1 })).rows;
    expect(rows[0]?.summary).toContain('开启本机自动登录');
    const file = s.realPath;
    s.close();

    const reopened = await Session.open({ dbPath: file, shell: 'browser' });
    try {
      expect((await call(reopened, 'app.info', {})).user).toMatchObject({ login: 'liu', role: 'clerk' });
      const last = reopened.db.prepare('SELECT actor_login, summary FROM audit_log ORDER BY id DESC LIMIT 1').get();
      expect(last).toEqual({ actor_login: 'liu', summary: '本机自动登录：liu的姓名（liu）' });
      // A clerk may not change it.
      expect((await callFails(reopened, 'accounts.setAutoSignIn', { userId: null })).code).toBe('FORBIDDEN');
      await signIn(reopened, 'zhangwei', FIRST_ADMIN.password);
      await call(reopened, 'accounts.setAutoSignIn', { userId: null });
      expect((await call(reopened, 'audit.list', { limit: 1 })).rows[0]?.summary).toContain('关闭本机自动登录');
    } finally {
      reopened.close();
    }
    const third = await Session.open({ dbPath: file, shell: 'browser' });
    try {
      expect((await call(third, 'app.info', {})).user).toBeNull();
    } finally {
      third.close();
    }
  });
});
