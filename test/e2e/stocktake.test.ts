/**
 * Issue 4, stocktake: start one for a clinic, scan (type) a label's code + Enter → 账实相符,
 * an unknown code and another clinic's code are refused in Chinese with the focus kept in the
 * box, add a 盘盈 item, mark one 盘亏, the rest 相符, close it: it locks, the surplus item gets
 * its card, the 盘盈盘亏表 lists the missing asset, and that asset shows as 丢失待处理.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAsset, twoClinics } from '../helpers/assets';
import { button, choose, dialog, download, expectCount, fillNumber, gridRow, openMenu, readSheet, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

const focused = (page: Page) => page.evaluate<string>("document.activeElement?.id ?? ''");

describe('stocktake', () => {
  it('scans codes, refuses unknown ones in Chinese, closes with a missing asset that becomes 丢失待处理', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    const { zhang, li } = await twoClinics(app.session);
    const here = [];
    for (const name of ['心电图机', '电脑', '药品柜', '血压计'])
      here.push((await addAsset(app.session, { name, holderClinicId: li })).code);
    const elsewhere = (await addAsset(app.session, { name: '空调', category: 'electrical', holderClinicId: zhang })).code;
    const [found = '', missing = ''] = here;

    await openMenu(page, '资产盘点');
    await button(page, '开始盘点').click();
    const start = await settle(dialog(page, '开始盘点'));
    await choose(page, start.getByLabel('村卫生室'), '李营村卫生室', { search: true });
    await button(start, '开始盘点').click();
    await start.waitFor({ state: 'hidden' });
    await page
      .getByText(/年固定资产盘点/)
      .first()
      .waitFor();
    const counts = page.getByTestId('stocktake-counts');
    await expect.poll(() => counts.textContent()).toContain('账面4');

    // The scan box has the focus: a scanner types the code and Enter.
    await expect.poll(() => focused(page)).toBe('scan-code');
    await scan(page, found.toLowerCase());
    await page.getByTestId('scan-ok').getByText(`${found} 心电图机（李营村卫生室）：账实相符`).waitFor();
    await expect.poll(() => page.getByLabel(/扫码或输入资产编号/).inputValue()).toBe('');
    expect(await focused(page)).toBe('scan-code');
    const items = page.getByTestId('stocktake-items');
    await items.locator('tr', { hasText: found }).locator('.ant-radio-button-wrapper-checked', { hasText: '相符' }).waitFor();

    await scan(page, 'XYZ-99999');
    await page.getByTestId('scan-error').getByText('没有编号为“XYZ-99999”的资产；请核对标签，无卡片的实物请按“盘盈”登记').waitFor();
    await expect.poll(() => focused(page)).toBe('scan-code');
    await page.keyboard.press('Backspace');
    await scan(page, elsewhere);
    await page
      .getByTestId('scan-error')
      .getByText(/登记在“张庄村卫生室”，不在本次盘点范围内/)
      .waitFor();

    // A 雾化器 without a card: 盘盈, estimated in 元, at this clinic (the dialog's default).
    await button(page, '登记盘盈…').click();
    const surplus = await settle(dialog(page, /^登记盘盈：/));
    await surplus.getByLabel('资产名称').fill('雾化器');
    await choose(page, surplus.getByLabel('资产类别'), '医疗设备', { search: true });
    await fillNumber(surplus.getByLabel('估价（元）'), 1234.5);
    await button(surplus, '保存').click();
    await surplus.waitFor({ state: 'hidden' });
    await expect.poll(() => counts.textContent()).toContain('盘盈1');

    // By hand: one missing, the rest found.
    await items.locator('tr', { hasText: missing }).getByText('盘亏', { exact: true }).click();
    await expect.poll(() => counts.textContent()).toContain('盘亏1');
    await button(page, '其余标记为相符').click();
    await button(page, '确定').click();
    await expect.poll(() => counts.textContent()).toContain('未盘点0');

    await button(page, '结束盘点…').click();
    const close = await settle(dialog(page, /^结束盘点：/));
    await close.getByText(/“丢失待处理”，仍留在台账上，须经批准后在资产卡片上登记“处置 → 报损”才能核销/).waitFor();
    await button(close, '确认结束盘点').click();
    await close.waitFor({ state: 'hidden' });
    await page.getByText(/盘点已于 .* 结束，已锁定，只能查看/).waitFor();
    expect(await page.getByLabel(/扫码或输入资产编号/).count()).toBe(0);
    expect(await items.locator('.ant-radio-button-wrapper').count()).toBe(0);

    // The 盘盈盘亏表 of this stocktake lists the missing asset, and not the found ones.
    const { file } = await download(page, app.dir, () => button(page, '导出盘盈盘亏表').click());
    const sheet = (await readSheet(file)).rows.flat().join('|');
    expect(sheet).toContain(missing);
    expect(sheet).not.toContain(found);

    // Closing opened a card for the surplus item.
    expect(
      app.session.db.prepare("SELECT name, funding, value_fen AS v, holder_clinic_id AS h FROM assets WHERE funding = 'surplus'").all(),
    ).toEqual([{ name: '雾化器', funding: 'surplus', v: 123_450, h: li }]);

    await openMenu(page, '固定资产');
    await expectCount(page, 6);
    await choose(page, page.getByRole('combobox', { name: '筛选状态' }), '丢失待处理');
    await expectCount(page, 1);
    await gridRow(page, missing).waitFor();
    expect(app.session.db.prepare('SELECT status FROM stocktakes').pluck().all()).toEqual(['closed']);
  });
});
