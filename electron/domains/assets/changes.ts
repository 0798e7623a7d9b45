/**
 * 固定资产增减变动表 (A1, A4): for a period and a scope (the township, one clinic, or the center
 * itself), by category — opening, additions, reductions, depreciation and closing of 原值 and
 * 累计折旧 (净值 = 原值 − 累计折旧).
 *
 *   closing 原值   = opening 原值 + additions − reductions
 *   closing 累计折旧 = opening 累计折旧 + depreciation of the period + carried in − carried out
 *
 * Additions are acquisitions, value increases and (for a clinic) transfers in; reductions are
 * disposals, value decreases and transfers out. A transferred asset carries the depreciation
 * accumulated before the month of the transfer; that month's depreciation belongs to whoever
 * holds the asset at the month's end. Depreciation counts whole months: the period's months
 * are those from `from`'s month to `to`'s month, and the opening is taken at the end of the
 * month before.
 */
import { assetCategories, categoryInfo, type AssetCategory } from '../../../shared/rules/assetCategories';
import { depreciationBasis, inEffect, stateAt, type MovementFact } from '../../../shared/rules/assetState';
import { accumulatedAt, monthIndex, type DepreciationBasis } from '../../../shared/rules/depreciation';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { allMovementFacts } from './facts';

export interface ChangeFigures {
  openingValue: number;
  openingAccumulated: number;
  addedValue: number;
  addedAccumulated: number;
  reducedValue: number;
  reducedAccumulated: number;
  depreciation: number;
  closingValue: number;
  closingAccumulated: number;
}

interface CategoryChanges extends ChangeFigures {
  category: AssetCategory;
  topClass: string;
  label: string;
}

/** `undefined`: the whole township; `null`: the center itself; a number: that clinic. */
type ChangeScope = number | null | undefined;

interface ChangesResult {
  from: string;
  to: string;
  rows: CategoryChanges[];
  total: ChangeFigures;
}

const zero = (): ChangeFigures => ({
  openingValue: 0,
  openingAccumulated: 0,
  addedValue: 0,
  addedAccumulated: 0,
  reducedValue: 0,
  reducedAccumulated: 0,
  depreciation: 0,
  closingValue: 0,
  closingAccumulated: 0,
});

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const held = (status: string) => status !== 'disposed' && status !== 'void';

/** Depreciation of months [a, b] that belongs to the scope, given who held the asset at each month's end. */
function periodDepreciation(
  basis: DepreciationBasis,
  effective: readonly MovementFact[],
  m0: number,
  m1: number,
  to: string,
  inScope: (h: number | null) => boolean,
  holder0: number | null,
): number {
  // Holder changes within the period, by month: the last one of a month decides that month.
  let total = 0;
  let holder = holder0;
  let segmentStart = m0;
  const changes = effective.filter((m) => (m.kind === 'transfer' || m.kind === 'acquire') && m.date <= to && monthIndex(m.date) >= m0);
  for (const m of changes) {
    const month = monthIndex(m.date);
    if (month > segmentStart && inScope(holder)) total += accumulatedAt(basis, month - 1) - accumulatedAt(basis, segmentStart - 1);
    if (month > segmentStart) segmentStart = month;
    holder = m.toClinicId;
  }
  if (inScope(holder)) total += accumulatedAt(basis, m1) - accumulatedAt(basis, segmentStart - 1);
  return total;
}

export function assetChanges(db: Db, from: string, to: string, scope: ChangeScope = undefined): ChangesResult {
  const inScope = (h: number | null) => scope === undefined || h === scope;
  const prev = dayBefore(from);
  const m0 = monthIndex(from);
  const m1 = monthIndex(to);
  const facts = allMovementFacts(db, to);
  const byCategory = new Map<AssetCategory, ChangeFigures>();
  for (const card of stmt(db, 'SELECT id, category FROM assets').all() as { id: number; category: AssetCategory }[]) {
    const effective = inEffect(facts.get(card.id) ?? []);
    const basis = depreciationBasis(effective, to);
    if (!basis) continue;
    const f = byCategory.get(card.category) ?? zero();
    byCategory.set(card.category, f);
    const opening = stateAt(effective, prev);
    const wasIn = opening.exists && held(opening.status) && inScope(opening.holderClinicId);
    if (wasIn) {
      f.openingValue += opening.valueFen;
      f.openingAccumulated += accumulatedAt(basis, m0 - 1);
    }
    let holder = opening.exists ? opening.holderClinicId : null;
    let present = opening.exists && held(opening.status);
    let value = opening.valueFen;
    for (const m of effective) {
      if (m.date < from || m.date > to) continue;
      const carried = accumulatedAt(basis, monthIndex(m.date) - 1);
      if (m.kind === 'acquire') {
        present = true;
        holder = m.toClinicId;
        value = m.valueFen;
        if (inScope(holder)) f.addedValue += value;
      } else if (m.kind === 'transfer' && present) {
        const out = inScope(holder) && !inScope(m.toClinicId);
        const into = !inScope(holder) && inScope(m.toClinicId);
        if (out) {
          f.reducedValue += value;
          f.reducedAccumulated += carried;
        }
        if (into) {
          f.addedValue += value;
          f.addedAccumulated += carried;
        }
        holder = m.toClinicId;
      } else if (m.kind === 'value_change' && present) {
        if (inScope(holder)) {
          if (m.valueFen > 0) f.addedValue += m.valueFen;
          else f.reducedValue -= m.valueFen;
        }
        value += m.valueFen;
      } else if (m.kind === 'dispose' && present) {
        if (inScope(holder)) {
          f.reducedValue += value;
          f.reducedAccumulated += accumulatedAt(basis, monthIndex(m.date));
        }
        present = false;
      }
    }
    f.depreciation += periodDepreciation(basis, effective, m0, m1, to, inScope, opening.exists ? opening.holderClinicId : null);
    const closing = stateAt(effective, to);
    if (closing.exists && held(closing.status) && inScope(closing.holderClinicId)) {
      f.closingValue += closing.valueFen;
      f.closingAccumulated += accumulatedAt(basis, m1);
    }
  }
  const rows: CategoryChanges[] = assetCategories
    .filter((c) => byCategory.has(c))
    .map((c) => ({ category: c, topClass: categoryInfo[c].top, label: categoryInfo[c].label, ...(byCategory.get(c) as ChangeFigures) }));
  const total = zero();
  for (const r of rows) for (const k of Object.keys(total) as (keyof ChangeFigures)[]) total[k] += r[k];
  return { from, to, rows, total };
}
