/**
 * Issue 12 "Also": the 资产 list says which cards it counts — 在账 by default (the home page's
 * count), 已处置 apart, 全部 with the disposed ones greyed and a legend.
 */
import { describe, expect, it } from 'vitest';
import { columnTexts, countText, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const total = async (page: Parameters<typeof countText>[0]) => Number(/共 (\d+) 条/.exec(await countText(page))?.[1] ?? NaN);

describe('固定资产: 在账, 已处置, 全部', () => {
  it('lists 在账 cards by default and the disposed ones greyed under 全部', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    const onBooks = (await app.call('assets.list', { limit: 1, filters: [{ id: 'status', value: ['in_use', 'idle', 'repair', 'lost'] }] }))
      .total;
    const gone = (await app.call('assets.list', { limit: 1, filters: [{ id: 'status', value: ['disposed', 'void'] }] })).total;
    expect(gone).toBeGreaterThan(0);
    await openMenu(page, '固定资产');
    await expect.poll(() => total(page)).toBe(onBooks);
    expect(await page.getByTestId('asset-scope-legend').count()).toBe(0);

    await page.getByTestId('asset-scope').getByText('已处置', { exact: true }).click();
    await expect.poll(() => total(page)).toBe(gone);
    for (const s of await columnTexts(page, '状态')) expect(['已处置', '已作废']).toContain(s);
    await page.getByTestId('asset-scope-legend').waitFor();

    await page.getByTestId('asset-scope').getByText('全部', { exact: true }).click();
    await expect.poll(() => total(page)).toBe(onBooks + gone);
    expect(await page.locator('.data-table tbody tr.row-closed').count()).toBeGreaterThan(0);
  });
});
