/**
 * The center's store as a delivery day sees it (D9): the batches not expired that day, each
 * with what it can give — its balance on the day, and never more than is left today (a later
 * movement already recorded must not be overdrawn by a run dated before it).
 *
 * Same figures as stock/movements.ts batchBalances(db, { place: CENTER, asOf }) for these
 * batches, read the cheap way for a month's run on a ten-year store: only the batches that can
 * serve (the drug_batches_drug index, expiry on or after the day), each with the center's row of
 * stock_balances (migration 12: the sum of its movements, kept by trigger), less the center's
 * movements dated after the day (the place index; usually none). Expired stock is looked up only for drugs left short, to
 * tell 库存均已过期 from 中心库无此药 (D4). test/db/deliveryStore.test.ts checks both ways agree.
 */
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';

export interface StoreBatch {
  batchId: number;
  drugId: number;
  lotNo: string;
  expiresOn: string;
  receivedOn: string;
  priceFen: number;
  /** Packs this run may take. */
  available: number;
}

export function usableStoreOn(db: Db, day: string, drugIds: ReadonlySet<number>): StoreBatch[] {
  const later = new Map<number, number>();
  for (const r of stmt(
    db,
    'SELECT batch_id AS batchId, sum(packs) AS packs FROM stock_movements WHERE clinic_id IS NULL AND moved_on > ? GROUP BY batch_id',
  ).all(day) as { batchId: number; packs: number }[])
    later.set(r.batchId, r.packs);
  // One statement for every drug asked for; `now` is the center's balance row (place_key 0, migration 12).
  const rows = stmt(
    db,
    `SELECT b.id AS batchId, b.drug_id AS drugId, b.lot_no AS lotNo, b.expires_on AS expiresOn, b.received_on AS receivedOn,
            b.price_fen AS priceFen, sb.packs AS now
       FROM json_each(?) d
       JOIN drug_batches b ON b.drug_id = d.value AND b.expires_on >= ? AND b.received_on <= ?
       JOIN stock_balances sb ON sb.batch_id = b.id AND sb.place_key = 0 AND sb.packs > 0
      ORDER BY b.drug_id, b.expires_on, b.received_on, b.id`,
  ).all(JSON.stringify([...drugIds]), day, day) as (Omit<StoreBatch, 'available'> & { now: number })[];
  const out: StoreBatch[] = [];
  for (const r of rows) {
    const onDay = r.now - (later.get(r.batchId) ?? 0);
    const available = Math.min(onDay, r.now);
    if (available > 0) {
      out.push({
        batchId: r.batchId,
        drugId: r.drugId,
        lotNo: r.lotNo,
        expiresOn: r.expiresOn,
        receivedOn: r.receivedOn,
        priceFen: r.priceFen,
        available,
      });
    }
  }
  return out;
}

/**
 * Of these drugs, those with stock in the center on the day that has expired by then. The sum
 * is pinned to the batch index: left to itself the planner took the place index (center, day)
 * and read the center's whole history for each batch — 0.9 s per drug on the bench's ten-year store.
 */
export function drugsWithExpiredStock(db: Db, day: string, drugIds: Iterable<number>): Set<number> {
  const q = stmt(
    db,
    `SELECT 1 FROM drug_batches b
      WHERE b.drug_id = ? AND b.expires_on < ? AND b.received_on <= ?
        AND (SELECT coalesce(sum(m.packs), 0) FROM stock_movements m INDEXED BY stock_movements_batch
              WHERE m.batch_id = b.id AND m.clinic_id IS NULL AND m.moved_on <= ?) > 0
      LIMIT 1`,
  ).pluck();
  const out = new Set<number>();
  for (const id of drugIds) if (q.get(id, day, day, day) !== undefined) out.add(id);
  return out;
}
