/**
 * D6: 集采 drugs kept in stable supply. Two views as of a day:
 * - cover: each 集采 drug at each open clinic — stock on hand, use in the three whole months
 *   before the day's month, and how many months that stock lasts at that pace (flagged below
 *   the setting 集采药品最低保障, 1 month by default); a clinic that neither holds nor used the
 *   drug is left out, one that used it and holds none shows 0;
 * - volume: where the clerk entered the agreed annual volume (约定年采购量, packs), the packs
 *   received into the center's store this calendar year up to the day, against it and against
 *   the share of the year gone by (behind when the first is lower).
 */
import type { VbpCoverRow, VbpVolumeRow } from '../../../../shared/schemas/drugWatch';
import { addMonths, daysInclusive } from '../../../../shared/rules/dates';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';

interface VbpDrug {
  id: number;
  genericName: string;
  spec: string;
  vbpBatch: string;
  annualPacks: number | null;
}

function vbpDrugs(db: Db): VbpDrug[] {
  return stmt(
    db,
    `SELECT id, generic_name AS genericName, spec, vbp_batch AS vbpBatch, vbp_annual_packs AS annualPacks
       FROM drugs WHERE vbp_batch <> '' ORDER BY generic_name, spec, id`,
  ).all() as VbpDrug[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function vbpCoverRows(db: Db, asOf: string): VbpCoverRow[] {
  const minCover = readSettings(db).vbpMinCoverMonths;
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const from = addMonths(monthStart, -3);
  const clinics = stmt(db, `SELECT id, name FROM clinics WHERE status = 'open' ORDER BY coalesce(code, ''), id`).all() as {
    id: number;
    name: string;
  }[];
  const figures = new Map<string, { onHand: number; used: number }>();
  const rows = stmt(
    db,
    `SELECT m.clinic_id AS clinicId, m.drug_id AS drugId,
            sum(CASE WHEN m.moved_on <= @asOf THEN m.packs ELSE 0 END) AS onHand,
            -sum(CASE WHEN m.kind = 'use' AND m.moved_on >= @from AND m.moved_on < @monthStart THEN m.packs ELSE 0 END) AS used
       FROM stock_movements m JOIN drugs d ON d.id = m.drug_id AND d.vbp_batch <> ''
      WHERE m.clinic_id IS NOT NULL AND m.moved_on <= @asOf
      GROUP BY m.clinic_id, m.drug_id`,
  ).all({ asOf, from, monthStart }) as { clinicId: number; drugId: number; onHand: number; used: number }[];
  for (const r of rows) figures.set(`${r.drugId}:${r.clinicId}`, { onHand: r.onHand, used: r.used });
  const out: VbpCoverRow[] = [];
  for (const d of vbpDrugs(db)) {
    for (const c of clinics) {
      const f = figures.get(`${d.id}:${c.id}`);
      if (!f || (f.onHand === 0 && f.used === 0)) continue;
      const monthsOfCover = f.used > 0 ? round1(f.onHand / (f.used / 3)) : null;
      out.push({
        id: `${d.id}-${c.id}`,
        drugId: d.id,
        genericName: d.genericName,
        spec: d.spec,
        vbpBatch: d.vbpBatch,
        placeName: c.name,
        onHand: f.onHand,
        used3m: f.used,
        monthsOfCover,
        low: monthsOfCover !== null && monthsOfCover < minCover,
      });
    }
  }
  return out;
}

export function vbpVolumeRows(db: Db, asOf: string): VbpVolumeRow[] {
  const year = asOf.slice(0, 4);
  const received = new Map(
    (
      stmt(
        db,
        `SELECT drug_id AS drugId, sum(packs) AS packs FROM stock_movements
          WHERE kind = 'receipt' AND clinic_id IS NULL AND moved_on >= @start AND moved_on <= @asOf GROUP BY drug_id`,
      ).all({ start: `${year}-01-01`, asOf }) as { drugId: number; packs: number }[]
    ).map((r) => [r.drugId, r.packs]),
  );
  const yearElapsed = round1((daysInclusive(`${year}-01-01`, asOf) / daysInclusive(`${year}-01-01`, `${year}-12-31`)) * 100);
  return vbpDrugs(db).map((d) => {
    const receivedPacks = received.get(d.id) ?? 0;
    const progress = d.annualPacks ? round1((receivedPacks / d.annualPacks) * 100) : null;
    return {
      id: d.id,
      genericName: d.genericName,
      spec: d.spec,
      vbpBatch: d.vbpBatch,
      annualPacks: d.annualPacks,
      receivedPacks,
      progress,
      yearElapsed,
      behind: progress !== null && progress < yearElapsed,
    };
  });
}
