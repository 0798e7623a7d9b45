import { describe, expect, it } from 'vitest';
import type { AlertKind } from '../../shared/schemas/personOutput';
import { call } from '../helpers/calls';
import { alertsOn, openDemoAt, subjects } from '../helpers/people';

/** What seedPeople.ts says the demo covers: S1, S2, S3, S5 (ageing head), S6, S7, S9, S11. */
const claimed: AlertKind[] = [
  'staffing_short',
  'no_woman',
  'no_valid_qualification',
  'head_over_age',
  'contract_ending',
  'dispatch_short',
  'training_short',
  'absence_exit',
];

describe('the demo township raises every alert it claims to cover', () => {
  it('on 2026-06-15, each case where the seed put it', async () => {
    const s = await openDemoAt('2026-06-15');
    expect(s.isDemo).toBe(true);
    const out = await alertsOn(s, '2026-06-15');
    for (const k of claimed) expect(out.counts[k], k).toBeGreaterThanOrEqual(1);
    expect(subjects(out, 'staffing_short')).toEqual(['郑店村卫生室']);
    expect(subjects(out, 'no_woman')).toContain('刘湾村第一卫生室');
    expect(subjects(out, 'no_valid_qualification')).toEqual(['赵军']);
    expect(subjects(out, 'head_over_age')).toEqual(['刘德顺']);
    expect(subjects(out, 'age_65_soon')).toEqual(['王志强']);
    expect(subjects(out, 'age_60_soon')).toEqual(['周明']);
    expect(subjects(out, 'contract_ending')).toEqual(['李秀英']);
    expect(subjects(out, 'certificate_ending')).toEqual(['李明']);
    expect(subjects(out, 'dispatch_short')).toEqual(['马晓东']);
    expect(subjects(out, 'training_short')).toEqual(['刘伟', '张强'].sort());
    expect(subjects(out, 'absence_exit')).toEqual(['孙海燕']);
    // Every open clinic has its head; the share is above target; nothing from modules not built yet.
    expect(out.counts).toMatchObject({ no_head: 0, ratio_below_target: 0, assessment_exit: 0, county_hired_short: 0 });
    expect(out.ratio).toMatchObject({ qualified: 11, total: 23 });
    expect(out.ratio.trend).toHaveLength(5);
    // The closed clinic (沈洼) raises nothing.
    expect(out.alerts.map((a) => a.subject).join()).not.toContain('沈洼');
  });

  it.each(['2026-01-10', '2026-12-20', '2028-03-01'])('stays covered when the demo is seeded on %s', async (day) => {
    const s = await openDemoAt(day);
    const out = await alertsOn(s, day);
    const missing = claimed.filter((k) => (out.counts[k] ?? 0) === 0);
    expect(missing).toEqual([]);
  });

  it('S9a / S11a in the demo: planned stints are progress, last year’s shortfall until March, a kept absence closed by its 留用说明', async () => {
    const s = await openDemoAt('2026-06-15');
    const id = async (name: string) => (await call(s, 'people.list', { search: name })).rows[0]?.id ?? 0;
    const zhang = await call(s, 'people.get', { id: await id('张建国') });
    expect(zhang.year.training).toMatchObject({
      done: { count: 1 },
      planned: { count: 1 },
      status: 'progress',
      text: '已完成 1 / 应完成 2 次，已安排 1 次',
    });
    const sunTao = await call(s, 'people.get', { id: await id('孙涛') });
    expect(sunTao.exitTriggers).toMatchObject([{ rule: 'S11-absence', year: 2025, count: 32, state: 'decided', decidedOn: '2025-06-20' }]);
    expect(sunTao.exitDecisions).toHaveLength(1);
    expect((await alertsOn(s)).alerts.filter((a) => a.subject === '孙涛')).toEqual([]);
    const jan = await openDemoAt('2026-01-10');
    const out = await alertsOn(jan, '2026-01-10');
    expect(subjects(out, 'training_short_last_year')).toEqual(['刘伟', '张强'].sort());
    expect(subjects(out, 'training_short')).toEqual(['刘伟', '张强'].sort());
    // Seeded in early January, her absence fell in last year, and that year's trigger is still open.
    expect(out.alerts.find((a) => a.kind === 'absence_exit')?.detail).toContain('2025 年擅自离岗累计 31 天');
  });

  it('the demo clinics show their heads and doctors from the people module', async () => {
    const s = await openDemoAt('2026-06-15');
    const rows = (await call(s, 'clinics.list', { search: '张庄' })).rows;
    expect(rows[0]).toMatchObject({ name: '张庄村卫生室', headName: '张建国', actualDoctors: 3 });
    const wu = (await call(s, 'clinics.list', { search: '吴岗' })).rows[0];
    expect(wu).toMatchObject({ headName: '吴春生', actualDoctors: 2 });
  });

  it('an exited demo person raises no alerts any more', async () => {
    const s = await openDemoAt('2026-06-15');
    const sun = (await call(s, 'people.list', { search: '孙海燕' })).rows[0];
    expect(sun).toBeDefined();
    const id = sun?.id ?? 0;
    expect((await alertsOn(s)).alerts.filter((a) => a.personId === id).map((a) => a.kind)).toEqual(['absence_exit']);
    await call(s, 'people.exit', { id, exitDate: '2026-06-15', reason: 'absence' });
    const out = await alertsOn(s, '2026-06-16');
    expect(out.alerts.filter((a) => a.personId === id)).toEqual([]);
    expect(out.counts.absence_exit).toBe(0);
    // Her clinic (孙楼, 1,800 people) is now one doctor short and has no head.
    expect(subjects(out, 'staffing_short')).toContain('孙楼村卫生室');
    expect(subjects(out, 'no_head')).toEqual(['孙楼村卫生室']);
  });
});
