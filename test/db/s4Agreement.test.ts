/**
 * Issue 12 item 6: the 执业（助理）医师 share (S4) is one figure. The 预警提醒 page, its trend and
 * the 人员配备 return of the same day show the same qualified/total, counted by s4.ts: village
 * doctors only — a dispatched center doctor on a clinic's post is not in it.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../electron/app/returns';
import { call } from '../helpers/calls';
import { openDemoAt } from '../helpers/people';

const DAY = '2026-06-15';

describe('S4 on the demo township', () => {
  it('agrees between the alerts, their trend and the staffing return', async () => {
    const s = await openDemoAt(DAY);
    const alerts = await call(s, 'alerts.list', { asOf: DAY });
    const staffing = buildReport(s.ctx, 'staffing', { asOf: DAY });
    const { qualified, total } = alerts.ratio;
    expect(total).toBeGreaterThan(0);
    expect([staffing.figures.s4Qualified, staffing.figures.s4Total]).toEqual([qualified, total]);
    expect(staffing.figures.s4Pct).toBe(Math.round((qualified / total) * 1000) / 10);
    expect(alerts.ratio.trend.at(-1)).toMatchObject({ year: 2026, qualified, total });
    // Every demo village doctor holds a post, so the table's 在岗村医 columns give the same figure …
    const totals = staffing.tables[0]?.totals ?? {};
    expect([totals.qualified, totals.villageDoctors, totals.qualifiedPct]).toEqual([qualified, total, staffing.figures.s4Pct]);
    // … while 实有 also counts the dispatched doctor, whom S4 leaves out.
    expect(Number(totals.actual)).toBeGreaterThan(total);
    // The alert's sentence, if the target is missed, carries the same numbers.
    const ratioAlert = alerts.alerts.find((a) => a.kind === 'ratio_below_target');
    if (ratioAlert) expect(ratioAlert.detail).toContain(`${qualified}/${total}`);
  });

  it('still agrees on the day a village doctor exits', async () => {
    const s = await openDemoAt(DAY);
    const before = (await call(s, 'alerts.list', { asOf: DAY })).ratio;
    // An exit takes the person out of S4 everywhere on the same day.
    const doctor = s.db
      .prepare("SELECT id FROM people WHERE category = 'village_doctor' AND status = 'active' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number;
    await call(s, 'people.exit', { id: doctor, exitDate: DAY, reason: 'resigned', note: '' });
    const after = (await call(s, 'alerts.list', { asOf: DAY })).ratio;
    expect(after.total).toBe(before.total - 1);
    const staffing = buildReport(s.ctx, 'staffing', { asOf: DAY });
    expect([staffing.figures.s4Qualified, staffing.figures.s4Total]).toEqual([after.qualified, after.total]);
  });
});
