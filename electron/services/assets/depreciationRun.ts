/**
 * The township's monthly depreciation (A4) over a run of months: per month, the total and the
 * share of each holder (the clinic holding the asset at the month's end; `center` for the
 * center itself). One read of all movements, then each asset's accumulated depreciation month
 * by month — the benchmark's "ten years of months" is this with 120 months.
 */
import { depreciationBasis, inEffect, type MovementFact } from '../../../shared/rules/assetState';
import { accumulatedAt, monthIndex, monthIso } from '../../../shared/rules/depreciation';
import type { Db } from '../../db/open';
import { allMovementFacts } from './facts';

export interface MonthDepreciation {
  month: string;
  totalFen: number;
  /** By holder clinic id; key 'center' for 卫生院本部. */
  byHolder: Record<string, number>;
}

function holderMonths(effective: readonly MovementFact[]): { month: number; holder: number | null }[] {
  return effective.filter((m) => m.kind === 'acquire' || m.kind === 'transfer').map((m) => ({ month: monthIndex(m.date), holder: m.toClinicId }));
}

/** `fromMonth`, `toMonth`: `YYYY-MM`, inclusive. */
export function depreciationRun(db: Db, fromMonth: string, toMonth: string): MonthDepreciation[] {
  const first = monthIndex(`${fromMonth}-01`);
  const last = monthIndex(`${toMonth}-01`);
  const out: MonthDepreciation[] = [];
  for (let m = first; m <= last; m++) out.push({ month: monthIso(m), totalFen: 0, byHolder: {} });
  for (const facts of allMovementFacts(db, `${toMonth}-31`).values()) {
    const effective = inEffect(facts);
    const basis = depreciationBasis(effective);
    if (!basis || (basis.lifeMonths === 0 && basis.changes.every((c) => c.lifeMonths === undefined))) continue;
    const holders = holderMonths(effective);
    let h = 0;
    let holder: number | null = null;
    let previous = accumulatedAt(basis, first - 1);
    for (let m = Math.max(first, basis.startMonth); m <= last; m++) {
      if (basis.endMonth !== null && m >= basis.endMonth) break;
      const acc = accumulatedAt(basis, m);
      const amount = acc - previous;
      previous = acc;
      if (amount === 0) continue;
      while (h < holders.length && (holders[h]?.month ?? Infinity) <= m) holder = holders[h++]?.holder ?? null;
      const row = out[m - first];
      if (!row) continue;
      row.totalFen += amount;
      const key = holder === null ? 'center' : String(holder);
      row.byHolder[key] = (row.byHolder[key] ?? 0) + amount;
    }
  }
  return out;
}
