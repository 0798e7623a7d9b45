/**
 * FEFO (D9) and shortage reasons (D4) as the delivery run uses them: several drugs at once, an
 * expired batch beside a usable one.
 */
import { describe, expect, it } from 'vitest';
import { allocateFefo, type FefoBatch } from '../../shared/rules/fefo';

const b = (batchId: number, drugId: number, expiresOn: string, available: number): FefoBatch => ({
  batchId,
  drugId,
  expiresOn,
  receivedOn: '2026-11-01',
  available,
});

describe('FEFO across drugs and clinics', () => {
  it('skips the expired batch of a drug and serves from its usable one; other drugs are untouched', () => {
    const r = allocateFefo(
      [
        { lineId: 1, drugId: 1, packs: 4 },
        { lineId: 2, drugId: 2, packs: 3 },
      ],
      [b(10, 1, '2026-12-04', 100), b(11, 1, '2027-01-31', 5), b(20, 2, '2027-05-31', 3)],
      '2026-12-05',
    );
    expect(r.picks).toEqual([
      { lineId: 1, batchId: 11, packs: 4 },
      { lineId: 2, batchId: 20, packs: 3 },
    ]);
    expect(r.shortages).toEqual([]);
  });
});
