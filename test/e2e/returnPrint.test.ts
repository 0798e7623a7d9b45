/**
 * Issue 12 item 4, returns on paper (rule R1): on the demo township every return the 报表 page
 * lists opens 打印预览 with its default parameters and shows its title and its first column
 * header; two returns — the asset ledger (wide: landscape, two-level header, money) and the
 * staffing return — are printed to PDF and read back with pdftotext: title, 填报单位, every
 * 合计 figure equal to the data's totals (money in 元), and the page number 第 1 页 共 N 页 in the
 * margin. Page 1 of each is rendered to PNG for a human look (/tmp/e2e-returnprint).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import { todayIso } from '../../shared/format';
import { totalText } from '../../shared/reportPaper';
import { button, choose, openMenu } from './ui';
import { useE2e } from './suite';
import type { TestApp } from './harness';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-returnprint';
/** The allocation (P7) has no default pool: the clerk types one, as here. */
const POOL_YUAN = '50000';

type ReturnItem = Output<'returns.list'>[number];
type ReportData = Output<'returns.data'>;
type Params = Omit<Input<'returns.data'>, 'name'>;

/** The list item of a return, found by its exact title. */
function returnItem(page: Page, title: string): Locator {
  return page.locator('.ant-list-item').filter({ has: page.locator('.ant-list-item-meta-title').getByText(title, { exact: true }) });
}

/** The parameters the page starts with (ReturnParams initialParams; the latest stocktake), to ask the core for the same data. */
async function defaultParams(app: TestApp, r: ReturnItem): Promise<Params> {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const stocktakes = r.params.includes('stocktake') ? await app.call('stocktakes.list', {}) : [];
  return {
    ...(r.params.includes('asOf') ? { asOf: today } : {}),
    ...(r.params.includes('period') ? { from: `${year}-01-01`, to: today } : {}),
    ...(r.params.includes('stocktake') && stocktakes[0] ? { stocktakeId: stocktakes[0].id } : {}),
    ...(r.params.includes('month') ? { month: today.slice(0, 7) } : {}),
    ...(r.params.includes('quarter') ? { quarter: `${year}Q${Math.floor((month - 1) / 3) + 1}` } : {}),
    ...(r.params.includes('pool') ? { poolYuan: POOL_YUAN } : {}),
    // P4: the half-year just ended.
    ...(r.params.includes('half') ? { half: month <= 6 ? `${year - 1}H2` : `${year}H1` } : {}),
  };
}

/**
 * The return's data with the page's parameters; a return that cannot be built for the whole
 * township (the re-check pack is per clinic) is asked for the first clinic instead, which
 * the test then picks in 范围 as the clerk would.
 */
async function dataFor(app: TestApp, r: ReturnItem): Promise<{ data: ReportData; clinic?: string }> {
  const params = await defaultParams(app, r);
  try {
    return { data: await app.call('returns.data', { name: r.name, ...params }) };
  } catch (e) {
    const first = (await app.call('clinics.options', {})).find((c) => c.status === 'open');
    if (!r.params.includes('clinic') || !first) throw e;
    return { data: await app.call('returns.data', { name: r.name, ...params, clinicId: first.id }), clinic: first.name };
  }
}

/** Opens a return's print preview from the 报表 page and waits for its sheets. */
async function openPreview(page: Page, r: ReturnItem, data: ReportData, clinic?: string): Promise<Locator> {
  const item = returnItem(page, r.title);
  if (r.params.includes('pool')) await item.getByRole('textbox', { name: '资金总额' }).fill(POOL_YUAN);
  if (clinic) await choose(page, item.getByRole('combobox', { name: '范围' }), clinic, { search: true });
  await button(item, '打印预览').click();
  const view = page.getByRole('dialog', { name: `${data.title}（打印预览）` });
  await view.locator('.return-sheet').first().waitFor();
  return view;
}

async function closePreview(page: Page, view: Locator): Promise<void> {
  await button(view, '返回').click();
  await view.waitFor({ state: 'detached' });
  await expect(page.locator('.print-root').count()).resolves.toBe(0);
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

/** Prints the open preview to PDF (the print stylesheet, CSS page sizes) and keeps page 1 as PNG to look at. */
async function printPdf(app: TestApp, name: string): Promise<string> {
  const file = path.join(app.dir, `${name}.pdf`);
  await app.page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(LOOK_DIR, { recursive: true });
  fs.copyFileSync(file, path.join(LOOK_DIR, `${name}.pdf`));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(LOOK_DIR, name)]);
  return file;
}

/** Every 合计 figure of a table as the paper shows it (money in 元 with two decimals). */
function totalFigures(table: ReportData['tables'][number]): string[] {
  const totals = table.totals;
  if (!totals) return [];
  return table.columns.map((c, i) => (i === 0 ? '' : totalText(c, i, totals))).filter((t) => t !== '');
}

