/**
 * Requirement 1: on a new database the first-run page asks for the center's name and county and
 * creates its administrator; empty fields are refused in Chinese with nothing saved; filled, the
 * home page opens signed in, with the name in the header. The demo opens from there, signed in
 * as its own administrator, and "返回正式数据" leaves the real file untouched.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, countsOf } from './harness';
import { button, formItem } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

function settingOf(file: string, key: string): string | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
    return typeof v === 'string' ? v : undefined;
  } finally {
    db.close();
  }
}

/** The stored setting as a plain string (settings may be stored JSON-encoded). */
function storedText(file: string, key: string): string {
  const raw = settingOf(file, key);
  if (raw === undefined) return '';
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
}

/** The administrator's part of the first-run page. */
async function fillAdmin(page: Page): Promise<void> {
  await page.getByLabel('管理员登录名').fill(ADMIN.login);
  await page.getByLabel('管理员姓名').fill(ADMIN.name);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('再次输入密码').fill(ADMIN.password);
}

describe('first run', () => {
  it('refuses empty fields in Chinese, saves nothing, then opens the home page with the center name', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByRole('heading', { name: '欢迎使用乡村卫生一体化管理' }).waitFor();
    const card = page.locator('.first-run');
    const name = page.getByLabel('卫生院名称');
    const county = page.getByLabel('所属县（区）');
    await name.waitFor();
    await county.waitFor();
    const before = app.counts();

    await button(page, '开始使用').click();
    await formItem(card, '卫生院名称').getByText('请填写卫生院名称').waitFor();
    await formItem(card, '所属县（区）').getByText('请填写所属县（区）').waitFor();
    expect(await formItem(card, '卫生院名称').getAttribute('class')).toContain('ant-form-item-has-error');
    expect(app.counts()).toEqual(before);
    expect(storedText(app.session.dbPath, 'centerName')).toBe('');

    // Spaces only are still empty (the schema trims).
    await name.fill('   ');
    await county.fill('青石县');
    await button(page, '开始使用').click();
    await formItem(card, '卫生院名称').getByText('请填写卫生院名称').waitFor();
    expect(app.counts()).toEqual(before);

    await name.fill('青石镇卫生院');
    // The administrator's password: at least 8, typed twice alike.
    await fillAdmin(page);
    await page.getByLabel('再次输入密码').fill('qingshi');
    await button(page, '开始使用').click();
    await formItem(card, '再次输入密码').getByText('两次输入的密码不一致').waitFor();
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByLabel('再次输入密码').fill('short');
    await button(page, '开始使用').click();
    await formItem(card, '密码').getByText('密码至少 8 位').waitFor();
    expect(app.counts()).toEqual(before);

    await fillAdmin(page);
    await button(page, '开始使用').click();
    await page.getByRole('banner').getByText('青石镇卫生院').waitFor();
    await page.getByRole('banner').getByText(`${ADMIN.name} · 管理员`).waitFor();
    await page.getByRole('menuitem', { name: '首页' }).waitFor();
    expect(await page.getByRole('heading', { name: '欢迎使用乡村卫生一体化管理' }).count()).toBe(0);
    expect(storedText(app.session.dbPath, 'centerName')).toBe('青石镇卫生院');
    expect(storedText(app.session.dbPath, 'county')).toBe('青石县');
    expect(app.counts().audit).toBeGreaterThan(before.audit);

    // A reload keeps the clerk past the first-run page.
    await page.reload();
    await page.getByRole('banner').getByText('青石镇卫生院').waitFor();
  });

  it('opens the demo township and returns to the untouched real database', async () => {
    const app = await e2e.open();
    const { page, session } = app;
    const realPath = session.realPath;
    await page.getByRole('heading', { name: '欢迎使用乡村卫生一体化管理' }).waitFor();
    const realBefore = app.counts(realPath);

    await page.getByRole('button', { name: /先看看演示乡镇/ }).click();
    const banner = page.getByRole('alert').filter({ hasText: '当前是演示乡镇' });
    await banner.waitFor();
    await page.getByRole('banner').getByText('河阳镇中心卫生院').waitFor();
    // Signed in as the demo's administrator, without a password.
    await page.getByRole('banner').getByText('刘晓梅 · 管理员').waitFor();
    await page.getByTestId('blank-count').waitFor();
    expect(await page.getByTestId('blank-count').textContent()).toBe('1');
    expect(session.isDemo).toBe(true);
    const demoPath = session.dbPath;
    expect(demoPath).not.toBe(realPath);
    expect(countsOf(demoPath).villages).toBe(18);

    await button(banner, '返回正式数据').click();
    await page.getByRole('heading', { name: '欢迎使用乡村卫生一体化管理' }).waitFor();
    expect(await page.getByText('当前是演示乡镇').count()).toBe(0);
    expect(session.isDemo).toBe(false);
    expect(app.counts(realPath)).toEqual(realBefore);
    expect(realBefore).toEqual({ villages: 0, clinics: 0, audit: 0 });
    expect(storedText(realPath, 'centerName')).toBe('');
    // The demo lives in its own file beside the real one.
    expect(fs.existsSync(demoPath)).toBe(true);
    expect(path.dirname(demoPath)).toBe(path.dirname(realPath));

    await page.getByLabel('卫生院名称').fill('青石镇卫生院');
    await page.getByLabel('所属县（区）').fill('青石县');
    await fillAdmin(page);
    await button(page, '开始使用').click();
    await page.getByRole('banner').getByText('青石镇卫生院').waitFor();
    expect(await page.getByTestId('blank-count').textContent()).toBe('0');
    expect(app.counts(realPath).villages).toBe(0);
  });
});
