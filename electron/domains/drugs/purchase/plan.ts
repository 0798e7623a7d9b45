/**
 * The month's purchase plan (D1, D9; issue 10 part 3): the lines of the month's approved
 * requisitions aggregated per drug — packs, clinics — plus the center's own lines
 * (purchase_extra_lines), each priced at the platform price in force on the 1st of the month,
 * amounts packs × price in 分, so the totals are exact. Held requisitions and drafts are not in
 * it (only approved lines enter the plan, D9) and are named beside it.
 */
import { firstDayOf } from '../../../../shared/rules/requisitionMonths';
import type { PurchasePlan, PurchaseRow } from '../../../../shared/schemas/requisitions';
import type { ServiceContext } from '../../../db/context';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';
import { drugsOnFirst } from '../requisitions/figures';

interface Part {
  requestedPacks: number;
  clinics: number;
  extraPacks: number;
  extraId: number | null;
  note: string;
}

export function purchasePlan(ctx: ServiceContext, month: string): PurchasePlan {
  const db = ctx.db;
  const parts = new Map<number, Part>();
  const part = (drugId: number): Part => {
    let p = parts.get(drugId);
    if (!p) parts.set(drugId, (p = { requestedPacks: 0, clinics: 0, extraPacks: 0, extraId: null, note: '' }));
    return p;
  };
  const approved = stmt(
    db,
    `SELECT l.drug_id AS drugId, sum(l.packs) AS packs, count(DISTINCT r.clinic_id) AS clinics
       FROM requisitions r JOIN requisition_lines l ON l.requisition_id = r.id
      WHERE r.month = ? AND r.status = 'approved' GROUP BY l.drug_id`,
  ).all(month) as { drugId: number; packs: number; clinics: number }[];
  for (const a of approved) Object.assign(part(a.drugId), { requestedPacks: a.packs, clinics: a.clinics });
  const extras = stmt(db, 'SELECT id, drug_id AS drugId, packs, note FROM purchase_extra_lines WHERE month = ?').all(month) as {
    id: number;
    drugId: number;
    packs: number;
    note: string;
  }[];
  for (const e of extras) Object.assign(part(e.drugId), { extraPacks: e.packs, extraId: e.id, note: e.note });
  const drugs = drugsOnFirst(ctx, month, [...parts.keys()]);
  const info = stmt(db, 'SELECT national_code AS nationalCode, trade_name AS tradeName FROM drugs WHERE id = ?');
  const rows: PurchaseRow[] = [...parts].map(([drugId, p]) => {
    const d = drugs.get(drugId);
    const more = info.get(drugId) as { nationalCode: string; tradeName: string };
    const packs = p.requestedPacks + p.extraPacks;
    const priceFen = d?.priceFen ?? 0;
    return {
      drugId,
      platformCode: d?.platformCode ?? '',
      nationalCode: more.nationalCode,
      genericName: d?.genericName ?? '',
      tradeName: more.tradeName,
      form: d?.form ?? '',
      spec: d?.spec ?? '',
      packUnit: d?.packUnit ?? '',
      maker: d?.maker ?? '',
      essential: d?.essential ?? false,
      requestedPacks: p.requestedPacks,
      extraPacks: p.extraPacks,
      packs,
      priceFen,
      amountFen: packs * priceFen,
      clinics: p.clinics,
      extraId: p.extraId,
      note: p.note,
    };
  });
  rows.sort(
    (a, b) => a.platformCode.localeCompare(b.platformCode) || a.genericName.localeCompare(b.genericName, 'zh') || a.drugId - b.drugId,
  );
  const others = stmt(
    db,
    `SELECT c.name, r.status FROM requisitions r JOIN clinics c ON c.id = r.clinic_id WHERE r.month = ? AND r.status <> 'approved' ORDER BY c.name`,
  ).all(month) as { name: string; status: string }[];
  const clinics = Number(stmt(db, "SELECT count(*) FROM requisitions WHERE month = ? AND status = 'approved'").pluck().get(month));
  return {
    month,
    rows,
    totals: {
      drugs: rows.length,
      packs: rows.reduce((n, r) => n + r.packs, 0),
      amountFen: rows.reduce((n, r) => n + r.amountFen, 0),
      clinics,
    },
    held: others.filter((o) => o.status === 'held').map((o) => o.name),
    drafts: others.filter((o) => o.status === 'draft').map((o) => o.name),
    columns: readSettings(db).purchasePlanColumns,
  };
}

/** The day the plan's prices are taken at. */
export const planPriceDay = firstDayOf;
