/**
 * A county-style workbook (rule R1) written with exceljs's streaming WorkbookWriter, to a file
 * or to a Buffer. Print setup follows what county offices expect on paper: A4, landscape when
 * the table is wide, one page wide and as many pages long as needed, header rows repeated on
 * every page, page numbers in the footer, panes frozen below the header.
 *
 * Choices that keep Excel and WPS from offering to "repair" the file (known exceljs pitfalls):
 * page setup, views and fitToPage are passed to addWorksheet, because the streaming writer
 * writes <sheetPr> and <sheetViews> the moment the sheet is created; no outline properties
 * beside fitToPage; no hyperlinks or data validations (their order is wrong when streamed);
 * no NaN or over-long text in cells (see countySheet.ts); sheet names cleaned of []:*?/\ and
 * quotes and kept to 31 characters and unique.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import type { Font, Workbook } from 'exceljs';
import { defaultFont } from './countyStyle';
import { headerEndRow, writeCountySheet, type CountySheet } from './countySheet';
import { loadExcel } from './load';

export type { CellValue, CountyColumn, CountySheet, Signature, SummaryBlock } from './countySheet';

/** Wider than this many character units, a table is printed in landscape. */
const PORTRAIT_MAX_WIDTH = 95;

export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\'"]/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}

/**
 * The Normal style's font is font 0, which exceljs fills with Calibri on the first style it
 * meets. Seeding it with 宋体 first makes empty cells, and whatever the clerk types later, 宋体.
 * Internal API: if a future exceljs changes shape we silently keep its default.
 */
function seedDefaultFont(wb: Workbook): void {
  const styles = (wb as unknown as { styles?: { model?: { fonts?: unknown[] }; _addFont?: (f: Partial<Font>) => number } }).styles;
  if (styles?.model?.fonts?.length === 0 && typeof styles._addFont === 'function') styles._addFont(defaultFont);
}

async function writeSheets(wb: Workbook, sheets: readonly CountySheet[]): Promise<number[]> {
  const taken = new Set<string>();
  const counts: number[] = [];
  for (const [index, sheet] of sheets.entries()) {
    const headerEnd = headerEndRow(sheet.columns);
    const totalWidth = sheet.columns.reduce((s, c) => s + c.width, 0);
    // tabSelected is understood by the writer but missing from exceljs's types.
    const view = { state: 'frozen' as const, xSplit: 0, ySplit: headerEnd, topLeftCell: `A${headerEnd + 1}`, tabSelected: index === 0 };
    const ws = wb.addWorksheet(sheetName(sheet.name, taken), {
      pageSetup: {
        paperSize: 9,
        orientation: totalWidth > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
        printTitlesRow: `3:${headerEnd}`,
      },
      headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
      views: [view],
    });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    // Commit each sheet before starting the next: the zip takes entries one after another,
    // so a second open sheet would be held in memory until the first is done.
    counts.push(await writeCountySheet(ws, sheet, headerEnd));
  }
  return counts;
}

async function newWriter(stream: Writable): Promise<Workbook & { commit(): Promise<void> }> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = '乡村卫生一体化管理';
  wb.created = new Date();
  seedDefaultFont(wb);
  return wb;
}

async function writeTo(stream: Writable, sheets: readonly CountySheet[]): Promise<number[]> {
  // exceljs listens for stream errors only once it commits; an error before then (a full disk,
  // a folder that vanished) would otherwise crash the process or leave the commit waiting.
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const work = (async () => {
    const wb = await newWriter(stream);
    const counts = await writeSheets(wb, sheets);
    await wb.commit();
    return counts;
  })();
  return Promise.race([work, failed]);
}

/**
 * Writes to `${file}.part` and renames it on success, so a failed export never leaves a
 * half-written workbook under the name the clerk asked for.
 */
export async function writeCountyWorkbookFile(file: string, sheets: readonly CountySheet[]): Promise<number[]> {
  const part = `${file}.part`;
  try {
    const counts = await writeTo(fs.createWriteStream(part), sheets);
    fs.renameSync(part, file);
    return counts;
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  }
}

/** The whole workbook in memory, for the renderer to save (exports are sent as base64). */
export async function countyWorkbookBuffer(sheets: readonly CountySheet[]): Promise<{ buffer: Buffer; rowCounts: number[] }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const rowCounts = await writeTo(sink, sheets);
  return { buffer: Buffer.concat(chunks), rowCounts };
}
