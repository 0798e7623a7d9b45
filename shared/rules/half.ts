/**
 * Half-years as the county's re-check counts them (P4): 'YYYYH1' (January–June, Q1 and Q2) and
 * 'YYYYH2' (July–December, Q3 and Q4), always inside one calendar year.
 */
import { monthsOfQuarter, type Quarter } from './quarter';

export interface Half {
  year: number;
  /** 1 or 2. */
  h: number;
}

// 年 is taken out before matching (2026年下半年 → 2026下半).
const HALF = /^(\d{4})\s*(?:[Hh]\s*([12])|(上|下)半)$/;

/** '2026H2', '2026h2', '2026下半年', '2026年下半年' → { year: 2026, h: 2 }; null when not a half-year. */
export function parseHalf(raw: string): Half | null {
  const m = HALF.exec(raw.trim().replace(/年/g, ''));
  if (!m) return null;
  return { year: Number(m[1]), h: m[2] ? Number(m[2]) : m[3] === '上' ? 1 : 2 };
}

export function halfKey(h: Half): string {
  return `${h.year}H${h.h}`;
}

/** 2026 年下半年. */
export function halfLabel(h: Half): string {
  return `${h.year} 年${h.h === 1 ? '上' : '下'}半年`;
}

/** The two quarters of a half-year. */
export function quartersOfHalf(h: Half): Quarter[] {
  return [1, 2].map((i) => ({ year: h.year, q: (h.h - 1) * 2 + i }));
}

/** The six months of a half-year, 'YYYY-MM'. */
export function monthsOfHalf(h: Half): string[] {
  return quartersOfHalf(h).flatMap(monthsOfQuarter);
}

/** The half-year a month ('YYYY-MM') or day falls in. */
export function halfOf(isoMonthOrDay: string): Half {
  return { year: Number(isoMonthOrDay.slice(0, 4)), h: Number(isoMonthOrDay.slice(5, 7)) <= 6 ? 1 : 2 };
}

/** The half-year before, which the county re-checks in the following one. */
export function previousHalf(h: Half): Half {
  return h.h === 2 ? { year: h.year, h: 1 } : { year: h.year - 1, h: 2 };
}
