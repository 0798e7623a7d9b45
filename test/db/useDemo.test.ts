/**
 * The demo's clinic use (electron/demo/seedUse.ts): every past delivered month has use at the
 * clinics at the purchase price (D2), one return, one transfer and one disposal with two
 * witnesses, and the 进销存 of every month closes with closing = next month's opening.
 */
import { describe, expect, it } from 'vitest';
import { stockLedger } from '../../electron/domains/drugs/stock/ledger';
import { openDemoAt } from '../helpers/people';

describe('demo clinic use', () => {
  it('uses what the clinics received, returns, transfers and disposes, and every month closes', async () => {
    const s = await openDemoAt('2026-12-06');
    const db = s.db;
    const kinds = db.prepare('SELECT kind, count(*) AS n FROM stock_movements GROUP BY kind').all() as { kind: string; n: number }[];
    const count = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(count.use).toBeGreaterThan(100);
    expect(count.return).toBe(2);
    expect(count.transfer).toBe(2);
    expect(count.dispose).toBe(1);
    const d = db.prepare('SELECT witness1, witness2 FROM drug_disposals').all();
    expect(d).toEqual([{ witness1: '王会计', witness2: '李药师' }]);
    expect(db.prepare("SELECT count(*) FROM stock_movements WHERE kind = 'use' AND sale_price_fen <> price_fen").pluck().get()).toBe(0);
    let previous: ReturnType<typeof stockLedger> | null = null;
    for (const month of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']) {
      const l = stockLedger(db, month);
      for (const f of [...l.places, l.clinicsTotal, l.center, l.township]) {
        expect(f.closingPacks).toBe(f.openingPacks + f.inPacks - f.outPacks);
        expect(f.closingFen).toBe(f.openingFen + f.inFen - f.outFen);
      }
      if (previous) expect(l.township.openingFen).toBe(previous.township.closingFen);
      if (month < '2026-12') expect(l.clinicsTotal.outByKind.use ?? 0).toBeGreaterThan(0);
      previous = l;
    }
  });
});
