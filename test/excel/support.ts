/**
 * Helpers for the Excel tests: a demo township in a real SQLite temp file, and reading a
 * written workbook back with exceljs's full reader (not the streaming one that wrote it).
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach } from 'vitest';
import { makeContext, type ServiceContext } from '../../electron/db/context';
import { openDatabase, type Db } from '../../electron/db/open';
import { seedDemo } from '../../electron/demo/seed';
import { tempDir } from '../helpers/tempDb';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

/** A fixed clock, so file names and dates in the sheets are known. */
export const NOW = new Date('2026-03-05T02:00:00Z');

export async function freshDb(seed = true): Promise<{ db: Db; ctx: ServiceContext; file: string; dir: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'township.sqlite');
  const { db } = await openDatabase(file);
  open.push(db);
  const ctx = makeContext(db, '测试', () => NOW);
  if (seed) seedDemo(ctx, { scale: 1 });
  return { db, ctx, file, dir };
}

export async function readBack(source: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, index = 0): ExcelJS.Worksheet {
  const ws = wb.worksheets[index];
  if (!ws) throw new Error(`no sheet ${index}`);
  return ws;
}

/** A row's values from column A, as plain values. */
export function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  const values = ws.getRow(n).values as unknown[];
  return values.slice(1);
}

/** The sheet's merged ranges, e.g. ['A1:L1', 'B3:D3']. */
export function merges(ws: ExcelJS.Worksheet): string[] {
  return [...ws.model.merges].sort();
}

/** The row whose first cell is `text`, or -1. */
export function findRow(ws: ExcelJS.Worksheet, text: string, column = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(column).value === text) return r;
  return -1;
}

/** The first row whose first cell starts with `prefix`, or -1. */
export function findRowStarting(ws: ExcelJS.Worksheet, prefix: string): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(1).value;
    if (typeof v === 'string' && v.startsWith(prefix)) return r;
  }
  return -1;
}

export function countRows(db: Db, table: string): number {
  return Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
}

/**
 * One file out of an .xlsx (a zip), to look at the XML itself. Reads the central directory,
 * since a streamed zip leaves the sizes out of the local headers.
 */
export function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const skip = nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const entry = zip.toString('utf8', p + 46, p + 46 + nameLen).replace(/^\//, '');
    if (entry === name) {
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + skip;
  }
  throw new Error(`${name} not in the zip`);
}
