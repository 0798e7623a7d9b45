/**
 * Reads the clerk's workbook into plain rows (headers.ts GridRow): the named sheet, or the
 * first visible sheet with data. The one door for every import (the CLI's `import`, the import
 * page's preview and commit), in three steps, each bounded (limits.ts):
 *   1. the file's size, then what it is — a .xlsx zip, or a workbook with an open password, an
 *      old .xls, a web page… (sniff.ts), each refused with what to do;
 *   2. the zip's directory and byte scans of the parts to be read (zipGuard.ts);
 *   3. the sheet, read as a stream (streamRead.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import { MAX_IMPORT_BYTES, size } from './limits';
import { refuseNonZip } from './sniff';
import { openBook, readRows } from './streamRead';
import { checkDirectory, checkSharedStrings, chooseSheet } from './zipGuard';
import { isZip } from './zipDirectory';
import type { GridRow } from './headers';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './limits';

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

function tooBig(bytes: number): AppError {
  return new AppError(
    'TOO_LARGE',
    `文件有 ${size(bytes)}，超过导入上限 ${size(MAX_IMPORT_BYTES)}。请把要导入的表格复制到一个新工作簿（只保留这一张工作表，不要图片）后再导入`,
  );
}

/** The file's size is looked at before it is read, so a huge file is never loaded. */
function readFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件：${file}`);
  }
  if (!stat.isFile()) throw new AppError('BAD_REQUEST', `${file} 不是文件，请选择一个 .xlsx 文件`);
  if (stat.size > MAX_IMPORT_BYTES) throw tooBig(stat.size);
  try {
    return fs.readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `无法读取文件：${file}`);
  }
}

export async function readSheetGrid(src: ImportSource, sheet?: string): Promise<SheetGrid> {
  const source = sourceName(src);
  const bytes = 'file' in src ? readFile(src.file) : src.buffer;
  if (bytes.length > MAX_IMPORT_BYTES) throw tooBig(bytes.length);
  if (!isZip(bytes)) refuseNonZip(bytes, source);
  const book = checkDirectory(bytes, source);
  const open = await openBook(book);
  const chosen = await chooseSheet(book, open.sheets, sheet);
  await checkSharedStrings(book);
  const rows = await readRows(open, book, chosen.sheet, chosen.scan);
  return { source, sheetName: chosen.sheet.name, rows };
}
