/**
 * Issue 12 item 5, wide lists at 1366×768: the clinic list scrolls sideways with its
 * identifying columns frozen on the left; 列设置 hides and reorders columns, the choice
 * survives a reload and the export follows it; numbers show in one style (22,600).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, download, expectCount, openMenu, readSheet } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

async function headers(page: Page): Promise<string[]> {
  return (await page.locator('.data-table thead .th-label').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
}

/** Left and right edges of the first body row's cell under `header`, and of the scrolling box. */
async function edges(page: Page, header: string) {
  const i = (await headers(page)).indexOf(header);
  expect(i, `应有“${header}”列`).toBeGreaterThanOrEqual(0);
  const cell = await page.locator(`.data-table tbody tr[data-index="0"] td:nth-child(${i + 1})`).boundingBox();
  const box = await page.locator('.data-table-scroll').boundingBox();
  if (!cell || !box) throw new Error('表格未显示');
  return { left: cell.x, right: cell.x + cell.width, boxLeft: box.x, boxRight: box.x + box.width };
}

describe('wide lists (issue 12 item 5)', () => {
  it('scrolling the clinic list sideways keeps 机构编码 and 卫生室名称 in view; 列设置 is remembered and exported', async () => {
    const app = await e2e.open({ demo: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await openMenu(page, '村卫生室');
    await expectCount(page, 14);

    // The list is wider than the screen: scroll to its far right.
    const scroller = page.locator('.data-table-scroll');
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const beforeVillages = await edges(page, '服务的村');
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);

    const name = await edges(page, '卫生室名称');
    expect(name.left).toBeGreaterThanOrEqual(name.boxLeft - 1);
    expect(name.right).toBeLessThanOrEqual(name.boxRight);
    const code = await edges(page, '机构编码');
    expect(code.left).toBeGreaterThanOrEqual(code.boxLeft - 1);
    // A column that is not frozen did move: the scroll really happened.
    const villages = await edges(page, '服务的村');
    expect(villages.left).toBeLessThan(beforeVillages.left - 300);
    await page.screenshot({ path: '/tmp/d3-wide-scrolled.png' });

    // Numbers in one style: thousands separated, right-aligned.
    const i = (await headers(page)).indexOf('服务人口');
    const populations = await page.locator(`.data-table tbody tr td:nth-child(${i + 1})`).allTextContents();
    expect(populations.every((t) => /^\d{1,3}(,\d{3})*$/.test(t.trim()))).toBe(true);
    expect(populations.some((t) => t.includes(','))).toBe(true);
    expect(
      await page
        .locator(`.data-table tbody tr td:nth-child(${i + 1})`)
        .first()
        .evaluate((td) => td.ownerDocument.defaultView?.getComputedStyle(td).textAlign),
    ).toBe('right');

    // 列设置: hide 地址, move 负责人 up to just after the name.
    await button(page, '列设置').click();
    const settings = page.getByTestId('column-settings');
    await settings.waitFor();
    await settings.getByRole('checkbox', { name: '地址' }).uncheck();
    for (let n = 0; n < 5; n++) await settings.getByRole('button', { name: '上移 负责人' }).click();
    await page.screenshot({ path: '/tmp/d3-wide-settings.png' });
    await page.keyboard.press('Escape');
    const chosen = await headers(page);
    expect(chosen.slice(0, 4)).toEqual(['机构编码', '卫生室名称', '负责人', '状态']);
    expect(chosen).not.toContain('地址');

    // Remembered after a reload.
    await page.reload();
    await page.getByRole('banner').getByText('村卫生室', { exact: true }).waitFor();
    await expectCount(page, 14);
    expect(await headers(page)).toEqual(chosen);

    // The export has the columns on screen, in that order.
    const { file } = await download(page, app.dir, () => button(page, '导出本视图到 Excel').click());
    const { rows } = await readSheet(file);
    const headerRow = rows.find((r) => r.includes('卫生室名称'))?.filter((c) => c !== '');
    expect(headerRow).toEqual(chosen);

    // 恢复默认 brings back every column in the view's order.
    await button(page, '列设置').click();
    await button(page.getByTestId('column-settings'), '恢复默认').click();
    await expect.poll(async () => (await headers(page)).slice(0, 4)).toEqual(['机构编码', '卫生室名称', '状态', '服务的村']);
    expect(await headers(page)).toContain('地址');
  });
});
