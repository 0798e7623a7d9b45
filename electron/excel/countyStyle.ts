/**
 * The look of a county return: 宋体 throughout, thin black borders around the table, a bold
 * 16-point title. Every style is one frozen object made once, because exceljs recognises a style
 * it has seen by object identity (a WeakMap) and skips re-serialising it: sharing the objects is
 * what keeps a 100,000-row export as fast as raw exceljs.
 */
import type { Alignment, Borders, Font, Style } from 'exceljs';

const FONT_NAME = '宋体';
/** GB2312 charset, as Chinese Excel writes it for 宋体, so WPS and Excel pick the same face. */
const CHARSET_GB2312 = 134;

export type CellKind = 'text' | 'center' | 'int' | 'decimal' | 'money' | 'date' | 'count' | 'people';

function font(size: number, bold = false): Partial<Font> {
  return { name: FONT_NAME, size, charset: CHARSET_GB2312, ...(bold ? { bold: true } : {}) };
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const NUM_FMT: Record<CellKind, string | undefined> = {
  text: '@',
  center: undefined,
  int: '0',
  decimal: '0.0#',
  // Amounts in 元, always with both decimals (the returns hold 分 and write 分 / 100).
  money: '#,##0.00',
  // Issue 12: a real Excel date shown the Chinese way, so Excel sorts and filters it as a date.
  date: 'yyyy"年"m"月"d"日"',
  // A count in a text column of the totals row: stays a number, reads "14个".
  count: '0"个"',
  // The same for a count of people (花名册 totals): "24人".
  people: '0"人"',
};

function cellStyle(kind: CellKind, bold: boolean, wrapText = false): Partial<Style> {
  const horizontal: Alignment['horizontal'] = kind === 'text' ? 'left' : kind === 'center' || kind === 'date' ? 'center' : 'right';
  const numFmt = NUM_FMT[kind];
  return Object.freeze({
    font: font(11, bold),
    border,
    alignment: { horizontal, vertical: 'middle' as const, ...(wrapText ? { wrapText: true } : {}) },
    ...(numFmt ? { numFmt } : {}),
  });
}

function byKind(bold: boolean, wrapText = false): Record<CellKind, Partial<Style>> {
  return {
    text: cellStyle('text', bold, wrapText),
    center: cellStyle('center', bold, wrapText),
    int: cellStyle('int', bold, wrapText),
    decimal: cellStyle('decimal', bold, wrapText),
    money: cellStyle('money', bold, wrapText),
    date: cellStyle('date', bold, wrapText),
    count: cellStyle('count', bold, wrapText),
    people: cellStyle('people', bold, wrapText),
  };
}

export const styles = {
  title: Object.freeze<Partial<Style>>({
    font: font(16, true),
    alignment: { horizontal: 'center', vertical: 'middle' },
  }),
  unitLeft: Object.freeze<Partial<Style>>({ font: font(11), alignment: { horizontal: 'left', vertical: 'middle' } }),
  unitRight: Object.freeze<Partial<Style>>({ font: font(11), alignment: { horizontal: 'right', vertical: 'middle' } }),
  header: Object.freeze<Partial<Style>>({
    font: font(11, true),
    border,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  }),
  body: byKind(false),
  totals: byKind(true),
  /** Summary cells spanning several columns: long text wraps instead of spilling over. */
  wrapped: byKind(false, true),
  note: Object.freeze<Partial<Style>>({ font: font(11), alignment: { horizontal: 'left', vertical: 'middle' } }),
  noteBold: Object.freeze<Partial<Style>>({ font: font(11, true), alignment: { horizontal: 'left', vertical: 'middle' } }),
};

/** The font of the workbook's Normal style, so cells the clerk types in later are 宋体 too. */
export const defaultFont: Partial<Font> = { ...font(11), family: 3 };
