/**
 * Dates as clerks type them: 2019-05-01, 2019.05.01, 2019/5/1, 2019年5月1日, 20190501, a month
 * alone (201905, 2019.05, 2019年5月), an Excel serial number, a real date cell, and periods in
 * one cell ("2023.06.01-2026.05.31", "2023年6月1日至2026年5月31日"). Each reader answers a value
 * or a Chinese reason it cannot. One parser for the import (electron/excel/import) and the
 * forms' date field (renderer/components/DateInput via parseTypedDate): no Node, no DOM.
 */
import { toHalfWidth } from './text';

/** A cell's plain value (as electron/excel/import/cells.ts reduces it), or a typed text. */
export type Plain = string | number | boolean | Date;
export type Converted<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Excel's day 0 is 1899-12-30 in the 1900 date system (it counts a 29 Feb 1900 that never was). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 2_958_465;
/** Years a person's records can fall in; outside them a number is not a year. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** A day, or a month when the clerk wrote no day (出生年月 201905). */
export type DayOrMonth = { iso: string; precision: 'day' | 'month' };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function day(y: number, m: number, d: number): Converted<DayOrMonth> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: `不是有效的日期：${y}年${m}月${d}日` };
  }
  return { ok: true, value: { iso: date.toISOString().slice(0, 10), precision: 'day' } };
}

function month(y: number, m: number): Converted<DayOrMonth> {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return { ok: false, reason: `不是有效的年月：${y}年${m}月` };
  return { ok: true, value: { iso: `${y}-${pad(m)}`, precision: 'month' } };
}

/** Numbers: an Excel serial, or 201905 / 20190501 / 2019.05 typed into a General cell. */
function fromNumber(v: number): Converted<DayOrMonth> {
  if (!Number.isFinite(v)) return { ok: false, reason: '不是有效的日期' };
  const whole = Math.floor(v);
  if (whole >= MIN_YEAR && whole <= MAX_YEAR) {
    const fraction = Math.round((v - whole) * 100);
    if (fraction === 0) return { ok: false, reason: `“${v}”只有年份，请写出月份，如 ${whole}.05` };
    // 2019.1 is what Excel keeps of both 2019.1 and 2019.10: the month cannot be told.
    if (fraction === 10 && String(v).split('.')[1]?.length === 1) {
      return { ok: false, reason: `“${v}”可能是${whole}年1月也可能是10月，请写成 ${whole}.01 或 ${whole}.10（把单元格设为文本）` };
    }
    return month(whole, fraction % 10 === 0 && fraction > 12 ? fraction / 10 : fraction);
  }
  if (Number.isInteger(v) && v >= MIN_YEAR * 100 + 1 && v <= MAX_YEAR * 100 + 12) return month(Math.floor(v / 100), v % 100);
  if (Number.isInteger(v) && v >= MIN_YEAR * 10_000 + 101 && v <= MAX_YEAR * 10_000 + 1231) {
    return day(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
  }
  if (v < 1 || v > MAX_SERIAL) return { ok: false, reason: `不是有效的日期：${v}` };
  return { ok: true, value: { iso: new Date(EXCEL_EPOCH_MS + whole * 86_400_000).toISOString().slice(0, 10), precision: 'day' } };
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$|^(\d{4})(\d{2})(\d{2})$/;
const MONTH_ONLY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$|^(\d{4})(\d{2})$/;

/** A day or a month, from whatever the cell holds. */
export function toDayOrMonth(v: Plain): Converted<DayOrMonth> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, reason: '不是有效的日期' };
    // exceljs gives date cells as UTC midnight, so the UTC day is the day.
    return { ok: true, value: { iso: v.toISOString().slice(0, 10), precision: 'day' } };
  }
  if (typeof v === 'number') return fromNumber(v);
  if (typeof v === 'boolean') return { ok: false, reason: `应填日期，实际是“${v ? '是' : '否'}”` };
  const s = toHalfWidth(v).trim();
  const full = FULL.exec(s);
  if (full) return day(Number(full[1] ?? full[4]), Number(full[2] ?? full[5]), Number(full[3] ?? full[6]));
  const m = MONTH_ONLY.exec(s);
  if (m) return month(Number(m[1] ?? m[3]), Number(m[2] ?? m[4]));
  if (/^\d+(\.\d+)?$/.test(s)) return fromNumber(Number(s));
  return { ok: false, reason: `应填日期（如 2019.05.01 或 2019年5月1日），实际是“${s}”` };
}

