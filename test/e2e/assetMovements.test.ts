/**
 * Issue 4, the card's movement dialogs: amounts typed in 元 are stored in 分 (a decrease as a
 * negative), the core's refusal lands beside its field, a disposal closes the card, and 冲销更正
 * takes it back — the disposal stays in the history, marked 已冲销.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { addAsset, twoClinics } from '../helpers/assets';
import { openCard, typeDate } from './assetUi';
import { button, choose, dialog, expectCount, fillNumber, formItem, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

async function openDialog(page: Page, card: Locator, action: string, title: RegExp): Promise<Locator> {
  await button(card, action).click();
  return settle(dialog(page, title));
}

describe('asset movements', () => {
  it('value change in 元, a refused transfer date shown beside the field, disposal, and its reversal', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    const { zhang } = await twoClinics(app.session);
    const asset = await addAsset(app.session, { holderClinicId: zhang, acquiredOn: '2024-03-10', valueFen: 1_200_000 });
    const moves = () =>
      app.session.db
        .prepare('SELECT id, kind, value_fen AS v, proceeds_fen AS p, reverses_id AS r FROM asset_movements WHERE asset_id = ? ORDER BY id')
        .all(asset.id) as { id: number; kind: string; v: number; p: number; r: number | null }[];

    await openMenu(page, '固定资产');
    await expectCount(page, 1);
    await page.locator('.data-table').getByText(asset.code).click();
    const { card } = await openCard(page);
    const figures = card.getByTestId('asset-figures');

    const change = await openDialog(page, card, '原值变动…', /^原值变动：/);
    await choose(page, change.getByLabel('变动方式'), '价值调整', { search: true });
    await fillNumber(change.getByLabel('变动金额（元）'), -100.5);
    await change.getByLabel('变动事由').fill('发票金额更正');
    await button(change, '登记变动').click();
    await change.waitFor({ state: 'hidden' });
    await figures.getByText('11,899.50').waitFor();
    expect(moves()[1]).toMatchObject({ kind: 'value_change', v: -10_050 });

    // The core refuses a date before the latest movement; its sentence is under 调拨日期.
    const move = await openDialog(page, card, '调拨…', /^调拨：/);
    // Empty: one press of OK marks every required field at once.
    await button(move, '登记调拨').click();
    await formItem(move, '调入单位').getByText('请选择调入单位').waitFor();
    await formItem(move, '调拨事由').getByText('请填写调拨事由').waitFor();
    await formItem(move, '调出方签收人').getByText('请填写调出方签收人').waitFor();
    await formItem(move, '调入方签收人').getByText('请填写调入方签收人').waitFor();
    await typeDate(move, '调拨日期', '2024-01-01');
    await choose(page, move.getByLabel('调入单位'), '李营村卫生室', { search: true });
    await move.getByLabel('调拨事由').fill('调剂');
    await move.getByLabel('调出方签收人').fill('张建国');
    await move.getByLabel('调入方签收人').fill('李秀兰');
    await button(move, '登记调拨').click();
    await formItem(move, '调拨日期')
      .getByText(/变动日期不能早于该资产最近一次变动/)
      .waitFor();
    await button(move, '取消').click();
    await move.waitFor({ state: 'hidden' });
    expect(moves()).toHaveLength(2);

    const dispose = await openDialog(page, card, '处置…', /^处置：/);
    await choose(page, dispose.getByLabel('处置方式'), '出售', { search: true });
    await dispose.getByLabel('批准文号').fill('河卫资〔2026〕3号');
    await typeDate(dispose, '批准日期', todayIso());
    await fillNumber(dispose.getByLabel('处置收入（元）'), 350);
    await button(dispose, '登记处置').click();
    await dispose.waitFor({ state: 'hidden' });
    await figures.getByText('已处置').waitFor();
    expect(await button(card, '调拨…').isDisabled()).toBe(true);
    expect(moves()[2]).toMatchObject({ kind: 'dispose', p: 35_000 });

    const reverse = await openDialog(page, card, '冲销更正…', /^冲销更正：/);
    await reverse.getByText(/将冲销 .* 的“处置”/).waitFor();
    await button(reverse, '确认冲销').click();
    await reverse.getByText('请填写冲销原因').waitFor();
    await reverse.getByLabel('冲销原因').fill('未经批准，误登记');
    await button(reverse, '确认冲销').click();
    await reverse.waitFor({ state: 'hidden' });
    await figures.getByText('在用').waitFor();
    await card.getByRole('tab', { name: /变动记录（4）/ }).click();
    await card.locator('.movement-reversed').getByText('已冲销').waitFor();
    const [, , disposal, reversal] = moves();
    expect(reversal).toMatchObject({ kind: 'reversal', r: disposal?.id });
  });
});
