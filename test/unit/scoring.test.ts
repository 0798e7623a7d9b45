import { describe, expect, it } from 'vitest';
import { failedAssessmentsTriggerExit } from '../../shared/rules/people';
import { exitTriggers } from '../../shared/rules/yearly';
import { monthsOfQuarter, parseQuarter, quarterLastDay, quarterOf } from '../../shared/rules/quarter';
import {
  defaultAssessmentRule as rule,
  formatTenths,
  gradeOf,
  itemScoreProblem,
  monthScore,
  parsePointsToTenths,
  quarterScore,
  roundHalfUpTenths,
  scoreFromDeduction,
} from '../../shared/rules/scoring';

const months = (...tenths: (number | null)[]) => tenths.map((t, i) => ({ month: `2026-0${7 + i}`, totalTenths: t }));

describe('P6 rounding half up to one decimal, in integers', () => {
  it.each([
    [5995, 10, 600], // 59.95 → 60.0
    [5994, 10, 599], // 59.94 → 59.9
    [5985, 10, 599], // .x5 goes up
    [5975, 10, 598],
    [1199, 2, 600], // mean of 59.9 and 60.0 = 59.95 → 60.0
    [1798, 3, 599], // 59.933… → 59.9
    [1799, 3, 600], // 59.966… → 60.0
    [0, 3, 0],
  ])('%i / %i → %i tenths', (num, den, want) => {
    expect(roundHalfUpTenths(num, den)).toBe(want);
  });

  it('agrees with exact rational rounding for every mean of up to three months of 0–120 points', () => {
    for (let n = 1; n <= 3; n++) {
      for (let sum = 0; sum <= 1200 * n; sum += 7) {
        const got = roundHalfUpTenths(sum, n);
        // exact: got − ½ ≤ sum/n < got + ½  ⇔  2·got·n − n ≤ 2·sum < 2·got·n + n
        expect(2 * got * n - n <= 2 * sum && 2 * sum < 2 * got * n + n).toBe(true);
      }
    }
  });
});

describe('P6 quarter score, pass line and grades', () => {
  it('59.95 rounds to 60.0 and passes; 59.9 fails', () => {
    const pass = quarterScore(months(599, 600), rule); // mean 59.95
    expect(pass.scoreTenths).toBe(600);
    expect(pass.passed).toBe(true);
    expect(pass.grade).toBe('合格');
    const fail = quarterScore(months(599, 599, 599), rule);
    expect(fail.scoreTenths).toBe(599);
    expect(fail.passed).toBe(false);
    expect(fail.grade).toBe('不合格');
  });

  it('60.0 exactly passes', () => {
    expect(quarterScore(months(600), rule).passed).toBe(true);
  });

  it('a month not supervised is left out (未督导), never counted as 0', () => {
    const q = quarterScore(months(900, null, 800), rule);
    expect(q.scoreTenths).toBe(850);
    expect(q.unsupervisedMonths).toEqual(['2026-08']);
    expect(q.supervisedMonths).toEqual(['2026-07', '2026-09']);
    expect(q.grade).toBe('良好');
  });

  it('a quarter with no month supervised has no score and is neither passed nor failed', () => {
    const q = quarterScore(months(null, null, null), rule);
    expect(q.scoreTenths).toBeNull();
    expect(q.passed).toBeNull();
    expect(q.grade).toBeNull();
    expect(q.unsupervisedMonths).toHaveLength(3);
  });

  it('a veto month (0) counts in the mean', () => {
    const veto = monthScore({ items: [{ maxTenths: 1000, scoreTenths: 950, bonus: false }], bonusCapTenths: 0, vetoTriggered: true });
    expect(veto.totalTenths).toBe(0);
    expect(veto.vetoed).toBe(true);
    expect(veto.baseTenths).toBe(950);
    const q = quarterScore(months(950, veto.totalTenths, 950), rule);
    expect(q.scoreTenths).toBe(633); // 1900 / 3 = 63.33 → 63.3
    expect(q.passed).toBe(true);
  });

  it.each([
    [900, '优秀'],
    [899, '良好'],
    [800, '良好'],
    [799, '合格'],
    [600, '合格'],
    [599, '不合格'],
  ] as const)('grade of %i tenths is %s with the default thresholds', (t, g) => {
    expect(gradeOf(t, rule)).toBe(g);
  });

  it('thresholds follow the settings', () => {
    const strict = { passLine: 70, gradeExcellent: 95, gradeGood: 85 };
    expect(quarterScore(months(699), strict).passed).toBe(false);
    expect(quarterScore(months(700), strict).passed).toBe(true);
    expect(gradeOf(940, strict)).toBe('良好');
  });
});

