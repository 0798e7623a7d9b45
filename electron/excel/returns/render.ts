/** Turns a return built as data (types.ts) into county sheets, one per table. */
import { chineseDate } from '../../../shared/format';
import type { CountySheet } from '../countyWorkbook';
import type { ReportData, ReportTable, ReportValue } from './types';

function totalsRow(table: ReportTable): ReportValue[] | undefined {
  if (!table.totals) return undefined;
  const totals = table.totals;
  return table.columns.map((c) => totals[c.key] ?? null);
}

export function reportSheets(report: ReportData): CountySheet[] {
  const date = chineseDate(report.date);
  return report.tables.map((table) => ({
    name: table.sheetName,
    title: table.title,
    unit: report.unit,
    period: `填报日期：${date}`,
    columns: table.columns.map((c) => ({ header: c.header, group: c.group, width: c.width, kind: c.kind })),
    rows: table.rows.map((r) => table.columns.map((c) => r[c.key] ?? null)),
    totals: totalsRow(table),
    summary: table.summary,
    signature: { ...report.signature, date },
  }));
}
