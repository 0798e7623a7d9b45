/**
 * Issue 12 item 4: exported dates are real Excel dates with the Chinese format, not text. Every
 * return of the demo township is exported and read back with exceljs; in every `date` column
 * each ISO day of the data is a Date cell (cell.type Date) holding that day, formatted
 * yyyy"年"m"月"d"日"; any other text there (起始日期不详) stays as written.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, exportReturnFile, returnCatalog } from '../../electron/app/returns';
import type { ReturnParamValues } from '../../shared/schemas/app';
import { openDemoAt } from '../helpers/people';
import { readBack } from './support';

const TODAY = '2026-12-06';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parameters a clerk could leave as they are (or must give: a pool, a clinic for the re-check pack). */
function paramsFor(kinds: readonly string[], clinicId: number, stocktakeId: number | undefined): ReturnParamValues {
  return {
    ...(kinds.includes('asOf') ? { asOf: TODAY } : {}),
    ...(kinds.includes('period') ? { from: '2026-01-01', to: TODAY } : {}),
    ...(kinds.includes('stocktake') && stocktakeId ? { stocktakeId } : {}),
    ...(kinds.includes('month') ? { month: '2026-11' } : {}),
    ...(kinds.includes('quarter') ? { quarter: '2026Q4' } : {}),
    ...(kinds.includes('pool') ? { poolYuan: '50000' } : {}),
    ...(kinds.includes('half') ? { half: '2026H1', clinicId } : {}),
  };
}

describe('dates in every return are Excel dates', () => {
  it('each ISO day of a date column is a Date cell with the Chinese date format', async () => {
    const s = await openDemoAt(TODAY);
    const clinicId = Number(s.db.prepare("SELECT id FROM clinics WHERE status = 'open' ORDER BY id LIMIT 1").pluck().get());
    const stocktake = s.db.prepare('SELECT id FROM stocktakes ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
    let checked = 0;
    const withDates: string[] = [];
    for (const r of returnCatalog) {
      const params = paramsFor(r.params, clinicId, stocktake);
      const report = buildReport(s.ctx, r.name, params);
      if (!report.tables.some((t) => t.columns.some((c) => c.kind === 'date'))) continue;
      withDates.push(r.name);
      const file = await exportReturnFile(s.ctx, r.name, params);
      const wb = await readBack(Buffer.from(file.base64, 'base64'));
      report.tables.forEach((table, t) => {
        const ws = wb.worksheets[t];
        if (!ws) throw new Error(`${r.title} 缺少第 ${t + 1} 个工作表`);
        // Title, unit row, one or two header rows, then the data.
        const first = 3 + (table.columns.some((c) => c.group) ? 2 : 1);
        table.columns.forEach((col, c) => {
          if (col.kind !== 'date') return;
          table.rows.forEach((row, i) => {
            const v = row[col.key];
            const cell = ws.getRow(first + i).getCell(c + 1);
            const where = `${r.title}·${table.title}·${col.header} 第 ${i + 1} 行`;
            if (typeof v === 'string' && ISO_DAY.test(v)) {
              expect(cell.type, where).toBe(ExcelJS.ValueType.Date);
              expect((cell.value as Date).toISOString().slice(0, 10), where).toBe(v);
              expect(cell.numFmt, where).toBe('yyyy"年"m"月"d"日"');
              checked++;
            } else if (v) expect(cell.value, where).toBe(v);
          });
        });
      });
    }
    // The 花名册's 出生日期 at least; the re-check pack's visit and due dates when the demo has them.
    expect(withDates).toContain('roster');
    expect(checked).toBeGreaterThan(20);
  }, 120_000);
});
