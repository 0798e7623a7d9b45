/**
 * Issue 9, accounts through the real pages: the first run creates the administrator, who signs
 * out, is refused a wrong password with the count left, signs in, adds a 只读 account; that user
 * changes the temporary password, sees 身份证号 and phone masked, no 新建 button, no 导入 or 账号管理
 * — and a save sent anyway is FORBIDDEN. And when the idle time ends the session under a
 * half-filled form, the sign-in covers the page, and the save goes through after signing in again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../shared/rules/idCard';
import { ADMIN } from './harness';
import { button, dialog, gridRow, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

const first17 = '41082219770707002';
const idNumber = first17 + checkCharacter(first17);

async function signInThroughPage(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await button(page, '登录').click();
}

async function signOutThroughMenu(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('heading', { name: '青石镇卫生院' }).waitFor();
}

describe('accounts and roles', () => {
  it('first run → sign out → a wrong password is refused → sign in → a 只读 account sees masked numbers and cannot write', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByLabel('卫生院名称').fill('青石镇卫生院');
    await page.getByLabel('所属县（区）').fill('青石县');
    await page.getByLabel('管理员登录名').fill(ADMIN.login);
    await page.getByLabel('管理员姓名').fill(ADMIN.name);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('再次输入密码').fill(ADMIN.password);
    await button(page, '开始使用').click();
    await page.getByRole('banner').getByText(`${ADMIN.name} · 管理员`).waitFor();
    await app.call('people.create', { name: '孙海燕', idNumber, category: 'village_doctor', phone: '13912345678' });

    await signOutThroughMenu(page);
    await signInThroughPage(page, ADMIN.login, 'not-the-password');
    await page.getByText('登录名或密码不正确（再输错 4 次，账号将锁定 15 分钟）').first().waitFor();
    await signInThroughPage(page, ADMIN.login, ADMIN.password);
    await page.getByRole('banner').getByText(`${ADMIN.name} · 管理员`).waitFor();

    await openMenu(page, '账号管理');
    await button(page, '新建账号').click();
    const add = await settle(dialog(page, '新建账号'));
    await add.getByLabel('登录名').fill('chakan');
    await add.getByLabel('姓名').fill('查看员');
    await add.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '只读' }).click();
    await add.getByLabel('初始密码', { exact: true }).fill('temp-pass-1');
    await add.getByLabel('再次输入初始密码').fill('temp-pass-1');
    await button(add, '新建').click();
    await page.getByTestId('users-table').getByText('chakan').waitFor();

    await signOutThroughMenu(page);
    await signInThroughPage(page, 'chakan', 'temp-pass-1');
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await page.getByLabel('临时密码').fill('temp-pass-1');
    await page.getByLabel('新密码', { exact: true }).fill('my-own-pass');
    await page.getByLabel('再次输入新密码').fill('my-own-pass');
    await button(page, '修改密码').click();
    await page.getByRole('banner').getByText('查看员 · 只读').waitFor();

    await openMenu(page, '人员档案');
    const row = gridRow(page, '孙海燕');
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(text).not.toContain(idNumber);
    expect(text).toContain('139****5678');
    expect(await button(page, '新建人员档案').count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '导入 Excel' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '账号管理' }).count()).toBe(0);

    // The dispatcher is the guard: a save sent past the page is refused, naming the role.
    const refused = await page.evaluate(async (token) => {
      const res = await fetch('./api/villages.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-thd-token': token },
        body: JSON.stringify({ name: '偷偷加的村' }),
      });
      return (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
    }, app.server.token);
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect(refused.error?.message).toContain('只读');
    expect(app.counts().villages).toBe(0);
  });

  it('a named center from before accounts opens on creating its administrator, before anything else', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByRole('heading', { name: '欢迎使用乡村卫生一体化管理' }).waitFor();
    app.session.db.prepare(`INSERT INTO settings (key, value) VALUES ('centerName', '"旧镇卫生院"'), ('county', '"旧县"')`).run();
    await page.reload();
    await page.getByRole('heading', { name: '创建管理员账号' }).waitFor();
    await page.getByLabel('管理员登录名').fill('wang');
    await page.getByLabel('管理员姓名').fill('王会计');
    await page.getByLabel('密码', { exact: true }).fill('old-town-2026');
    await page.getByLabel('再次输入密码').fill('old-town-2026');
    await button(page, '创建并登录').click();
    await page.getByRole('banner').getByText('王会计 · 管理员').waitFor();
    await page.getByRole('banner').getByText('旧镇卫生院').waitFor();
  });

  it('the idle time ends the session under a half-filled form: the sign-in covers it, and the save goes through after', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    await openMenu(page, '行政村');
    await button(page, '新增行政村').click();
    const form = await settle(dialog(page, /新增行政村/));
    await form.getByLabel('村名').fill('等待村');

    // Thirty minutes pass without a call.
    app.session.lastActivity = 0;
    await button(form, '保存').click();
    const overlay = page.getByTestId('lock-overlay');
    await overlay.getByText('30 分钟没有操作').waitFor();
    expect(app.counts().villages).toBe(0);
    await overlay.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await button(overlay, '登录').click();
    await page.getByText('已保存：等待村').waitFor();
    expect(app.counts().villages).toBe(1);
    await overlay.waitFor({ state: 'hidden' });
    const saved = app.session.db.prepare("SELECT actor_login FROM audit_log WHERE entity = 'village'").pluck().all();
    expect(saved).toEqual([ADMIN.login]);
  });
});
