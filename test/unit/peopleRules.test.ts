import { describe, expect, it } from 'vitest';
import {
  absenceDaysInYear,
  absenceTriggersExit,
  agesReachedWithin,
  agesReachedWithinOn,
  bornBy,
  endsWithin,
  endsWithinOn,
  failedAssessmentsTriggerExit,
  headOverAge,
  lacksWoman,
  shorterThanMonths,
  type TrainingRecord,
  type TrainingRule,
} from '../../shared/rules/people';
import { addDays } from '../../shared/rules/dates';
import { trainingProgress, type TrainingProgressRule } from '../../shared/rules/yearly';
import { ageOn } from '../../shared/rules/idCard';
import { defaultSettings } from '../../shared/schemas/settings';

const TODAY = '2026-06-15';
const WATCHED = [60, 65] as const;

describe('S5: ages reached within the next 12 months', () => {
  it('64 turning 65 tomorrow is watched; 65 today is past the warning', () => {
    expect(agesReachedWithin('1961-06-16', TODAY, WATCHED)).toEqual([65]);
    expect(agesReachedWithin('1961-06-15', TODAY, WATCHED)).toEqual([]);
    expect(agesReachedWithin('1960-01-01', TODAY, WATCHED)).toEqual([]);
  });

  it('59 turning 60 within the year warns of the pension age; the window ends exactly 12 months ahead', () => {
    expect(agesReachedWithin('1966-12-31', TODAY, WATCHED)).toEqual([60]);
    expect(agesReachedWithin('1967-06-15', TODAY, WATCHED)).toEqual([60]);
    expect(agesReachedWithin('1967-06-16', TODAY, WATCHED)).toEqual([]);
    expect(agesReachedWithin('1966-06-15', TODAY, WATCHED)).toEqual([]);
  });

  it('a 40-year-old reaches nothing; a shorter window is honoured', () => {
    expect(agesReachedWithin('1986-01-01', TODAY, WATCHED)).toEqual([]);
    expect(agesReachedWithin('1961-12-01', TODAY, WATCHED, 3)).toEqual([]);
    expect(agesReachedWithin('1961-09-15', TODAY, WATCHED, 3)).toEqual([65]);
  });

  it('a birthday on 29 February is reached on 1 March in a common year', () => {
    // Born 1964-02-29: ageOn compares month and day, so 65 comes on 2029-03-01.
    expect(agesReachedWithin('1964-02-29', '2028-03-01', WATCHED)).toEqual([65]);
    expect(agesReachedWithin('1964-02-29', '2028-02-29', WATCHED)).toEqual([]);
  });
});

describe('S5: age cut-offs worked out once per day agree with ageOn', () => {
  it('ageOn(b, d) >= a exactly when b <= bornBy(d, a), over many days, births and 29 February', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const day = (fromYear: number, years: number) => addDays(`${fromYear}-01-01`, next() % (years * 366));
    const cases: [string, string][] = [
      ['1964-02-29', '2028-02-28'],
      ['1964-02-29', '2028-02-29'],
      ['1964-02-29', '2029-02-28'],
      ['1964-02-29', '2029-03-01'],
      ['1961-06-15', TODAY],
      ['1961-06-16', TODAY],
    ];
    for (let i = 0; i < 3000; i++) cases.push([day(1940, 60), day(2000, 40)]);
    for (const [born, on] of cases) {
      for (const age of [18, 40, 60, 65, 70]) expect(born <= bornBy(on, age), `${born} ${on} ${age}`).toBe(ageOn(born, on) >= age);
    }
  });

  it('the day-wide watch and window agree with the one-off rules', () => {
    const watch = agesReachedWithinOn(TODAY, WATCHED);
    for (const b of ['1961-06-16', '1961-06-15', '1966-12-31', '1967-06-15', '1967-06-16', '1986-01-01'])
      expect(watch(b)).toEqual(agesReachedWithin(b, TODAY, WATCHED));
    const ends = endsWithinOn(TODAY, 90);
    for (const d of [null, '', '2026-06-14', TODAY, addDays(TODAY, 90), addDays(TODAY, 91)]) expect(ends(d)).toBe(endsWithin(d, TODAY, 90));
    expect([ends(TODAY), ends(addDays(TODAY, 90)), ends(addDays(TODAY, 91)), ends('2026-06-14')]).toEqual([true, true, false, false]);
  });
});

