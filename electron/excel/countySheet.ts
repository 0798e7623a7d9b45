/**
 * Writes one sheet of a county return through exceljs's streaming writer, top to bottom:
 *   1. title (merged across the table), 2. 填报单位 left / 填报日期 or period right,
 *   3. one or two header rows (see headerLayout.ts), 4. data rows, 5. 合计, 6. an optional
 *   summary block, 7. the signature line. Rows are committed as they are written, so memory
 *   stays flat however long the list; merges are declared before their rows are committed,
 *   which the streaming writer requires.
 */
import type { Row, Style, Worksheet } from 'exceljs';
import { AppError } from '../db/errors';
import { styles, type CellKind } from './countyStyle';
import { headerHeights, heightFor, layoutHeader, wrappedLines, type HeaderColumn } from './headerLayout';

export type CellValue = string | number | null;

export interface CountyColumn extends HeaderColumn {
  /** Width in Excel character units (a Chinese character takes about two). */
  width: number;
  kind: Exclude<CellKind, 'count' | 'people'>;
  /** What a count in this column's 合计 cell counts: clinics (个, the default) or people (人). */
  countUnit?: '个' | '人';
}

export interface Signature {
  operator: string;
  reviewer: string;
  director: string;
  /** Shown as written, e.g. 2026年11月22日. */
  date: string;
}

/** A small table under the main one, e.g. villages counted per coverage kind. */
export interface SummaryBlock {
  title: string;
  header: string[];
  kinds: Exclude<CellKind, 'count' | 'people'>[];
  rows: CellValue[][];
  /**
   * How many sheet columns each summary column spans, merged, so a label or a sentence is not
   * squeezed into one narrow numeric column; text then wraps and the row grows to fit.
   */
  spans?: number[];
}

export interface CountySheet {
  name: string;
  title: string;
  /** 填报单位 (the center's name). */
  unit: string;
  /** Right-hand side of the second row, e.g. `填报日期：2026年11月22日`. */
  period: string;
  columns: CountyColumn[];
  rows: Iterable<readonly CellValue[]>;
  /** The 合计 row after the data; its first cell is replaced by 合计. */
  totals?: readonly CellValue[];
  /** Data rows (0-based, in `rows` order) set in bold: subtotals and section headings. */
  boldRows?: ReadonlySet<number>;
  summary?: SummaryBlock;
  signature?: Signature;
}

/** The full-width space Chinese forms use to leave room between signatures. */
const IDEOGRAPHIC_SPACE = '\u3000';
/** Excel refuses (repair prompt) a cell longer than this. */
const MAX_CELL_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Rows between pauses that let the zip stream drain, so XML never piles up in memory. */
const YIELD_EVERY = 500;

export function cleanValue(v: CellValue | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === '') return null;
  // Lone surrogates cannot be encoded in UTF-8 XML; Excel would call the file damaged. The
  // cheap test first: this runs for every cell of a 100,000-row export.
  const text = ANY_SURROGATE.test(v) ? v.replace(LONE_SURROGATE, '') : v;
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/**
 * An ISO day (2026-03-05) as the Date Excel stores for that day (midnight UTC, as exceljs
 * writes dates); anything else — a blank, 起始日期不详 — stays as written.
 */
function excelDay(v: CellValue): Date | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

function put(row: Row, col: number, value: CellValue, style: Partial<Style>): void {
  const cell = row.getCell(col);
  cell.value = cleanValue(value);
  cell.style = style;
}

/** The columns split in two halves: unit on the left, date or period on the right. */
function writeUnitRow(ws: Worksheet, sheet: CountySheet): void {
  const width = sheet.columns.length;
  const row = ws.getRow(2);
  row.height = 20;
  if (width < 2) {
    put(row, 1, `填报单位：${sheet.unit}${IDEOGRAPHIC_SPACE}${sheet.period}`, styles.unitLeft);
    return;
  }
  const split = Math.ceil(width / 2);
  put(row, 1, `填报单位：${sheet.unit}`, styles.unitLeft);
  put(row, split + 1, sheet.period, styles.unitRight);
  if (split > 1) ws.mergeCells(2, 1, 2, split);
  if (width - split > 1) ws.mergeCells(2, split + 1, 2, width);
}

function writeHeader(ws: Worksheet, columns: readonly CountyColumn[], first: number): number {
  const layout = layoutHeader(columns);
  headerHeights(columns, layout).forEach((h, r) => (ws.getRow(first + r).height = h));
  for (const c of layout.cells) put(ws.getRow(first + c.row), c.col, c.text, styles.header);
  for (const m of layout.merges) ws.mergeCells(first + m.top, m.left, first + m.bottom, m.right);
  return first + layout.rowCount - 1;
}

function writeTotals(ws: Worksheet, sheet: CountySheet, n: number): void {
  const row = ws.getRow(n);
  sheet.columns.forEach((col, i) => {
    const v = i === 0 ? '合计' : (sheet.totals?.[i] ?? null);
    const textual = col.kind === 'text' || col.kind === 'center';
    const counted: CellKind = col.countUnit === '人' ? 'people' : 'count';
    const kind: CellKind = i === 0 ? 'center' : typeof v === 'number' && textual ? counted : col.kind;
    put(row, i + 1, v, styles.totals[kind]);
  });
  row.commit();
}

