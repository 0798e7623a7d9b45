/** Turns a return built as data (types.ts) into county sheets, one per table. */
import { chineseDate } from '../../../shared/format';
import type { CountySheet } from '../countyWorkbook';
import type { ReportData, ReportTable, ReportValue } from './types';

function totalsRow(table: ReportTable): ReportValue[] | undefined {
  if (!table.totals) return undefined;
  const totals = table.totals;
  return table.columns.map((c) => totals[c.key] ?? null);
}

/** 填报日期, and the 统计日期 before it when the figures are taken as of another day. */
export function periodText(report: Pick<ReportData, 'date' | 'asOf'>): string {
  const filed = `填报日期：${chineseDate(report.date)}`;
  return report.asOf === report.date ? filed : `统计日期：${chineseDate(report.asOf)}\u3000\u3000${filed}`;
}

export function reportSheets(report: ReportData): CountySheet[] {
  const date = chineseDate(report.date);
  return report.tables.map((table) => ({
    name: table.sheetName,
    title: table.title,
    unit: report.unit,
    period: periodText(report),
    columns: table.columns.map((c) => ({ header: c.header, group: c.group, width: c.width, kind: c.kind, countUnit: c.countUnit })),
    rows: table.rows.map((r) => table.columns.map((c) => r[c.key] ?? null)),
    totals: totalsRow(table),
    summary: table.summary,
    signature: { ...report.signature, date },
  }));
}
