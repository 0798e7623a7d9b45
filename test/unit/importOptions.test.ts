/**
 * What an import or a return is told besides the file: a month (YYYY-MM) or a quarter
 * (YYYYQn), refused in Chinese when missing or malformed, by the core and the upload schema.
 */
import { describe, expect, it } from 'vitest';
import { importKind, needMonth } from '../../electron/app/importKinds';
import { isoMonth, isoQuarter } from '../../shared/schemas/common';
import { importUpload } from '../../shared/schemas/import';

describe('import options', () => {
  it('needMonth gives the month, or refuses naming the option and how to give it', () => {
    expect(needMonth({ month: '2026-11' }, '药品请领')).toBe('2026-11');
    expect(() => needMonth({}, '药品请领')).toThrow(
      '导入药品请领须指明月份：导入页面请先选择月份；命令行请加 --month 年-月，如 --month 2026-11',
    );
  });

  it('a kind that takes no option ignores one given', () => {
    expect(importKind('villages', { month: '2026-11' }).title).toBe(importKind('villages').title);
  });

  it('the upload schema takes a month only as YYYY-MM', () => {
    const base = { kind: 'villages', fileName: 'a.xlsx', base64: 'AAAA' };
    expect(importUpload.parse({ ...base, month: '2026-11' }).month).toBe('2026-11');
    const bad = importUpload.safeParse({ ...base, month: '2026-13' });
    expect(bad.success ? '' : bad.error.issues[0]?.message).toBe('月份格式应为 年-月，如 2026-11');
  });

  it('months and quarters are checked as written', () => {
    expect(['2026-01', '2026-12'].map((m) => isoMonth.safeParse(m).success)).toEqual([true, true]);
    expect(['2026-1', '2026-00', '202611', '2026年11月'].map((m) => isoMonth.safeParse(m).success)).toEqual([false, false, false, false]);
    expect(['2026Q1', '2026Q4'].map((q) => isoQuarter.safeParse(q).success)).toEqual([true, true]);
    expect(['2026Q0', '2026Q5', '2026-Q3', '2026q3'].map((q) => isoQuarter.safeParse(q).success)).toEqual([false, false, false, false]);
  });
});
