/**
 * Requirement 6: "导出本视图到 Excel" downloads exactly the rows and columns on screen (after
 * filtering), and the 上报报表 page's 村卫生室及覆盖情况统计表 downloads a workbook whose
 * title and 合计 row the test reads back with exceljs.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, choose, columnTexts, download, expectCount, gridRows, openMenu, readSheet, rowTexts } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

async function gridHeaders(page: Page): Promise<string[]> {
  return (await page.locator('.data-table thead .th-label').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
}

async function gridTable(page: Page): Promise<string[][]> {
  const out: string[][] = [];
  const rows = gridRows(page);
  for (let i = 0; i < (await rows.count()); i++) out.push(await rowTexts(rows.nth(i)));
  return out;
}

/** Index of the first row of `rows` at or after `from` with a cell satisfying `test`, or -1. */
function findRow(rows: string[][], test: (cell: string) => boolean, from = 0): number {
  for (let i = from; i < rows.length; i++) if ((rows[i] ?? []).some((c) => test(c.trim()))) return i;
  return -1;
}

const trimmed = (row: string[] | undefined) => {
  const cells = (row ?? []).map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
};

describe('export to Excel', () => {
  it('导出本视图到 Excel writes the filtered, sorted view: same headers, same rows', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '行政村');
    await expectCount(page, 18);
    await choose(page, page.getByRole('combobox', { name: '筛选覆盖方式' }), '本村卫生室');
    await expectCount(page, 11);
    const header = page.getByRole('columnheader', { name: /户籍人口/ });
    await header.getByRole('button', { name: /户籍人口/ }).click();
    await expect.poll(() => header.getAttribute('aria-sort')).not.toBe('none');
    await expect.poll(async () => (await columnTexts(page, '村名'))[0]).toBe('刘湾村');

    const headers = await gridHeaders(page);
    const onScreen = await gridTable(page);
    expect(onScreen).toHaveLength(11);

    const { file, name } = await download(page, app.dir, () => button(page, '导出本视图到 Excel').click());
    expect(name).toMatch(/\.xlsx$/);
    expect(name).toContain('行政村');
    await page.getByText(/已导出 11 行/).waitFor();

    const { rows } = await readSheet(file);
    const h = rows.findIndex((r) => JSON.stringify(trimmed(r)) === JSON.stringify(headers));
    expect(h, `表头行应为：${headers.join('、')}\n实际前几行：${JSON.stringify(rows.slice(0, 6))}`).toBeGreaterThanOrEqual(0);
    expect(rows.slice(0, h).flat().join('')).toContain('行政村');
    const data = rows.slice(h + 1, h + 1 + onScreen.length).map((r) => r.slice(0, headers.length).map((c) => c.trim()));
    expect(data).toEqual(onScreen);
    // Nothing but the 11 filtered villages: the next row is not another village.
    const next = trimmed(rows[h + 1 + onScreen.length]);
    expect(next[1] ?? '').not.toMatch(/卫生室|空白点|驻地|延伸|派驻|巡诊/);
    expect(rows.flat()).not.toContain('沈洼村');
  });

  it('上报报表 → 村卫生室及覆盖情况统计表 → 导出 Excel: title and 合计 read back', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;

    // What the clerk sees in the clinic list, to check the return's totals against.
    await openMenu(page, '村卫生室');
    await expectCount(page, 14);
    const sum = async (header: string) => (await columnTexts(page, header)).reduce((s, t) => s + Number(t || 0), 0);
    const listPopulation = await sum('服务人口');
    const listDoctors = await sum('应配村医');

    await openMenu(page, '上报报表');
    const item = page.getByRole('listitem').filter({ hasText: '村卫生室及覆盖情况统计表' });
    await item.waitFor();
    const { file, name } = await download(page, app.dir, () => button(item, '导出 Excel').click());
    expect(name).toMatch(/\.xlsx$/);

    const { rows, values } = await readSheet(file);
    expect(rows[0]?.join('')).toContain('村卫生室');
    expect(rows.slice(0, 4).flat().join('')).toContain('河阳镇中心卫生院');

    const h = findRow(rows, (c) => c.startsWith('服务人口'));
    expect(h, '找不到“服务人口”列').toBeGreaterThan(0);
    const total = findRow(rows, (c) => c.replace(/\s/g, '') === '合计', h + 1);
    expect(total, '找不到“合计”行').toBeGreaterThan(h);
    const dataRows = values.slice(h + 1, total);
    expect(dataRows.length).toBeGreaterThanOrEqual(14);

    for (const [prefix, fromList] of [
      ['服务人口', listPopulation],
      ['应配村医', listDoctors],
    ] as const) {
      const col = (rows[h] ?? []).findIndex((c) => c.trim().startsWith(prefix));
      expect(col, `找不到“${prefix}”列`).toBeGreaterThanOrEqual(0);
      const cells = dataRows.map((r) => r[col]).filter((v): v is number => typeof v === 'number');
      const totalCell = values[total]?.[col];
      expect(typeof totalCell, `合计行的“${prefix}”应是数字`).toBe('number');
      expect(totalCell).toBe(cells.reduce((s, v) => s + v, 0));
      expect(totalCell).toBe(fromList);
    }
  });
});
