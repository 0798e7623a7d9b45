/**
 * "Export this view to Excel" for every list: the columns the clerk sees (or the ones asked
 * for, in that order), each value shown exactly as on screen (displayValue: 是/否, enum labels,
 * dates), laid out as a county sheet with title, unit, date and signature line.
 */
import { chineseDate, todayIso } from '../../shared/format';
import { maskPersonal } from '../../shared/masking';
import type { FileResult } from '../../shared/schemas/common';
import { displayValue, type ViewColumn, type ViewDef } from '../../shared/views';
import { countyWorkbookBuffer, type CellValue, type CountyColumn, type CountySheet } from './countyWorkbook';
import { XLSX_MIME } from './load';

/** The requested columns that the view knows, in the requested order; all of them if none. */
export function pickColumns(view: ViewDef, ids?: readonly string[]): ViewColumn[] {
  if (!ids || ids.length === 0) return view.columns;
  const byId = new Map(view.columns.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const picked: ViewColumn[] = [];
  for (const id of ids) {
    const col = byId.get(id);
    if (col && !seen.has(id)) {
      picked.push(col);
      seen.add(id);
    }
  }
  return picked.length > 0 ? picked : view.columns;
}

function sheetKind(col: ViewColumn): CountyColumn['kind'] {
  if (col.kind === 'int') return 'int';
  if (col.kind === 'decimal' || col.kind === 'money') return 'decimal';
  if (col.kind === 'date') return 'date';
  if (col.kind === 'bool' || col.kind === 'datetime') return 'center';
  return 'text';
}

function cellOf(col: ViewColumn, value: unknown): CellValue {
  const shown = displayValue(col, value);
  if (typeof shown === 'number') return Number.isFinite(shown) ? shown : null;
  return shown;
}

/** `行政村名册-20261122.xlsx`: the view's title and today's date in China. */
export function exportFileName(title: string, isoDay: string): string {
  return `${title}-${isoDay.replace(/-/g, '')}.xlsx`;
}

/**
 * Who files a sheet: the 填报单位 and the names on the signature line (from the settings), and
 * whether the person exporting sees personal fields masked (只读, shared/masking.ts).
 */
export interface ReportingUnit {
  unit: string;
  operator: string;
  reviewer: string;
  director: string;
  maskPersonal?: boolean;
}

/** The sheet of a view, without writing it; the CLI and the app share it. */
export function viewSheet(by: ReportingUnit, view: ViewDef, rows: Iterable<object>, columns?: string[]): CountySheet {
  const cols = pickColumns(view, columns);
  const today = todayIso();
  return {
    name: view.title,
    title: view.title,
    unit: by.unit,
    period: `填报日期：${chineseDate(today)}`,
    columns: cols.map((c) => ({ header: c.header, width: c.width + 2, kind: sheetKind(c) })),
    // Read every row before writing: the writer pauses between rows to let the zip drain, and
    // an open SQLite iterator would make any other request in that pause fail with "busy".
    rows: Array.from(rows, (row) => {
      const shown = (by.maskPersonal ? maskPersonal(row) : row) as Record<string, unknown>;
      return cols.map((c) => cellOf(c, shown[c.id]));
    }),
    signature: { operator: by.operator, reviewer: by.reviewer, director: by.director, date: chineseDate(today) },
  };
}

export async function exportView(by: ReportingUnit, view: ViewDef, rows: Iterable<object>, columns?: string[]): Promise<FileResult> {
  const { buffer, rowCounts } = await countyWorkbookBuffer([viewSheet(by, view, rows, columns)]);
  return {
    fileName: exportFileName(view.title, todayIso()),
    mime: XLSX_MIME,
    base64: buffer.toString('base64'),
    rowCount: rowCounts[0] ?? 0,
  };
}
