/**
 * Issue 12 item 4, the lists that are not on the common grid (antd tables whose rows the page
 * holds), in Chromium on the demo township: each page's 打印 opens the same list paper as the
 * grids (print/RowsPrint.tsx → ListPrint) with its title, 单位, the 筛选 line with 共 N 条, the
 * header row of its columns and one printed row per row on screen; Ctrl+P on such a page opens
 * it, not the browser's print of the screen; the page's search and 状态 filter narrow the paper
 * too; and 进销存, the widest, goes to PDF: landscape A4, read back with pdftotext (title,
 * headers, the township's 合计 row unnumbered, 第 1 页 共 N 页, the signature lines). PNGs of the
 * pages and their paper in /tmp/h8-look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseDate, todayIso } from '../../shared/format';
import { button, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/h8-look';

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** The print view, once its rows are there. */
async function printView(page: Page): Promise<Locator> {
  const view = page.locator('.print-root[data-ready="true"]');
  await view.waitFor();
  return view;
}

async function closePrint(page: Page): Promise<void> {
  await button(page.locator('.print-root'), '返回').click();
  await page.locator('.print-root').waitFor({ state: 'detached' });
}

async function printedHeaders(view: Locator): Promise<string[]> {
  return (await view.getByTestId('list-print-table').locator('thead th').allTextContents()).map((t) => t.trim());
}

/** Printed data rows (not the 没有符合条件的记录 line). */
async function printedRows(view: Locator): Promise<number> {
  return view.getByTestId('list-print-table').locator('tbody tr:not(:has(.list-print-empty))').count();
}

/** The 序号 of every printed row: empty on a summary row (小计, 合计, a 考核项目). */
async function printedSeqs(view: Locator): Promise<string[]> {
  return (await view.getByTestId('list-print-table').locator('tbody td.seq').allTextContents()).map((t) => t.trim());
}

const now = todayIso();
const thisYear = now.slice(0, 4);
const thisMonth = `${thisYear}年${Number(now.slice(5, 7))}月`;

interface ListCase {
  menu: string;
  /** The menu group holding it, when that group starts closed. */
  group?: string;
  /** The segmented tab to choose on the page, if not its first. */
  tab?: string;
  /** The 打印 button's test id. */
  print: string;
  /** The page's own table (test id): its rows on screen are the rows on paper (no paging). */
  table?: string;
  title: RegExp;
  /** The header row after 序号; a RegExp where the header depends on the data (the quarter's months). */
  headers: (string | RegExp)[];
}

const cases: ListCase[] = [
  {
    menu: '资产盘点',
    print: 'stocktakes-print',
    title: /^资产盘点$/,
    headers: ['盘点名称', '范围', '开始日期', '结束日期', '状态', '账面', '未盘点', '相符', '盘亏', '毁损', '盘盈'],
  },
  {
    menu: '考核细则',
    group: '督导考核',
    print: 'template-print',
    title: /（第 \d+ 版）$/,
    headers: ['编号', '考核项目 / 考核内容', '分值', '考核方法', '评分标准', '依据'],
  },
  {
    menu: '目标责任书',
    group: '督导考核',
    print: 'letters-list-print',
    table: 'letters-table',
    title: new RegExp(`^${thisYear}年目标责任书签订情况$`),
    headers: ['机构编码', '村卫生室', '负责人', '状态', '目标项数', '签订日期', '签字人（甲方 / 乙方）'],
  },
  {
    menu: '月度督导',
    group: '督导考核',
    print: 'visits-list-print',
    table: 'visits-table',
    title: new RegExp(`^${thisMonth}月度督导情况$`),
    headers: ['机构编码', '村卫生室', '状态', '督导日期', '督导人', '得分', '发现问题', '更正'],
  },
  {
    menu: '季度考核',
    group: '督导考核',
    print: 'quarter-print',
    table: 'quarter-table',
    title: /^\d{4} 年第[一二三四]季度村卫生室考核结果$/,
    headers: ['机构编码', '村卫生室', /^\d{1,2} 月$/, /^\d{1,2} 月$/, /^\d{1,2} 月$/, '季度得分', '等级', '是否合格'],
  },
  {
    menu: '账号管理',
    print: 'users-print',
    table: 'users-table',
    title: /^账号名单$/,
    headers: ['登录名', '姓名', '角色', '状态', '最后登录'],
  },
  {
    menu: '药品库存',
    tab: '进销存',
    print: 'ledger-print',
    table: 'ledger-table',
    title: /^药品进销存（\d{4}年\d{1,2}月，全乡镇）$/,
    headers: [
      '单位',
      '期初数量',
      '期初金额(元)',
      '入库数量',
      '入库金额(元)',
      '出库数量',
      '出库金额(元)',
      '其中使用',
      '期末数量',
      '期末金额(元)',
    ],
  },
  {
    menu: '药品库存',
    tab: '销毁记录',
    print: 'disposals-print',
    table: 'disposals-table',
    title: /^过期药品销毁记录$/,
    headers: ['销毁日期', '销毁方式', '批次', '数量', '金额(元)', '监销人'],
  },
  {
    menu: '药品目录',
    tab: '待核定基药',
    print: 'drugs-settle-print',
    title: /^待核定基药$/,
    headers: ['目录版本', '平台编码', '通用名', '剂型', '规格', '原因', '说明'],
  },
  {
    menu: '药品目录',
    tab: '基本药物目录',
    print: 'drug-editions-print',
    table: 'drug-editions-list',
    title: /^基本药物目录$/,
    headers: ['目录', '执行日期', '品种条目', '基药', '非基药', '待核定', '来源文件'],
  },
];

