/**
 * An asset's state is derived from its movements (rule A3): who holds it, its original value,
 * its status and whether it has left, on any date. Movements are append-only; a reversal
 * (冲销) takes a movement out of effect together with itself, so the asset is as if the
 * reversed movement had never happened.
 */
import type { DepreciationBasis, ValueChange } from './depreciation';
import { monthIndex } from './depreciation';

export interface MovementFact {
  id: number;
  kind: 'acquire' | 'transfer' | 'value_change' | 'status' | 'dispose' | 'reversal';
  date: string;
  toClinicId: number | null;
  valueFen: number;
  lifeMonths: number | null;
  status: string;
  method: string;
  reversesId: number | null;
}

/** The movements in effect, in date order (then entry order): reversed ones and reversals dropped. */
export function inEffect(movements: readonly MovementFact[]): MovementFact[] {
  const reversed = new Set(movements.filter((m) => m.kind === 'reversal' && m.reversesId !== null).map((m) => m.reversesId));
  return movements
    .filter((m) => m.kind !== 'reversal' && !reversed.has(m.id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

export interface AssetState {
  /** Acquired by then and not voided. */
  exists: boolean;
  holderClinicId: number | null;
  valueFen: number;
  /** in_use, idle, repair, lost, disposed; void when its acquisition was reversed. */
  status: string;
  disposedOn: string | null;
  disposalMethod: string;
}

/** State at the end of `asOf` (ISO date); `null` for the latest state. Movements: `inEffect`'s. */
export function stateAt(effective: readonly MovementFact[], asOf: string | null): AssetState {
  const s: AssetState = { exists: false, holderClinicId: null, valueFen: 0, status: 'void', disposedOn: null, disposalMethod: '' };
  for (const m of effective) {
    if (asOf !== null && m.date > asOf) break;
    switch (m.kind) {
      case 'acquire':
        Object.assign(s, { exists: true, holderClinicId: m.toClinicId, valueFen: m.valueFen, status: 'in_use' });
        break;
      case 'transfer':
        s.holderClinicId = m.toClinicId;
        break;
      case 'value_change':
        s.valueFen += m.valueFen;
        break;
      case 'status':
        s.status = m.status;
        break;
      case 'dispose':
        Object.assign(s, { status: 'disposed', disposedOn: m.date, disposalMethod: m.method });
        break;
      default:
        break;
    }
  }
  return s;
}

/** What depreciation needs (A4), or null for an asset never acquired (voided). */
export function depreciationBasis(effective: readonly MovementFact[], asOf: string | null = null): DepreciationBasis | null {
  const acquire = effective.find((m) => m.kind === 'acquire');
  if (!acquire) return null;
  const changes: ValueChange[] = [];
  let endMonth: number | null = null;
  for (const m of effective) {
    if (asOf !== null && m.date > asOf) break;
    if (m.kind === 'value_change')
      changes.push({ month: monthIndex(m.date), delta: m.valueFen, ...(m.lifeMonths !== null ? { lifeMonths: m.lifeMonths } : {}) });
    if (m.kind === 'dispose') endMonth = monthIndex(m.date);
  }
  return { startMonth: monthIndex(acquire.date), value: acquire.valueFen, lifeMonths: acquire.lifeMonths ?? 0, changes, endMonth };
}