/** Where each summary column goes: its first sheet column and how many it spans, within the table's width. */
function summaryPlaces(sheet: CountySheet, summary: SummaryBlock): { col: number; span: number; width: number }[] {
  const last = sheet.columns.length;
  const places: { col: number; span: number; width: number }[] = [];
  let col = Math.min(2, last);
  for (let i = 0; i < summary.header.length && col <= last; i++) {
    const span = Math.max(1, Math.min(summary.spans?.[i] ?? 1, last - col + 1));
    places.push({ col, span, width: sheet.columns.slice(col - 1, col - 1 + span).reduce((s, c) => s + c.width, 0) });
    col += span;
  }
  return places;
}

function putSummaryRow(
  ws: Worksheet,
  n: number,
  values: readonly CellValue[],
  places: ReturnType<typeof summaryPlaces>,
  style: (i: number) => Partial<Style>,
): void {
  const row = ws.getRow(n);
  let lines = 1;
  places.forEach((p, i) => {
    const value = values[i] ?? null;
    put(row, p.col, value, style(i));
    if (p.span > 1) ws.mergeCells(n, p.col, n, p.col + p.span - 1);
    if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, p.width));
  });
  if (lines > 1) row.height = heightFor(lines, 20);
  row.commit();
}

/** The summary block starts in column 2 (under the names), as wide as the table allows. */
function writeSummary(ws: Worksheet, sheet: CountySheet, summary: SummaryBlock, start: number): number {
  const places = summaryPlaces(sheet, summary);
  // One empty row between the 合计 and the summary, as on paper.
  let n = start + 2;
  put(ws.getRow(n), places[0]?.col ?? 1, summary.title, styles.noteBold);
  ws.getRow(n).commit();
  n++;
  putSummaryRow(ws, n, summary.header, places, () => styles.header);
  for (const values of summary.rows) {
    n++;
    putSummaryRow(ws, n, values, places, (i) => (summary.spans ? styles.wrapped : styles.body)[summary.kinds[i] ?? 'text']);
  }
  return n;
}

function signatureText(s: Signature): string {
  const name = (v: string) => (v.trim() ? v.trim() : '__________');
  return [`填报人：${name(s.operator)}`, `审核人：${name(s.reviewer)}`, `单位负责人：${name(s.director)}`, `填报日期：${s.date}`].join(
    IDEOGRAPHIC_SPACE.repeat(4),
  );
}

function mergeWide(ws: Worksheet, n: number, width: number): void {
  if (width > 1) ws.mergeCells(n, 1, n, width);
}

/** Writes the sheet and commits it; returns the number of data rows written. */
export async function writeCountySheet(ws: Worksheet, sheet: CountySheet, headerEnd: number): Promise<number> {
  const width = sheet.columns.length;
  const title = ws.getRow(1);
  title.height = 32;
  put(title, 1, sheet.title, styles.title);
  mergeWide(ws, 1, width);
  writeUnitRow(ws, sheet);
  const lastHeader = writeHeader(ws, sheet.columns, 3);
  if (lastHeader !== headerEnd) throw new Error('header rows do not match the frozen panes');
  ws.getRow(lastHeader).commit();

  const bodyStyles = sheet.columns.map((c) => styles.body[c.kind]);
  const boldStyles = sheet.columns.map((c) => styles.totals[c.kind]);
  let n = lastHeader;
  let count = 0;
  for (const values of sheet.rows) {
    n++;
    if (n > MAX_ROWS - 10) throw new AppError('TOO_LARGE', `数据超过 Excel 单个工作表的行数上限（${MAX_ROWS} 行），请先筛选后再导出`);
    const row = ws.getRow(n);
    const rowStyles = sheet.boldRows?.has(count) ? boldStyles : bodyStyles;
    for (let i = 0; i < width; i++) {
      const v = values[i] ?? null;
      const day = sheet.columns[i]?.kind === 'date' ? excelDay(v) : null;
      if (day) {
        row.getCell(i + 1).value = day;
        row.getCell(i + 1).style = rowStyles[i] as Partial<Style>;
      } else put(row, i + 1, v, rowStyles[i] as Partial<Style>);
    }
    row.commit();
    count++;
    if (count % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (sheet.totals) writeTotals(ws, sheet, ++n);
  if (sheet.summary) n = writeSummary(ws, sheet, sheet.summary, n);
  if (sheet.signature) {
    n += 2;
    const row = ws.getRow(n);
    row.height = 24;
    put(row, 1, signatureText(sheet.signature), styles.note);
    mergeWide(ws, n, width);
    row.commit();
  }
  ws.commit();
  return count;
}

/** How many header rows a sheet gets: two when any column has a group heading. */
export function headerEndRow(columns: readonly HeaderColumn[]): number {
  return 2 + layoutHeader(columns).rowCount;
}
