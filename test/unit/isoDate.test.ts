/**
 * shared/schemas/common.ts isoDate: a stored date is `YYYY-MM-DD` and a day of the calendar —
 * months of 30 and 31 days, 29 February in leap years only (every fourth year, not centuries,
 * but every fourth century).
 */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/schemas/common';

const ok = (s: string) => isoDate.safeParse(s).success;

describe('isoDate', () => {
  it('takes every real day and refuses the days no month has', () => {
    for (const s of ['2026-01-31', '2026-04-30', '2026-12-31', '2024-02-29', '2000-02-29', '1900-02-28', '0001-01-01'])
      expect(ok(s), s).toBe(true);
    for (const s of ['2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2025-02-29', '2100-02-29', '1900-02-29', '2026-02-30'])
      expect(ok(s), s).toBe(false);
    for (const s of ['2026-00-10', '2026-13-01', '2026-01-00', '2026-01-32']) expect(ok(s), s).toBe(false);
  });

  it('names what is wrong: the form, or the day', () => {
    expect(isoDate.safeParse('2026/1/31').error?.issues[0]?.message).toBe('日期格式应为 年-月-日，如 2026-01-31');
    expect(isoDate.safeParse('2026-02-30').error?.issues[0]?.message).toBe('不是有效的日期');
  });

  it('agrees with the calendar on every day of four years around a leap day and a century', () => {
    for (const start of [Date.UTC(2023, 0, 1), Date.UTC(2099, 0, 1)]) {
      const real = new Set<string>();
      for (let t = start; t < start + 4 * 366 * 86_400_000; t += 86_400_000) real.add(new Date(t).toISOString().slice(0, 10));
      const year = new Date(start).getUTCFullYear();
      for (let y = year; y < year + 4; y++)
        for (let m = 1; m <= 12; m++)
          for (let d = 1; d <= 31; d++) {
            const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
            expect(ok(s), s).toBe(real.has(s));
          }
    }
  });
});
