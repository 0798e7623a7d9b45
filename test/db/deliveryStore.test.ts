/**
 * The delivery's cheap read of the center's store (delivery/store.ts) against the stock core's
 * batchBalances on the demo's six months of receipts and deliveries: for days before, between
 * and after the movements, the usable batches and what each may give are the same — the day's
 * balance, capped by today's — and expired stock is seen where the core sees it.
 */
import { describe, expect, it } from 'vitest';
import { drugsWithExpiredStock, usableStoreOn } from '../../electron/domains/drugs/delivery/store';
import { batchBalances, CENTER } from '../../electron/domains/drugs/stock/movements';
import { openDemoAt } from '../helpers/people';

describe("the delivery's store on a day", () => {
  it('agrees with batchBalances for every day tried', async () => {
    const s = await openDemoAt('2026-12-06');
    const db = s.db;
    const drugs = new Set(db.prepare('SELECT id FROM drugs').pluck().all() as number[]);
    const now = new Map(batchBalances(db, { place: CENTER }).map((b) => [b.batchId, b.packs]));
    for (const day of ['2026-06-01', '2026-06-04', '2026-08-05', '2026-10-20', '2026-12-06', '2027-06-30']) {
      const expected = batchBalances(db, { place: CENTER, asOf: day })
        .filter((b) => b.expiresOn >= day)
        .map((b) => ({ batchId: b.batchId, available: Math.min(b.packs, now.get(b.batchId) ?? 0) }))
        .filter((b) => b.available > 0)
        .sort((a, b) => a.batchId - b.batchId);
      const ours = usableStoreOn(db, day, drugs)
        .map((b) => ({ batchId: b.batchId, available: b.available }))
        .sort((a, b) => a.batchId - b.batchId);
      expect(ours, day).toEqual(expected);
      const expiredByCore = new Set(
        batchBalances(db, { place: CENTER, asOf: day })
          .filter((b) => b.expiresOn < day)
          .map((b) => b.drugId),
      );
      expect(drugsWithExpiredStock(db, day, drugs), day).toEqual(expiredByCore);
    }
    expect(usableStoreOn(db, '2026-12-06', drugs).length).toBeGreaterThan(10);
  });
});
