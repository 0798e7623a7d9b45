/**
 * Every row of a list query for paper, read the way the grid reads one page (the list operation,
 * so search, filters and sort are SQLite's), 1,000 rows at a time — the most the contract lets
 * one call return. A list longer than the cap is not read at all: hundreds of pages of paper are
 * never what the clerk meant, and the message tells them what to do instead.
 */
import type { ListQuery, Page } from '../../../shared/schemas/common';

export const PRINT_PAGE_ROWS = 1000;
export const PRINT_MAX_ROWS = 5000;

export type FetchAllResult<Row> = { ok: true; rows: Row[]; total: number } | { ok: false; total: number; message: string };

export function tooManyMessage(total: number, cap = PRINT_MAX_ROWS): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `符合条件的记录有 ${n(total)} 条，超过打印上限 ${n(cap)} 条：请先筛选或导出 Excel。`;
}

/**
 * Reads all rows matching `query` (its offset and limit are replaced) in pages, telling
 * `onProgress(read, total)` after each. Stops early if `isCancelled()` turns true (the clerk
 * closed the print view).
 */
export async function fetchAllRows<Row>(
  fetchPage: (q: ListQuery) => Promise<Page<Row>>,
  query: Omit<ListQuery, 'offset' | 'limit'>,
  opts: { onProgress?: (read: number, total: number) => void; isCancelled?: () => boolean; cap?: number; pageRows?: number } = {},
): Promise<FetchAllResult<Row>> {
  const cap = opts.cap ?? PRINT_MAX_ROWS;
  const pageRows = opts.pageRows ?? PRINT_PAGE_ROWS;
  const first = await fetchPage({ ...query, offset: 0, limit: pageRows });
  if (first.total > cap) return { ok: false, total: first.total, message: tooManyMessage(first.total, cap) };
  const rows = [...first.rows];
  let total = first.total;
  opts.onProgress?.(rows.length, total);
  // A page shorter than asked for is the last one, whatever total said (rows removed meanwhile).
  let lastLength = first.rows.length;
  while (rows.length < total && lastLength === pageRows && !opts.isCancelled?.()) {
    const next = await fetchPage({ ...query, offset: rows.length, limit: pageRows });
    rows.push(...next.rows);
    lastLength = next.rows.length;
    total = next.total;
    if (total > cap) return { ok: false, total, message: tooManyMessage(total, cap) };
    opts.onProgress?.(rows.length, total);
  }
  return { ok: true, rows, total: rows.length };
}
