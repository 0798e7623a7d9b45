/**
 * Reading movements as facts for the pure rules (shared/rules/assetState.ts): one asset's, or
 * every asset's at once (ledgers, returns), grouped by asset in one pass over one query.
 */
import type { MovementFact } from '../../../shared/rules/assetState';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';

const COLUMNS = `id, asset_id AS assetId, kind, moved_on AS date, to_clinic_id AS toClinicId, value_fen AS valueFen,
  life_months AS lifeMonths, status, method, reverses_id AS reversesId`;

type Raw = MovementFact & { assetId: number };

export function movementFacts(db: Db, assetId: number): MovementFact[] {
  return stmt(db, `SELECT ${COLUMNS} FROM asset_movements WHERE asset_id = ? ORDER BY moved_on, id`).all(assetId) as Raw[];
}

/**
 * Every asset's movements dated on or before `asOf` (all when null), by asset id. Reversals
 * are read whatever their date: a reversed movement was a mistake, so it never happened on any
 * day, and the ledger of an earlier date no longer shows it either.
 */
export function allMovementFacts(db: Db, asOf: string | null): Map<number, MovementFact[]> {
  const rows = (asOf === null
    ? stmt(db, `SELECT ${COLUMNS} FROM asset_movements ORDER BY asset_id, moved_on, id`).all()
    : stmt(db, `SELECT ${COLUMNS} FROM asset_movements WHERE moved_on <= ? OR kind = 'reversal' ORDER BY asset_id, moved_on, id`).all(asOf)) as Raw[];
  const out = new Map<number, MovementFact[]>();
  let list: MovementFact[] = [];
  let current = -1;
  for (const r of rows) {
    if (r.assetId !== current) {
      current = r.assetId;
      list = [];
      out.set(current, list);
    }
    list.push(r);
  }
  return out;
}
