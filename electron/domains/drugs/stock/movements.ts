/**
 * The one door to `stock_movements` (D9): every receipt, delivery, use, return, transfer,
 * adjustment and disposal is written here, and every "how much is where" is a sum read here.
 *
 * A place is a clinic's id, or `CENTER` (null) for the center's store. A movement is signed
 * packs of one batch at one place, priced at the batch's price, so amounts are packs × price
 * and every 进销存 closes exactly in packs and in 分. Goods moving between two places are two
 * movements of the same kind and date (out here, in there), each naming the other place.
 * Movements are never changed or deleted (triggers); a correction is a new movement.
 *
 * Writers run inside the caller's transaction; a movement that would take a batch below zero
 * at its place is refused by the database's trigger and turned into a Chinese sentence here.
 */
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';

export const CENTER = null;
/** A clinic's id, or null for the center's store. */
export type Place = number | null;

export type MovementKind = 'receipt' | 'delivery' | 'use' | 'return' | 'transfer' | 'adjust' | 'dispose';

export const movementKindLabels: Record<MovementKind, string> = {
  receipt: '采购入库',
  delivery: '配送',
  use: '使用（销售）',
  return: '退回中心',
  transfer: '调剂',
  adjust: '盘点调整',
  dispose: '过期销毁',
};

export interface MovementInput {
  batchId: number;
  place: Place;
  kind: MovementKind;
  /** ISO day the goods moved: the movement counts in this day's month, whatever it served. */
  movedOn: string;
  /** Signed: in > 0, out < 0; never 0. */
  packs: number;
  /** The other end of a delivery, return or transfer: a clinic, or the center. */
  other?: { clinicId: number } | 'center';
  deliveryId?: number;
  disposalId?: number;
  /** D2: the price a clinic sold at (use); equal to the batch's price when accepted. */
  salePriceFen?: number;
  reason?: string;
}

interface BatchHead {
  drug_id: number;
  price_fen: number;
  lot_no: string;
}

function batchHead(db: Db, batchId: number): BatchHead {
  const b = stmt(db, 'SELECT drug_id, price_fen, lot_no FROM drug_batches WHERE id = ?').get(batchId) as BatchHead | undefined;
  if (!b) throw new AppError('NOT_FOUND', `没有找到批次（编号 ${batchId}），可能已被删除，请刷新后重试`);
  return b;
}

/** Writes one movement; returns its id. Refuses (AppError) what would leave the batch below zero at the place. */
export function recordMovement(ctx: ServiceContext, m: MovementInput): number {
  if (!Number.isInteger(m.packs) || m.packs === 0) throw new AppError('VALIDATION', '数量必须是不为零的整数（以包装单位计）');
  const b = batchHead(ctx.db, m.batchId);
  try {
    return Number(
      stmt(
        ctx.db,
        `INSERT INTO stock_movements (batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen,
           other_clinic_id, other_is_center, delivery_id, disposal_id, sale_price_fen, reason, recorded_at, recorded_by)
         VALUES (@batchId, @drugId, @place, @kind, @movedOn, @packs, @price, @amount,
           @otherClinic, @otherCenter, @deliveryId, @disposalId, @salePrice, @reason, @at, @by)`,
      ).run({
        batchId: m.batchId,
        drugId: b.drug_id,
        place: m.place,
        kind: m.kind,
        movedOn: m.movedOn,
        packs: m.packs,
        price: b.price_fen,
        amount: m.packs * b.price_fen,
        otherClinic: m.other && m.other !== 'center' ? m.other.clinicId : null,
        otherCenter: m.other === 'center' ? 1 : 0,
        deliveryId: m.deliveryId ?? null,
        disposalId: m.disposalId ?? null,
        salePrice: m.salePriceFen ?? null,
        reason: m.reason ?? '',
        at: ctx.now().toISOString(),
        by: ctx.actor,
      }).lastInsertRowid,
    );
  } catch (e) {
    if (e instanceof Error && e.message.includes('库存不足')) {
      const have = batchOnHand(ctx.db, m.batchId, m.place);
      throw new AppError('CONFLICT', `库存不足：批号 ${b.lot_no} 在此处结存 ${have} 个包装，不能出库 ${-m.packs} 个`);
    }
    throw e;
  }
}

