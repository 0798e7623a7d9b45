/**
 * P6 scoring, in integer tenths of a point throughout (the template stores points as tenths), so
 * no floating-point remainder can move a score across the pass line: 59.95 rounds to 60.0 and
 * passes, 59.94 to 59.9 and fails.
 *
 * - A month's score: the sum of the base items' scores, each within [0, item maximum], plus the
 *   bonus items' scores (奖励分/加分) up to the template's bonus cap; a triggered veto item
 *   (一票否决) makes the month 0.
 * - A quarter's score: the mean of the months supervised in it, rounded half up to one decimal.
 *   A month not supervised is left out and listed as 未督导, never counted as 0. A quarter with
 *   no month supervised has no score and is not an assessment (neither passed nor failed).
 * - Pass line and grade thresholds are settings (defaults 60 / 80 / 90; 60.0 passes).
 */

export interface ItemScoreInput {
  /** Item maximum, tenths of a point. */
  maxTenths: number;
  /** The score given, tenths of a point; null when the item was left blank (counts 0). */
  scoreTenths: number | null;
  /** Bonus item (奖励分): counted on top of the base total, up to the bonus cap. */
  bonus: boolean;
}

export interface MonthScoreInput {
  items: readonly ItemScoreInput[];
  /** Template's cap on bonus points, tenths (0 when the template has no bonus items). */
  bonusCapTenths: number;
  /** Whether any veto item (一票否决) was triggered at this visit. */
  vetoTriggered: boolean;
}

export interface MonthScore {
  baseTenths: number;
  /** Bonus counted, after the cap. */
  bonusTenths: number;
  /** Base + counted bonus, or 0 when a veto was triggered. */
  totalTenths: number;
  vetoed: boolean;
}

/** Tenths to the points shown on screen and paper: 600 → "60.0". */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/**
 * Points as typed (60, 59.5, "7.5") to tenths; null when not a number with at most one decimal
 * (a clerk scores in half or tenth points; more decimals are refused rather than rounded).
 */
export function parsePointsToTenths(raw: string | number): number | null {
  const s = String(raw).trim().replace(/．/g, '.').replace(/分$/, '').trim();
  const m = /^(-?)(\d+)(?:\.(\d))?0*$/.exec(s);
  if (!m) return null;
  const tenths = Number(m[2]) * 10 + Number(m[3] ?? '0');
  return m[1] === '-' ? -tenths : tenths;
}

/**
 * P6: why an item's score cannot be kept, in Chinese naming the item; null when it can.
 * A score must lie within [0, maximum]; the maximum is enforced, never clipped silently.
 */
export function itemScoreProblem(itemName: string, scoreTenths: number, maxTenths: number): string | null {
  if (!Number.isInteger(scoreTenths)) return `“${itemName}”的得分最多保留一位小数`;
  if (scoreTenths < 0) return `“${itemName}”的得分不能小于 0（扣分不能超过该项分值 ${formatTenths(maxTenths)} 分）`;
  if (scoreTenths > maxTenths) return `“${itemName}”的得分 ${formatTenths(scoreTenths)} 超过该项分值 ${formatTenths(maxTenths)} 分`;
  return null;
}

/** P6: a deduction (扣分) typed by the clerk becomes the score kept: max − deduction. */
export function scoreFromDeduction(maxTenths: number, deductionTenths: number): number {
  return maxTenths - deductionTenths;
}

/** P6: one visit's month score. Items are assumed checked by `itemScoreProblem`. */
export function monthScore(input: MonthScoreInput): MonthScore {
  let baseTenths = 0;
  let bonusRaw = 0;
  for (const item of input.items) {
    const s = item.scoreTenths ?? 0;
    if (item.bonus) bonusRaw += s;
    else baseTenths += s;
  }
  const bonusTenths = Math.min(bonusRaw, Math.max(0, input.bonusCapTenths));
  const vetoed = input.vetoTriggered;
  return { baseTenths, bonusTenths, totalTenths: vetoed ? 0 : baseTenths + bonusTenths, vetoed };
}

/**
 * Round numerator / denominator (in tenths, i.e. the mean as an exact fraction of tenths) half
 * up to a whole number of tenths — integers only. Scores are never negative, so "half up" is
 * "half away from zero" here; for the record, 5995/10 → 600 and 5994/10 → 599.
 */
export function roundHalfUpTenths(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) {
    throw new Error('roundHalfUpTenths: integers and a positive denominator expected');
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export interface QuarterMonthInput {
  /** 'YYYY-MM'. */
  month: string;
  /** The month's score in tenths, or null when the month was not supervised (未督导). */
  totalTenths: number | null;
}

export interface AssessmentRule {
  /** Pass line in points (default 60; the line itself passes). */
  passLine: number;
  /** 优秀 from this many points (default 90). */
  gradeExcellent: number;
  /** 良好 from this many points (default 80). */
  gradeGood: number;
}

export const defaultAssessmentRule: AssessmentRule = { passLine: 60, gradeExcellent: 90, gradeGood: 80 };

export type Grade = '优秀' | '良好' | '合格' | '不合格';

export interface QuarterScore {
  /** Mean of the supervised months, rounded half up to tenths; null when none was supervised. */
  scoreTenths: number | null;
  grade: Grade | null;
  /** null when the quarter has no supervised month (no assessment). */
  passed: boolean | null;
  supervisedMonths: string[];
  /** Months listed as 未督导 — left out of the mean, never 0. */
  unsupervisedMonths: string[];
}

/** P6: grade of a (rounded) score in tenths. */
export function gradeOf(scoreTenths: number, rule: AssessmentRule): Grade {
  if (scoreTenths >= rule.gradeExcellent * 10) return '优秀';
  if (scoreTenths >= rule.gradeGood * 10) return '良好';
  if (scoreTenths >= rule.passLine * 10) return '合格';
  return '不合格';
}

/** P6: a quarter's score from its months (each month of the quarter given once, supervised or not). */
export function quarterScore(months: readonly QuarterMonthInput[], rule: AssessmentRule): QuarterScore {
  const supervised = months.filter((m) => m.totalTenths !== null);
  const unsupervisedMonths = months.filter((m) => m.totalTenths === null).map((m) => m.month);
  const supervisedMonths = supervised.map((m) => m.month);
  if (supervised.length === 0) return { scoreTenths: null, grade: null, passed: null, supervisedMonths, unsupervisedMonths };
  const sum = supervised.reduce((acc, m) => acc + (m.totalTenths ?? 0), 0);
  const scoreTenths = roundHalfUpTenths(sum, supervised.length);
  return {
    scoreTenths,
    grade: gradeOf(scoreTenths, rule),
    passed: scoreTenths >= rule.passLine * 10,
    supervisedMonths,
    unsupervisedMonths,
  };
}
