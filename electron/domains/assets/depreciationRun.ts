/**
 * The township's monthly depreciation (A4) over a run of months: per month, the total and the
 * share of each holder (the clinic holding the asset at the month's end; `center` for the
 * center itself). Each card's accumulated depreciation is taken month by month; a card that has
 * not moved since before the run and never changed value is read from its cache alone (see
 * ledger.ts), the others from their movements. The benchmark's "ten years of months" is this
 * with 120 months.
 */
import { depreciationBasis, inEffect, type MovementFact } from '../../../shared/rules/assetState';
import { accumulatedAt, monthIndex, monthIso, type DepreciationBasis } from '../../../shared/rules/depreciation';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { FACT_COLUMNS, factsByAsset } from './facts';

interface MonthDepreciation {
  month: string;
  totalFen: number;
  /** By holder clinic id; key 'center' for 卫生院本部. */
  byHolder: Record<string, number>;
}

interface Card {
  id: number;
  holder: number | null;
  value: number;
  life: number;
  start: string;
  disposedOn: string | null;
  lastMovedOn: string;
  valueChanges: number;
}

/** Movements of the cards that moved since `from` or ever changed value (the rest are read from their cache). */
function factsOfMovers(db: Db, from: string): Map<number, MovementFact[]> {
  return factsByAsset(
    db,
    `SELECT ${FACT_COLUMNS} FROM asset_movements
    WHERE asset_id IN (SELECT id FROM assets WHERE status <> 'void' AND (value_changes > 0 OR last_moved_on >= @from))
    ORDER BY asset_id, moved_on, id`,
    { from },
  );
}

/** `fromMonth`, `toMonth`: `YYYY-MM`, inclusive. */
export function depreciationRun(db: Db, fromMonth: string, toMonth: string): MonthDepreciation[] {
  const first = monthIndex(`${fromMonth}-01`);
  const last = monthIndex(`${toMonth}-01`);
  const out: MonthDepreciation[] = [];
  for (let m = first; m <= last; m++) out.push({ month: monthIso(m), totalFen: 0, byHolder: {} });
  const book = (m: number, holder: number | null, amount: number) => {
    const row = out[m - first];
    if (!row || amount === 0) return;
    row.totalFen += amount;
    const key = holder === null ? 'center' : String(holder);
    row.byHolder[key] = (row.byHolder[key] ?? 0) + amount;
  };
  /** Books months first…last of one card, its holder at each month's end from `holders` (month order). */
  const run = (basis: DepreciationBasis, holders: { month: number; holder: number | null }[]) => {
    let h = 0;
    let holder: number | null = null;
    let previous = accumulatedAt(basis, Math.max(first, basis.startMonth) - 1);
    for (let m = Math.max(first, basis.startMonth); m <= last; m++) {
      if (basis.endMonth !== null && m >= basis.endMonth) break;
      const acc = accumulatedAt(basis, m);
      while (h < holders.length && (holders[h]?.month ?? Infinity) <= m) holder = holders[h++]?.holder ?? null;
      book(m, holder, acc - previous);
      previous = acc;
    }
  };
  const from = `${fromMonth}-01`;
  const movers = factsOfMovers(db, from);
  const cards = stmt(
    db,
    `SELECT id, holder_clinic_id AS holder, value_fen AS value, life_months AS life, in_service_on AS start, disposed_on AS disposedOn,
    last_moved_on AS lastMovedOn, value_changes AS valueChanges FROM assets WHERE status <> 'void' AND in_service_on <= ?`,
  ).all(`${toMonth}-31`) as Card[];
  for (const c of cards) {
    if (c.valueChanges === 0 && c.lastMovedOn < from) {
      if (c.life === 0) continue;
      const basis = {
        startMonth: monthIndex(c.start),
        value: c.value,
        lifeMonths: c.life,
        changes: [],
        endMonth: c.disposedOn === null ? null : monthIndex(c.disposedOn),
      };
      run(basis, [{ month: -Infinity, holder: c.holder }]);
      continue;
    }
    const effective = inEffect(movers.get(c.id) ?? []);
    const basis = depreciationBasis(effective);
    if (!basis) continue;
    run(
      basis,
      effective
        .filter((m) => m.kind === 'acquire' || m.kind === 'transfer')
        .map((m) => ({ month: monthIndex(m.date), holder: m.toClinicId })),
    );
  }
  return out;
}
