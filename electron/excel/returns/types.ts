/**
 * A return (报表) is first built as plain data, then rendered to a workbook. The same data is
 * what `report <name> --format json` prints, so the figures in JSON and on paper cannot differ.
 */

export type ReportValue = string | number | null;

/** One open alert in a return (from computeAlerts), with its rule ID. */
export interface ReportAlert {
  rule: string;
  kind: string;
  title: string;
  level: 'error' | 'warning';
  subject: string;
  detail: string;
}

export interface ReportColumn {
  key: string;
  header: string;
  /** Heading shared with the neighbouring columns of the same group (two-level header). */
  group?: string;
  /** `money`: the value is in 分 (as in JSON); the sheet shows it in 元 with two decimals. */
  kind: 'text' | 'center' | 'int' | 'decimal' | 'money' | 'date';
  width: number;
  /**
   * What the 合计 row shows in this column: the sum of the rows, how many rows there are, how
   * many rows say 是, or a percentage of two other columns' totals (numerator, denominator).
   */
  total?: 'sum' | 'count' | 'yes' | { percentOf: [string, string] };
  /** A count in the 合计 row counts people (人) rather than units (个). */
  countUnit?: '个' | '人';
}

export interface ReportSummary {
  title: string;
  header: string[];
  kinds: ReportColumn['kind'][];
  rows: ReportValue[][];
  /** How many sheet columns each summary column spans (merged); one each when absent. */
  spans?: number[];
}

export interface ReportTable {
  sheetName: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, ReportValue>[];
  /** Per column key; null when the table has no 合计 row. */
  totals: Record<string, number> | null;
  summary?: ReportSummary;
  /** Indices of rows set in bold: subtotals and section headings (小计, 一、房屋及构筑物). */
  emphasis?: number[];
}

/** A return as data; a domain's return may add its own detail beside (the asset returns' `ledger` …). */
export interface ReportData {
  /** The return's key (`staffing`, `asset-ledger` …; see electron/app/returns.ts). */
  name: string;
  title: string;
  /** 填报单位. */
  unit: string;
  county: string;
  /** ISO date the return is filled in (填报日期, China time). */
  date: string;
  /** ISO date the figures are taken as of (统计日期); the same as `date` unless asked otherwise. */
  asOf: string;
  /** The right-hand text of the unit row, when a day is not enough (统计期间, 盘点范围). */
  period?: string;
  signature: { operator: string; reviewer: string; director: string };
  /** The headline figures, flat, for scripts and for checking the workbook. */
  figures: Record<string, number>;
  tables: ReportTable[];
  /** Every open alert as of `asOf`, with its rule ID (returns on people). */
  alerts?: ReportAlert[];
}

/**
 * When a return is built: the filing day and the day its figures are taken as of; for the
 * asset returns also the period, the scope (a clinic, null for 卫生院本部, absent for the
 * township) and the stocktake, checked beforehand (shared/schemas/app.ts returnParamProblems).
 */
export interface ReportWhen {
  today: string;
  asOf: string;
  from?: string;
  to?: string;
  clinicId?: number | null;
  stocktakeId?: number;
  /** 'YYYY-MM', for the returns of a month (进销存, purchase plan …). */
  month?: string;
  /** 'YYYYQn', for the returns of a quarter (the assessment). */
  quarter?: string;
  /** 'YYYYHn', for the county's half-year re-check pack (P4). */
  half?: string;
  /** P7: the pool in 元 as typed and the fund's name, for the allocation of a quarter. */
  poolYuan?: string;
  fundName?: string;
}

/** Sums with two decimals at most, so 0.1 + 0.2 reads 0.3 in the 合计 row. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A share as a percentage with one decimal (46.2), 0 when there is nothing to share. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export function computeTotals(columns: readonly ReportColumn[], rows: readonly Record<string, ReportValue>[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const col of columns) {
    if (col.total === 'count') totals[col.key] = rows.length;
    if (col.total === 'yes') totals[col.key] = rows.filter((r) => r[col.key] === '是').length;
    if (col.total === 'sum') {
      totals[col.key] = round2(rows.reduce((s, r) => s + (typeof r[col.key] === 'number' ? (r[col.key] as number) : 0), 0));
    }
  }
  // Percentages last: they are taken of the totals, never summed (a township ratio is not the sum of the clinics').
  for (const col of columns) {
    if (typeof col.total === 'object')
      totals[col.key] = percentOf(totals[col.total.percentOf[0]] ?? 0, totals[col.total.percentOf[1]] ?? 0);
  }
  return totals;
}

import { textWidth } from '../headerLayout';

export { textWidth };

/**
 * Column widths from the content: wide enough for the longest value (capped, the rest is cut
 * on screen but kept in the cell) and for the header, which wraps onto two lines if needed.
 */
export function fitWidths(columns: ReportColumn[], rows: readonly Record<string, ReportValue>[], max = 40): ReportColumn[] {
  return columns.map((col) => {
    const content = rows.reduce((m, r) => Math.max(m, textWidth(String(r[col.key] ?? ''))), 0);
    const header = Math.ceil(textWidth(col.header) / 2) + 2;
    return { ...col, width: Math.min(max, Math.max(col.width, header, content + 2)) };
  });
}
