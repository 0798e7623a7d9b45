/**
 * The 登记使用 table: every drug the clinic can use in the month (held on its last day, from
 * batches not expired before the 1st), with what it holds, the price use would be taken at
 * first (FEFO, the prefilled sale price — D2), any other price among its batches, and what was
 * already recorded as used this month.
 */
import type { z } from 'zod';
import type { useSheetRow } from '../../../../shared/schemas/stock';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { batchBalances } from './movements';
import { availableOn, clinicName, monthEnd, monthStart } from './places';

type UseSheetRow = z.infer<typeof useSheetRow>;

export function useSheet(db: Db, clinicId: number, month: string): UseSheetRow[] {
  clinicName(db, clinicId);
  const day = monthEnd(month);
  const first = monthStart(month);
  const byDrug = new Map<number, { onHand: number; prices: number[] }>();
  for (const b of batchBalances(db, { place: clinicId, asOf: day })) {
    if (b.expiresOn < first) continue;
    const left = availableOn(db, b.batchId, clinicId, day);
    if (left <= 0) continue;
    const e = byDrug.get(b.drugId) ?? { onHand: 0, prices: [] };
    e.onHand += left;
    if (!e.prices.includes(b.priceFen)) e.prices.push(b.priceFen);
    byDrug.set(b.drugId, e);
  }
  const used = new Map(
    (
      stmt(
        db,
        `SELECT drug_id AS drugId, -sum(packs) AS packs FROM stock_movements
          WHERE clinic_id = ? AND kind = 'use' AND moved_on >= ? AND moved_on <= ? GROUP BY drug_id`,
      ).all(clinicId, first, day) as { drugId: number; packs: number }[]
    ).map((r) => [r.drugId, r.packs]),
  );
  const drugs = stmt(db, 'SELECT id, platform_code, generic_name, spec, pack_unit FROM drugs WHERE id = ?');
  return [...byDrug.entries()]
    .map(([drugId, e]) => {
      const d = drugs.get(drugId) as { platform_code: string | null; generic_name: string; spec: string; pack_unit: string };
      const [priceFen = 0, ...otherPrices] = e.prices;
      return {
        drugId,
        platformCode: d.platform_code ?? '',
        genericName: d.generic_name,
        spec: d.spec,
        packUnit: d.pack_unit,
        onHand: e.onHand,
        priceFen,
        otherPrices,
        usedThisMonth: used.get(drugId) ?? 0,
      };
    })
    .sort((a, b) => a.platformCode.localeCompare(b.platformCode) || a.drugId - b.drugId);
}
