/**
 * The demo township's visits (electron/demo/seedVisits.ts): this month one clinic is 未督导 and
 * one a 草稿, the second clinic failed two quarters (P5 shown through the people alerts),
 * findings re-checked at the next visit.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/calls';
import { alertsOn, openDemoAt } from '../helpers/people';

describe('demo visits', () => {
  it('shows every state the pages need', async () => {
    const s = await openDemoAt('2026-10-20');
    const month = await call(s, 'visits.month', { month: '2026-10' });
    expect(month.filter((r) => r.status === 'none')).toHaveLength(1);
    expect(month.filter((r) => r.status === 'draft')).toHaveLength(1);
    const q1 = await call(s, 'quarters.results', { quarter: '2026Q1' });
    expect(q1.rows.filter((r) => r.passed === false).length).toBeGreaterThanOrEqual(1);
    const q3 = await call(s, 'quarters.results', { quarter: '2026Q3' });
    expect(q3.p5.length).toBeGreaterThanOrEqual(1);
    const alerts = await alertsOn(s, '2026-10-20');
    expect(alerts.counts.assessment_exit).toBe(q3.p5.length);
    const rectified = s.db.prepare("SELECT count(*) FROM findings WHERE status = 'rectified'").pluck().get();
    expect(Number(rectified)).toBeGreaterThan(0);
  });
});