function lastDayOfMonth(isoMonth: string): string {
  const [y, m] = isoMonth.split('-').map(Number) as [number, number];
  return `${isoMonth}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** An ISO day; a month alone counts from its first day (201905 → 2019-05-01). */
export function toIsoDate(v: Plain): Converted<string> {
  const r = toDayOrMonth(v);
  if (!r.ok) return r;
  return { ok: true, value: r.value.precision === 'day' ? r.value.iso : `${r.value.iso}-01` };
}

/** A date token inside a period: a full day first, else a month; never inside a longer number. */
const TOKEN =
  /(?<!\d)(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)\s*日?|\d{8}(?!\d)|\d{4}\s*[-/.年]\s*\d{1,2}(?!\d)\s*月?|\d{6}(?!\d))/g;
const BETWEEN = /^[\s\-—–－~～至到止起:：]*$/;

/**
 * One or two dates in one cell, as ISO days: [start, end] of a period, or [date] alone. A month
 * alone starts on its first day and ends on its last (2023.06-2026.05 → 06-01 … 05-31).
 */
export function toDateRange(v: Plain): Converted<string[]> {
  if (typeof v !== 'string') {
    const one = toIsoDate(v);
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  const s = toHalfWidth(v).trim();
  const tokens = [...s.matchAll(TOKEN)];
  const rest = s.replace(TOKEN, '');
  if (tokens.length === 0 || tokens.length > 2 || !BETWEEN.test(rest)) {
    return { ok: false, reason: `应填起止日期（如 2023.06.01-2026.05.31 或 2023年6月1日至2026年5月31日），实际是“${s}”` };
  }
  const out: string[] = [];
  for (const [i, t] of tokens.entries()) {
    const r = toDayOrMonth(t[0].replace(/\s+/g, ''));
    if (!r.ok) return r;
    const isEnd = i === 1 || tokens.length === 1;
    out.push(r.value.precision === 'day' ? r.value.iso : isEnd && tokens.length === 2 ? lastDayOfMonth(r.value.iso) : `${r.value.iso}-01`);
  }
  if (out.length === 2 && (out[1] as string) < (out[0] as string))
    return { ok: false, reason: `结束日期 ${out[1]} 早于开始日期 ${out[0]}` };
  return { ok: true, value: out };
}

/** Years a typed day may fall in (as for the import's months). */
function inYears(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/** 26.12.1 or 26年12月1日: a two-digit year, read as written in the decades around today. */
const SHORT_YEAR = /^(\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
/** Two-digit years up to this many years ahead are 20xx, later ones 19xx (50 → 1950 in 2026). */
const SHORT_YEAR_AHEAD = 20;

/**
 * A day typed into a form's date field, read by the import's own rules (toDayOrMonth) plus what
 * only makes sense when typing: the Chinese IME's 。 as the dot, and a two-digit year. Refused,
 * with the reason in words: a month without its day, a bare number that is not 8 digits (an Excel
 * serial means nothing to a clerk typing), a year outside 1900–2100.
 */
export function parseTypedDate(typed: string, today: Date = new Date()): Converted<string> {
  const s = toHalfWidth(typed)
    .replace(/[。，、]/g, '.')
    .trim()
    .replace(/号$/, '日');
  if (s === '') return { ok: false, reason: '请填写日期' };
  const short = SHORT_YEAR.exec(s);
  if (short) {
    const yy = Number(short[1]);
    const year = 2000 + yy <= today.getFullYear() + SHORT_YEAR_AHEAD ? 2000 + yy : 1900 + yy;
    return parseTypedDate(`${year}.${short[2]}.${short[3]}`, today);
  }
  if (/^\d+$/.test(s) && s.length !== 8) {
    return { ok: false, reason: `“${s}”看不出年月日，请写成 2026.12.1、2026年12月1日 或 20261201` };
  }
  const r = toDayOrMonth(s);
  if (!r.ok) return r;
  if (r.value.precision === 'month') {
    const [y, m] = r.value.iso.split('-');
    return { ok: false, reason: `只写到了月（${y}年${Number(m)}月），请写出日，如 ${y}.${Number(m)}.1` };
  }
  if (!inYears(r.value.iso)) return { ok: false, reason: `年份应在 ${MIN_YEAR}–${MAX_YEAR} 年之间，实际是 ${r.value.iso.slice(0, 4)} 年` };
  return { ok: true, value: r.value.iso };
}
