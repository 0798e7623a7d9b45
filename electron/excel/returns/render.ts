/** Turns a return built as data (types.ts) into county sheets, one per table. */
import { chineseDate } from '../../../shared/format';
import type { CountySheet } from '../countyWorkbook';
import type { ReportColumn, ReportData, ReportSummary, ReportTable, ReportValue } from './types';

/** A value as the sheet shows it: money columns hold 分, the sheet 元. */
function shown(kind: ReportColumn['kind'] | undefined, v: ReportValue | undefined): ReportValue {
  if (v === undefined) return null;
  return kind === 'money' && typeof v === 'number' ? v / 100 : v;
}

function totalsRow(table: ReportTable): ReportValue[] | undefined {
  if (!table.totals) return undefined;
  const totals = table.totals;
  return table.columns.map((c) => shown(c.kind, totals[c.key]));
}

function summaryShown(summary: ReportSummary | undefined): ReportSummary | undefined {
  if (!summary || !summary.kinds.includes('money')) return summary;
  return { ...summary, rows: summary.rows.map((row) => row.map((v, i) => shown(summary.kinds[i], v))) };
}

/** 填报日期, and the 统计日期 before it when the figures are taken as of another day. */
function periodText(report: Pick<ReportData, 'date' | 'asOf' | 'period'>): string {
  if (report.period) return report.period;
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
    rows: table.rows.map((r) => table.columns.map((c) => shown(c.kind, r[c.key]))),
    totals: totalsRow(table),
    boldRows: table.emphasis ? new Set(table.emphasis) : undefined,
    summary: summaryShown(table.summary),
    signature: { ...report.signature, date },
  }));
}
