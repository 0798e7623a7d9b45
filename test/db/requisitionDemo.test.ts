/** The demo's requisitions: six months approved for every open clinic within the share (D3 自动), and this month one held over the share. */
import { describe, expect, it } from 'vitest';
import { listRequisitions } from '../../electron/domains/drugs/requisitions/read';
import { purchasePlan } from '../../electron/domains/drugs/purchase/plan';
import { freshDb } from '../excel/support';

describe('demo requisitions', () => {
  it('history approved by D3 自动 for every open clinic; the current month has one held, one draft, one not submitted', async () => {
    const { db, ctx } = await freshDb(true);
    const open = Number(db.prepare("SELECT count(*) FROM clinics WHERE status = 'open'").pluck().get());
    const history = db
      .prepare("SELECT month, count(*) AS n, sum(approved_by = 'D3 自动') AS auto FROM requisitions WHERE month < '2026-03' GROUP BY month")
      .all();
    expect(history).toEqual(
      ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'].map((month) => ({ month, n: open, auto: open })),
    );
    const now = listRequisitions(db, '2026-03');
    expect(now.filter((r) => r.status === 'held').map((r) => [r.clinicName, r.over])).toEqual([['张庄村卫生室', true]]);
    expect(now.filter((r) => r.status === 'draft').map((r) => r.clinicName)).toEqual(['李营村卫生室']);
    expect(now.filter((r) => r.status === 'none')).toHaveLength(1);
    const plan = purchasePlan(ctx, '2026-02');
    expect(plan.totals.clinics).toBe(open);
    expect(plan.totals.amountFen).toBe(plan.rows.reduce((n, r) => n + r.packs * r.priceFen, 0));
  });
});
