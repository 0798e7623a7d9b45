/**
 * A return (报表) is first built as plain data, then rendered to a workbook. The same data is
 * what `report <name> --format json` prints, so the figures in JSON and on paper cannot differ.
 */
import type { ReturnName } from '../../../shared/schemas/app';

export type ReportValue = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  /** Heading shared with the neighbouring columns of the same group (two-level header). */
  group?: string;
  kind: 'text' | 'center' | 'int' | 'decimal';
  width: number;
  /** What the 合计 row shows in this column: the sum of the rows, or how many rows there are. */
  total?: 'sum' | 'count';
}

export interface ReportSummary {
  title: string;
  header: string[];
  kinds: ReportColumn['kind'][];
  rows: ReportValue[][];
}

export interface ReportTable {
  sheetName: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, ReportValue>[];
  /** Per column key; null when the table has no 合计 row. */
  totals: Record<string, number> | null;
  summary?: ReportSummary;
}

export interface ReportData {
  name: ReturnName;
  title: string;
  /** 填报单位. */
  unit: string;
  county: string;
  /** ISO date the figures were taken (China time). */
  date: string;
  signature: { operator: string; reviewer: string; director: string };
  /** The headline figures, flat, for scripts and for checking the workbook. */
  figures: Record<string, number>;
  tables: ReportTable[];
}

/** Sums with two decimals at most, so 0.1 + 0.2 reads 0.3 in the 合计 row. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function computeTotals(columns: readonly ReportColumn[], rows: readonly Record<string, ReportValue>[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const col of columns) {
    if (col.total === 'count') totals[col.key] = rows.length;
    if (col.total === 'sum') {
      totals[col.key] = round2(rows.reduce((s, r) => s + (typeof r[col.key] === 'number' ? (r[col.key] as number) : 0), 0));
    }
  }
  return totals;
}

/** Display width in Excel character units: a Chinese character is about two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
  return w;
}

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
