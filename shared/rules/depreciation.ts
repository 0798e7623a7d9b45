/**
 * Depreciation of fixed assets (rule A4, 政府会计准则第3号 and its application guide):
 * monthly, straight line (年限平均法), no residual value. An asset depreciates from the month
 * it is added and not in the month it leaves; a fully depreciated asset is not depreciated
 * further, and one that leaves early is not caught up.
 *
 * Rounding, in 分: within a stretch of life the accumulated depreciation after k of its R
 * months is ⌊B·k/R⌋ (B the value still to depreciate), and each month books the difference.
 * So months differ by at most 1 分, no month is ever off by more, and over a whole life the
 * months add up to the original value exactly.
 *
 * A value change (improvement, revaluation) takes effect in its own month: from then on the
 * book value left (new value − accumulated) is spread over the months of life left, counted
 * against the life in force, which the change may reset (a new total life in months).
 */

/** Months counted from year 0: `2026-03-xx` → 2026·12 + 2. */
export function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** The inverse of monthIndex, as `YYYY-MM`. */
export function monthIso(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface ValueChange {
  month: number;
  /** Change of the original value, 分 (negative: a decrease). */
  delta: number;
  /** The asset's new total life in months, counted from the month it was added. */
  lifeMonths?: number;
}

export interface DepreciationBasis {
  /** Month the asset was added (its 入账 date's month). */
  startMonth: number;
  /** Original value when added, 分. */
  value: number;
  /** Total life in months; 0: not depreciated. */
  lifeMonths: number;
  /** Value changes, in month order. */
  changes: readonly ValueChange[];
  /** Month the asset left (disposal); it is not depreciated in or after it. */
  endMonth: number | null;
}

/** Accumulated after `k` of `remaining` months of a stretch whose book value is `base`. */
function stretch(base: number, remaining: number, k: number): number {
  if (remaining <= 0 || k <= 0) return 0;
  if (k >= remaining) return base;
  return Math.floor((base * k) / remaining);
}

/** Accumulated depreciation at the end of `month`, 分. */
export function accumulatedAt(b: DepreciationBasis, month: number): number {
  const last = b.endMonth === null ? month : Math.min(month, b.endMonth - 1);
  if (last < b.startMonth) return 0;
  let value = b.value;
  let life = b.lifeMonths;
  let acc = 0; // accumulated at the start of the current stretch
  let from = b.startMonth; // first month of the current stretch
  for (const c of b.changes) {
    if (c.month > last) break;
    const remaining = Math.max(0, life - (from - b.startMonth));
    acc += stretch(value - acc, remaining, Math.min(Math.max(0, c.month - from), remaining));
    value += c.delta;
    if (c.lifeMonths !== undefined) life = c.lifeMonths;
    from = Math.max(from, c.month);
  }
  const remaining = Math.max(0, life - (from - b.startMonth));
  return acc + stretch(value - acc, remaining, last + 1 - from);
}

/** Depreciation booked in `month`, 分. */
export function depreciationIn(b: DepreciationBasis, month: number): number {
  return accumulatedAt(b, month) - accumulatedAt(b, month - 1);
}

/** The original value in force at the end of `month` (changes up to that month applied). */
export function valueAt(b: DepreciationBasis, month: number): number {
  return b.changes.reduce((v, c) => (c.month <= month ? v + c.delta : v), b.value);
}

/** The total life in force at the end of `month` (all changes when absent): the latest value change that set one, else the first. */
export function lifeInForce(b: DepreciationBasis, month = Infinity): number {
  let life = b.lifeMonths;
  for (const c of b.changes) if (c.month <= month && c.lifeMonths !== undefined) life = c.lifeMonths;
  return life;
}

/** Months of life left at the end of `month` (0 when fully depreciated or not depreciated). */
export function monthsLeftAt(b: DepreciationBasis, month: number): number {
  const life = lifeInForce(b, month);
  const depreciated = Math.max(0, Math.min(month, (b.endMonth ?? Infinity) - 1) + 1 - b.startMonth);
  return Math.max(0, life - depreciated);
}
