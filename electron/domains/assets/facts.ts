/**
 * Reading movements as facts for the pure rules (shared/rules/assetState.ts): one asset's, or
 * many assets' at once (ledgers, returns, depreciation runs), grouped by asset in one pass over
 * one query ordered by asset.
 */
import type { MovementFact } from '../../../shared/rules/assetState';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';

/** The columns of a MovementFact, plus the asset it belongs to. */
export const FACT_COLUMNS = `id, asset_id AS assetId, kind, moved_on AS date, to_clinic_id AS toClinicId, value_fen AS valueFen,
  life_months AS lifeMonths, status, method, reverses_id AS reversesId`;

type Raw = MovementFact & { assetId: number };

export function movementFacts(db: Db, assetId: number): MovementFact[] {
  return stmt(db, `SELECT ${FACT_COLUMNS} FROM asset_movements WHERE asset_id = ? ORDER BY moved_on, id`).all(assetId) as Raw[];
}

/** Runs a query selecting FACT_COLUMNS (ordered by asset) and groups its rows by asset id. */
export function factsByAsset(db: Db, sql: string, params: Record<string, string> = {}): Map<number, MovementFact[]> {
  const out = new Map<number, MovementFact[]>();
  for (const r of stmt(db, sql).all(params) as Raw[]) {
    const list = out.get(r.assetId);
    if (list) list.push(r);
    else out.set(r.assetId, [r]);
  }
  return out;
}

/**
 * Every asset's movements dated on or before `asOf`, by asset id. Reversals are read whatever
 * their date: a reversed movement was a mistake, so it never happened on any day, and the
 * ledger of an earlier date no longer shows it either.
 */
export function allMovementFacts(db: Db, asOf: string): Map<number, MovementFact[]> {
  return factsByAsset(
    db,
    `SELECT ${FACT_COLUMNS} FROM asset_movements WHERE moved_on <= @asOf OR kind = 'reversal' ORDER BY asset_id, moved_on, id`,
    { asOf },
  );
}
