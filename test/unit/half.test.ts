/** P4: half-years as the county's re-check names them — 2026H2, 2026下半年 — and their months and quarters. */
import { describe, expect, it } from 'vitest';
import { halfKey, halfLabel, halfOf, monthsOfHalf, parseHalf, previousHalf, quartersOfHalf } from '../../shared/rules/half';

describe('half-years (P4)', () => {
  it('reads the ways a half-year is written and refuses the rest', () => {
    for (const raw of ['2026H2', '2026h2', ' 2026 H 2 ', '2026下半年', '2026年下半年'])
      expect(parseHalf(raw)).toEqual({ year: 2026, h: 2 });
    expect(parseHalf('2026年上半年')).toEqual({ year: 2026, h: 1 });
    for (const raw of ['2026H3', '2026H0', '2026', '26H1', '2026Q3']) expect(parseHalf(raw)).toBeNull();
  });

  it('has six months in two quarters, and the half-year before it across a year boundary', () => {
    const h = { year: 2026, h: 2 };
    expect(monthsOfHalf(h)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(quartersOfHalf(h)).toEqual([
      { year: 2026, q: 3 },
      { year: 2026, q: 4 },
    ]);
    expect([halfKey(h), halfLabel(h)]).toEqual(['2026H2', '2026 年下半年']);
    expect(halfOf('2026-06-30')).toEqual({ year: 2026, h: 1 });
    expect(halfOf('2026-07')).toEqual({ year: 2026, h: 2 });
    expect(previousHalf({ year: 2027, h: 1 })).toEqual({ year: 2026, h: 2 });
    expect(previousHalf(h)).toEqual({ year: 2026, h: 1 });
  });
});
