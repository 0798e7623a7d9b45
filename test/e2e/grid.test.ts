/**
 * Requirement 5: the one grid every list uses — search, header sorting, column filters and
 * keyboard use — on the demo township's 18 villages.
 */
import { describe, expect, it } from 'vitest';
import { choose, columnTexts, dialog, expectCount, gridRows, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('village grid', () => {
  it('search, header sorting and the 覆盖方式 filter change the rows and the count', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '行政村');
    await expectCount(page, 18);
    expect((await columnTexts(page, '村名'))[0]).toBe('河阳村');

    // Search.
    const search = page.getByRole('textbox', { name: '搜索' });
    await search.fill('沈洼');
    await expectCount(page, 1);
    expect(await columnTexts(page, '村名')).toEqual(['沈洼村']);
    await search.fill('周寨村卫生室');
    await expectCount(page, 2);
    expect((await columnTexts(page, '村名')).sort()).toEqual(['周寨村', '褚河村'].sort());
    await search.fill('没有这个村');
    await expectCount(page, 0);
    await page.getByText('没有符合条件的记录').waitFor();
    await search.fill('');
    await expectCount(page, 18);

    // Sorting by 服务人口 (TanStack puts numbers largest-first on the first click); the second
    // click reverses the order and the first row changes.
    const header = page.getByRole('columnheader', { name: /服务人口/ });
    const sortButton = header.getByRole('button', { name: /服务人口/ });
    const population = async () => (await columnTexts(page, '服务人口')).map(Number);
    await sortButton.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(population).toEqual([...(await population())].sort((x, y) => y - x));
    expect((await columnTexts(page, '村名'))[0]).toBe('河阳村');
    await sortButton.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await columnTexts(page, '村名'))[0]).toBe('褚河村');
    expect(await population()).toEqual([...(await population())].sort((x, y) => x - y));
    expect(await header.getByText('▲').count()).toBe(1);
    await expectCount(page, 18);

    // Keyboard on a header: Enter sorts too (by 村名 now).
    const nameHeader = page.getByRole('columnheader', { name: /^村名/ });
    await nameHeader.getByRole('button', { name: /村名/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');

    // The 覆盖方式 filter on 空白点 leaves only 沈洼村.
    await choose(page, page.getByRole('combobox', { name: '筛选覆盖方式' }), '空白点');
    await expectCount(page, 1);
    expect(await columnTexts(page, '村名')).toEqual(['沈洼村']);
    expect(await columnTexts(page, '覆盖方式')).toEqual(['空白点']);
    expect(await gridRows(page).first().getAttribute('class')).toContain('row-blank');

    // Another kind, then the text filter on top of it.
    await choose(page, page.getByRole('combobox', { name: '筛选覆盖方式' }), '合建卫生室');
    await expectCount(page, 2);
    expect((await columnTexts(page, '村名')).sort()).toEqual(['杨家村', '陈家村'].sort());
    await page.getByRole('textbox', { name: '筛选村名' }).fill('杨');
    await expectCount(page, 1);
    expect(await columnTexts(page, '村名')).toEqual(['杨家村']);
  });

  it('keyboard: ArrowDown moves the focus to the next row and Enter opens its edit drawer', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '行政村');
    await expectCount(page, 18);
    const rows = gridRows(page);
    // (Browser-side code as strings: this tsconfig has no DOM types.)
    const focusedIndex = () => page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('data-index')");

    await rows.nth(0).focus();
    expect(await focusedIndex()).toBe('0');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe('1');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe('2');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedIndex).toBe('1');
    // ArrowUp on the first row stays put.
    await rows.nth(0).focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedIndex).toBe('0');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe('1');

    await page.keyboard.press('Enter');
    const drawer = await settle(dialog(page, '编辑行政村：张庄村'));
    expect(await drawer.getByLabel('村名').inputValue()).toBe('张庄村');
    expect(await drawer.getByLabel('服务人口').inputValue()).toBe('2100');
    // Unchanged, the 关闭 button closes without asking.
    await drawer.getByRole('button', { name: '关闭' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(await page.getByRole('dialog', { name: '放弃未保存的修改？' }).count()).toBe(0);
    // Wait until the drawer is gone for good: antd may hand the focus back to the row that
    // opened it at the end of its closing animation (or leave it on <body>; see the report).
    await expect.poll(() => page.locator('.ant-drawer').count()).toBe(0);

    // Focus walks down past the visible rows too (rows are virtualised).
    await rows.nth(0).focus();
    for (let i = 1; i <= 17; i++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedIndex).toBe(String(i));
    }
    expect(await page.evaluate<string>("document.activeElement ? document.activeElement.textContent : ''")).toContain('韩坪村');
  });
});