describe('S5: a head at or past 65', () => {
  const extended = '2027-06-30';
  it('64 is not over age, whatever else holds', () => {
    expect(headOverAge('1961-06-16', TODAY, 65, null, false)).toBe(false);
  });

  it('65 today without an extension is over age', () => {
    expect(headOverAge('1961-06-15', TODAY, 65, null, false)).toBe(true);
    expect(headOverAge('1961-06-15', TODAY, 65, null, true)).toBe(true);
  });

  it('a current extension clears it only with a qualifying certificate', () => {
    expect(headOverAge('1961-06-15', TODAY, 65, extended, true)).toBe(false);
    expect(headOverAge('1961-06-15', TODAY, 65, extended, false)).toBe(true);
  });

  it('the extension counts through its last day and not after', () => {
    expect(headOverAge('1958-01-01', TODAY, 65, TODAY, true)).toBe(false);
    expect(headOverAge('1958-01-01', TODAY, 65, '2026-06-14', true)).toBe(true);
  });
});

describe('S11: unauthorised absence', () => {
  it('29 days does not trigger exit, 30 does', () => {
    const d29 = absenceDaysInYear([{ startDate: '2026-04-01', endDate: '2026-04-29' }], 2026);
    const d30 = absenceDaysInYear([{ startDate: '2026-04-01', endDate: '2026-04-30' }], 2026);
    expect([d29, d30]).toEqual([29, 30]);
    expect(absenceTriggersExit(d29)).toBe(false);
    expect(absenceTriggersExit(d30)).toBe(true);
    expect(absenceTriggersExit(29, 30)).toBe(false);
    expect(absenceTriggersExit(30, 30)).toBe(true);
  });

  it('adds several periods of the year', () => {
    const periods = [
      { startDate: '2026-02-01', endDate: '2026-02-10' },
      { startDate: '2026-05-01', endDate: '2026-05-19' },
    ];
    expect(absenceDaysInYear(periods, 2026)).toBe(29);
    expect(absenceDaysInYear([...periods, { startDate: '2026-08-08', endDate: '2026-08-08' }], 2026)).toBe(30);
  });

  it('splits a period across New Year by year', () => {
    const periods = [
      { startDate: '2025-12-12', endDate: '2026-01-10' },
      { startDate: '2026-03-01', endDate: '2026-03-20' },
    ];
    // 20 days of December 2025; 10 of January and 20 of March 2026.
    expect(absenceDaysInYear(periods, 2025)).toBe(20);
    expect(absenceDaysInYear(periods, 2026)).toBe(30);
    expect(absenceTriggersExit(absenceDaysInYear(periods, 2025))).toBe(false);
    expect(absenceTriggersExit(absenceDaysInYear(periods, 2026))).toBe(true);
    expect(absenceDaysInYear([{ startDate: '2025-12-03', endDate: '2026-01-01' }], 2025)).toBe(29);
  });

  it('counts nothing for another year or no periods', () => {
    expect(absenceDaysInYear([], 2026)).toBe(0);
    expect(absenceDaysInYear([{ startDate: '2024-01-01', endDate: '2024-03-01' }], 2026)).toBe(0);
  });
});