async function openList(page: Page, l: ListCase): Promise<void> {
  if (l.group && !(await page.getByRole('menuitem', { name: l.menu }).isVisible())) {
    await page.getByRole('menuitem', { name: l.group }).click();
    await page.getByRole('menuitem', { name: l.menu }).waitFor();
  }
  await openMenu(page, l.menu);
  if (l.tab) await page.locator('.ant-segmented-item', { hasText: l.tab }).click();
  await page.locator(`[data-testid="${l.print}"]:not([disabled])`).waitFor();
  if (l.table) await page.locator(`[data-testid="${l.table}"] .ant-spin-spinning`).waitFor({ state: 'detached' });
}

describe('the lists off the common grid on paper (issue 12 item 4)', () => {
  it('each has 打印 opening the list paper with its title, 单位, count and header row, one printed row per row shown', async () => {
    const app = await e2e.open({ demo: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const unit = (await app.call('app.info', {})).centerName;
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    for (const l of cases) {
      const label = `${l.menu}${l.tab ? ` → ${l.tab}` : ''}`;
      await openList(page, l);
      const onScreen = l.table ? await page.getByTestId(l.table).locator('tr.ant-table-row').count() : null;
      await page.screenshot({ path: path.join(LOOK_DIR, `screen-${l.print}.png`) });
      await page.getByTestId(l.print).click();
      const view = await printView(page);
      expect(await view.locator('.print-title').textContent(), label).toMatch(l.title);
      expect(await view.locator('.print-meta').textContent(), label).toContain(`单位：${unit}`);
      expect(await view.locator('.print-meta').textContent(), label).toContain(`打印日期：${chineseDate(now)}`);
      const headers = await printedHeaders(view);
      expect(headers[0], label).toBe('序号');
      expect(headers.length, label).toBe(l.headers.length + 1);
      l.headers.forEach((h, i) =>
        expect(headers[i + 1], label).toMatch(typeof h === 'string' ? new RegExp(`^${h.replace(/[()]/g, '\\$&')}$`) : h),
      );
      const rows = await printedRows(view);
      // Rows are numbered 1…N, summary rows left out, and 共 N 条 counts the numbered ones.
      const numbered = (await printedSeqs(view)).filter(Boolean);
      expect(numbered, label).toEqual(numbered.map((_, i) => String(i + 1)));
      expect(await view.getByTestId('list-print-filter').textContent(), label).toMatch(
        new RegExp(`^筛选：无（全部记录）共 ${numbered.length.toLocaleString('en-US')} 条$`),
      );
      if (onScreen !== null) expect(rows, label).toBe(onScreen);
      // The signature lines close every list, as on the grids' paper.
      expect(await view.locator('.print-signatures').textContent(), label).toContain('制表人（签字）');
      await page.screenshot({ path: path.join(LOOK_DIR, `${l.print}.png`) });
      await closePrint(page);
    }
  }, 240_000);

  it('Ctrl+P on such a page opens its list paper, and the page’s search and status filter narrow the paper', async () => {
    const app = await e2e.open({ demo: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const letters = await app.call('letters.list', { year: Number(thisYear) });
    expect(letters.length).toBeGreaterThan(1);
    const first = letters[0]?.clinicName ?? '';
    const matching = letters.filter((r) => `${r.clinicName}${r.clinicCode}${r.headName}`.includes(first));

    await openList(page, cases.find((c) => c.menu === '目标责任书') as ListCase);
    await page.getByPlaceholder('查找卫生室、编码、负责人').fill(first);
    await expect.poll(() => page.getByTestId('letters-table').locator('tr.ant-table-row').count()).toBe(matching.length);
    await page.getByTestId('letters-table').locator('tr.ant-table-row').first().click();
    await page.keyboard.press('Control+P');
    const view = await printView(page);
    expect(await view.locator('.print-title').textContent()).toBe(`${thisYear}年目标责任书签订情况`);
    expect(await printedRows(view)).toBe(matching.length);
    expect(await view.getByTestId('list-print-filter').textContent()).toBe(`筛选：搜索“${first}”共 ${matching.length} 条`);
    expect(await view.getByTestId('list-print-table').locator('tbody').textContent()).toContain(first);
    await closePrint(page);

    // The table's own 状态 filter narrows the paper too, and the 筛选 line names it.
    const unsigned = letters.filter((r) => r.status === 'unsigned');
    expect(unsigned.length).toBeGreaterThan(0);
    await page.getByPlaceholder('查找卫生室、编码、负责人').fill('');
    await expect.poll(() => page.getByTestId('letters-table').locator('tr.ant-table-row').count()).toBe(letters.length);
    await page.getByTestId('letters-table').locator('th', { hasText: '状态' }).locator('.ant-table-filter-trigger').click();
    const menu = page.locator('.ant-table-filter-dropdown:visible');
    await menu.getByText('未签', { exact: true }).click();
    await button(menu, '确定').click();
    await expect.poll(() => page.getByTestId('letters-table').locator('tr.ant-table-row').count()).toBe(unsigned.length);
    await page.getByTestId('letters-list-print').click();
    const narrowed = await printView(page);
    expect(await printedRows(narrowed)).toBe(unsigned.length);
    expect(await narrowed.getByTestId('list-print-filter').textContent()).toBe(`筛选：状态：未签共 ${unsigned.length} 条`);
    for (const r of unsigned) expect(await narrowed.getByTestId('list-print-table').locator('tbody').textContent()).toContain(r.clinicName);
    await closePrint(page);

    // On the stock page's 进销存 tab the grid of 库存 is gone: Ctrl+P prints the ledger.
    await openList(page, cases.find((c) => c.tab === '进销存') as ListCase);
    await page.keyboard.press('Control+P');
    const ledger = await printView(page);
    expect(await ledger.locator('.print-title').textContent()).toMatch(/^药品进销存/);
    await closePrint(page);
  }, 120_000);

  it('prints 进销存, the widest, to a landscape A4 PDF with its headers, the township’s rows and page numbers', async () => {
    const app = await e2e.open({ demo: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const unit = (await app.call('app.info', {})).centerName;
    await openList(page, cases.find((c) => c.tab === '进销存') as ListCase);
    await page.getByTestId('ledger-print').click();
    const view = await printView(page);
    const title = (await view.locator('.print-title').textContent()) ?? '';
    // The places are numbered and counted; 村卫生室小计 and 合计（全乡镇） are bold, without a 序号.
    const month = /（(\d{4})年(\d{1,2})月/.exec(title);
    const ledger = await app.call('stock.ledger', { month: `${month?.[1] ?? ''}-${(month?.[2] ?? '').padStart(2, '0')}` });
    const places = ledger.places.length + 1;
    expect(await view.getByTestId('list-print-filter').textContent()).toBe(`筛选：无（全部记录）共 ${places} 条`);
    for (const name of ['村卫生室小计', '合计（全乡镇）']) {
      const row = view.getByTestId('list-print-table').locator('tbody tr', { hasText: name });
      expect(await row.locator('td.seq').textContent()).toBe('');
      expect(await row.getAttribute('style')).toContain('font-weight: bold');
    }
    expect(await view.locator('.print-sheet-landscape').count()).toBe(1);
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    const pdf = path.join(LOOK_DIR, 'ledger.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
    expect([Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))]).toEqual([842, 595]);
    const text = pdfText(pdf);
    expect(text).toContain(title);
    expect(text).toContain(`单位：${unit}`);
    expect(text).toMatch(/序号\s+单位\s+期初数量\s+期初金额\(元\)\s+入库数量/);
    expect(text).toMatch(/其中使用\s+期末数量\s+期末金额\(元\)/);
    for (const row of ['村卫生室小计', '中心药库', '合计（全乡镇）']) expect(text).toContain(row);
    expect(pdfText(pdf, 1)).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${pages}\\s*页`));
    for (const label of ['制表人（签字）', '审核人（签字）', '负责人（签字）']) expect(pdfText(pdf, pages)).toContain(label);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(LOOK_DIR, 'ledger')]);
  }, 120_000);
});
