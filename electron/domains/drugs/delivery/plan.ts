/**
 * What a delivery run would do (issue 10 part 5, D9, D4): the month's approved requisition
 * lines, less what earlier runs served or recorded short, served FEFO (shared/rules/fefo.ts)
 * from the center's batches on the delivery day — never a batch expired that day. Read-only:
 * the preview shows it, and the run recomputes it inside its transaction before writing.
 *
 * A line is known by (clinic, month, drug) — a requisition is one per clinic and month and
 * holds a drug once — so what a run served is the clinic's 'delivery' movements under that
 * month's delivery heads; what it left short is the shortage rows pointing at the line.
 */
import { allocateFefo, shortageReasonLabels, type FefoDemand, type FefoShortage } from '../../../../shared/rules/fefo';
import type { DeliveryPlan, PlanLine } from '../../../../shared/schemas/deliveries';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { drugsWithExpiredStock, usableStoreOn } from './store';

interface OpenLine {
  lineId: number;
  clinicId: number;
  clinicName: string;
  drugId: number;
  genericName: string;
  spec: string;
  packUnit: string;
  packs: number;
}

/** The plan, and what the run needs to write it. */
export interface ComputedPlan {
  plan: DeliveryPlan;
  /** Per clinic: its picks (line → batch, packs) and shortages. */
  byClinic: Map<number, { picks: { lineId: number; drugId: number; batchId: number; packs: number }[]; shortages: FefoShortage[] }>;
}

function openLines(db: Db, month: string): { lines: OpenLine[]; approved: number; settled: number; notApproved: number } {
  const served = new Map<string, number>();
  for (const r of stmt(
    db,
    `SELECT dv.clinic_id AS clinicId, m.drug_id AS drugId, sum(m.packs) AS packs FROM deliveries dv
       JOIN stock_movements m ON m.clinic_id = dv.clinic_id AND m.moved_on = dv.delivered_on AND m.delivery_id = dv.id
      WHERE dv.month = ? GROUP BY dv.clinic_id, m.drug_id`,
  ).all(month) as { clinicId: number; drugId: number; packs: number }[])
    served.set(`${r.clinicId}:${r.drugId}`, r.packs);
  const short = new Map<number, number>();
  for (const r of stmt(
    db,
    'SELECT requisition_line_id AS lineId, sum(packs) AS packs FROM drug_shortages WHERE month = ? AND requisition_line_id IS NOT NULL GROUP BY 1',
  ).all(month) as { lineId: number; packs: number }[])
    short.set(r.lineId, r.packs);
  const rows = stmt(
    db,
    `SELECT l.id AS lineId, r.clinic_id AS clinicId, c.name AS clinicName, l.drug_id AS drugId, d.generic_name AS genericName,
            d.spec, d.pack_unit AS packUnit, l.packs
       FROM requisitions r JOIN requisition_lines l ON l.requisition_id = r.id
       JOIN clinics c ON c.id = r.clinic_id JOIN drugs d ON d.id = l.drug_id
      WHERE r.month = ? AND r.status = 'approved'
      ORDER BY coalesce(c.code, ''), c.name, c.id, l.id`,
  ).all(month) as OpenLine[];
  const lines: OpenLine[] = [];
  let settled = 0;
  for (const l of rows) {
    const left = l.packs - (served.get(`${l.clinicId}:${l.drugId}`) ?? 0) - (short.get(l.lineId) ?? 0);
    if (left > 0) lines.push({ ...l, packs: left });
    else settled += 1;
  }
  const counts = stmt(
    db,
    `SELECT sum(status = 'approved') AS approved, sum(status <> 'approved') AS notApproved FROM requisitions WHERE month = ?`,
  ).get(month) as { approved: number | null; notApproved: number | null };
  return { lines, approved: counts.approved ?? 0, settled, notApproved: counts.notApproved ?? 0 };
}

export function computePlan(db: Db, month: string, deliveredOn: string): ComputedPlan {
  const open = openLines(db, month);
  const store = usableStoreOn(db, deliveredOn, new Set(open.lines.map((l) => l.drugId)));
  const batchInfo = new Map(store.map((b) => [b.batchId, b]));
  const demands: FefoDemand[] = open.lines.map((l) => ({ lineId: l.lineId, drugId: l.drugId, packs: l.packs }));
  const result = allocateFefo(demands, store, deliveredOn);
  // The reason is settled per drug, not from what is left when a line's turn comes: a line short
  // because earlier lines took the drug's stock is short for want of stock (库存不足), and 库存均已
  // 过期 only when nothing usable was there but expired stock was (D4).
  const hadUsable = new Set(store.map((b) => b.drugId));
  const expired = drugsWithExpiredStock(
    db,
    deliveredOn,
    new Set(result.shortages.filter((x) => !hadUsable.has(x.drugId)).map((x) => x.drugId)),
  );
  for (const sh of result.shortages) {
    sh.reason = hadUsable.has(sh.drugId) ? 'not_enough' : expired.has(sh.drugId) ? 'only_expired' : 'none_in_store';
  }
  const picksOf = new Map<number, { batchId: number; packs: number }[]>();
  for (const p of result.picks) {
    const list = picksOf.get(p.lineId);
    if (list) list.push(p);
    else picksOf.set(p.lineId, [p]);
  }
  const shortOf = new Map(result.shortages.map((s) => [s.lineId, s]));

  const plan: DeliveryPlan = {
    month,
    deliveredOn,
    clinics: [],
    approvedRequisitions: open.approved,
    settledLines: open.settled,
    notApproved: open.notApproved,
    servedPacks: 0,
    shortPacks: 0,
    amountFen: 0,
  };
  const byClinic: ComputedPlan['byClinic'] = new Map();
  let current: DeliveryPlan['clinics'][number] | undefined;
  for (const l of open.lines) {
    if (!current || current.clinicId !== l.clinicId) {
      current = { clinicId: l.clinicId, clinicName: l.clinicName, lines: [], servedPacks: 0, shortPacks: 0, amountFen: 0 };
      plan.clinics.push(current);
      byClinic.set(l.clinicId, { picks: [], shortages: [] });
    }
    const writes = byClinic.get(l.clinicId);
    const picks = (picksOf.get(l.lineId) ?? []).map((p) => {
      const b = batchInfo.get(p.batchId);
      writes?.picks.push({ lineId: l.lineId, drugId: l.drugId, batchId: p.batchId, packs: p.packs });
      return { batchId: p.batchId, lotNo: b?.lotNo ?? '', expiresOn: b?.expiresOn ?? '', packs: p.packs, priceFen: b?.priceFen ?? 0 };
    });
    const s = shortOf.get(l.lineId);
    if (s) writes?.shortages.push(s);
    const line: PlanLine = {
      lineId: l.lineId,
      drugId: l.drugId,
      genericName: l.genericName,
      spec: l.spec,
      packUnit: l.packUnit,
      packs: l.packs,
      picks,
      shortPacks: s?.packs ?? 0,
      shortReason: s ? shortageReasonLabels[s.reason] : '',
    };
    current.lines.push(line);
    for (const p of picks) {
      current.servedPacks += p.packs;
      current.amountFen += p.packs * p.priceFen;
    }
    current.shortPacks += line.shortPacks;
  }
  for (const c of plan.clinics) {
    plan.servedPacks += c.servedPacks;
    plan.shortPacks += c.shortPacks;
    plan.amountFen += c.amountFen;
  }
  return { plan, byClinic };
}
