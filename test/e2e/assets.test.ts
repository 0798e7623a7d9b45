/**
 * Issue 4 end to end: an asset registered at one clinic through the form and transferred to
 * another is in the receiving clinic's ledger today and in the sending clinic's as of yesterday,
 * and is an addition in that clinic's 固定资产增减变动表 (read back with exceljs); the card keeps
 * both movements. Field errors of the form are shown in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { addDays } from '../../shared/rules/dates';
import { twoClinics } from '../helpers/assets';
import { openCard, transfer, typeDate, typeDateInto } from './assetUi';
import { button, choose, dialog, download, expectCount, fillNumber, gridRow, openMenu, readSheet, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('assets', () => {
  it('registers an asset at one clinic, transfers it, and the ledger shows it at the receiving clinic (and as of yesterday at the first)', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    await twoClinics(app.session);

    await openMenu(page, '固定资产');
    await expectCount(page, 0);
    await button(page, '新增资产').click();
    const form = await settle(dialog(page, '新增资产'));
    await button(form, '保存').click();
    await form.getByText('请填写资产名称').waitFor();
    await form.getByText('请填写原值（元）').waitFor();
    await form.getByText('请选择所在单位').waitFor();

    await form.getByLabel('资产名称').fill('全自动生化分析仪');
    await choose(page, form.getByLabel('资产类别'), '医疗设备', { search: true });
    await form.getByText('留空则按“医疗设备”默认 5 年（A4，可在“设置”中修改）').waitFor();
    await form.getByLabel('规格型号').fill('BS-240');
    await fillNumber(form.getByLabel('原值（元）'), 86500.5);
    await choose(page, form.getByLabel('所在单位'), '张庄村卫生室', { search: true });
    await typeDate(form, '购置日期', addDays(todayIso(), -40));
    await button(form, '保存').click();
    await form.waitFor({ state: 'hidden' });

    const { card, code } = await openCard(page);
    expect(code).toMatch(/^01-\d{5}$/);
    const figures = card.getByTestId('asset-figures');
    await figures.getByText('86,500.50').waitFor();
    await figures.getByText('张庄村卫生室').waitFor();

    await transfer(page, card, '李营村卫生室');
    await figures.getByText('李营村卫生室').waitFor();
    await card.getByRole('tab', { name: /变动记录（2）/ }).click();
    await card.getByText('张庄村卫生室 → 李营村卫生室').waitFor();
    await card
      .getByRole('button', { name: /Close|关闭/ })
      .first()
      .click();

    // Today's ledger, filtered by the receiving clinic.
    await page.getByRole('textbox', { name: '筛选所在单位' }).fill('李营');
    await expectCount(page, 1);
    await gridRow(page, code).waitFor();

    // As of yesterday the asset was still at 张庄.
    await typeDate(page.locator('.data-table-toolbar'), '台账日期', addDays(todayIso(), -1));
    await expectCount(page, 0);
    await page.getByRole('textbox', { name: '筛选所在单位' }).fill('张庄');
    await expectCount(page, 1);
    await gridRow(page, code).waitFor();

    // 固定资产增减变动表 of the receiving clinic for a period covering both: the asset is an
    // addition (调入) of 86,500.50 元 under 医疗设备, with nothing at the start.
    await openMenu(page, '上报报表');
    const item = page.getByRole('listitem').filter({ hasText: '固定资产增减变动表' });
    await item.waitFor();
    await typeDateInto(item.locator('#asset-changes-from'), addDays(todayIso(), -60));
    await typeDateInto(item.locator('#asset-changes-to'), todayIso());
    await choose(page, item.getByRole('combobox', { name: '范围' }), '李营村卫生室', { search: true });
    const { file } = await download(page, app.dir, () => button(item, '导出 Excel').click());
    const { rows, values } = await readSheet(file);
    expect(rows.slice(0, 4).flat().join('')).toContain('李营村卫生室');
    const r = rows.findIndex((row) => row.some((c) => c.trim() === '医疗设备'));
    expect(r, '找不到“医疗设备”行').toBeGreaterThan(0);
    const numbers = (values[r] ?? []).filter((v): v is number => typeof v === 'number');
    // 期初 原值/累计折旧/净值 are 0; 本期增加 原值 is the asset's value; 期末 原值 too.
    expect(numbers.slice(0, 4)).toEqual([0, 0, 0, 86500.5]);
    expect(numbers.filter((n) => n === 86500.5).length).toBeGreaterThanOrEqual(2);

    const moves = app.session.db
      .prepare('SELECT kind FROM asset_movements m JOIN assets a ON a.id = m.asset_id WHERE a.code = ? ORDER BY m.id')
      .pluck()
      .all(code);
    expect(moves).toEqual(['acquire', 'transfer']);
  });
});
