/**
 * D3: the share of a requisition outside the essential drug list, by value and by number of
 * items, against the limits in the settings. "Above the share" means strictly greater than
 * the limit (D9): exactly 10 % is within.
 *
 * Compared in integers: the limit (a fraction such as 0.1) becomes basis points, and
 * `outside × 10 000 > limit_bp × total` decides, so 1 分 over is over and 10 % exactly is never
 * pushed over by a floating-point remainder.
 */

export interface ShareLine {
  /** The drug's catalog id: one item however many lines name it. */
  drugId: number;
  /** Whether the drug is on the essential list in force on the requisition's month (D8). */
  essential: boolean;
  /** Value of the line, 分 (packs × price per pack). */
  amountFen: number;
}

export interface ShareLimits {
  /** Largest share by value allowed outside the list, as a fraction (0.1 = 10 %). */
  maxValueShare: number;
  /** Largest share by number of items allowed outside the list, as a fraction. */
  maxItemShare: number;
}

export interface ShareResult {
  totalFen: number;
  outsideFen: number;
  totalItems: number;
  outsideItems: number;
  /** Shares as fractions, for display; null when there is nothing to divide by. */
  valueShare: number | null;
  itemShare: number | null;
  overByValue: boolean;
  overByItems: boolean;
  over: boolean;
}

const BASIS = 10_000;

function basisPoints(fraction: number): number {
  return Math.round(fraction * BASIS);
}

/** `part / whole > limit`, exactly. An empty whole is never over. */
function above(part: number, whole: number, limit: number): boolean {
  return whole > 0 && part * BASIS > basisPoints(limit) * whole;
}

export function essentialShare(lines: readonly ShareLine[], limits: ShareLimits): ShareResult {
  let totalFen = 0;
  let outsideFen = 0;
  const items = new Map<number, boolean>();
  for (const line of lines) {
    totalFen += line.amountFen;
    if (!line.essential) outsideFen += line.amountFen;
    items.set(line.drugId, line.essential);
  }
  const totalItems = items.size;
  let outsideItems = 0;
  for (const essential of items.values()) if (!essential) outsideItems += 1;
  const overByValue = above(outsideFen, totalFen, limits.maxValueShare);
  const overByItems = above(outsideItems, totalItems, limits.maxItemShare);
  return {
    totalFen,
    outsideFen,
    totalItems,
    outsideItems,
    valueShare: totalFen > 0 ? outsideFen / totalFen : null,
    itemShare: totalItems > 0 ? outsideItems / totalItems : null,
    overByValue,
    overByItems,
    over: overByValue || overByItems,
  };
}
