/**
 * S9a / S11a — what "this year" means — at its boundaries: 1 January, 30 September / 1 October
 * (the alert month, a setting), 31 March / 1 April (last year's shortfall), planned against done,
 * a planned training then cancelled (removed), and both S9 variants.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/rules/dates';
import { absenceDaysInYear, type TrainingRecord } from '../../shared/rules/people';
import {
  exitTriggers,
  exitTriggerText,
  LAST_YEAR_SHORTFALL_UNTIL_MONTH,
  lastYearShortfall,
  trainingAlertReason,
  trainingProgress,
  trainingProgressText,
  type ExitTriggerFacts,
  type TrainingProgressRule,
} from '../../shared/rules/yearly';
import { defaultSettings, settingsSchema, trainingRuleOf } from '../../shared/schemas/settings';

const jiaozuo: TrainingProgressRule = trainingRuleOf(defaultSettings);
const sichuan: TrainingProgressRule = trainingRuleOf({ ...defaultSettings, trainingVariant: 'sichuan' });
const stint = (startDate: string, days = 7): TrainingRecord => ({
  kind: 'clinical_practice',
  startDate,
  endDate: addDays(startDate, days - 1),
  days,
});
const training = (startDate: string, days: number): TrainingRecord => ({
  kind: 'training',
  startDate,
  endDate: addDays(startDate, days - 1),
  days,
});

describe('S9a: done by the day, planned after it', () => {
  it('a stint counts as done once it has ended; one still running or ahead is planned', () => {
    const records = [stint('2026-03-02'), stint('2026-06-10')];
    // 2026-06-10 … 06-16: running on the 15th, ended on the 16th.
    expect(trainingProgress(records, 2026, '2026-06-15', jiaozuo)).toMatchObject({
      done: { count: 1, days: 7 },
      planned: { count: 1, days: 7 },
      status: 'progress',
      reason: 'on_track',
    });
    expect(trainingProgress(records, 2026, '2026-06-16', jiaozuo)).toMatchObject({
      done: { count: 2, days: 14 },
      planned: { count: 0, days: 0 },
      status: 'ok',
      reason: 'met',
    });
    expect(trainingProgress(records, 2026, '2026-03-01', jiaozuo)).toMatchObject({
      done: { count: 0 },
      planned: { count: 2 },
      status: 'progress',
    });
  });

  it('an alert as soon as done + planned cannot reach the norm, whatever the month', () => {
    expect(trainingProgress([stint('2026-03-02')], 2026, '2026-06-15', jiaozuo)).toMatchObject({ status: 'alert', reason: 'unreachable' });
    expect(trainingProgress([], 2026, '2026-02-01', jiaozuo)).toMatchObject({ status: 'alert', reason: 'unreachable' });
    // A planned stint shorter than the minimum is no stint: it does not make the norm reachable.
    expect(trainingProgress([stint('2026-03-02'), stint('2026-11-02', 6)], 2026, '2026-06-15', jiaozuo)).toMatchObject({
      planned: { count: 0 },
      status: 'alert',
      reason: 'unreachable',
    });
  });

  it('a planned training then cancelled (removed): progress becomes an alert again', () => {
    const planned = [stint('2026-03-02'), stint('2026-11-02')];
    expect(trainingProgress(planned, 2026, '2026-06-15', jiaozuo).status).toBe('progress');
    const cancelled = planned.filter((r) => r.startDate !== '2026-11-02');
    expect(trainingProgress(cancelled, 2026, '2026-06-15', jiaozuo)).toMatchObject({
      status: 'alert',
      reason: 'unreachable',
      planned: { count: 0 },
    });
  });
});

describe('S9a: 30 September / 1 October — the alert month (a setting, default October)', () => {
  const records = [stint('2026-03-02'), stint('2026-11-02')];
  it('done short but on track is progress through 30 September and an alert from 1 October', () => {
    expect(defaultSettings.trainingAlertMonth).toBe(10);
    expect(trainingProgress(records, 2026, '2026-09-30', jiaozuo)).toMatchObject({ status: 'progress', reason: 'on_track' });
    expect(trainingProgress(records, 2026, '2026-10-01', jiaozuo)).toMatchObject({
      status: 'alert',
      reason: 'late',
      done: { count: 1 },
      planned: { count: 1 },
    });
    // Once the planned stint has ended it is met, alert month or not.
    expect(trainingProgress(records, 2026, '2026-11-08', jiaozuo)).toMatchObject({ status: 'ok' });
  });

  it('the month follows the setting, and the setting is checked like the others', () => {
    const november = trainingRuleOf({ ...defaultSettings, trainingAlertMonth: 11 });
    expect(trainingProgress(records, 2026, '2026-10-31', november).status).toBe('progress');
    expect(trainingProgress(records, 2026, '2026-11-01', november).status).toBe('alert');
    expect(settingsSchema.safeParse({ ...defaultSettings, trainingAlertMonth: 13 }).error?.issues[0]?.message).toBe(
      '培训未达标预警起始月份不能大于 12',
    );
    expect(settingsSchema.safeParse({ ...defaultSettings, trainingAlertMonth: 0 }).error?.issues[0]?.message).toBe(
      '培训未达标预警起始月份不能小于 1',
    );
    expect(settingsSchema.safeParse({ ...defaultSettings, trainingAlertMonth: 1.5 }).success).toBe(false);
  });

  it('Sichuan: trainings and days, both must be reachable; late from October too', () => {
    const t = [training('2026-03-02', 7), training('2026-11-02', 7)];
    expect(trainingProgress(t, 2026, '2026-09-30', sichuan)).toMatchObject({
      done: { count: 1, days: 7 },
      planned: { count: 1, days: 7 },
      required: { count: 2, days: 14 },
      status: 'progress',
    });
    expect(trainingProgress(t, 2026, '2026-10-01', sichuan)).toMatchObject({ status: 'alert', reason: 'late' });
    // Two trainings but only 13 days even with the planned one: an alert already in June.
    expect(trainingProgress([training('2026-03-02', 7), training('2026-11-02', 6)], 2026, '2026-06-15', sichuan)).toMatchObject({
      status: 'alert',
      reason: 'unreachable',
    });
    // Clinical practice is not a Sichuan training, nor the reverse.
    expect(trainingProgress([stint('2026-03-02'), stint('2026-05-02')], 2026, '2026-12-31', sichuan).done.count).toBe(0);
    expect(trainingProgress([training('2026-03-02', 7), training('2026-05-02', 7)], 2026, '2026-12-31', jiaozuo).done.count).toBe(0);
  });
});

describe('S9a: 1 January — a new year, and last year’s final shortfall', () => {
  const lastYear = [stint('2026-03-02')];
  it('on 31 December the year is judged on what ended by then; on 1 January the new year starts from nothing', () => {
    const records = [stint('2026-03-02'), stint('2026-12-25')];
    expect(trainingProgress(records, 2026, '2026-12-31', jiaozuo).status).toBe('ok');
    expect(trainingProgress(records, 2027, '2027-01-01', jiaozuo)).toMatchObject({
      done: { count: 0 },
      planned: { count: 0 },
      status: 'alert',
      reason: 'unreachable',
    });
    // A one-day training on 1 January has happened by that day (Sichuan).
    expect(trainingProgress([training('2027-01-01', 1)], 2027, '2027-01-01', sichuan).done).toEqual({ count: 1, days: 1 });
    expect(trainingProgress([training('2027-01-01', 1)], 2026, '2026-12-31', sichuan).planned).toEqual({ count: 0, days: 0 });
  });

  it('last year’s shortfall shows from 1 January to 31 March, not from 1 April', () => {
    expect(LAST_YEAR_SHORTFALL_UNTIL_MONTH).toBe(3);
    expect(lastYearShortfall(lastYear, '2026-12-31', jiaozuo)).toBeNull();
    expect(lastYearShortfall(lastYear, '2027-01-01', jiaozuo)).toMatchObject({ year: 2026, done: { count: 1 }, status: 'alert' });
    expect(lastYearShortfall(lastYear, '2027-03-31', jiaozuo)).toMatchObject({ year: 2026 });
    expect(lastYearShortfall(lastYear, '2027-04-01', jiaozuo)).toBeNull();
    // Met last year: nothing to show.
    expect(lastYearShortfall([stint('2026-03-02'), stint('2026-09-01')], '2027-01-15', jiaozuo)).toBeNull();
  });

  it('a stint begun in late December belongs to last year and counts once it has ended', () => {
    const records = [stint('2026-03-02'), stint('2026-12-28')];
    // 2026-12-28 … 2027-01-03
    expect(lastYearShortfall(records, '2027-01-02', jiaozuo)).toMatchObject({ done: { count: 1 }, planned: { count: 1 } });
    expect(lastYearShortfall(records, '2027-01-03', jiaozuo)).toBeNull();
    expect(trainingProgress(records, 2027, '2027-01-03', jiaozuo).done.count).toBe(0);
  });
});

describe('S9a: in words', () => {
  it('已完成 x / 应完成 y，已安排 z for both variants, and why it is an alert', () => {
    const j = trainingProgress([stint('2026-03-02'), stint('2026-11-02')], 2026, '2026-06-15', jiaozuo);
    expect(trainingProgressText(j)).toBe('已完成 1 / 应完成 2 次，已安排 1 次');
    const s = trainingProgress([training('2026-03-02', 5), training('2026-11-02', 9)], 2026, '2026-06-15', sichuan);
    expect(trainingProgressText(s)).toBe('已完成 1 次 5 天 / 应完成 2 次 14 天，已安排 1 次 9 天');
    expect(trainingAlertReason({ reason: 'unreachable' }, 10)).toContain('已安排');
    expect(trainingAlertReason({ reason: 'late' }, 10)).toContain('10 月');
  });
});

describe('S11a: absence counted within one calendar year, up to the day', () => {
  it('a period running past the day counts only its days up to the day; one ahead counts nothing', () => {
    const running = [{ startDate: '2026-06-01', endDate: '2026-07-31' }];
    expect(absenceDaysInYear(running, 2026, '2026-06-15')).toBe(15);
    expect(absenceDaysInYear(running, 2026)).toBe(61);
    expect(absenceDaysInYear([{ startDate: '2026-07-01', endDate: '2026-07-31' }], 2026, '2026-06-15')).toBe(0);
    expect(absenceDaysInYear(running, 2026, '2026-06-01')).toBe(1);
  });

  it('across 1 January: last year’s days stay with last year', () => {
    const p = [{ startDate: '2026-12-10', endDate: '2027-01-20' }];
    expect(absenceDaysInYear(p, 2026, '2026-12-31')).toBe(22);
    expect(absenceDaysInYear(p, 2026, '2027-01-01')).toBe(22);
    expect(absenceDaysInYear(p, 2027, '2027-01-01')).toBe(1);
  });
});

describe('S11a: exit triggers stay open until an exit or a decision closes them', () => {
  const facts = (over: Partial<ExitTriggerFacts> = {}): ExitTriggerFacts => ({
    absences: [{ startDate: '2026-04-01', endDate: '2026-04-30' }],
    absenceLimit: 30,
    assessments: [],
    decisions: [],
    exitDate: null,
    ...over,
  });

  it('29 days are no trigger; the 30th day opens it, on that day and not before', () => {
    expect(exitTriggers(facts({ absences: [{ startDate: '2026-04-01', endDate: '2026-04-29' }] }), '2026-06-15')).toEqual([]);
    expect(exitTriggers(facts(), '2026-04-29')).toEqual([]);
    expect(exitTriggers(facts(), '2026-04-30')).toEqual([{ rule: 'S11-absence', year: 2026, count: 30, state: 'open', decidedOn: null }]);
  });

  it('stays open into the next years; 29 + 1 days split by New Year are no trigger', () => {
    expect(exitTriggers(facts(), '2027-01-01')).toMatchObject([{ year: 2026, state: 'open' }]);
    expect(exitTriggers(facts(), '2028-06-30')).toMatchObject([{ year: 2026, state: 'open' }]);
    expect(exitTriggers(facts({ absences: [{ startDate: '2026-12-03', endDate: '2027-01-01' }] }), '2027-06-30')).toEqual([]);
  });

  it('a decision for that rule and year closes it from its date; another year’s decision does not', () => {
    const decided = facts({ decisions: [{ rule: 'S11-absence', triggerYear: 2026, decidedOn: '2026-05-10' }] });
    expect(exitTriggers(decided, '2026-05-09')).toMatchObject([{ state: 'open' }]);
    expect(exitTriggers(decided, '2026-05-10')).toMatchObject([{ state: 'decided', decidedOn: '2026-05-10' }]);
    expect(exitTriggers(decided, '2027-02-01')).toMatchObject([{ state: 'decided' }]);
    expect(
      exitTriggers(facts({ decisions: [{ rule: 'S11-absence', triggerYear: 2025, decidedOn: '2025-08-01' }] }), '2026-06-15'),
    ).toMatchObject([{ state: 'open' }]);
    expect(
      exitTriggers(facts({ decisions: [{ rule: 'S11-assessment', triggerYear: 2026, decidedOn: '2026-05-10' }] }), '2026-06-15'),
    ).toMatchObject([{ state: 'open' }]);
  });

  it('a recorded exit closes every trigger', () => {
    expect(exitTriggers(facts({ exitDate: '2026-06-01' }), '2026-06-15')).toMatchObject([{ state: 'exited' }]);
  });

  it('P5: two failed assessments in one year, open the same way; one failure or failures in two years are none', () => {
    const two = facts({
      absences: [],
      assessments: [
        { year: 2026, passed: false },
        { year: 2026, passed: true },
        { year: 2026, passed: false },
      ],
    });
    expect(exitTriggers(two, '2027-03-01')).toEqual([{ rule: 'S11-assessment', year: 2026, count: 2, state: 'open', decidedOn: null }]);
    expect(
      exitTriggers({ ...two, decisions: [{ rule: 'S11-assessment', triggerYear: 2026, decidedOn: '2026-12-30' }] }, '2027-03-01'),
    ).toMatchObject([{ state: 'decided' }]);
    expect(
      exitTriggers(
        facts({
          absences: [],
          assessments: [
            { year: 2025, passed: false },
            { year: 2026, passed: false },
          ],
        }),
        '2026-12-31',
      ),
    ).toEqual([]);
  });

  it('in words, with what closed it', () => {
    const [open] = exitTriggers(facts(), '2026-06-15');
    expect(open && exitTriggerText(open, 30)).toBe('2026 年擅自离岗累计 30 天（满 30 天应退出），尚未办理退出或记录留用说明');
    const [decided] = exitTriggers(
      facts({ decisions: [{ rule: 'S11-absence', triggerYear: 2026, decidedOn: '2026-05-10' }] }),
      '2026-06-15',
    );
    expect(decided && exitTriggerText(decided, 30)).toContain('已于 2026年5月10日 记录留用说明');
  });
});
