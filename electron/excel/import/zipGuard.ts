/**
 * The checks a workbook passes before any of its XML is parsed (limits.ts says why each value):
 *   1. checkDirectory: from the zip's directory alone — entry count, the declared sizes of the
 *      shared strings and the other parts read, total unpacked size, compression ratio;
 *   2. chooseSheet: the sheet to read (the named one, or the first visible one with data),
 *      its declared size, then a byte scan of it — rows with data, cells kept, the longest
 *      cell, merged ranges;
 *   3. checkSharedStrings: a byte scan of the shared-string table — how many strings, the longest.
 * Every refusal is an AppError in Chinese saying what is wrong and what to do, thrown before
 * anything is read into the import, so nothing is ever written.
 */
import { AppError } from '../../db/errors';
import * as L from './limits';
import { count, size } from './limits';
import { refuseOtherZip } from './sniff';
import { columnOf, scanSharedStrings, scanSheet, type SheetScan } from './xmlScan';
import { readDirectory, unpack, type ZipEntry } from './zipDirectory';

export interface Book {
  bytes: Buffer;
  source: string;
  entries: Map<string, ZipEntry>;
  workbook: ZipEntry;
  rels: ZipEntry | undefined;
  styles: ZipEntry | undefined;
  sharedStrings: ZipEntry | undefined;
}

export interface SheetRef {
  name: string;
  /** 'visible' unless the workbook says hidden or veryHidden. */
  state: string;
  entry: ZipEntry;
}

const tooLarge = (message: string) => new AppError('TOO_LARGE', message);
const KEEP_ONE_SHEET = '请把要导入的表格复制到一个新工作簿（只保留这一张工作表）后再导入';

function ratioOf(e: ZipEntry): number {
  return e.unpacked / Math.max(1, e.packed);
}

export function checkDirectory(bytes: Buffer, source: string): Book {
  const list = readDirectory(bytes, source, L.MAX_ZIP_ENTRIES, (n) =>
    tooLarge(`“${source}”里有 ${count(n)} 个部件，超过导入上限 ${count(L.MAX_ZIP_ENTRIES)} 个，不像普通的工作簿。${KEEP_ONE_SHEET}`),
  );
  const entries = new Map(list.map((e) => [e.name, e]));
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) refuseOtherZip(new Set(entries.keys()), source);
  const book = {
    bytes,
    source,
    entries,
    workbook,
    rels: entries.get('xl/_rels/workbook.xml.rels'),
    styles: entries.get('xl/styles.xml'),
    sharedStrings: entries.get('xl/sharedStrings.xml'),
  };
  // The parts every import reads first, so the message can name them; then the file as a whole.
  if (book.sharedStrings && book.sharedStrings.unpacked > L.MAX_SHARED_STRINGS_BYTES)
    throw tooLarge(
      `${stringsTable(source)}解压后有 ${size(book.sharedStrings.unpacked)}，超过导入上限 ${size(L.MAX_SHARED_STRINGS_BYTES)}。${STRINGS_ADVICE}`,
    );
  for (const part of [book.workbook, book.rels, book.styles]) {
    if (part && part.unpacked > L.MAX_PART_BYTES)
      throw tooLarge(
        `“${source}”中的 ${part.name} 解压后有 ${size(part.unpacked)}，超过上限 ${size(L.MAX_PART_BYTES)}。` +
          `这通常是样式或名称过多（从别的表格反复复制粘贴造成的）：请把表格“选择性粘贴 → 数值”到一个新工作簿后再导入`,
      );
  }
  const total = list.reduce((sum, e) => sum + e.unpacked, 0);
  if (total > L.MAX_TOTAL_UNPACKED)
    throw tooLarge(
      `“${source}”解压后共 ${size(total)}，超过导入上限 ${size(L.MAX_TOTAL_UNPACKED)}。${KEEP_ONE_SHEET}，图片等不需要的内容不要复制`,
    );
  const bomb = list.find((e) => e.unpacked >= L.RATIO_CHECK_FROM && ratioOf(e) > L.MAX_RATIO);
  if (bomb)
    throw tooLarge(
      `“${source}”中的 ${bomb.name} 压缩比异常（${size(bomb.packed)} 解压后是 ${size(bomb.unpacked)}，约 1:${count(Math.round(ratioOf(bomb)))}），` +
        `这是“压缩炸弹”的特征，正常的工作簿不会这样，已拒绝读取。如果文件来源可靠，请在 Excel 或 WPS 中打开它，“另存为”一个新的 .xlsx 再导入`,
    );
  return book;
}

/** A part's bytes as they are unpacked, for the scans (each scan unpacks again: nothing is kept). */
const chunks = (book: Book, e: ZipEntry) => unpack(book.bytes, e, book.source);

