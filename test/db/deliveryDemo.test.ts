/**
 * The demo township's receipts and deliveries (electron/demo/seedDelivery.ts): six months of
 * receipts and FEFO deliveries with some shortages, this month's goods received and left for the
 * clerk to deliver, and a near-expiry and an expired batch in the center's store.
 */
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../electron/domains/drugs/delivery/plan';
import { batchBalances, CENTER } from '../../electron/domains/drugs/stock/movements';
import { openDemoAt } from '../helpers/people';

describe('demo receipts and deliveries', () => {
  it('delivers each past month, leaves this month to deliver, and keeps expired and near-expiry stock', async () => {
    const s = await openDemoAt('2026-12-06');
    const db = s.db;
    const months = db.prepare('SELECT DISTINCT month FROM deliveries ORDER BY month').pluck().all();
    expect(months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(Number(db.prepare('SELECT count(*) FROM drug_shortages').pluck().get())).toBeGreaterThan(0);
    expect(Number(db.prepare("SELECT count(*) FROM drug_batches WHERE received_on = '2026-12-02'").pluck().get())).toBeGreaterThan(0);
    const plan = computePlan(db, '2026-12', '2026-12-06').plan;
    expect(plan.clinics.length).toBeGreaterThan(0);
    expect(plan.servedPacks).toBeGreaterThan(0);
    const store = batchBalances(db, { place: CENTER, asOf: '2026-12-06' });
    expect(store.some((b) => b.expiresOn < '2026-12-06')).toBe(true);
    expect(store.some((b) => b.expiresOn >= '2026-12-06' && b.expiresOn <= '2027-03-06')).toBe(true);
    // Every movement pair of a delivery balances: what left the center arrived at the clinics.
    expect(db.prepare("SELECT sum(packs) FROM stock_movements WHERE kind = 'delivery'").pluck().get()).toBe(0);
  });
});
