/**
 * A return (报表) on paper, as its workbook shows it (electron/excel/returns/render.ts and
 * countySheet.ts, rule R1): the text of the unit row and the signature line, each cell as the
 * cell's number format shows it, and whether the table needs landscape. The print view
 * (renderer/components/print/ReturnPrint.tsx) draws with these, so paper and workbook agree.
 */
import { chineseDate, fenToAmount } from './format';
import type { ReportColumnOut, ReportDataOut, ReportValueOut } from './schemas/returns';

/** Wider than this many character units, a table goes on A4 landscape (as countyWorkbook.ts PORTRAIT_MAX_WIDTH). */
export const PORTRAIT_MAX_WIDTH = 95;

export function tableWidth(columns: readonly Pick<ReportColumnOut, 'width'>[]): number {
  return columns.reduce((s, c) => s + c.width, 0);
}

export function isLandscape(columns: readonly Pick<ReportColumnOut, 'width'>[]): boolean {
  return tableWidth(columns) > PORTRAIT_MAX_WIDTH;
}

/** The right-hand text of the unit row: the period, or 填报日期 (with 统计日期 before it when they differ). */
export function reportPeriodText(report: Pick<ReportDataOut, 'date' | 'asOf' | 'period'>): string {
  if (report.period) return report.period;
  const filed = `填报日期：${chineseDate(report.date)}`;
  return report.asOf === report.date ? filed : `统计日期：${chineseDate(report.asOf)}\u3000\u3000${filed}`;
}

/** The signature line's parts: who signs (a blank to sign on when no name is set) and the date. */
export function signatureParts(report: Pick<ReportDataOut, 'signature' | 'date'>): { label: string; name: string }[] {
  const s = report.signature;
  return [
    { label: '填报人', name: s.operator.trim() },
    { label: '审核人', name: s.reviewer.trim() },
    { label: '单位负责人', name: s.director.trim() },
    { label: '填报日期', name: chineseDate(report.date) },
  ];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Excel's `0.0#`: one decimal at least, two at most (47.8, 48.0, 1.23). */
function oneOrTwoDecimals(n: number): string {
  const two = n.toFixed(2);
  return two.endsWith('0') ? n.toFixed(1) : two;
}

/**
 * A value as its cell shows it: money (held in 分) in 元 with two decimals and thousands
 * separators (#,##0.00), decimals as 0.0#, whole numbers as they are (0), an ISO day the
 * Chinese way (yyyy"年"m"月"d"日"), text as written.
 */
export function cellText(kind: ReportColumnOut['kind'] | undefined, v: ReportValueOut | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (kind === 'money') return fenToAmount(Math.round(v));
    if (kind === 'decimal') return oneOrTwoDecimals(v);
    return String(v);
  }
  if (kind === 'date' && ISO_DAY.test(v)) return chineseDate(v);
  return v;
}

/** A 合计 cell: 合计 in the first column; a count in a text column reads 13个 or 24人 (countyStyle.ts). */
export function totalText(col: ReportColumnOut, index: number, totals: Record<string, number>): string {
  if (index === 0) return '合计';
  const v = totals[col.key];
  if (v === undefined) return '';
  if (col.kind === 'text' || col.kind === 'center') return `${v}${col.countUnit ?? '个'}`;
  return cellText(col.kind, v);
}

/** The columns a cell of the header's first row covers: a group over its neighbours, or one column spanning both rows. */
export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/** The two-level header: groups of neighbouring columns share a heading; other columns span both rows. */
export function headerRows(columns: readonly Pick<ReportColumnOut, 'header' | 'group'>[]): HeaderCell[][] {
  const grouped = columns.some((c) => c.group);
  if (!grouped) return [columns.map((c) => ({ text: c.header, colSpan: 1, rowSpan: 1 }))];
  const top: HeaderCell[] = [];
  const second: HeaderCell[] = [];
  for (let i = 0; i < columns.length;) {
    const col = columns[i] as Pick<ReportColumnOut, 'header' | 'group'>;
    if (!col.group) {
      top.push({ text: col.header, colSpan: 1, rowSpan: 2 });
      i++;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j]?.group === col.group) second.push({ text: columns[j++]?.header ?? '', colSpan: 1, rowSpan: 1 });
    top.push({ text: col.group, colSpan: j - i, rowSpan: 1 });
    i = j;
  }
  return [top, second];
}
