/**
 * Issue 3 end to end: a person added through the UI with a qualification, a post and a contract
 * clears the clinic's staffing alert (S1) and puts the expiring contract (S6) on the home page;
 * a wrong 身份证号 is refused with the field's Chinese error and saves nothing; an open S11 exit
 * trigger is kept by a 留用说明 recorded in the person's file, and leaves the alert list (S11a).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseDate, todayIso } from '../../shared/format';
import { addDays } from '../../shared/rules/dates';
import { checkCharacter } from '../../shared/rules/idCard';
import { button, choose, dialog, gridRow, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

const first17 = '41082219880615002';
const validId = first17 + checkCharacter(first17);

async function alertCount(page: Page, kind: string): Promise<number> {
  await openMenu(page, '首页');
  await page.getByTestId('alerts-card').waitFor();
  const n = page.getByTestId(`alert-count-${kind}`);
  return (await n.count()) === 0 ? 0 : Number(await n.textContent());
}

async function typeDate(scope: Locator, label: string, iso: string): Promise<void> {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

async function addRecord(page: Page, drawer: Locator, tab: RegExp, add: string, fill: (modal: Locator) => Promise<void>): Promise<void> {
  await drawer.getByRole('tab', { name: tab }).click();
  await button(drawer, add).click();
  const modal = await settle(dialog(page, new RegExp(add.replace('添加', ''))));
  await fill(modal);
  await button(modal, '保存').click();
  await modal.waitFor({ state: 'hidden' });
}

describe('people', () => {
  it('a new doctor with a qualification, a post and a contract clears S1 and shows S6 on the home page', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    expect(await alertCount(page, 'staffing_short')).toBe(1); // 郑店村卫生室: 2 needed, 1 there
    const contractsBefore = await alertCount(page, 'contract_ending');

    await openMenu(page, '人员档案');
    await button(page, '新建人员档案').click();
    const drawer = await settle(dialog(page, '新建人员档案'));
    await drawer.getByLabel('姓名').fill('郑小芳');
    await drawer.getByLabel('身份证号').fill(validId);
    await button(drawer, '建立档案').click();
    await dialog(page, '人员档案：郑小芳').waitFor();
    const file = dialog(page, '人员档案：郑小芳');
    // Sex and birth date come from the 身份证号.
    await file.getByText('1988年6月15日').waitFor();

    await addRecord(page, file, /资格证书/, '添加资格证书', async (m) => {
      await choose(page, m.getByLabel('资格类别'), '执业助理医师', { search: true });
      await m.getByLabel('证书编号').fill('ZY2026-0001');
    });
    await addRecord(page, file, /岗位/, '添加岗位', async (m) => {
      await choose(page, m.getByLabel('村卫生室'), '郑店村卫生室', { search: true });
      await typeDate(m, '起始日期', '2026-01-01');
    });
    const end = addDays(todayIso(), 30);
    await addRecord(page, file, /聘用合同/, '添加聘用合同', async (m) => {
      await choose(page, m.getByLabel('聘用形式'), '乡聘村用（劳动合同）', { search: true });
      await typeDate(m, '开始日期', '2025-01-01');
      await typeDate(m, '结束日期', end);
    });
    await file.getByRole('tab', { name: /变更记录/ }).click();
    await file.getByRole('cell', { name: '执业助理医师 ZY2026-0001' }).waitFor();

    await file
      .getByRole('button', { name: /Close|关闭/ })
      .first()
      .click();
    await expect.poll(() => alertCount(page, 'staffing_short')).toBe(0);
    expect(await alertCount(page, 'contract_ending')).toBe(contractsBefore + 1);

    await page.getByTestId('alerts-card').getByText('合同即将到期').click();
    await page.locator('.data-table').getByText('郑小芳').waitFor();
    await page
      .locator('.data-table')
      .getByText(`合同于 ${chineseDate(end)} 到期`)
      .waitFor();
  });

  it('a wrong 身份证号 shows the field error in Chinese and saves nothing', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    const before = Number(app.session.db.prepare('SELECT count(*) FROM people').pluck().get());
    await openMenu(page, '人员档案');
    await button(page, '新建人员档案').click();
    const drawer = await settle(dialog(page, '新建人员档案'));
    await drawer.getByLabel('姓名').fill('王错号');
    await drawer.getByLabel('身份证号').fill(`${first17}${checkCharacter(first17) === '1' ? '2' : '1'}`);
    await button(drawer, '建立档案').click();
    await drawer.getByText('身份证号校验位不对，请核对每一位数字').waitFor();
    expect(Number(app.session.db.prepare('SELECT count(*) FROM people').pluck().get())).toBe(before);
  });

  it('S11a: an open absence trigger is kept by a 留用说明 from the person’s file and leaves the alert list; S9a progress shows there', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    expect(await alertCount(page, 'absence_exit')).toBe(1);
    await openMenu(page, '人员档案');
    await gridRow(page, '孙海燕').dblclick();
    const file = await settle(dialog(page, '人员档案：孙海燕'));
    await file
      .getByTestId('training-progress')
      .getByText(/^已完成 \d \/ 应完成 2 次，已安排 \d 次，/)
      .waitFor();
    const triggers = file.getByTestId('exit-triggers');
    await triggers.getByText(/擅自离岗累计 31 天（满 30 天应退出），尚未办理退出或记录留用说明/).waitFor();
    await button(triggers, '记录留用说明…').click();
    const modal = await settle(dialog(page, /记录留用说明：孙海燕/));
    // The reason is required: the form says so in Chinese and saves nothing.
    await button(modal, '记录').click();
    await modal.getByText('请填写留用理由').waitFor();
    expect(
      Number(
        app.session.db
          .prepare('SELECT count(*) FROM exit_decisions WHERE person_id = (SELECT id FROM people WHERE name = ?)')
          .pluck()
          .get('孙海燕'),
      ),
    ).toBe(0);
    await modal.getByLabel('留用理由').fill('本人已返岗并补办请假手续，经卫生院研究给予警告，继续留用');
    await button(modal, '记录').click();
    await modal.waitFor({ state: 'hidden' });
    await triggers.getByText(/记录留用说明$/).waitFor();
    await file.getByRole('tab', { name: '留用说明（1）' }).click();
    await file.getByRole('cell', { name: '本人已返岗并补办请假手续，经卫生院研究给予警告，继续留用' }).waitFor();
    await file.getByRole('tab', { name: /变更记录/ }).click();
    await file.getByRole('cell', { name: '留用说明' }).first().waitFor();

    await file
      .getByRole('button', { name: /Close|关闭/ })
      .first()
      .click();
    await expect.poll(() => alertCount(page, 'absence_exit')).toBe(0);
  });
});