async function scan(book: Book, sheet: SheetRef): Promise<SheetScan> {
  const where = `工作表“${sheet.name}”`;
  if (sheet.entry.unpacked > L.MAX_SHEET_XML_BYTES)
    throw tooLarge(
      `${where}解压后有 ${size(sheet.entry.unpacked)}，超过导入上限 ${size(L.MAX_SHEET_XML_BYTES)}。` +
        `请删除多余的行和列（包括只设了格式的空行空列），或把表格分成几个文件分批导入`,
    );
  const result = await scanSheet(chunks(book, sheet.entry), {
    tooLong: () =>
      new AppError(
        'BAD_REQUEST',
        `${where}的内容格式异常，不是 Excel 写出的表格。请在 Excel 或 WPS 中打开它，“另存为”一个新的 .xlsx 再导入`,
      ),
    cell: (row) =>
      tooLarge(
        `${where}第 ${count(row)} 行有一个单元格的内容超过 ${size(L.MAX_CELL_XML_BYTES)}，而 Excel 的一个单元格最多只能放 32,767 个字符。请删除或缩短这个单元格后再导入`,
      ),
    merges: () =>
      tooLarge(`${where}的合并单元格超过 ${count(L.MAX_MERGES)} 处（导入上限）。请取消不需要的合并单元格（标题行之外的都不需要）后再导入`),
  });
  if (result.dataRows > L.MAX_IMPORT_ROWS)
    throw tooLarge(
      `${where}有 ${count(result.dataRows)} 行数据，超过导入上限 ${count(L.MAX_IMPORT_ROWS)} 行。` +
        `请删除多余的行（包括只填了空格或公式的空行），或把表格分成几个文件分批导入`,
    );
  if (result.gridCells > L.MAX_GRID_CELLS)
    throw tooLarge(
      `${where}的数据区域太大（约 ${count(result.gridCells)} 个单元格，上限 ${count(L.MAX_GRID_CELLS)} 个）：有的行一直填到了很靠右的列。` +
        `请删除表格右侧多余的列和内容后再导入`,
    );
  let mergedCells = 0;
  let largest = { ref: '', cells: 0 };
  for (const ref of result.merges) {
    const cells = mergeArea(ref);
    mergedCells += cells;
    if (cells > largest.cells) largest = { ref, cells };
  }
  if (result.gridCells + mergedCells > L.MAX_GRID_CELLS)
    throw tooLarge(`${where}的合并单元格 ${largest.ref} 太大（覆盖 ${count(largest.cells)} 个单元格）。请取消这处合并后再导入`);
  return result;
}

/** Cells a merged range such as “A1:H2” covers (16). */
export function mergeArea(ref: string): number {
  const r = parseRange(ref);
  return r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
}

export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  const corner = (s: string | undefined) => {
    const col = columnOf(s?.replace(/\$/g, ''));
    const row = Number(/\d+$/.exec(s ?? '')?.[0]);
    return col && row > 0 ? { col, row } : undefined;
  };
  const p = corner(a);
  const q = corner(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * The sheet to import, as the whole-workbook reader chose it: the one named, or the first
 * visible sheet with data, or else the first. Only the sheets looked at are scanned.
 */
export async function chooseSheet(
  book: Book,
  sheets: readonly SheetRef[],
  wanted: string | undefined,
): Promise<{ sheet: SheetRef; scan: SheetScan }> {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted);
    if (!sheet)
      throw new AppError('NOT_FOUND', `“${book.source}”里没有名为“${wanted}”的工作表；现有：${sheets.map((s) => s.name).join('、')}`);
    return { sheet, scan: await scan(book, sheet) };
  }
  for (const sheet of sheets) {
    if (sheet.state !== 'visible') continue;
    const result = await scan(book, sheet);
    if (result.dataRows > 0 || result.merges.length > 0) return { sheet, scan: result };
  }
  const first = sheets[0];
  if (!first) throw new AppError('BAD_REQUEST', `“${book.source}”里没有工作表`);
  return { sheet: first, scan: await scan(book, first) };
}

const stringsTable = (source: string) => `“${source}”的文字内容（共享字符串表 xl/sharedStrings.xml）`;
const STRINGS_ADVICE = '请检查是否有单元格粘贴了大段文字，或把表格分成几个文件分批导入';

/** The shared-string table, whose declared size checkDirectory checked: how many strings, how long. */
export async function checkSharedStrings(book: Book): Promise<void> {
  const e = book.sharedStrings;
  if (!e) return;
  const what = stringsTable(book.source);
  await scanSharedStrings(chunks(book, e), {
    tooLong: () =>
      new AppError('BAD_REQUEST', `${what}格式异常，不是 Excel 写出的。请在 Excel 或 WPS 中打开它，“另存为”一个新的 .xlsx 再导入`),
    string: () =>
      tooLarge(
        `${what}中有一段文字超过 ${size(L.MAX_CELL_XML_BYTES)}，而 Excel 的一个单元格最多只能放 32,767 个字符。请找到并删除这段文字后再导入`,
      ),
    tooMany: () => tooLarge(`${what}有超过 ${count(L.MAX_SHARED_STRINGS)} 段不同的文字，超过导入上限。请把表格分成几个文件分批导入`),
  });
}
