import { describe, expect, it } from 'vitest';
import { allocateFefo, isExpiredOn, type FefoBatch } from '../../shared/rules/fefo';

const batch = (batchId: number, expiresOn: string, available: number, drugId = 1, receivedOn = '2026-01-10'): FefoBatch => ({
  batchId,
  drugId,
  expiresOn,
  receivedOn,
  available,
});

describe('FEFO delivery (D9) and shortages (D4)', () => {
  it('takes the batch that expires first, then the next', () => {
    const r = allocateFefo([{ lineId: 1, drugId: 1, packs: 30 }], [batch(10, '2028-06-30', 50), batch(11, '2027-03-31', 20)], '2026-12-05');
    expect(r.picks).toEqual([
      { lineId: 1, batchId: 11, packs: 20 },
      { lineId: 1, batchId: 10, packs: 10 },
    ]);
    expect(r.shortages).toEqual([]);
  });

  it('never serves from a batch expired on the delivery day; its expiry day itself still serves', () => {
    expect(isExpiredOn('2026-12-04', '2026-12-05')).toBe(true);
    expect(isExpiredOn('2026-12-05', '2026-12-05')).toBe(false);
    const r = allocateFefo(
      [{ lineId: 1, drugId: 1, packs: 15 }],
      [batch(10, '2026-12-04', 100), batch(11, '2026-12-05', 10)],
      '2026-12-05',
    );
    expect(r.picks).toEqual([{ lineId: 1, batchId: 11, packs: 10 }]);
    expect(r.shortages).toEqual([{ lineId: 1, drugId: 1, packs: 5, reason: 'not_enough' }]);
  });

  it('a drug whose only stock is expired is a shortage for that reason', () => {
    const r = allocateFefo([{ lineId: 7, drugId: 1, packs: 3 }], [batch(10, '2026-01-31', 100)], '2026-12-05');
    expect(r.picks).toEqual([]);
    expect(r.shortages).toEqual([{ lineId: 7, drugId: 1, packs: 3, reason: 'only_expired' }]);
  });

  it('a drug not in store at all is a shortage of the whole line', () => {
    const r = allocateFefo([{ lineId: 3, drugId: 2, packs: 4 }], [batch(10, '2028-01-31', 100, 1)], '2026-12-05');
    expect(r.shortages).toEqual([{ lineId: 3, drugId: 2, packs: 4, reason: 'none_in_store' }]);
  });

  it('lines share the stock in the order given: the later line is short', () => {
    const r = allocateFefo(
      [
        { lineId: 1, drugId: 1, packs: 8 },
        { lineId: 2, drugId: 1, packs: 8 },
      ],
      [batch(10, '2027-06-30', 10)],
      '2026-12-05',
    );
    expect(r.picks).toEqual([
      { lineId: 1, batchId: 10, packs: 8 },
      { lineId: 2, batchId: 10, packs: 2 },
    ]);
    expect(r.shortages).toEqual([{ lineId: 2, drugId: 1, packs: 6, reason: 'not_enough' }]);
  });

  it('same expiry: the batch received first goes first; picks are stable', () => {
    const batches = [batch(12, '2027-06-30', 5, 1, '2026-03-01'), batch(11, '2027-06-30', 5, 1, '2026-02-01')];
    const a = allocateFefo([{ lineId: 1, drugId: 1, packs: 6 }], batches, '2026-12-05');
    expect(a.picks.map((p) => p.batchId)).toEqual([11, 12]);
    expect(allocateFefo([{ lineId: 1, drugId: 1, packs: 6 }], [...batches].reverse(), '2026-12-05')).toEqual(a);
  });

  it('never hands out more than a batch holds, whatever the demands', () => {
    const batches = [batch(1, '2027-01-31', 7), batch(2, '2027-02-28', 3), batch(3, '2026-11-30', 50)];
    const demands = Array.from({ length: 6 }, (_, i) => ({ lineId: i + 1, drugId: 1, packs: i + 1 }));
    const r = allocateFefo(demands, batches, '2026-12-05');
    const taken = new Map<number, number>();
    for (const p of r.picks) taken.set(p.batchId, (taken.get(p.batchId) ?? 0) + p.packs);
    expect(taken.get(1)).toBe(7);
    expect(taken.get(2)).toBe(3);
    expect(taken.has(3)).toBe(false);
    const served = r.picks.reduce((s, p) => s + p.packs, 0);
    const short = r.shortages.reduce((s, x) => s + x.packs, 0);
    expect(served + short).toBe(21);
  });
});
