/**
 * Rule A4 (政府会计准则第3号 and its application guide): monthly straight line, no residual value,
 * from the month added, not in the month it leaves, no catch-up, and totals exact in 分.
 */
import { describe, expect, it } from 'vitest';
import {
  accumulatedAt,
  depreciationIn,
  monthIndex,
  monthIso,
  monthsLeftAt,
  valueAt,
  type DepreciationBasis,
} from '../../shared/rules/depreciation';

const m = (ym: string) => monthIndex(`${ym}-01`);
/** An ECG machine of ¥12,000.00 with a five-year life, added on 15 March 2024. */
const ecg: DepreciationBasis = { startMonth: monthIndex('2024-03-15'), value: 1_200_000, lifeMonths: 60, changes: [], endMonth: null };

describe('month arithmetic', () => {
  it('numbers months and turns them back', () => {
    expect(monthIso(monthIndex('2024-03-15'))).toBe('2024-03');
    expect(m('2025-01') - m('2024-12')).toBe(1);
  });
});

describe('straight line, A4', () => {
  it('starts in the month the asset is added, even mid-month', () => {
    expect(accumulatedAt(ecg, m('2024-02'))).toBe(0);
    expect(depreciationIn(ecg, m('2024-03'))).toBe(20_000);
    expect(accumulatedAt(ecg, m('2024-12'))).toBe(10 * 20_000);
  });

  it('stops when fully depreciated: 60 months reach the original value, the 61st books nothing', () => {
    expect(accumulatedAt(ecg, m('2029-02'))).toBe(1_200_000);
    expect(depreciationIn(ecg, m('2029-02'))).toBe(20_000);
    expect(depreciationIn(ecg, m('2029-03'))).toBe(0);
    expect(accumulatedAt(ecg, m('2035-01'))).toBe(1_200_000);
    expect(monthsLeftAt(ecg, m('2029-02'))).toBe(0);
  });

  it('is not depreciated in the month it leaves, and is not caught up when it leaves early', () => {
    const disposed = { ...ecg, endMonth: monthIndex('2025-06-20') };
    expect(depreciationIn(disposed, m('2025-05'))).toBe(20_000);
    expect(depreciationIn(disposed, m('2025-06'))).toBe(0);
    // March 2024 … May 2025: 15 months.
    expect(accumulatedAt(disposed, m('2030-01'))).toBe(15 * 20_000);
  });

  it('spreads rounding so months differ by at most 1 分 and the life totals the value exactly', () => {
    const odd: DepreciationBasis = { startMonth: m('2026-01'), value: 1_000, lifeMonths: 3, changes: [], endMonth: null };
    expect([0, 1, 2].map((i) => depreciationIn(odd, m('2026-01') + i))).toEqual([333, 333, 334]);
    for (const [value, life] of [
      [99_999, 72],
      [1, 60],
      [12_345_67, 600],
      [500_000_00, 360],
      [7, 5],
    ] as const) {
      const b: DepreciationBasis = { startMonth: 0, value, lifeMonths: life, changes: [], endMonth: null };
      const months = Array.from({ length: life + 3 }, (_, i) => depreciationIn(b, i));
      expect(months.reduce((a, x) => a + x, 0)).toBe(value);
      const booked = months.slice(0, life);
      expect(Math.max(...booked) - Math.min(...booked)).toBeLessThanOrEqual(1);
    }
  });

  it('does not depreciate land, relics and books (life 0)', () => {
    const land: DepreciationBasis = { startMonth: m('2020-01'), value: 5_000_000, lifeMonths: 0, changes: [], endMonth: null };
    expect(accumulatedAt(land, m('2040-01'))).toBe(0);
  });
});

describe('value changes', () => {
  it('an improvement spreads the book value left over the life left, and the whole life still totals the new value', () => {
    // After 24 months (¥4,800 depreciated), +¥6,000 in March 2026 with 36 months left of the life in force.
    const improved: DepreciationBasis = { ...ecg, changes: [{ month: m('2026-03'), delta: 600_000 }] };
    expect(accumulatedAt(improved, m('2026-02'))).toBe(480_000);
    // (18,000 − 4,800) / 36 = 366.66… 元 a month.
    expect(depreciationIn(improved, m('2026-03'))).toBe(36_666);
    expect(accumulatedAt(improved, m('2029-02'))).toBe(1_800_000);
    expect(depreciationIn(improved, m('2029-03'))).toBe(0);
    expect(valueAt(improved, m('2026-03'))).toBe(1_800_000);
    expect(valueAt(improved, m('2026-02'))).toBe(1_200_000);
  });

  it('a new life resets the months left, counted from the month the asset was added', () => {
    // Fully depreciated in Feb 2029; improved in Jan 2030 by ¥2,400 with a new total life of 70+24 months.
    const b: DepreciationBasis = { ...ecg, changes: [{ month: m('2030-01'), delta: 240_000, lifeMonths: 70 + 24 }] };
    expect(accumulatedAt(b, m('2029-12'))).toBe(1_200_000);
    expect(monthsLeftAt(b, m('2030-01'))).toBe(94 - 71);
    // 24 months left from Jan 2030: ¥2,400 / 24 = ¥100 a month.
    expect(depreciationIn(b, m('2030-01'))).toBe(10_000);
    expect(accumulatedAt(b, m('2031-12'))).toBe(1_440_000);
    expect(depreciationIn(b, m('2032-01'))).toBe(0);
  });

  it('a revaluation down lowers the months that follow; the total is the new value', () => {
    const b: DepreciationBasis = { ...ecg, changes: [{ month: m('2025-03'), delta: -240_000 }] };
    // 12 months at ¥200 = ¥2,400; then (9,600 − 2,400) / 48 = ¥150 a month.
    expect(depreciationIn(b, m('2025-03'))).toBe(15_000);
    expect(accumulatedAt(b, m('2029-02'))).toBe(960_000);
  });

  it('a change in the month the asset is added applies from the start', () => {
    const b: DepreciationBasis = { ...ecg, changes: [{ month: ecg.startMonth, delta: 120_000 }] };
    expect(depreciationIn(b, ecg.startMonth)).toBe(22_000);
  });
});