describe('P6 month score', () => {
  it('sums base items; bonus counts on top up to its cap', () => {
    const m = monthScore({
      items: [
        { maxTenths: 600, scoreTenths: 550, bonus: false },
        { maxTenths: 400, scoreTenths: null, bonus: false },
        { maxTenths: 100, scoreTenths: 100, bonus: true },
        { maxTenths: 100, scoreTenths: 80, bonus: true },
      ],
      bonusCapTenths: 150,
      vetoTriggered: false,
    });
    expect(m).toEqual({ baseTenths: 550, bonusTenths: 150, totalTenths: 700, vetoed: false });
  });

  it('the item maximum is enforced with the item named, never clipped', () => {
    expect(itemScoreProblem('乡村医生在岗', 55, 50)).toBe('“乡村医生在岗”的得分 5.5 超过该项分值 5.0 分');
    expect(itemScoreProblem('乡村医生在岗', -1, 50)).toContain('不能小于 0');
    expect(itemScoreProblem('乡村医生在岗', 50, 50)).toBeNull();
    expect(itemScoreProblem('乡村医生在岗', 0, 50)).toBeNull();
  });

  it('a deduction becomes the score kept', () => {
    expect(scoreFromDeduction(50, 15)).toBe(35);
  });

  it('reads points as typed and refuses more than one decimal', () => {
    expect(parsePointsToTenths('59.5')).toBe(595);
    expect(parsePointsToTenths(' 7 ')).toBe(70);
    expect(parsePointsToTenths('7.50')).toBe(75);
    expect(parsePointsToTenths('3分')).toBe(30);
    expect(parsePointsToTenths(12)).toBe(120);
    expect(parsePointsToTenths('7.25')).toBeNull();
    expect(parsePointsToTenths('七')).toBeNull();
    expect(formatTenths(600)).toBe('60.0');
    expect(formatTenths(5)).toBe('0.5');
  });
});

describe('P5 two failed quarters in one calendar year (S11)', () => {
  const failed = (quarter: string) => {
    const q = parseQuarter(quarter);
    if (!q) throw new Error(quarter);
    return { year: q.year, passed: false };
  };

  it('Q4 of one year and Q1 of the next are not two in one year', () => {
    const results = [failed('2025Q4'), failed('2026Q1')];
    expect(failedAssessmentsTriggerExit(results, 2025)).toBe(false);
    expect(failedAssessmentsTriggerExit(results, 2026)).toBe(false);
    const facts = { absences: [], absenceLimit: 30, assessments: results, decisions: [], exitDate: null };
    expect(exitTriggers(facts, '2026-06-30')).toEqual([]);
  });

  it('two failed quarters in one year trigger exit, open until a decision', () => {
    const results = [failed('2026Q1'), { year: 2026, passed: true }, failed('2026Q3')];
    expect(failedAssessmentsTriggerExit(results, 2026)).toBe(true);
    const facts = { absences: [], absenceLimit: 30, assessments: results, decisions: [], exitDate: null };
    const open = exitTriggers(facts, '2027-02-01');
    expect(open).toEqual([{ rule: 'S11-assessment', year: 2026, count: 2, state: 'open', decidedOn: null }]);
  });

  it('quarters are calendar quarters inside one year', () => {
    expect(parseQuarter('2026Q3')).toEqual({ year: 2026, q: 3 });
    expect(parseQuarter('2026年第4季度')).toEqual({ year: 2026, q: 4 });
    expect(parseQuarter('2026Q5')).toBeNull();
    expect(monthsOfQuarter({ year: 2026, q: 4 })).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(quarterLastDay({ year: 2026, q: 1 })).toBe('2026-03-31');
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, q: 4 });
  });
});
