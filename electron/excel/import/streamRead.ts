/**
 * Reads the chosen sheet with exceljs's streaming reader, a row at a time, so memory holds the
 * shared strings, the styles and the rows kept — all bounded by zipGuard.ts — never the sheet's
 * XML or a model of the whole workbook.
 *
 * exceljs's `WorkbookReader` is driven part by part instead of being handed the zip, for three
 * reasons: (1) it unpacks with unzipper, which trusts the sizes the zip claims, while here every
 * part comes through zipDirectory.unpack, which counts them; (2) it decodes each unpacked chunk
 * to text on its own, so a Chinese character split between two chunks becomes “�”
 * (exceljs issues #2063, #2084, PR #1665, all open) — here a StringDecoder carries the split
 * bytes over; (3) it reads a sheet before the styles when the zip lists them in that order, and
 * then no date is recognised. Its per-part methods (`_parseRels`, `_parseWorkbook`,
 * `_parseStyles`, `_parseWorksheet`) are not in exceljs's typings, so they are declared below;
 * every import test under test/excel goes through them. The shared strings are parsed by the
 * same SharedStringsXform the whole-workbook reader used, because the streaming reader's own
 * parser takes a phonetic guide (<rPh>) for the text and leaves _x000D_ escapes undecoded.
 *
 * What the streaming reader does not do, done here as the whole-workbook reader did it: merged
 * ranges (collected by the byte scan) repeat their first cell's value in every cell; a formula's
 * cached result in a date format is a date; a boolean or error result (noted by the byte scan,
 * formulaResults.ts) is a boolean or the error's text. A FALSE or 0 result, which both readers
 * dropped as a blank, is false or 0.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Cell, Row } from 'exceljs';
import { AppError } from '../../db/errors';
import { loadExcel } from '../load';
import { plainValue, type Plain } from './cells';
import type { GridRow } from './headers';
import { MAX_GRID_CELLS, MAX_IMPORT_ROWS, count } from './limits';
import { notWorkbook } from './sniff';
import type { FormulaResults } from './formulaResults';
import type { SheetScan } from './xmlScan';
import { parseRange, type Book, type SheetRef } from './zipGuard';
import { unpack, type ZipEntry } from './zipDirectory';

interface ReaderParts {
  model?: { sheets?: { name?: string; state?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
  sharedStrings?: unknown[];
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<Row> }>;
}

interface StringsXform {
  parseStream(text: AsyncIterable<string>): Promise<unknown>;
  model: { values: unknown[] };
}

// A variable, so neither TypeScript nor the bundler looks for typings of a file exceljs does not export.
const SHARED_STRINGS_XFORM = 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';

/** A part as text, decoded across chunk boundaries. */
async function* text(book: Book, e: ZipEntry): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of unpack(book.bytes, e, book.source)) {
    const s = decoder.write(chunk);
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const stream = (book: Book, e: ZipEntry) => Readable.from(text(book, e));

/** exceljs's own parse failures (bad XML) are the clerk's “not a valid workbook”; ours pass through. */
async function parsing<T>(book: Book, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notWorkbook(book.source);
  }
}

export interface OpenBook {
  reader: ReaderParts;
  sheets: SheetRef[];
}

/** The workbook part and its relationships: the sheets, in the workbook's order, that have a part. */
export async function openBook(book: Book): Promise<OpenBook> {
  const ExcelJS = await loadExcel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  return parsing(book, async () => {
    if (book.rels) await reader._parseRels(stream(book, book.rels));
    await reader._parseWorkbook(stream(book, book.workbook));
    const sheets: SheetRef[] = [];
    for (const s of reader.model?.sheets ?? []) {
      const rel = reader.workbookRels?.find((r) => r.Id === s.rId);
      // As the whole-workbook reader resolves it: relative to xl/, or absolute from /xl/.
      const entry = rel?.Target ? book.entries.get(`xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`) : undefined;
      if (entry && entry.name.startsWith('xl/worksheets/')) sheets.push({ name: s.name ?? '', state: s.state ?? 'visible', entry });
    }
    return { reader, sheets };
  });
}

function isDateFormat(fmt: string | undefined): boolean {
  // exceljs's utils.isDateFmt: date letters outside quotes and brackets.
  return !!fmt && /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** exceljs's utils.excelToDate. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function cellsOf(row: Row, date1904: boolean, results: FormulaResults): Plain[] {
  const values = row.values as unknown[];
  const cells: Plain[] = [];
  // Row.values is 1-based and sparse.
  for (let c = 1; c < values.length; c++) {
    const v = values[c];
    if (v && typeof v === 'object' && 'formula' in v) {
      const noted = results.get(row.number, c);
      if (typeof noted === 'boolean' || typeof noted === 'object') {
        cells.push(typeof noted === 'boolean' ? noted : noted.error);
        continue;
      }
      const result = noted ?? ('result' in v && typeof v.result === 'number' ? v.result : undefined);
      if (result !== undefined) {
        const cell: Cell = row.getCell(c);
        cells.push(isDateFormat(cell.numFmt) ? excelDate(result, date1904) : result);
        continue;
      }
    }
    cells.push(plainValue(v as Parameters<typeof plainValue>[0]));
  }
  return cells;
}

/** Every cell of a merged range shows its first cell's value, as in the whole-workbook model. */
function applyMerges(grid: Map<number, Plain[]>, merges: readonly string[]): void {
  for (const ref of merges) {
    const r = parseRange(ref);
    if (!r) continue;
    const master = grid.get(r.top)?.[r.left - 1] ?? '';
    for (let n = r.top; n <= r.bottom; n++) {
      let cells = grid.get(n);
      if (!cells) grid.set(n, (cells = []));
      for (let c = r.left; c <= r.right; c++) {
        if (n === r.top && c === r.left) continue;
        while (cells.length < c - 1) cells.push('');
        cells[c - 1] = master;
      }
    }
  }
}

export async function readRows(open: OpenBook, book: Book, sheet: SheetRef, scan: SheetScan): Promise<GridRow[]> {
  const { reader } = open;
  return parsing(book, async () => {
    if (book.sharedStrings) {
      const { default: Xform } = (await import(SHARED_STRINGS_XFORM)) as { default: new () => StringsXform };
      const xform = new Xform();
      await xform.parseStream(text(book, book.sharedStrings));
      reader.sharedStrings = xform.model.values;
    } else reader.sharedStrings = [];
    if (book.styles) await reader._parseStyles(stream(book, book.styles));
    const date1904 = reader.properties?.model?.date1904 === true;
    const [event] = reader._parseWorksheet(text(book, sheet.entry), '1');
    if (!event) throw notWorkbook(book.source);
    const grid = new Map<number, Plain[]>();
    let kept = 0;
    for await (const row of event.value) {
      if (!row.hasValues) continue;
      const cells = cellsOf(row, date1904, scan.results);
      kept += cells.length;
      // The byte scan counted these already; this only holds if exceljs reads more than it saw.
      if (grid.size >= MAX_IMPORT_ROWS || kept > MAX_GRID_CELLS)
        throw new AppError(
          'TOO_LARGE',
          `工作表“${sheet.name}”超过导入上限（${count(MAX_IMPORT_ROWS)} 行、${count(MAX_GRID_CELLS)} 个单元格），请分批导入`,
        );
      grid.set(row.number, cells);
    }
    applyMerges(grid, scan.merges);
    return [...grid.entries()].sort(([a], [b]) => a - b).map(([number, cells]) => ({ number, cells }));
  });
}
