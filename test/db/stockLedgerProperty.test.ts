/**
 * The 进销存 closes exactly (D9), on 200 random histories (a seeded generator, so every run is
 * the same): receipts, deliveries, use (D2, FEFO), returns, transfers, adjustments both ways and
 * disposals, across the center and three clinics over eight months, each op through its service
 * and kept only when accepted. For every month, place and drug:
 *   opening + in − out = closing, in packs and in 分;
 *   closing of month m = opening of month m + 1;
 *   every figure equals a replay of the movement rows done here in plain JS;
 *   the places add up to the clinics' total, the center and the township;
 *   no place holds a negative quantity of any batch at any month's end;
 *   the township table's place rows and each drill-down equal the per-drug figures;
 *   the stock list's batch balances (stock_balances, migration 12) equal the movements' sums on any day.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerFigures } from '../../shared/schemas/stock';
import { makeContext } from '../../electron/db/context';
import { AppError } from '../../electron/db/errors';
import { createDisposal } from '../../electron/domains/drugs/stock/disposals';
import { ledgerCells, stockLedger, sumFigures } from '../../electron/domains/drugs/stock/ledger';
import { adjustStock, returnToCenter, transferBetweenClinics } from '../../electron/domains/drugs/stock/moves';
import { stockBatches } from '../../electron/domains/drugs/stock/list';
import { batchBalances } from '../../electron/domains/drugs/stock/movements';
import { monthEnd, monthStart } from '../../electron/domains/drugs/stock/places';
import { recordUse, usableBatches } from '../../electron/domains/drugs/stock/use';
import { addClinic, clockAt, openSessionAt } from '../helpers/people';
import { addBatch, addDrug, deliver, prng, receive } from '../helpers/stock';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

interface Row {
  place: number | null;
  drugId: number;
  batchId: number;
  kind: string;
  movedOn: string;
  packs: number;
  amountFen: number;
}

/** The month's figures of one place and drug, replayed from the rows without SQL. */
function replay(rows: readonly Row[], place: number | null, drugId: number, month: string): Omit<LedgerFigures, 'inByKind' | 'outByKind'> {
  const from = monthStart(month);
  const to = monthEnd(month);
  const f = { openingPacks: 0, openingFen: 0, inPacks: 0, inFen: 0, outPacks: 0, outFen: 0, closingPacks: 0, closingFen: 0 };
  for (const r of rows) {
    if (r.place !== place || r.drugId !== drugId || r.movedOn > to) continue;
    if (r.movedOn < from) {
      f.openingPacks += r.packs;
      f.openingFen += r.amountFen;
    } else if (r.packs > 0) {
      f.inPacks += r.packs;
      f.inFen += r.amountFen;
    } else {
      f.outPacks -= r.packs;
      f.outFen -= r.amountFen;
    }
    f.closingPacks += r.packs;
    f.closingFen += r.amountFen;
  }
  return f;
}

const accepted = (e: unknown) => {
  // Refusals (stock short, D2, not yet expired) are part of a random history; anything else is a bug.
  if (!(e instanceof AppError)) throw e;
};