describe('S11 / P5: failed assessments', () => {
  it('one failure in a year does not trigger exit, two do; failures in different years do not add up', () => {
    expect(failedAssessmentsTriggerExit([{ year: 2026, passed: false }], 2026)).toBe(false);
    expect(
      failedAssessmentsTriggerExit(
        [
          { year: 2026, passed: false },
          { year: 2026, passed: true },
          { year: 2026, passed: false },
        ],
        2026,
      ),
    ).toBe(true);
    expect(
      failedAssessmentsTriggerExit(
        [
          { year: 2025, passed: false },
          { year: 2026, passed: false },
        ],
        2026,
      ),
    ).toBe(false);
    expect(
      failedAssessmentsTriggerExit(
        [
          { year: 2026, passed: true },
          { year: 2026, passed: true },
        ],
        2026,
      ),
    ).toBe(false);
    expect(failedAssessmentsTriggerExit([], 2026)).toBe(false);
  });
});

describe('S9: the norm under either variant, once the year is over (S9a: done means ended by the day)', () => {
  const rule = (variant: TrainingRule['variant']): TrainingProgressRule => ({ ...defaultSettings, variant, alertFromMonth: 10 });
  const rec = (kind: TrainingRecord['kind'], startDate: string, days: number): TrainingRecord => ({
    kind,
    startDate,
    endDate: addDays(startDate, days - 1),
    days,
  });
  // The whole year looked back at: every record of 2026 has ended by then.
  const status = (records: TrainingRecord[], year: number, variant: TrainingRule['variant']) => {
    const p = trainingProgress(records, year, `${year + 1}-06-30`, rule(variant));
    return { compliant: p.status === 'ok', counted: p.done.count, totalDays: p.done.days, needed: p.needed };
  };

  it('Jiaozuo: one week-long stint is short, two are enough', () => {
    expect(status([rec('clinical_practice', '2026-03-02', 7)], 2026, 'jiaozuo')).toMatchObject({
      compliant: false,
      counted: 1,
      totalDays: 7,
    });
    expect(status([rec('clinical_practice', '2026-03-02', 7), rec('clinical_practice', '2026-09-01', 7)], 2026, 'jiaozuo')).toMatchObject({
      compliant: true,
      counted: 2,
      totalDays: 14,
    });
  });

  it('Jiaozuo: a 6-day stint does not count, nor does a training that is not clinical practice', () => {
    const r = status([rec('clinical_practice', '2026-03-02', 7), rec('clinical_practice', '2026-09-01', 6)], 2026, 'jiaozuo');
    expect(r).toMatchObject({ compliant: false, counted: 1, totalDays: 7 });
    expect(status([rec('training', '2026-03-02', 7), rec('training', '2026-09-01', 7)], 2026, 'jiaozuo').compliant).toBe(false);
    expect(r.needed).toContain('7');
  });

  it('Sichuan: two trainings of 14 days in all are enough, 13 are not, nor is one long training', () => {
    expect(status([rec('training', '2026-03-02', 7), rec('training', '2026-09-01', 7)], 2026, 'sichuan')).toMatchObject({
      compliant: true,
      counted: 2,
      totalDays: 14,
    });
    expect(status([rec('training', '2026-03-02', 7), rec('training', '2026-09-01', 6)], 2026, 'sichuan')).toMatchObject({
      compliant: false,
      counted: 2,
      totalDays: 13,
    });
    expect(status([rec('training', '2026-03-02', 20)], 2026, 'sichuan')).toMatchObject({ compliant: false, counted: 1, totalDays: 20 });
    // Short trainings count in Sichuan as long as the total is reached.
    expect(
      status([rec('training', '2026-03-02', 5), rec('training', '2026-05-02', 5), rec('training', '2026-09-01', 4)], 2026, 'sichuan')
        .compliant,
    ).toBe(true);
    expect(status([rec('clinical_practice', '2026-03-02', 7), rec('clinical_practice', '2026-09-01', 7)], 2026, 'sichuan').compliant).toBe(
      false,
    );
  });

  it('a record counts in the year it starts, even when it ends in the next', () => {
    const crossing = [rec('clinical_practice', '2025-12-28', 7), rec('clinical_practice', '2026-03-02', 7)];
    expect(status(crossing, 2025, 'jiaozuo')).toMatchObject({ counted: 1 });
    expect(status(crossing, 2026, 'jiaozuo')).toMatchObject({ counted: 1, compliant: false });
    expect(status([...crossing, rec('clinical_practice', '2026-12-28', 7)], 2026, 'jiaozuo').compliant).toBe(true);
  });

  it('nothing recorded is short under both variants', () => {
    expect(status([], 2026, 'jiaozuo')).toMatchObject({ compliant: false, counted: 0, totalDays: 0 });
    expect(status([], 2026, 'sichuan')).toMatchObject({ compliant: false, counted: 0, totalDays: 0 });
  });
});

