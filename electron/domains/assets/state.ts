/**
 * The card's cached state (holder, value, status, disposal date) rewritten from its movements
 * inside the transaction that recorded one, so lists can filter on it in SQL while the
 * movements stay the only truth (A3).
 */
import { inEffect, stateAt } from '../../../shared/rules/assetState';
import { CENTER_HOLDER } from '../../../shared/schemas/assets';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { movementFacts } from './facts';

export function refreshAssetCache(db: Db, assetId: number, at: string): void {
  const effective = inEffect(movementFacts(db, assetId));
  const s = stateAt(effective, null);
  stmt(
    db,
    'UPDATE assets SET holder_clinic_id = ?, value_fen = ?, status = ?, disposed_on = ?, last_moved_on = ?, value_changes = ?, updated_at = ? WHERE id = ?',
  ).run(
    s.holderClinicId,
    s.valueFen,
    s.exists ? s.status : 'void',
    s.disposedOn,
    effective[effective.length - 1]?.date ?? null,
    effective.filter((m) => m.kind === 'value_change').length,
    at,
    assetId,
  );
}

/** Names of holders for messages and lists: a clinic's name, or 卫生院本部. */
export function holderName(db: Db, clinicId: number | null): string {
  if (clinicId === null) return CENTER_HOLDER;
  return String(stmt(db, 'SELECT name FROM clinics WHERE id = ?').pluck().get(clinicId) ?? `卫生室#${clinicId}`);
}
