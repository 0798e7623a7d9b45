/**
 * D9 / D4: serving clinics' approved lines from the center's batches, first expiry first out
 * (FEFO), never from a batch expired on the delivery day; whatever cannot be served is a
 * shortage with its reason.
 *
 * - A batch is expired on day D when its expiry date (有效期至) is before D: the date printed
 *   is the last day it may be used, so on that day it may still go out. The near-expiry
 *   window (D5, a setting) warns about such batches; it does not stop them.
 * - Batches of a drug are taken in order of expiry, then of receipt, then of entry, so two
 *   deliveries of the same stock always pick the same batches.
 * - Lines are served in the order given (the caller orders them: by clinic, then line). When
 *   stock runs short the lines served later are the ones short, which the delivery note and
 *   the shortage register both show; no line is silently cut pro rata.
 */

export interface FefoBatch {
  batchId: number;
  drugId: number;
  expiresOn: string;
  receivedOn: string;
  /** Packs of this batch in the center's store on the delivery day. */
  available: number;
}

export interface FefoDemand {
  lineId: number;
  drugId: number;
  packs: number;
}

export interface FefoPick {
  lineId: number;
  batchId: number;
  packs: number;
}

export type ShortageReason = 'none_in_store' | 'only_expired' | 'not_enough';

export const shortageReasonLabels: Record<ShortageReason, string> = {
  none_in_store: '中心库无此药',
  only_expired: '库存均已过期',
  not_enough: '库存不足',
};

export interface FefoShortage {
  lineId: number;
  drugId: number;
  /** Packs asked for and not served. */
  packs: number;
  reason: ShortageReason;
}

export interface FefoResult {
  picks: FefoPick[];
  shortages: FefoShortage[];
}

export function isExpiredOn(expiresOn: string, day: string): boolean {
  return expiresOn < day;
}

function fefoOrder(a: FefoBatch, b: FefoBatch): number {
  return a.expiresOn.localeCompare(b.expiresOn) || a.receivedOn.localeCompare(b.receivedOn) || a.batchId - b.batchId;
}

export function allocateFefo(demands: readonly FefoDemand[], batches: readonly FefoBatch[], deliveryDate: string): FefoResult {
  // What is left of each usable batch as lines take from it, by drug, in FEFO order.
  const usable = new Map<number, { batchId: number; left: number }[]>();
  const expiredStock = new Set<number>();
  for (const b of [...batches].sort(fefoOrder)) {
    if (b.available <= 0) continue;
    if (isExpiredOn(b.expiresOn, deliveryDate)) {
      expiredStock.add(b.drugId);
      continue;
    }
    const list = usable.get(b.drugId);
    const entry = { batchId: b.batchId, left: b.available };
    if (list) list.push(entry);
    else usable.set(b.drugId, [entry]);
  }
  const picks: FefoPick[] = [];
  const shortages: FefoShortage[] = [];
  for (const d of demands) {
    let wanted = d.packs;
    const hadUsable = (usable.get(d.drugId) ?? []).some((b) => b.left > 0);
    for (const b of usable.get(d.drugId) ?? []) {
      if (wanted === 0) break;
      if (b.left === 0) continue;
      const take = Math.min(wanted, b.left);
      b.left -= take;
      wanted -= take;
      picks.push({ lineId: d.lineId, batchId: b.batchId, packs: take });
    }
    if (wanted > 0) {
      const reason: ShortageReason = hadUsable ? 'not_enough' : expiredStock.has(d.drugId) ? 'only_expired' : 'none_in_store';
      shortages.push({ lineId: d.lineId, drugId: d.drugId, packs: wanted, reason });
    }
  }
  return { picks, shortages };
}