describe('S7 / S8: fixed periods shorter than the minimum', () => {
  it('dispatch: 5 months is short, 6 months is not, an open end is never short', () => {
    expect(shorterThanMonths('2026-03-01', '2026-08-01', 6)).toBe(true);
    expect(shorterThanMonths('2026-03-01', '2026-09-01', 6)).toBe(false);
    expect(shorterThanMonths('2026-03-01', '2027-03-01', 6)).toBe(false);
    expect(shorterThanMonths('2026-03-01', null, 6)).toBe(false);
  });

  it('clamps at the end of the month: 2026-08-31 + 6 months is 2027-02-28', () => {
    expect(shorterThanMonths('2026-08-31', '2027-02-28', 6)).toBe(false);
    expect(shorterThanMonths('2026-08-31', '2027-02-26', 6)).toBe(true);
    expect(shorterThanMonths('2026-08-31', '2027-01-31', 6)).toBe(true);
  });

  it('county-hired: 11 months is short, 12 months is not', () => {
    expect(shorterThanMonths('2026-01-15', '2026-12-15', 12)).toBe(true);
    expect(shorterThanMonths('2026-01-15', '2027-01-15', 12)).toBe(false);
  });

  // BUG: end dates are inclusive everywhere in the app (a post is held on its end date, the demo's
  // contracts run 06-01 … 05-31), but shorterThanMonths treats the end as exclusive, so a dispatch
  // of exactly six calendar months (1 March to 31 August) is flagged as short.
  it('six whole months written the way contracts are (1 March to 31 August) are not short', () => {
    expect(shorterThanMonths('2026-03-01', '2026-08-31', 6)).toBe(false);
    expect(shorterThanMonths('2026-01-01', '2026-12-31', 12)).toBe(false);
    expect(shorterThanMonths('2026-03-01', '2026-08-30', 6)).toBe(true);
  });
});

describe('S6 / S14: ends within 90 days', () => {
  it('today and day 90 are inside, day 91 and past dates outside', () => {
    expect(endsWithin(TODAY, TODAY, 90)).toBe(true);
    expect(endsWithin(addDays(TODAY, 90), TODAY, 90)).toBe(true);
    expect(endsWithin(addDays(TODAY, 91), TODAY, 90)).toBe(false);
    expect(endsWithin(addDays(TODAY, -1), TODAY, 90)).toBe(false);
    expect(endsWithin('2020-01-01', TODAY, 90)).toBe(false);
    expect(endsWithin(null, TODAY, 90)).toBe(false);
    expect(endsWithin(TODAY, TODAY, 0)).toBe(true);
    expect(endsWithin(addDays(TODAY, 1), TODAY, 0)).toBe(false);
  });
});

describe('S2: no woman at a clinic of two or more', () => {
  it('one man alone is fine; two men are not; one woman is enough', () => {
    expect(lacksWoman([])).toBe(false);
    expect(lacksWoman(['M'])).toBe(false);
    expect(lacksWoman(['F'])).toBe(false);
    expect(lacksWoman(['M', 'M'])).toBe(true);
    expect(lacksWoman(['M', 'F'])).toBe(false);
    expect(lacksWoman(['F', 'F'])).toBe(false);
    expect(lacksWoman(['M', 'M', 'M'])).toBe(true);
    expect(lacksWoman(['M', 'M', 'F'])).toBe(false);
  });
});