/** Rows per INSERT in recordMovements: 16 values each, well inside SQLite's 32,766 parameters. */
const CHUNK = 500;
const COLUMNS = `batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen,
  other_clinic_id, other_is_center, delivery_id, disposal_id, sale_price_fen, reason, recorded_at, recorded_by`;
const ROW = `(${new Array(16).fill('?').join(', ')})`;

/**
 * Writes many movements with a few multi-row INSERTs (CHUNK rows each, in the order given);
 * returns how many. The same rows, prices and refusals as calling recordMovement for each.
 *
 * Why few statements: every insert fires the never-negative check and the stock_balances upkeep
 * (0009, 0012), and a statement whose trigger writes another table keeps a statement journal —
 * the pages it touches are copied to a temporary file so that statement alone can be undone.
 * Ten thousand one-row statements paid that copy ten thousand times: about 450 ms of CPU in a
 * month's delivery (issue 10, bench row (j)), against ~50 ms for the triggers' own work. A
 * 500-row statement copies each page once. The triggers still run for every row, in order, so
 * the rules stay in the database: an out that would take a batch below zero at its place aborts
 * the statement, and the caller's transaction with it.
 */
export function recordMovements(ctx: ServiceContext, list: readonly MovementInput[]): number {
  // Every row checked before the first statement runs: a bad quantity or an unknown batch writes nothing.
  const heads = new Map<number, BatchHead>();
  for (const m of list) {
    if (!Number.isInteger(m.packs) || m.packs === 0) throw new AppError('VALIDATION', '数量必须是不为零的整数（以包装单位计）');
    if (!heads.has(m.batchId)) heads.set(m.batchId, batchHead(ctx.db, m.batchId));
  }
  const at = ctx.now().toISOString();
  let done = 0;
  try {
    for (; done < list.length; done += CHUNK) {
      const n = Math.min(CHUNK, list.length - done);
      // Each statement's values built in place: one array for the whole list, sliced per statement, cost more in GC than the inserts saved.
      const values = new Array<unknown>(n * 16);
      for (let i = 0; i < n; i++) {
        const m = list[done + i] as MovementInput;
        const b = heads.get(m.batchId) as BatchHead;
        const o = i * 16;
        values[o] = m.batchId;
        values[o + 1] = b.drug_id;
        values[o + 2] = m.place;
        values[o + 3] = m.kind;
        values[o + 4] = m.movedOn;
        values[o + 5] = m.packs;
        values[o + 6] = b.price_fen;
        values[o + 7] = m.packs * b.price_fen;
        values[o + 8] = m.other && m.other !== 'center' ? m.other.clinicId : null;
        values[o + 9] = m.other === 'center' ? 1 : 0;
        values[o + 10] = m.deliveryId ?? null;
        values[o + 11] = m.disposalId ?? null;
        values[o + 12] = m.salePriceFen ?? null;
        values[o + 13] = m.reason ?? '';
        values[o + 14] = at;
        values[o + 15] = ctx.actor;
      }
      stmt(ctx.db, `INSERT INTO stock_movements (${COLUMNS}) VALUES ${new Array<string>(n).fill(ROW).join(', ')}`).run(values);
    }
  } catch (e) {
    // The chunks before the failing one are written, so the balances read there already hold them.
    if (e instanceof Error && e.message.includes('库存不足')) throw firstOverdraw(ctx.db, list.slice(done)) ?? e;
    throw e;
  }
  return list.length;
}

