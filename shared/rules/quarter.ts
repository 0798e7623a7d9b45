/**
 * Quarters as the assessment counts them (P2, P6): 'YYYYQn', calendar quarters, always inside one
 * calendar year — so P5's "two failed assessments in one year" is a count of failed quarters
 * with the same year, and Q4 of one year with Q1 of the next is never two in one year.
 */

export interface Quarter {
  year: number;
  /** 1–4. */
  q: number;
}

const QUARTER = /^(\d{4})\s*[Qq第]?\s*([1-4])\s*(?:季度)?$/;

/** '2026Q3', '2026q3', '2026第3季度' → { year: 2026, q: 3 }; null when not a quarter. */
export function parseQuarter(raw: string): Quarter | null {
  const m = QUARTER.exec(raw.trim().replace(/年/g, ''));
  if (!m) return null;
  return { year: Number(m[1]), q: Number(m[2]) };
}

export function quarterKey(q: Quarter): string {
  return `${q.year}Q${q.q}`;
}

/** 2026 年第三季度. */
export function quarterLabel(q: Quarter): string {
  return `${q.year} 年第${'一二三四'[q.q - 1] ?? q.q}季度`;
}

/** The three months of a quarter, 'YYYY-MM'. */
export function monthsOfQuarter(q: Quarter): string[] {
  return [0, 1, 2].map((i) => `${q.year}-${String((q.q - 1) * 3 + 1 + i).padStart(2, '0')}`);
}

/** The quarter a month ('YYYY-MM') or day ('YYYY-MM-DD') falls in. */
export function quarterOf(isoMonthOrDay: string): Quarter {
  return { year: Number(isoMonthOrDay.slice(0, 4)), q: Math.floor((Number(isoMonthOrDay.slice(5, 7)) - 1) / 3) + 1 };
}

export function quarterFirstDay(q: Quarter): string {
  return `${monthsOfQuarter(q)[0] ?? ''}-01`;
}

export function quarterLastDay(q: Quarter): string {
  const lastMonth = q.q * 3;
  const day = new Date(Date.UTC(q.year, lastMonth, 0)).getUTCDate();
  return `${q.year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month 'YYYY-MM'. */
export function monthLastDay(month: string): string {
  const day = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** 2026-07 → 2026 年 7 月. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;
}
