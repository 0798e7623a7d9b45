/**
 * The months and figures a requisition line shows beside it (D1, issue 10 part 2). Defaults,
 * not from the seeds:
 * - 结存 (on hand) is the clinic's stock at the end of the month before the requisition month —
 *   the same day whatever day the clerk opens the form, so a line reads the same on paper later;
 * - 近三月用量 is the use (movements of kind 'use') in the three months before it;
 * - 建议数量 covers 1.5 months of the average monthly use, less what is on hand, never below 0:
 *   ⌈use₃ / 3 × 1.5⌉ − on hand = ⌈use₃ / 2⌉ − on hand.
 */

/** 'YYYY-MM' shifted by n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The last ISO day of a month. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

export const firstDayOf = (month: string): string => `${month}-01`;

/** The day 结存 is taken at: the last day of the month before. */
export const onHandDayFor = (month: string): string => lastDayOf(addMonths(month, -1));

/** The three months before, oldest first. */
export const useMonthsFor = (month: string): string[] => [addMonths(month, -3), addMonths(month, -2), addMonths(month, -1)];

/** Months of average use the suggestion covers (a default, not from the seeds). */
export const SUGGEST_COVER_MONTHS = 1.5;

export function suggestedPacks(used3m: number, onHand: number): number {
  return Math.max(0, Math.ceil((used3m * SUGGEST_COVER_MONTHS) / 3) - onHand);
}

/** A share as a percentage with one decimal, null when there is nothing to divide. */
export function sharePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