describe('returns on paper', () => {
  it('every return of the 报表 page opens a print preview with its title and first column header', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    const list = await app.call('returns.list', {});
    expect(list.length).toBeGreaterThanOrEqual(17);
    await openMenu(page, '上报报表');
    for (const r of list) {
      const { data, clinic } = await dataFor(app, r);
      const view = await openPreview(page, r, data, clinic);
      const firstTitle = view.locator('.print-title').first();
      await firstTitle.waitFor();
      expect(await firstTitle.textContent(), `${r.title}：标题`).toBe(data.tables[0]?.title);
      expect(await view.locator('.return-sheet').count(), `${r.title}：每张表一页`).toBe(data.tables.length);
      const firstHeader = view.locator('[data-testid="return-table"]').first().locator('thead th').first();
      await expect(firstHeader.isVisible()).resolves.toBe(true);
      expect((await firstHeader.textContent())?.trim(), `${r.title}：第一列表头`).toBe(data.tables[0]?.columns[0]?.header);
      // No column is cut: every table fits its sheet's width.
      const overflow = await view
        .locator('[data-testid="return-table"]')
        .evaluateAll((tables) => tables.filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1).length);
      expect(overflow, `${r.title}：表格超出纸宽`).toBe(0);
      // The app's banner, menu and buttons are not printed: only the sheets are.
      await expect(view.locator('.print-toolbar.no-print').count()).resolves.toBe(1);
      await closePreview(page, view);
    }
    // Eighteen returns, each built, drawn and closed: longer than one page's test.
  }, 300_000);

  it('prints the asset ledger (landscape, grouped header, money) and the staffing return: title, unit, 合计 and page numbers in the PDF', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    const list = await app.call('returns.list', {});
    await openMenu(page, '上报报表');
    for (const name of ['asset-ledger', 'staffing'] as const) {
      const r = list.find((x) => x.name === name);
      if (!r) throw new Error(`报表列表中没有 ${name}`);
      const { data } = await dataFor(app, r);
      const view = await openPreview(page, r, data);
      if (name === 'asset-ledger') {
        // Wide with money: landscape, the group headings spanning their columns.
        await expect(view.locator('.return-sheet.print-sheet-landscape').count()).resolves.toBe(data.tables.length);
        await expect(view.locator('thead th[colspan]').count()).resolves.toBeGreaterThan(0);
        expect(data.tables[0]?.columns.some((c) => c.kind === 'money')).toBe(true);
      }
      const file = await printPdf(app, name);
      const text = pdfText(file);
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain(data.title.replace(/\s+/g, ''));
      expect(flat).toContain(`填报单位：${data.unit}`);
      for (const table of data.tables) {
        expect(flat).toContain(table.title.replace(/\s+/g, ''));
        const figures = totalFigures(table);
        expect(figures.length, `${table.title} 应有合计数`).toBeGreaterThan(2);
        // The 合计 line of the PDF holds each total, in column order.
        const line = text.split('\n').find((l) => /^\s*合\s*计/.test(l));
        expect(line, `${table.title}：PDF 中应有合计行`).toBeDefined();
        const cells = (line ?? '')
          .replace(/^\s*合\s*计/, '')
          .trim()
          .split(/\s+/);
        expect(cells, `${table.title}：合计行`).toEqual(figures);
      }
      // The alerts the return carries (staffing: every open alert with its rule ID) are on paper too.
      for (const alert of data.alerts ?? [])
        expect(flat, `预警：${alert.subject}`).toContain(`${alert.rule}${alert.title}${alert.subject}`.replace(/\s+/g, ''));
      if (name === 'staffing') expect(data.alerts?.length).toBeGreaterThan(0);
      // The margin box's text (pdftotext may drop its spaces): 第 1 页 共 N 页 … 第 N 页 共 N 页.
      const pages = pdfPages(file);
      expect(text).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${pages}\\s*页`));
      expect(text).toMatch(new RegExp(`第\\s*${pages}\\s*页\\s*共\\s*${pages}\\s*页`));
      if (name === 'asset-ledger') expect(pages).toBeGreaterThan(1);
      await closePreview(page, view);
    }
  }, 180_000);

  it('puts each table on its own pages, landscape when wide and portrait when not, in one PDF (村卫生室及覆盖情况统计表)', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    const r = (await app.call('returns.list', {})).find((x) => x.name === 'clinic-roster');
    if (!r) throw new Error('报表列表中没有 clinic-roster');
    const { data } = await dataFor(app, r);
    expect(data.tables.length).toBe(2);
    await openMenu(page, '上报报表');
    const view = await openPreview(page, r, data);
    await expect(view.locator('.return-sheet.print-sheet-landscape').count()).resolves.toBe(1);
    await expect(view.locator('.return-sheet:not(.print-sheet-landscape)').count()).resolves.toBe(1);
    const file = await printPdf(app, 'clinic-roster');
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
    const pages = [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) > Number(m[2]) ? '横' : '竖'));
    expect(pages[0]).toBe('横');
    expect(pages[pages.length - 1]).toBe('竖');
    // The second table starts on a page of its own: its title is the first line of a page.
    const byPage = pdfText(file).split('\f');
    const second = data.tables[1]?.title ?? '';
    expect(byPage.findIndex((p) => p.trim().startsWith(second))).toBeGreaterThan(0);
    await closePreview(page, view);
  }, 120_000);
});
