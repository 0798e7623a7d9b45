/**
 * The home page's drug figures as of a day (issue 10 part 7), each a count that opens its list:
 * batches expired or near expiry at any place (D5; the window is the setting 近效期提醒天数),
 * this month's shortages (D4), 集采 drugs short of cover at a clinic or behind their agreed
 * volume (D6, vbp.ts), and the clinics whose requisition for the month is over the
 * non-essential share (D3, by the same rule as the requisition: strictly above the limit).
 */
import type { DrugWatchSummary } from '../../../../shared/schemas/drugWatch';
import { addDays } from '../../../../shared/rules/dates';
import { essentialShare, type ShareLine } from '../../../../shared/rules/essentialShare';
import { isExpiredOn } from '../../../../shared/rules/fefo';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';
import { batchBalances } from '../stock/movements';
import { vbpCoverRows, vbpVolumeRows } from './vbp';

function expiryCounts(db: Db, asOf: string, nearDays: number): Pick<DrugWatchSummary, 'expired' | 'near'> {
  const last = addDays(asOf, nearDays);
  const expired = { batches: 0, packs: 0, amountFen: 0 };
  const near = { batches: 0, packs: 0, amountFen: 0 };
  for (const b of batchBalances(db, { everywhere: true, asOf })) {
    if (b.expiresOn > last) continue;
    const into = isExpiredOn(b.expiresOn, asOf) ? expired : near;
    into.batches += 1;
    into.packs += b.packs;
    into.amountFen += b.packs * b.priceFen;
  }
  return { expired, near };
}

function shareOver(db: Db, month: string): DrugWatchSummary['shareOver'] {
  const st = readSettings(db);
  const limits = { maxValueShare: st.nonEssentialMaxValueShare, maxItemShare: st.nonEssentialMaxItemShare };
  const heads = stmt(
    db,
    `SELECT r.id, r.clinic_id AS clinicId, c.name AS clinicName, r.status FROM requisitions r JOIN clinics c ON c.id = r.clinic_id
      WHERE r.month = ? AND r.status <> 'draft' ORDER BY coalesce(c.code, ''), c.id`,
  ).all(month) as { id: number; clinicId: number; clinicName: string; status: string }[];
  const lines = stmt(
    db,
    'SELECT drug_id AS drugId, essential, packs * price_fen AS amountFen FROM requisition_lines WHERE requisition_id = ?',
  );
  const out: DrugWatchSummary['shareOver'] = [];
  for (const h of heads) {
    const rows = (lines.all(h.id) as { drugId: number; essential: number; amountFen: number }[]).map((l): ShareLine => ({
      drugId: l.drugId,
      essential: l.essential === 1,
      amountFen: l.amountFen,
    }));
    const share = essentialShare(rows, limits);
    if (share.over)
      out.push({
        clinicId: h.clinicId,
        clinicName: h.clinicName,
        status: h.status,
        valueShare: share.valueShare,
        itemShare: share.itemShare,
      });
  }
  return out;
}

export function drugWatchSummary(db: Db, asOf: string): DrugWatchSummary {
  const nearExpiryDays = readSettings(db).nearExpiryDays;
  const month = asOf.slice(0, 7);
  const short = stmt(db, 'SELECT count(*) AS lines, coalesce(sum(packs), 0) AS packs FROM drug_shortages WHERE month = ?').get(month) as {
    lines: number;
    packs: number;
  };
  return {
    asOf,
    month,
    nearExpiryDays,
    ...expiryCounts(db, asOf, nearExpiryDays),
    shortagesThisMonth: short,
    vbpLowCover: vbpCoverRows(db, asOf).filter((r) => r.low).length,
    vbpBehind: vbpVolumeRows(db, asOf).filter((r) => r.behind).length,
    shareOver: shareOver(db, month),
  };
}
