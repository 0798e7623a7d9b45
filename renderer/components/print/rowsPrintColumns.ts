/**
 * The columns of a page's own table on paper (issue 12 item 4, RowsPrint.tsx): each as header,
 * width in characters, kind and how to read it from a row, turned into the ViewColumns and flat
 * records ListPrint prints — so its layout, widths and number style are the grids' own.
 */
import type { ViewColumn } from '../../../shared/views';

/** One printed column: its header, its width in characters (a Chinese character is 2), how to read it from a row. */
export interface PrintColumn<Row> {
  header: string;
  width: number;
  /** As in the views: numbers right-aligned in one style, dates in Chinese, enums through labels. Text when absent. */
  kind?: ViewColumn['kind'];
  labels?: Record<string, string>;
  value: (row: Row) => unknown;
}

/** The ListPrint columns and flat records for these rows: column i is read into field c{i}. */
export function toPrintRecords<Row>(
  columns: readonly PrintColumn<Row>[],
  rows: readonly Row[],
): { columns: ViewColumn[]; records: Record<string, unknown>[] } {
  const viewColumns = columns.map((c, i): ViewColumn => ({
    id: `c${i}`,
    header: c.header,
    kind: c.kind ?? 'text',
    width: c.width,
    labels: c.labels,
  }));
  const records = rows.map((r) => Object.fromEntries(columns.map((c, i) => [`c${i}`, c.value(r)])));
  return { columns: viewColumns, records };
}
