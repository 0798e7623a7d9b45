/**
 * The asset pages' screenshots (part of `npx tsx test/e2e/screenshots.ts`): the ledger, the new
 * asset form with its errors, an asset card with a reversed movement, the movement dialogs, the
 * 12-month list, the label sheet, and a stocktake from start to close.
 */
import type { Page } from 'playwright-core';
import type { TestApp } from './harness';
import { openCard, typeDate } from './assetUi';
import { button, choose, dialog, openMenu, settle } from './ui';

export async function assetShots(app: TestApp, shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const { page } = app;
  await openMenu(page, '固定资产');
  await page.locator('.data-table table[aria-busy="false"]').waitFor();
  await shot(page, '20-assets');

  await button(page, '新增资产').click();
  const form = await settle(dialog(page, '新增资产'));
  await button(form, '保存').click();
  await form.getByText('请填写资产名称').waitFor();
  await shot(page, '21-asset-form-errors');
  await form.getByLabel('资产名称').fill('全自动生化分析仪');
  await choose(page, form.getByLabel('资产类别'), '医疗设备', { search: true });
  await form.getByLabel('原值（元）').fill('86500');
  await choose(page, form.getByLabel('所在单位'), '张庄村卫生室', { search: true });
  await typeDate(form, '购置日期', '2026-01-05');
  await button(form, '保存').click();
  await form.waitFor({ state: 'hidden' });
  const { card } = await openCard(page);
  await shot(page, '22-asset-card');

  // A status change, reversed: the history shows it struck through.
  await button(card, '状态变更…').click();
  const status = await settle(dialog(page, /^状态变更：/));
  await choose(page, status.getByLabel('新的状态'), '维修中', { search: true });
  await button(status, '保存').click();
  await status.waitFor({ state: 'hidden' });
  await button(card, '冲销更正…').click();
  const reverse = await settle(dialog(page, /^冲销更正：/));
  await shot(page, '23-asset-reverse-dialog');
  await reverse.getByLabel('冲销原因').fill('误登记，设备未送修');
  await button(reverse, '确认冲销').click();
  await reverse.waitFor({ state: 'hidden' });
  await card.getByRole('tab', { name: /变动记录/ }).click();
  await shot(page, '24-asset-movements');

  await button(card, '调拨…').click();
  const move = await settle(dialog(page, /^调拨：/));
  await button(move, '登记调拨').click();
  await move.getByText('请选择调入单位').waitFor();
  await shot(page, '25-asset-transfer-errors');
  await button(move, '取消').click();
  await button(card, '原值变动…').click();
  await settle(dialog(page, /^原值变动：/));
  await shot(page, '26-asset-value-change');
  await page.keyboard.press('Escape');
  await card
    .getByRole('button', { name: /Close|关闭/ })
    .first()
    .click();

  await page.getByText('超过12个月未盘点').click();
  await page.locator('.data-table table[aria-busy="false"]').waitFor();
  await shot(page, '27-assets-uncounted');
  await page.getByText('资产台账').click();

  await page.getByRole('textbox', { name: '筛选所在单位' }).fill('张庄');
  await page.locator('.data-table table[aria-busy="false"]').waitFor();
  await button(page, '打印标签').click();
  await page.locator('.labels-page[data-ready="true"]').waitFor();
  await shot(page, '28-labels');
  await button(page, '返回固定资产').click();

  await openMenu(page, '资产盘点');
  await shot(page, '29-stocktakes');
  await button(page, '开始盘点').click();
  const start = await settle(dialog(page, '开始盘点'));
  await choose(page, start.getByLabel('村卫生室'), '李营村卫生室', { search: true });
  await button(start, '开始盘点').click();
  await start.waitFor({ state: 'hidden' });
  await page.getByLabel(/扫码或输入资产编号/).waitFor();
  const first = (await page.getByTestId('stocktake-items').locator('tbody tr.ant-table-row td').first().textContent()) ?? '';
  await page.keyboard.type(first);
  await page.keyboard.press('Enter');
  await page.getByTestId('scan-ok').waitFor();
  await page.keyboard.type('HY001-99-00001');
  await page.keyboard.press('Enter');
  await page.getByTestId('scan-error').waitFor();
  await shot(page, '30-stocktake-scan');
  await button(page, '登记盘盈…').click();
  await settle(dialog(page, /^登记盘盈：/));
  await shot(page, '31-stocktake-surplus');
  await page.keyboard.press('Escape');
  await button(page, '结束盘点…').click();
  await settle(dialog(page, /^结束盘点：/));
  await shot(page, '32-stocktake-close');
  await page.keyboard.press('Escape');
  await button(page, '其余标记为盘亏').click();
  await button(page, '确定').click();
  await page.getByText('未盘点 0').waitFor();
  await button(page, '结束盘点…').click();
  const close = await settle(dialog(page, /^结束盘点：/));
  await button(close, '确认结束盘点').click();
  await close.waitFor({ state: 'hidden' });
  await page.getByText(/已锁定，只能查看/).waitFor();
  await shot(page, '33-stocktake-closed');

  await openMenu(page, '首页');
  await page.getByTestId('assets-card').waitFor();
  await page.evaluate<void>("document.querySelector('.app-content').scrollTo(0, 10000)");
  await shot(page, '34-home-assets');

  await page.setViewportSize({ width: 1024, height: 640 });
  await openMenu(page, '固定资产');
  await page.locator('.data-table table[aria-busy="false"]').waitFor();
  await page
    .getByTestId('row-count')
    .getByText(/^共 [1-9]\d* 条$/)
    .waitFor();
  await shot(page, '35-assets-1024');
  await openMenu(page, '资产盘点');
  await page
    .locator('.ant-table')
    .getByText(/年固定资产盘点/)
    .first()
    .click();
  await page.getByText(/已锁定/).waitFor();
  await shot(page, '36-stocktake-1024');
}
