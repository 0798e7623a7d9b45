/**
 * Reads the clerk's workbook into plain rows (headers.ts GridRow): the named sheet, or the
 * first visible sheet with data. The whole-workbook reader is used (not the streaming one)
 * because merged title rows and formula results need the full model; the size caps keep a
 * wrong file from exhausting memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import { AppError } from '../../db/errors';
import { loadExcel } from '../load';
import { plainValue, type Plain } from './cells';
import type { GridRow } from './headers';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type ImportSource = { file: string } | { buffer: Buffer; name: string };

export interface SheetGrid {
  /** File name without its folder, for messages and the audit log. */
  source: string;
  sheetName: string;
  rows: GridRow[];
}

function sourceName(src: ImportSource): string {
  return path.basename('file' in src ? src.file : src.name);
}

async function load(src: ImportSource): Promise<Workbook> {
  const bytes = 'file' in src ? readFile(src.file) : src.buffer;
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请只保留要导入的工作表后再试`);
  }
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'BAD_REQUEST',
      `无法读取“${sourceName(src)}”：它不是有效的 Excel 工作簿（.xlsx）。如果是旧的 .xls 格式，请先在 Excel 或 WPS 中“另存为”.xlsx 再导入`,
    );
  }
  return wb;
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件：${file}`);
  }
}

function pickSheet(wb: Workbook, wanted: string | undefined, source: string): Worksheet {
  const sheets = wb.worksheets;
  if (wanted) {
    const ws = sheets.find((s) => s.name === wanted);
    if (ws) return ws;
    throw new AppError('NOT_FOUND', `“${source}”里没有名为“${wanted}”的工作表；现有：${sheets.map((s) => s.name).join('、')}`);
  }
  const ws = sheets.find((s) => s.state === 'visible' && s.actualRowCount > 0) ?? sheets[0];
  if (!ws) throw new AppError('BAD_REQUEST', `“${source}”里没有工作表`);
  return ws;
}

export async function readSheetGrid(src: ImportSource, sheet?: string): Promise<SheetGrid> {
  const source = sourceName(src);
  const wb = await load(src);
  const ws = pickSheet(wb, sheet, source);
  if (ws.actualRowCount > MAX_IMPORT_ROWS) {
    throw new AppError('TOO_LARGE', `工作表“${ws.name}”有 ${ws.actualRowCount} 行，超过一次导入的上限 ${MAX_IMPORT_ROWS} 行，请分批导入`);
  }
  const rows: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Plain[] = [];
    // Row.values is 1-based and sparse; merged cells repeat their master's value.
    const values = row.values as unknown[];
    for (let c = 1; c < values.length; c++) cells.push(plainValue(values[c] as Parameters<typeof plainValue>[0]));
    rows.push({ number, cells });
  });
  return { source, sheetName: ws.name, rows };
}
