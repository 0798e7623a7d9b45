/**
 * How a list goes on paper (issue 12 item 4), decided without a browser so it can be tested:
 * which way the A4 sheet lies and the font size, from the widths of the clerk's visible
 * columns; each column's share of the page width; and the 筛选 line that says which rows these
 * are (search, column filters, sort) in the clerk's words.
 */
import type { FilterValue, ListQuery } from '../../../shared/schemas/common';
import type { ViewColumn } from '../../../shared/views';

/** The printable width of A4 inside print.css's list margins (12 mm each side), in mm. */
export const PORTRAIT_MM = 210 - 24;
export const LANDSCAPE_MM = 297 - 24;
/** The body font of a printed list and the smallest it steps down to for many columns. */
export const BASE_PT = 9.5;
export const FONT_STEPS_PT = [9.5, 8.5, 7.5, 7] as const;
const MIN_PT = 7;
/** A view column's width is in Excel character units, about half a Chinese character: 0.5 em. */
const UNIT_EM = 0.5;
/** Each cell's left and right padding and its border (print.css .list-print-table), in mm. */
const CELL_PAD_MM = 2.9;
const PT_MM = 25.4 / 72;

/** A column as the paper plan needs it: its view width, and its kind when it has one. */
export type PaperColumn = Pick<ViewColumn, 'width'> & { kind?: ViewColumn['kind'] };

/** A date reads 2026年12月31日 on paper (13 units), longer than the ISO date the view's width was set for. */
function paperUnits(c: PaperColumn): number {
  return c.kind === 'date' ? Math.max(c.width, 13) : c.width;
}

/** The width a row of these columns needs on paper at this font size, in mm. */
export function neededMm(columns: readonly PaperColumn[], pt: number): number {
  const em = pt * PT_MM;
  return columns.reduce((sum, c) => sum + paperUnits(c) * UNIT_EM * em + CELL_PAD_MM, 0);
}

export interface ListPaper {
  landscape: boolean;
  fontPt: number;
  /** Each column's share of the table width, in %, in the order given. */
  colPercents: number[];
}

/**
 * Portrait when the columns fit across it at the base size; otherwise landscape, at the largest
 * step of the font at which they fit (at the smallest step, long text wraps inside its cell —
 * the table never runs off the page: its columns are shares of the page, not fixed widths).
 */
export function planListPaper(columns: readonly PaperColumn[]): ListPaper {
  const share = (c: PaperColumn) => paperUnits(c) * UNIT_EM * BASE_PT * PT_MM + CELL_PAD_MM;
  const total = neededMm(columns, BASE_PT);
  const colPercents = columns.map((c) => (total > 0 ? (share(c) / total) * 100 : 0));
  if (neededMm(columns, BASE_PT) <= PORTRAIT_MM) return { landscape: false, fontPt: BASE_PT, colPercents };
  const fits = FONT_STEPS_PT.find((pt) => neededMm(columns, pt) <= LANDSCAPE_MM);
  return { landscape: true, fontPt: fits ?? MIN_PT, colPercents };
}

const numberText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** One column filter as the clerk set it: 状态：在岗, 姓名含“张”, 服务人口 800–1,200. */
function filterText(col: ViewColumn | undefined, value: FilterValue): string {
  const header = col?.header ?? '其他条件';
  const label = (v: string) => col?.labels?.[v] ?? v;
  if (typeof value === 'boolean' || (col?.kind === 'bool' && (value === 'true' || value === 'false'))) {
    return `${header}：${value === true || value === 'true' ? '是' : '否'}`;
  }
  if (Array.isArray(value)) return `${header}：${value.map(label).join('、')}`;
  if (typeof value === 'object') {
    const { min, max } = value;
    const n = (x: number) => numberText.format(x);
    if (min !== undefined && max !== undefined) return `${header} ${n(min)}–${n(max)}`;
    if (min !== undefined) return `${header} ≥ ${n(min)}`;
    if (max !== undefined) return `${header} ≤ ${n(max)}`;
    return header;
  }
  if (col?.kind === 'enum') return `${header}：${label(value)}`;
  // Text and number columns filter by "contains" (db/listQuery.ts).
  return `${header}含“${value}”`;
}

/**
 * The line under a printed list's title saying which rows it holds: 搜索“张”；状态：在岗；
 * 排序：姓名 升序 — or 全部记录 when nothing narrows it.
 */
export function describeListQuery(columns: readonly ViewColumn[], q: Pick<ListQuery, 'search' | 'filters' | 'sort'>): string {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const parts: string[] = [];
  if (q.search?.trim()) parts.push(`搜索“${q.search.trim()}”`);
  for (const f of q.filters ?? []) parts.push(filterText(byId.get(f.id), f.value));
  const narrowed = parts.length > 0 ? parts.join('；') : '无（全部记录）';
  const sort = (q.sort ?? []).map((s) => `${byId.get(s.id)?.header ?? s.id} ${s.desc ? '降序' : '升序'}`);
  return sort.length > 0 ? `${narrowed}；排序：${sort.join('、')}` : narrowed;
}
