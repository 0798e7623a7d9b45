/**
 * Requirements 3 and 4: a bad value shows the field's Chinese error and saves nothing (checked
 * in the database file itself), and a changed form asks before it is thrown away.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Counts, TestApp } from './harness';
import { button, dialog, expectCount, fillNumber, formItem, gridRows, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

async function expectFieldError(drawer: Locator, label: string, message: string): Promise<void> {
  const item = formItem(drawer, label);
  await item.locator('.ant-form-item-explain-error', { hasText: message }).waitFor();
  expect(await item.getAttribute('class')).toContain('ant-form-item-has-error');
}

async function openNewVillage(a: TestApp): Promise<Locator> {
  await openMenu(a.page, '行政村');
  await expectCount(a.page, 18);
  await button(a.page, '新增行政村').click();
  const drawer = dialog(a.page, '新增行政村');
  await settle(drawer);
  return drawer;
}

describe('village form validation', () => {
  it('refuses an empty 村名, a duplicate 村名 and a patrol without visits, writing nothing', async () => {
    const app = await e2e.open({ demo: true });
    const a = app;
    const { page } = a;
    const before: Counts = a.counts();
    expect(before.villages).toBe(18);
    const drawer = await openNewVillage(a);

    // 1. Empty 村名: the shared schema's message, right under the field.
    await fillNumber(drawer.getByLabel('户籍人口'), 900);
    await fillNumber(drawer.getByLabel('服务人口'), 850);
    await button(drawer, '保存').click();
    await expectFieldError(drawer, '村名', '请填写村名');
    expect(a.counts()).toEqual(before);

    // 2. A name the demo already has: the core refuses (CONFLICT) and the field is marked.
    await drawer.getByLabel('村名').fill('张庄村');
    await button(drawer, '保存').click();
    await drawer.getByTestId('form-error').getByText('已有名为“张庄村”的行政村，村名不能重复').waitFor();
    await expectFieldError(drawer, '村名', '村名已存在');
    expect(a.counts()).toEqual(before);

    // 3. 巡诊 chosen with 0 visits a month: an error on 每月巡诊次数.
    await drawer.getByLabel('村名').fill('新河村');
    await drawer.getByRole('radio', { name: '巡诊' }).check();
    const visits = drawer.getByLabel('每月巡诊次数');
    await visits.waitFor();
    expect(await visits.inputValue()).toBe('0');
    await button(drawer, '保存').click();
    await expectFieldError(drawer, '每月巡诊次数', '选择巡诊时，每月巡诊次数至少为 1');
    expect(a.counts()).toEqual(before);
    expect(await formItem(drawer, '村名').getAttribute('class')).not.toContain('ant-form-item-has-error');

    // The drawer is still open with what was typed; fixing the value saves exactly one village.
    expect(await drawer.getByLabel('村名').inputValue()).toBe('新河村');
    await fillNumber(visits, 2);
    await button(drawer, '保存').click();
    await drawer.waitFor({ state: 'hidden' });
    await expectCount(page, 19);
    const after = a.counts();
    expect(after.villages).toBe(before.villages + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('the core refuses a bad value the form would let through, and nothing is written', async () => {
    const app = await e2e.open({ demo: true });
    const a = app;
    const before = a.counts();
    // 河阳村 is the center seat; a second seat is refused by the core only.
    const drawer = await openNewVillage(a);
    await drawer.getByLabel('村名').fill('新河村');
    await fillNumber(drawer.getByLabel('服务人口'), 300);
    await drawer.getByRole('switch', { name: '卫生院驻地' }).click();
    await button(drawer, '保存').click();
    await drawer
      .getByTestId('form-error')
      .getByText(/卫生院驻地已设为“河阳村”/)
      .waitFor();
    expect(await drawer.isVisible()).toBe(true);
    expect(a.counts()).toEqual(before);
  });
});

describe('unsaved changes', () => {
  it('closing a drawer with typed text asks first; 继续编辑 keeps the text, 放弃修改 closes without saving', async () => {
    const app = await e2e.open({ demo: true });
    const a = app;
    const { page } = a;
    const before = a.counts();
    const drawer = await openNewVillage(a);
    const name = drawer.getByLabel('村名');

    // Untouched, the drawer simply closes.
    await button(drawer, '取消').click();
    await drawer.waitFor({ state: 'hidden' });
    await button(page, '新增行政村').click();
    await drawer.waitFor();

    await name.fill('未保存村');
    const ask = page.getByRole('dialog', { name: '放弃未保存的修改？' });
    await drawer.getByRole('button', { name: '关闭' }).click();
    await settle(ask);
    await ask.getByText('表单里有尚未保存的内容，关闭后这些内容将丢失。').waitFor();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await drawer.isVisible()).toBe(true);
    expect(await name.inputValue()).toBe('未保存村');

    // The 取消 button asks too; 放弃修改 closes and nothing was saved.
    await button(drawer, '取消').click();
    await settle(ask);
    await ask.getByRole('button', { name: '放弃修改' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await expectCount(page, 18);
    expect(await gridRows(page).filter({ hasText: '未保存村' }).count()).toBe(0);
    expect(a.counts()).toEqual(before);

    // Reopened, the form is empty again.
    await button(page, '新增行政村').click();
    await drawer.waitFor();
    expect(await name.inputValue()).toBe('');
  });
});
