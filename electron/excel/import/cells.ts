/**
 * What a clerk's cell "means", whatever Excel or WPS stored: rich text, a formula's cached
 * result, a hyperlink's text, a date (a Date, an Excel serial or 2026年3月5日), a number typed
 * as text with thousands separators or full-width digits, 是/否/√/×. Each converter answers a
 * value or a Chinese reason it cannot.
 */
import type { CellValue as ExcelCellValue } from 'exceljs';
import { cleanText, toHalfWidth } from '../../../shared/text';

/** A cell reduced to one plain value; '' for a blank. */
export type Plain = string | number | boolean | Date;

export type Converted<T> = { ok: true; value: T } | { ok: false; reason: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function plainValue(v: ExcelCellValue | undefined): Plain {
  if (v === null || v === undefined) return '';
  // Cleaned as typed text is (shared/text.ts), line breaks kept for the fields that keep them:
  // a zero-width space in a cell would otherwise make 测试村 a second village.
  if (typeof v === 'string') return cleanText(v, { multiline: true });
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (isObject(v)) {
    if (Array.isArray(v.richText)) return plainValue(v.richText.map((r: { text?: string }) => r.text ?? '').join(''));
    if ('result' in v) return plainValue(v.result as ExcelCellValue);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if (typeof v.text === 'string') return plainValue(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

export function isBlank(v: Plain): boolean {
  return v === '' || (typeof v === 'string' && /^[-—－/\\]+$/.test(v));
}

export function shown(v: Plain): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Units a clerk may type after a number; they carry no meaning the column does not. */
const UNIT_SUFFIX = /(人|户|公里|千米|km|KM|米|m²|㎡|平方米|平米|次|个|元)$/;

export function toNumber(v: Plain): Converted<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, reason: '不是有效的数字' };
  if (typeof v === 'boolean' || v instanceof Date) return { ok: false, reason: `应填数字，实际是“${shown(v)}”` };
  const s = toHalfWidth(v).replace(/[,\s]/g, '').replace(UNIT_SUFFIX, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { ok: false, reason: `应填数字，实际是“${v}”` };
  return { ok: true, value: Number(s) };
}

const TRUE_WORDS = new Set([
  '是',
  '有',
  '√',
  '✓',
  '✔',
  'y',
  'yes',
  'true',
  '1',
  '对',
  '已',
  '定点',
  '参加',
  '已参加',
  '参保',
  '已参保',
  '已买',
  '已购买',
]);
const FALSE_WORDS = new Set([
  '否',
  '无',
  '×',
  '✗',
  '✘',
  'x',
  'n',
  'no',
  'false',
  '0',
  '不是',
  '非',
  '未',
  '非定点',
  '未参加',
  '不参加',
  '未参保',
  '未买',
  '未购买',
]);

export function toBool(v: Plain): Converted<boolean> {
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (typeof v === 'number' && (v === 0 || v === 1)) return { ok: true, value: v === 1 };
  const s = toHalfWidth(shown(v)).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  return { ok: false, reason: `应填“是”或“否”，实际是“${shown(v)}”` };
}

/** Dates live in dates.ts (day, month alone, periods); re-exported for the kinds and tests. */
export { toIsoDate } from './dates';

export function toText(v: Plain): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  return shown(v).trim();
}

/** Names in one cell: 张庄村、李营村 / 张庄村,李营村 / 张庄村 李营村. */
export function toList(v: Plain): string[] {
  return toText(v)
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
