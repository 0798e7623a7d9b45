/**
 * Issue 12 items 3/4: exported dates are real Excel dates shown the Chinese way
 * (yyyy"年"m"月"d"日"), not text — in a list export (资产台账's 购置日期) and in a return (花名册's
 * 出生日期) — and they still import back (the round trip in test/db/roundTrip.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { exportReturnFile } from '../../electron/app/returns';
import { exportView } from '../../electron/excel/exportView';
import { ledgerAsOf } from '../../electron/domains/assets/ledger';
import { reportingUnit } from '../../electron/domains/settings/service';
import { assetView } from '../../shared/assetViews';
import { freshDb, readBack, sheet } from './support';
import type ExcelJS from 'exceljs';

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  for (let r = 3; r <= 5; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === header) return c;
  }
  throw new Error(`no column ${header}`);
}

function datesIn(ws: ExcelJS.Worksheet, col: number): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((row) => {
    const cell = row.getCell(col);
    if (cell.value instanceof Date) out.push(cell);
  });
  return out;
}

describe('exported dates are Excel dates', () => {
  it('花名册 出生日期: a date cell with the Chinese format, the same day as stored', async () => {
    const { ctx, db } = await freshDb();
    const file = await exportReturnFile(ctx, 'roster');
    const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
    const cells = datesIn(ws, columnOf(ws, '出生日期'));
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) expect(c.numFmt).toBe('yyyy"年"m"月"d"日"');
    const births = new Set((db.prepare('SELECT birth_date FROM people').pluck().all() as string[]).map(String));
    for (const c of cells) expect(births.has((c.value as Date).toISOString().slice(0, 10))).toBe(true);
  });

  it('资产台账 list export 购置日期: date cells too', async () => {
    const { ctx, db } = await freshDb();
    const file = await exportView(reportingUnit(ctx), assetView, ledgerAsOf(db, '2026-03-05'));
    const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
    const cells = datesIn(ws, columnOf(ws, '购置日期'));
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(c.numFmt).toBe('yyyy"年"m"月"d"日"');
  });
});
