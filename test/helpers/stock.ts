/**
 * Stock set-ups for the part 6 tests: a drug, a batch received into the center's store and a
 * delivery to a clinic, written through the one door (recordMovement) as the receipt and
 * delivery services do, so the tests of use, moves and 进销存 do not depend on those pages.
 */
import type { ServiceContext } from '../../electron/db/context';
import type { Db } from '../../electron/db/open';
import { CENTER, recordMovement } from '../../electron/domains/drugs/stock/movements';

const AT = '2026-01-01T00:00:00Z';

export function addDrug(db: Db, code: string, name: string, priceFen: number, spec = '0.25g*24粒', unit = '盒'): number {
  return Number(
    db
      .prepare(
        'INSERT INTO drugs (platform_code, generic_name, spec, pack_unit, price_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(code, name, spec, unit, priceFen, AT, AT).lastInsertRowid,
  );
}

export function addBatch(db: Db, drugId: number, lot: string, expiresOn: string, priceFen: number, receivedOn = '2026-01-05'): number {
  return Number(
    db
      .prepare('INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(drugId, lot, expiresOn, priceFen, receivedOn, AT).lastInsertRowid,
  );
}

/** A receipt of `packs` of a batch into the center's store on `day`. */
export function receive(ctx: ServiceContext, batchId: number, packs: number, day: string): void {
  recordMovement(ctx, { batchId, place: CENTER, kind: 'receipt', movedOn: day, packs });
}

/** A delivery from the center to a clinic: two movements of the same day naming each other. */
export function deliver(ctx: ServiceContext, batchId: number, clinicId: number, packs: number, day: string): void {
  recordMovement(ctx, { batchId, place: CENTER, kind: 'delivery', movedOn: day, packs: -packs, other: { clinicId } });
  recordMovement(ctx, { batchId, place: clinicId, kind: 'delivery', movedOn: day, packs, other: 'center' });
}

/** A deterministic PRNG (mulberry32) for the property tests: the same seed, the same history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
