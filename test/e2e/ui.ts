/**
 * How a clerk finds things on screen: by menu label, button text, field label and the grid's
 * "共 N 条" line. antd writes two-character button labels with a space ("保 存"), so buttons
 * are matched with or without it.
 */
import type { Download, Locator, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A button by its visible text; two-character labels may carry antd's inserted space. The
 * name may start with an icon's label: after a save, antd can leave its collapsed "loading"
 * icon in the button (invisible, but still named) when the machine is busy.
 */
export function button(scope: Page | Locator, label: string): Locator {
  if ([...label].length === 2) {
    const [a = '', b = ''] = [...label];
    return scope.getByRole('button', { name: new RegExp(`(^|\\s)${escapeRe(a)}\\s?${escapeRe(b)}$`) });
  }
  return scope.getByRole('button', { name: label });
}

/** Opens a page from the left menu and waits for its title in the header. */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: label }).click();
  await page.getByRole('banner').getByText(label, { exact: true }).waitFor();
}

/** The drawer or dialog with this title. */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog', { name: title });
}

/**
 * Waits until a drawer or dialog has finished its opening animation, so a click lands where the
 * clerk would click (on a busy machine Playwright may otherwise click mid-zoom and miss).
 */
export async function settle(target: Locator, timeout = 5_000): Promise<Locator> {
  await target.waitFor();
  const running = "(el) => el.getAnimations({ subtree: true }).filter((a) => a.playState === 'running').length";
  const end = Date.now() + timeout;
  while ((await target.evaluate<number, undefined>(running)) > 0) {
    if (Date.now() > end) throw new Error('动画超时未结束');
    await target.page().waitForTimeout(50);
  }
  return target;
}

/** The antd form item (label, control and the error under it) holding the control labelled so. */
export function formItem(scope: Locator, label: string): Locator {
  return scope.locator('.ant-form-item').filter({ has: scope.page().getByLabel(label) });
}

/** The grid's footer text, e.g. "共 18 条" (or "共 18 条（加载中…）" while loading). */
export async function countText(page: Page): Promise<string> {
  return ((await page.getByTestId('row-count').textContent()) ?? '').trim();
}

/** Waits until the grid says "共 n 条" and has finished loading. */
export async function expectCount(page: Page, n: number): Promise<void> {
  try {
    await page.getByTestId('row-count').getByText(`共 ${n} 条`, { exact: true }).waitFor();
    await page.locator('.data-table table[aria-busy="false"]').waitFor();
  } catch (e) {
    throw new Error(`表格应显示“共 ${n} 条”，实际为“${await countText(page)}”`, { cause: e });
  }
}

/** The body rows of the grid on screen. */
export function gridRows(page: Page): Locator {
  return page.locator('.data-table tbody tr[data-index]');
}

/** The grid row whose first cell is exactly this text. */
export function gridRow(page: Page, first: string): Locator {
  return gridRows(page).filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${escapeRe(first)}`) }) });
}

/** The text of one column of every row on screen. */
export async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = (await page.locator('.data-table thead .th-label').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`表格里没有“${header}”列：${headers.join('、')}`);
  return cellTexts(gridRows(page).locator(`td:nth-child(${i + 1})`));
}

/** The text of each cell of one row. */
export async function rowTexts(row: Locator): Promise<string[]> {
  return cellTexts(row.locator('td'));
}

/**
 * Cells' texts, trimmed; a number cell (td.num, shown as 22,600) is read without its thousands
 * separators, as the exported sheet holds it, so screen and sheet compare and numbers add up.
 */
async function cellTexts(cells: Locator): Promise<string[]> {
  const raw = await cells.evaluateAll((tds) => tds.map((td) => [td.classList.contains('num') ? 'num' : '', td.textContent ?? '']));
  return raw.map(([kind = '', text = '']) => (kind === 'num' ? text.trim().replace(/,(?=\d{3}(\D|$))/g, '') : text.trim()));
}

/**
 * Chooses an option of an antd Select (opened by clicking the combobox). With `search`, types
 * the option and presses Enter, as a clerk would in a long (virtualised) list.
 */
export async function choose(page: Page, combobox: Locator, option: string, opts: { search?: boolean } = {}): Promise<void> {
  await combobox.click();
  if (opts.search) {
    await combobox.pressSequentially(option);
    await page.locator('.ant-select-item-option-active', { hasText: option }).waitFor();
    await combobox.press('Enter');
    return;
  }
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills an antd InputNumber (select all, type the number). */
export async function fillNumber(input: Locator, n: number): Promise<void> {
  await input.fill(String(n));
  await input.blur();
}

/** The 空白点 count on the home page (opens the home page first). */
export async function homeBlankCount(page: Page): Promise<number> {
  await openMenu(page, '首页');
  const tag = page.getByTestId('blank-count');
  await tag.waitFor();
  return Number(await tag.textContent());
}

/** Runs `click`, waits for the download it starts, and saves it into `dir`. */
export async function download(page: Page, dir: string, click: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), click()]);
  return save(d, dir);
}

async function save(d: Download, dir: string): Promise<{ file: string; name: string }> {
  const name = d.suggestedFilename();
  const file = path.join(dir, name);
  await d.saveAs(file);
  return { file, name };
}

/** A cell's value as the text a reader sees. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString();
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return JSON.stringify(v);
  }
  return String(v);
}

/** Every row of a workbook's first sheet as text, row 1 first (empty rows kept as []). */
export async function readSheet(file: string): Promise<{ rows: string[][]; values: ExcelJS.CellValue[][] }> {
  if (fs.statSync(file).size === 0) throw new Error(`下载的文件是空的：${file}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('工作簿里没有工作表');
  const rows: string[][] = [];
  const values: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const vs: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) vs.push(row.getCell(c).value);
    values.push(vs);
    rows.push(vs.map(cellText));
  }
  return { rows, values };
}
