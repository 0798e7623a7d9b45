/**
 * Money cells (import framework, type `money`): every way a clerk types an amount becomes an
 * exact integer number of 分 — never by multiplying a float (0.29 × 100 = 28.999…) — and a
 * negative or garbled amount is refused with a Chinese reason.
 */
import { describe, expect, it } from 'vitest';
import { convertCell } from '../../electron/excel/import/convert';
import { yuanText } from '../../shared/format';
import { toFen } from '../../electron/excel/import/money';
import type { FieldDef } from '../../electron/excel/import/types';

const fen = (v: Parameters<typeof toFen>[0], unit?: 'yuan' | 'wan') => {
  const r = toFen(v, unit);
  return r.ok ? r.value : r.reason;
};

describe('toFen', () => {
  it('reads typed amounts exactly', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(fen('0.29')).toBe(29);
    expect(fen('12,300.00')).toBe(1_230_000);
    expect(fen('¥12,300.00')).toBe(1_230_000);
    expect(fen('￥ 12,300.5')).toBe(1_230_050);
    expect(fen('12,300')).toBe(1_230_000);
    expect(fen('12300元')).toBe(1_230_000);
    expect(fen('人民币500元整')).toBe(50_000);
    expect(fen('１２，３００．０１')).toBe(1_230_001);
    expect(fen('.5')).toBe(50);
    expect(fen('0')).toBe(0);
    expect(fen('19999999.99')).toBe(1_999_999_999);
  });

  it('reads 万 and 万元 exactly, whatever the column’s unit', () => {
    expect(fen('1.23万')).toBe(1_230_000);
    expect(fen('1.23万元')).toBe(1_230_000);
    expect(fen('0.000001万')).toBe(1);
    expect(fen('35.2万元', 'wan')).toBe(35_200_000);
    // In a 万元 column a bare number is 万元, an amount marked 元 is 元.
    expect(fen('1.23', 'wan')).toBe(1_230_000);
    expect(fen('12300元', 'wan')).toBe(1_230_000);
  });

  it('reads numeric cells as Excel shows them: 15 significant digits', () => {
    expect(fen(0.29)).toBe(29);
    expect(fen(1.15)).toBe(115);
    expect(fen(0.1 + 0.2)).toBe(30);
    expect(fen(12300)).toBe(1_230_000);
    expect(fen(4_503_599_627.37)).toBe(450_359_962_737);
    expect(fen(1.23, 'wan')).toBe(1_230_000);
    expect(fen(0.07, 'wan')).toBe(70_000);
  });

  it('refuses negative, over-precise, too large and garbled amounts, in Chinese', () => {
    expect(fen('-100')).toBe('金额不能为负数，实际是“-100”');
    expect(fen('¥-100')).toBe('金额不能为负数，实际是“¥-100”');
    expect(fen('(100.00)')).toBe('金额不能为负数，实际是“(100.00)”');
    expect(fen(-0.01)).toBe('金额不能为负数，实际是“-0.01”');
    expect(fen('12.345')).toBe('金额最多两位小数（精确到分），实际是“12.345”');
    expect(fen(12.345)).toBe('金额最多两位小数（精确到分），实际是“12.345”');
    expect(fen('1.2345678万')).toBe('以万元为单位时最多六位小数（精确到分），实际是“1.2345678万”');
    expect(fen('999999999999')).toBe('金额过大：“999999999999”');
    expect(fen(1e12)).toBe('金额过大：“1000000000000”');
    for (const garbled of ['一千二百元', '12,30', '1,2,3', '12.3.4', '约500', '500左右', '元', '¥', '12 300 元 5']) {
      expect(fen(garbled), garbled).toMatch(/^应填金额（如 12300、12,300.00、¥12,300.00、1.23万），实际是“/);
    }
    expect(fen(true)).toMatch(/^应填金额/);
    expect(fen(new Date(Date.UTC(2020, 0, 1)))).toBe('应填金额（如 12300、12,300.00、¥12,300.00、1.23万），实际是“2020-01-01”');
    expect(fen(Number.NaN)).toBe('不是有效的金额');
  });

  it('is what a money field converts its cells with; a blank cell is no value', () => {
    const field: FieldDef = { key: 'valueFen', label: '原值', synonyms: [], type: 'money' };
    expect(convertCell(field, '¥12,300.00')).toEqual({ ok: true, value: 1_230_000 });
    expect(convertCell({ ...field, moneyUnit: 'wan' }, 1.23)).toEqual({ ok: true, value: 1_230_000 });
    expect(convertCell(field, '')).toEqual({ ok: true, value: undefined });
  });

  it('writes 分 back as 元 for messages', () => {
    expect([yuanText(1_230_000), yuanText(29), yuanText(0), yuanText(123_456_789)]).toEqual([
      '12,300.00 元',
      '0.29 元',
      '0.00 元',
      '1,234,567.89 元',
    ]);
  });
});