/** After the trigger refused a list: the first movement that overdraws, in the same words as recordMovement. */
function firstOverdraw(db: Db, list: readonly MovementInput[]): AppError | undefined {
  const held = new Map<string, number>();
  for (const m of list) {
    const key = `${m.batchId}:${m.place ?? 'center'}`;
    const have = held.get(key) ?? batchOnHand(db, m.batchId, m.place);
    if (have + m.packs < 0) {
      const lot = stmt(db, 'SELECT lot_no FROM drug_batches WHERE id = ?').pluck().get(m.batchId) as string | undefined;
      return new AppError('CONFLICT', `库存不足：批号 ${lot ?? m.batchId} 在此处结存 ${have} 个包装，不能出库 ${-m.packs} 个`);
    }
    held.set(key, have + m.packs);
  }
  return undefined;
}

/** Packs of one batch at one place, over all movements up to and including `asOf` (all of them when absent). */
export function batchOnHand(db: Db, batchId: number, place: Place, asOf?: string): number {
  return Number(
    stmt(db, `SELECT coalesce(sum(packs), 0) FROM stock_movements WHERE batch_id = ? AND clinic_id IS ?${asOf ? ' AND moved_on <= ?' : ''}`)
      .pluck()
      .get(...(asOf ? [batchId, place, asOf] : [batchId, place])),
  );
}

export interface BatchBalance {
  batchId: number;
  drugId: number;
  place: Place;
  lotNo: string;
  producedOn: string | null;
  expiresOn: string;
  receivedOn: string;
  priceFen: number;
  packs: number;
}

/**
 * What is on hand, batch by batch, at one place or everywhere, as of a day (inclusive; all
 * movements when absent), optionally for one drug. Only batches with stock (packs > 0).
 */
export function batchBalances(db: Db, q: { place?: Place; everywhere?: boolean; drugId?: number; asOf?: string } = {}): BatchBalance[] {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (!q.everywhere) {
    where.push('m.clinic_id IS @place');
    args.place = q.place ?? null;
  }
  if (q.drugId !== undefined) {
    where.push('m.drug_id = @drugId');
    args.drugId = q.drugId;
  }
  if (q.asOf) {
    where.push('m.moved_on <= @asOf');
    args.asOf = q.asOf;
  }
  const rows = stmt(
    db,
    `SELECT m.batch_id AS batchId, m.drug_id AS drugId, m.clinic_id AS place, b.lot_no AS lotNo, b.produced_on AS producedOn,
            b.expires_on AS expiresOn, b.received_on AS receivedOn, b.price_fen AS priceFen, sum(m.packs) AS packs
       FROM stock_movements m JOIN drug_batches b ON b.id = m.batch_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY m.batch_id, m.clinic_id HAVING sum(m.packs) > 0
      ORDER BY m.drug_id, b.expires_on, b.received_on, m.batch_id`,
  ).all(args) as BatchBalance[];
  return rows;
}

/** Packs of a drug at a place as of a day (inclusive; all movements when absent). */
export function placeOnHand(db: Db, place: Place, drugId: number, asOf?: string): number {
  return Number(
    stmt(db, `SELECT coalesce(sum(packs), 0) FROM stock_movements WHERE clinic_id IS ? AND drug_id = ?${asOf ? ' AND moved_on <= ?' : ''}`)
      .pluck()
      .get(...(asOf ? [place, drugId, asOf] : [place, drugId])),
  );
}

/** Packs of a drug a clinic used (kind 'use') from the first to the last of the months given ('YYYY-MM'), inclusive. */
export function usedInMonths(db: Db, clinicId: number, drugId: number, months: readonly string[]): number {
  if (months.length === 0) return 0;
  const sorted = [...months].sort();
  return Number(
    stmt(
      db,
      `SELECT coalesce(-sum(packs), 0) FROM stock_movements
        WHERE clinic_id = ? AND drug_id = ? AND kind = 'use' AND moved_on >= ? AND moved_on <= ?`,
    )
      .pluck()
      .get(clinicId, drugId, `${sorted[0]}-01`, `${sorted[sorted.length - 1]}-31`),
  );
}
