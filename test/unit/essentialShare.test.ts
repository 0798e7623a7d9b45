import { describe, expect, it } from 'vitest';
import { essentialShare, type ShareLine } from '../../shared/rules/essentialShare';

const limits = { maxValueShare: 0.1, maxItemShare: 0.1 };
const line = (drugId: number, essential: boolean, amountFen: number): ShareLine => ({ drugId, essential, amountFen });

/** Nine essential items of 100 元 and one outside the list worth `outsideFen`. */
function tenItems(outsideFen: number): ShareLine[] {
  return [...Array.from({ length: 9 }, (_, i) => line(i + 1, true, 10_000)), line(99, false, outsideFen)];
}

describe('D3 essential-drug share', () => {
  it('exactly at the limit by value and by items is within (D9: strictly above is over)', () => {
    // 10,000 of 100,000 分 = 10 % exactly; 1 of 10 items = 10 % exactly.
    const r = essentialShare(tenItems(10_000), limits);
    expect(r.valueShare).toBeCloseTo(0.1, 10);
    expect(r.itemShare).toBe(0.1);
    expect(r.overByValue).toBe(false);
    expect(r.overByItems).toBe(false);
    expect(r.over).toBe(false);
  });

  it('one 分 above the limit by value is over', () => {
    // outside = 10,001 of a total where 10 % is 10,000.1 … use a total that makes 10 % an integer.
    const lines = [line(1, true, 89_999), line(2, false, 10_001)];
    const r = essentialShare(lines, { maxValueShare: 0.1, maxItemShare: 1 });
    expect(r.totalFen).toBe(100_000);
    expect(r.overByValue).toBe(true);
    expect(r.over).toBe(true);
    const exact = essentialShare([line(1, true, 90_000), line(2, false, 10_000)], { maxValueShare: 0.1, maxItemShare: 1 });
    expect(exact.overByValue).toBe(false);
  });

  it('just above by items is over even when the value share is small', () => {
    // 2 of 19 items ≈ 10.5 % > 10 %; value 2 of 1,802 ≈ 0.1 %.
    const lines = [...Array.from({ length: 17 }, (_, i) => line(i + 1, true, 10_000)), line(50, false, 1), line(51, false, 1)];
    const r = essentialShare(lines, limits);
    expect(r.outsideItems).toBe(2);
    expect(r.totalItems).toBe(19);
    expect(r.overByItems).toBe(true);
    expect(r.overByValue).toBe(false);
    expect(r.over).toBe(true);
  });

  it('counts a drug once as an item however many lines name it', () => {
    const lines = [...Array.from({ length: 9 }, (_, i) => line(i + 1, true, 10_000)), line(99, false, 5_000), line(99, false, 5_000)];
    const r = essentialShare(lines, limits);
    expect(r.totalItems).toBe(10);
    expect(r.outsideItems).toBe(1);
    expect(r.outsideFen).toBe(10_000);
    expect(r.over).toBe(false);
  });

  it('an empty requisition is not over and has no share', () => {
    const r = essentialShare([], limits);
    expect(r.over).toBe(false);
    expect(r.valueShare).toBeNull();
    expect(r.itemShare).toBeNull();
  });

  it('a limit of 0 makes any drug outside the list over; a limit of 100 % never is', () => {
    expect(essentialShare(tenItems(1), { maxValueShare: 0, maxItemShare: 0 }).over).toBe(true);
    expect(essentialShare([line(1, false, 5)], { maxValueShare: 1, maxItemShare: 1 }).over).toBe(false);
  });
});
