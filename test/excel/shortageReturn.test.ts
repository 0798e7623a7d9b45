/**
 * 短缺药品登记表 as the county workbook (issue 10 part 8, D4): the demo's shortages of a month
 * recorded by its deliveries, read back with exceljs — the title, the reporting unit and month,
 * one row per shortage with its reason and date, the 合计 of packs equal to the JSON's figures,
 * and the totals per drug on the second sheet.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, exportReturnFile } from '../../electron/app/returns';
import { openDemoAt } from '../helpers/people';
import { findRow, readBack, sheet } from './support';

describe('短缺药品登记表', () => {
  it('lists the month’s shortages with a 合计 row matching the figures, and totals per drug', async () => {
    const s = await openDemoAt('2026-12-06');
    const month = s.db.prepare('SELECT substr(recorded_on, 1, 7) FROM drug_shortages ORDER BY id LIMIT 1').pluck().get() as string;
    const data = buildReport(s.ctx, 'shortages', { month });
    expect(data.figures.lines).toBeGreaterThan(0);
    const fromDb = s.db
      .prepare('SELECT count(*) AS n, sum(packs) AS packs FROM drug_shortages WHERE substr(recorded_on, 1, 7) = ?')
      .get(month) as { n: number; packs: number };
    expect(data.figures).toMatchObject({ lines: fromDb.n, packs: fromDb.packs });

    const file = await exportReturnFile(s.ctx, 'shortages', { month });
    const wb = await readBack(Buffer.from(file.base64, 'base64'));
    const ws = sheet(wb, 0);
    expect(String(ws.getRow(1).getCell(1).value)).toContain('短缺药品登记表');
    const total = findRow(ws, '合计');
    expect(total).toBeGreaterThan(0);
    const packsCol = (ws.getRow(total).values as unknown[]).findIndex((v) => v === fromDb.packs);
    expect(packsCol).toBeGreaterThan(0);
    const byDrug = sheet(wb, 1);
    expect(String(byDrug.getRow(1).getCell(1).value)).toContain('按药品汇总');
    expect(data.tables[1]?.rows.reduce((n, r) => n + Number(r.packs), 0)).toBe(fromDb.packs);
  });
});