describe('进销存 closing identity on random histories (D9)', () => {
  it('closes exactly in packs and 分 at every place, for the township, month after month', async () => {
    const s = await openSessionAt('2026-12-31');
    const ctx = makeContext(s.db, '测试', clockAt('2026-12-31'));
    const clinics = [await addClinic(s, '东', 800, 'C01'), await addClinic(s, '西', 900, 'C02'), await addClinic(s, '南', 700, 'C03')];
    const places: (number | null)[] = [null, ...clinics];
    const rand = prng(20261206);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const histories: number[][] = [];
    let kinds = new Set<string>();

    for (let h = 0; h < 200; h++) {
      const drugs = [addDrug(s.db, `H${h}A`, `药${h}甲`, 1000), addDrug(s.db, `H${h}B`, `药${h}乙`, 250)];
      histories.push(drugs);
      const batches = drugs.flatMap((d, i) =>
        [0, 1].map((k) =>
          addBatch(s.db, d, `L${h}-${i}-${k}`, `2026-0${int(3, 9)}-${String(int(10, 28))}`, int(1, 3) * 100 + i * 37 + k * 11),
        ),
      );
      let day = new Date('2026-01-01T00:00:00Z').getTime();
      for (let step = 0; step < 30; step++) {
        day += int(0, 8) * 86_400_000;
        const on = new Date(day).toISOString().slice(0, 10);
        if (on > '2026-08-31') break;
        const batch = pick(batches);
        const clinic = pick(clinics);
        const n = int(1, 12);
        const r = rand();
        try {
          if (r < 0.2) receive(ctx, batch, n * 3, on);
          else if (r < 0.4) deliver(ctx, batch, clinic, n, on);
          else if (r < 0.6) {
            const drugId = pick(drugs);
            const first = usableBatches(s.db, clinic, drugId, on.slice(0, 7), on, new Map())[0];
            recordUse(ctx, {
              clinicId: clinic,
              month: on.slice(0, 7),
              movedOn: on,
              lines: [{ drugId, packs: int(1, 4), salePriceFen: first?.priceFen ?? 100 }],
            });
          } else if (r < 0.68) returnToCenter(ctx, { clinicId: clinic, batchId: batch, packs: int(1, 3), movedOn: on, reason: '' });
          else if (r < 0.78)
            transferBetweenClinics(ctx, {
              fromClinicId: clinic,
              toClinicId: pick(clinics.filter((c) => c !== clinic)),
              batchId: batch,
              packs: int(1, 3),
              movedOn: on,
              reason: '',
            });
          else if (r < 0.9)
            adjustStock(ctx, { clinicId: pick(places), batchId: batch, packs: int(-3, 3) || 1, movedOn: on, reason: '盘点' });
          else
            createDisposal(ctx, {
              disposedOn: on,
              method: '焚烧',
              witness1: '甲',
              witness2: '乙',
              note: '',
              lines: [{ batchId: batch, packs: int(1, 5) }],
            });
        } catch (e) {
          accepted(e);
        }
      }
    }

    // stock_balances is exactly the movements summed per batch and place.
    const kept = s.db.prepare('SELECT batch_id, clinic_id, packs, amount_fen FROM stock_balances ORDER BY batch_id, place_key').all();
    const sums = s.db
      .prepare(
        'SELECT batch_id, clinic_id, sum(packs) AS packs, sum(amount_fen) AS amount_fen FROM stock_movements GROUP BY batch_id, clinic_id ORDER BY batch_id, coalesce(clinic_id, 0)',
      )
      .all();
    expect(kept).toEqual(sums);

    const rows = s.db
      .prepare(
        'SELECT clinic_id AS place, drug_id AS drugId, batch_id AS batchId, kind, moved_on AS movedOn, packs, amount_fen AS amountFen FROM stock_movements',
      )
      .all() as Row[];
    kinds = new Set(rows.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['adjust', 'delivery', 'dispose', 'receipt', 'return', 'transfer', 'use']);
    expect(rows.length).toBeGreaterThan(3000);

    let previous: ReturnType<typeof ledgerCells> | null = null;
    for (const month of MONTHS) {
      const cells = ledgerCells(s.db, month);
      for (const drugs of histories)
        for (const drugId of drugs)
          for (const place of places) {
            const f = cells.get(place)?.get(drugId);
            const want = replay(rows, place, drugId, month);
            const got = f ?? {
              openingPacks: 0,
              openingFen: 0,
              inPacks: 0,
              inFen: 0,
              outPacks: 0,
              outFen: 0,
              closingPacks: 0,
              closingFen: 0,
            };
            expect({ ...got, inByKind: undefined, outByKind: undefined }).toEqual({ ...want, inByKind: undefined, outByKind: undefined });
            expect(got.closingPacks).toBe(got.openingPacks + got.inPacks - got.outPacks);
            expect(got.closingFen).toBe(got.openingFen + got.inFen - got.outFen);
            if (f) {
              expect(Object.values(f.inByKind).reduce((a, b) => a + b, 0)).toBe(f.inPacks);
              expect(Object.values(f.outByKind).reduce((a, b) => a + b, 0)).toBe(f.outPacks);
            }
            const before = previous?.get(place)?.get(drugId);
            expect(got.openingPacks).toBe(before?.closingPacks ?? (month === MONTHS[0] ? 0 : got.openingPacks));
            expect(got.openingFen).toBe(before?.closingFen ?? (month === MONTHS[0] ? 0 : got.openingFen));
            if (before === undefined && month !== MONTHS[0]) expect(got.openingPacks).toBe(0);
          }
      // No batch below zero at any place at the month's end.
      const negative = s.db
        .prepare(
          'SELECT count(*) FROM (SELECT sum(packs) AS p FROM stock_movements WHERE moved_on <= ? GROUP BY batch_id, clinic_id) WHERE p < 0',
        )
        .pluck()
        .get(monthEnd(month));
      expect(negative).toBe(0);

      const out = stockLedger(s.db, month);
      const township = sumFigures([...cells.values()].flatMap((m) => [...m.values()]));
      expect(out.township).toEqual(township);
      expect(sumFigures(out.places)).toEqual(out.clinicsTotal);
      expect(sumFigures([out.clinicsTotal, out.center])).toEqual(out.township);
      expect(out.township.closingFen).toBe(out.township.openingFen + out.township.inFen - out.township.outFen);
      expect(out.township.closingPacks).toBe(out.township.openingPacks + out.township.inPacks - out.township.outPacks);
      // The township table's per-place sums and each place's drill-down agree with the per-drug cells.
      for (const row of out.places) {
        const { clinicId: _c, placeName: _n, drugs: _d, ...figures } = row;
        expect(figures).toEqual(sumFigures([...(cells.get(row.clinicId)?.values() ?? [])]));
      }
      expect(out.center).toEqual(sumFigures([...(cells.get(null)?.values() ?? [])]));
      const east = stockLedger(s.db, month, clinics[0]);
      const eastCells = cells.get(clinics[0] ?? 0) ?? new Map<number, LedgerFigures>();
      expect(
        new Map(east.drugs?.map(({ drugId, platformCode: _p, genericName: _g, spec: _s, packUnit: _u, ...f }) => [drugId, f])),
      ).toEqual(eastCells);
      // The stock list's balances (migration 12's table, summed back where moved later) equal the movements' sums on any day.
      const day = monthEnd(month);
      const listed = stockBatches(s.db, { place: 'all', asOf: day, nearDays: 90 }).map((b) => `${b.batchId}@${b.clinicId}:${b.packs}`);
      const summed = batchBalances(s.db, { everywhere: true, asOf: day }).map((b) => `${b.batchId}@${b.place}:${b.packs}`);
      expect(listed.sort()).toEqual(summed.sort());
      previous = cells;
    }
  }, 120_000);
});
