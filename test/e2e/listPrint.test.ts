/**
 * Issue 12 item 4, lists on paper, in Chromium: the people list with a search applied, the
 * default 在岗 filter and a column hidden in 列设置 prints through 打印 (and Ctrl+P) as A4 — the
 * PDF read back with pdftotext holds the title, 单位, 打印日期, the 筛选 line, only the matching
 * rows, not the hidden column, the header row again on page 2, 第 1 页 共 N 页 and the signature
 * lines. Then every list page in the menu (and each list tab) has 打印 and opens its print view
 * with its title and a table. PNGs of the PDFs are kept in /tmp/h6-look for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseDate, todayIso } from '../../shared/format';
import { personIn } from '../helpers/people';
import { CENTER } from './harness';
import { button, expectCount, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/h6-look';

/** 60 people whose names hold 石 (the search) and 12 who do not. */
const given = ['春', '夏', '秋', '冬', '东', '南'].flatMap((a) =>
  ['明', '亮', '华', '强', '军', '平', '英', '芳', '兰', '梅'].map((b) => a + b),
);
const found = given.map((g) => `石${g}`);
const others = ['王刚', '王丽', '李娜', '李强', '赵敏', '赵云', '周杰', '周芳', '吴昊', '吴敏', '郑伟', '郑洁'];

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** 第 N 页 共 M 页 at a page's foot (pdftotext may drop the spaces between the small characters). */
function pageFoot(n: number, of?: number): RegExp {
  return new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${of ?? '\\d+'}\\s*页`);
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** The print view, once its rows are read. */
async function printView(page: Page): Promise<Locator> {
  const view = page.locator('.print-root[data-ready="true"]');
  await view.waitFor();
  return view;
}

async function closePrint(page: Page): Promise<void> {
  await button(page.locator('.print-root'), '返回').click();
  await page.locator('.print-root').waitFor({ state: 'detached' });
}

describe('lists on paper (issue 12 item 4)', () => {
  it('prints the people list as searched and filtered, in the clerk’s columns, with repeated headers and page numbers', async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    for (const [i, name] of [...found, ...others].entries()) {
      await app.call(
        'people.create',
        personIn(name, `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 9}`, i % 2 ? 'F' : 'M', {
          phone: `1380000${String(i).padStart(4, '0')}`,
        }),
      );
    }
    const hiddenIds = (await app.call('people.list', { search: '石', limit: 1000 })).rows.map((r) => r.idNumber);
    expect(hiddenIds).toHaveLength(60);

    await openMenu(page, '人员档案');
    await expectCount(page, 72);
    // 列设置: hide 身份证号 — the paper must follow the screen's columns.
    await button(page, '列设置').click();
    await page.getByTestId('column-settings').getByRole('checkbox', { name: '身份证号' }).uncheck();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.data-table thead .th-label', { hasText: '身份证号' }).count()).toBe(0);
    await page.getByLabel('搜索').fill('石');
    await expectCount(page, 60);

    // Ctrl+P on the list opens the list's print view, not the browser's print of the screen.
    await page.locator('.data-table tbody tr[data-index="0"]').focus();
    await page.keyboard.press('Control+P');
    let view = await printView(page);
    await closePrint(page);
    await button(page.getByTestId('people-table'), '打印').click();
    view = await printView(page);
    await expect.poll(() => view.getByTestId('list-print-table').locator('tbody tr').count()).toBe(60);
    expect(await view.locator('.print-meta').textContent()).toContain(CENTER.centerName);

    fs.mkdirSync(LOOK_DIR, { recursive: true });
    await page.screenshot({ path: path.join(LOOK_DIR, 'people-print-screen.png') });
    const pdf = path.join(LOOK_DIR, 'people.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf);
    expect(text).toContain('人员名册');
    expect(text).toContain(`单位：${CENTER.centerName}`);
    expect(text).toContain(`打印日期：${chineseDate(todayIso())}`);
    expect(text).toMatch(/筛选：搜索“石”；状态：在岗/);
    expect(text).toContain('共 60 条');
    for (const name of found) expect(text).toContain(name);
    for (const name of others) expect(text).not.toContain(name);
    // The hidden column is on no page: neither its header nor any 身份证号.
    expect(text).not.toContain('身份证号');
    for (const id of hiddenIds) expect(text).not.toContain(id);
    // The header row repeats on page 2, and the foot numbers every page.
    const second = pdfText(pdf, 2);
    expect(second).toMatch(/序号\s+姓名\s+性别\s+年龄\s+人员类别/);
    expect(second).toMatch(pageFoot(2, pages));
    expect(pdfText(pdf, 1)).toMatch(pageFoot(1, pages));
    // The signature lines close the list, on its last page.
    const last = pdfText(pdf, pages);
    for (const label of ['制表人（签字）', '审核人（签字）', '负责人（签字）', '日期：']) expect(last).toContain(label);
    // Landscape: the PDF's page is wider than tall (A4 is 842 × 595 pt lying down).
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    expect([Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))]).toEqual([842, 595]);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(LOOK_DIR, 'people')]);
  }, 180_000);

  it('every list page in the menu, and each list tab, has 打印 and opens its print view with its title and a table', async () => {
    const app = await e2e.open({ demo: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    /** Menu label, the list tab to choose (if not the first), and the printed title it starts with. */
    const lists: { menu: string; tab?: string; title: string; testId: string }[] = [
      { menu: '预警提醒', title: '预警提醒', testId: 'alerts-table' },
      { menu: '行政村', title: '行政村名册', testId: 'villages-table' },
      { menu: '村卫生室', title: '村卫生室名册', testId: 'clinics-table' },
      { menu: '人员档案', title: '人员名册', testId: 'people-table' },
      { menu: '固定资产', title: '固定资产台账', testId: 'assets-table' },
      { menu: '固定资产', tab: '超过12个月未盘点', title: '超过12个月未盘点', testId: 'assets-table' },
      { menu: '药品目录', title: '药品目录', testId: 'drugs-table' },
      { menu: '药品请领', title: '药品请领汇总', testId: 'requisitions-table' },
      { menu: '采购计划', title: '药品采购计划', testId: 'purchase-table' },
      { menu: '采购入库', title: '采购入库记录', testId: 'receipts-table' },
      { menu: '配送', tab: '配送记录', title: '配送记录', testId: 'deliveries-table' },
      { menu: '配送', tab: '短缺登记', title: '短缺药品登记', testId: 'shortages-table' },
      { menu: '药品库存', title: '药品库存', testId: 'stock-table' },
      { menu: '集采药品', title: '集采药品库存保障', testId: 'vbp-cover-table' },
      { menu: '集采药品', tab: '约定采购量进度', title: '集采药品约定采购量完成进度', testId: 'vbp-volume-table' },
      { menu: '操作记录', title: '操作记录', testId: 'audit-table' },
    ];
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    for (const l of lists) {
      await openMenu(page, l.menu);
      if (l.tab) await page.locator('.ant-segmented-item', { hasText: l.tab }).click();
      const table = page.getByTestId(l.testId);
      await table.locator('table[aria-busy="false"]').waitFor();
      const shownHeaders = await table.locator('thead .th-label').count();
      await page.screenshot({ path: path.join(LOOK_DIR, `screen-${l.testId}${l.tab ? '-tab' : ''}.png`) });
      await button(table, '打印').click();
      const view = await printView(page);
      expect(await view.locator('.print-title').textContent(), l.menu).toMatch(new RegExp(`^${l.title}`));
      const printed = view.getByTestId('list-print-table');
      await printed.waitFor();
      // 序号 and every column shown on screen.
      expect(await printed.locator('thead th').count(), l.title).toBe(shownHeaders + 1);
      expect(await view.getByTestId('list-print-filter').textContent()).toMatch(/^筛选：.*共 [\d,]+ 条$/);
      const name = `${l.testId}${l.tab ? '-tab' : ''}`;
      if (['clinics-table', 'receipts-table', 'audit-table'].includes(l.testId)) {
        const pdf = path.join(LOOK_DIR, `${name}.pdf`);
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        expect(pdfText(pdf, 1)).toContain(l.title);
        expect(pdfText(pdf, 1)).toMatch(pageFoot(1));
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(LOOK_DIR, name)]);
      }
      await closePrint(page);
    }
  }, 240_000);
});
