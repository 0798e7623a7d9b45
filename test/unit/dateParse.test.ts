/**
 * The one date parser of the import and the forms' date field (shared/dateText.ts): every way a
 * clerk types a day gives the same ISO day; what cannot be a day is refused with its reason.
 */
import { describe, expect, it } from 'vitest';
import { parseTypedDate, toDayOrMonth } from '../../shared/dateText';
import { toDayOrMonth as importReader } from '../../electron/excel/import/dates';

const today = new Date(2026, 11, 6);

const understood: [string, string][] = [
  ['2026-12-01', '2026-12-01'],
  ['2026-12-1', '2026-12-01'],
  ['2026-1-5', '2026-01-05'],
  ['2026.12.1', '2026-12-01'],
  ['2026.12.01', '2026-12-01'],
  ['2026.1.5', '2026-01-05'],
  ['2026/12/01', '2026-12-01'],
  ['2026/12/1', '2026-12-01'],
  ['2026/1/5', '2026-01-05'],
  ['2026年12月1日', '2026-12-01'],
  ['2026年1月5日', '2026-01-05'],
  ['2026年12月01日', '2026-12-01'],
  ['2026年12月1', '2026-12-01'],
  ['2026年12月1号', '2026-12-01'],
  ['2026 年 12 月 1 日', '2026-12-01'],
  ['20261201', '2026-12-01'],
  ['20260105', '2026-01-05'],
  ['  2026.12.1  ', '2026-12-01'],
  // Full-width digits and signs, as a Chinese IME types them.
  ['２０２６．１２．１', '2026-12-01'],
  ['２０２６年１２月１日', '2026-12-01'],
  ['２０２６１２０１', '2026-12-01'],
  ['２０２６－１２－０１', '2026-12-01'],
  ['２０２６／１２／１', '2026-12-01'],
  // The IME's full stop 。 typed for the dot.
  ['2026。12。1', '2026-12-01'],
  // Two-digit years: up to 20 years ahead are 20xx, later ones 19xx.
  ['26.12.1', '2026-12-01'],
  ['26-12-1', '2026-12-01'],
  ['26/12/01', '2026-12-01'],
  ['26年12月1日', '2026-12-01'],
  ['46.1.1', '2046-01-01'],
  ['47.1.1', '1947-01-01'],
  ['85.3.15', '1985-03-15'],
  ['00.2.29', '2000-02-29'],
  // Leap days and month ends.
  ['2024.2.29', '2024-02-29'],
  ['2026.2.28', '2026-02-28'],
  ['2026.12.31', '2026-12-31'],
  ['1900.1.1', '1900-01-01'],
  ['2100.12.31', '2100-12-31'],
];

const refused: [string, RegExp][] = [
  ['', /请填写日期/],
  ['   ', /请填写日期/],
  ['2026.13.1', /不是有效的日期：2026年13月1日/],
  ['2026.2.30', /不是有效的日期：2026年2月30日/],
  ['2025.2.29', /不是有效的日期：2025年2月29日/],
  ['2026.12.32', /不是有效的日期/],
  ['2026.0.1', /不是有效的日期/],
  ['20261301', /不是有效的日期/],
  ['2026.12', /只写到了月（2026年12月），请写出日/],
  ['2026年12月', /只写到了月/],
  ['202612', /看不出年月日/],
  ['2026', /看不出年月日/],
  ['46000', /看不出年月日/],
  ['1', /看不出年月日/],
  ['abc', /应填日期/],
  ['明天', /应填日期/],
  ['2026.12.1.5', /应填日期/],
  ['1899.12.31', /年份应在 1900–2100 年之间/],
  ['2101.1.1', /年份应在/],
  ['26.2.30', /不是有效的日期：2026年2月30日/],
];

describe('parseTypedDate (the forms’ date field)', () => {
  it.each(understood)('reads %j as %s', (typed, iso) => {
    expect(parseTypedDate(typed, today)).toEqual({ ok: true, value: iso });
  });

  it.each(refused)('refuses %j, saying why', (typed, reason) => {
    const r = parseTypedDate(typed, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads every full date the same way the import reads it', () => {
    for (const [typed, iso] of understood) {
      if (/^\s*\d{2}\D/.test(typed) && !/^\s*\d{4}/.test(typed)) continue; // two-digit years are the form's own
      if (typed.includes('。') || typed.endsWith('号')) continue; // so are the IME's full stop and 号
      expect(toDayOrMonth(typed)).toEqual({ ok: true, value: { iso, precision: 'day' } });
    }
  });

  it('is the import’s reader, moved, not a copy', () => {
    expect(importReader).toBe(toDayOrMonth);
  });
});
