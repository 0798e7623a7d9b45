/**
 * Reading movements as facts for the pure rules (shared/rules/assetState.ts): one asset's, or
 * many assets' at once (ledgers, returns, depreciation runs), grouped by asset in one pass over
 * one query ordered by asset.
 */
import type { MovementFact } from '../../../shared/rules/assetState';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';

/** The columns of a MovementFact, plus the asset it belongs to, in the order `factOf` reads them. */
export const FACT_COLUMNS = `id, asset_id AS assetId, kind, moved_on AS date, to_clinic_id AS toClinicId, value_fen AS valueFen,
  life_months AS lifeMonths, status, method, reverses_id AS reversesId`;

type FactTuple = [number, number, MovementFact['kind'], string, number | null, number, number | null, string, string, number | null];

/** Rows read as arrays and made into objects here: better-sqlite3's own row objects cost twice as much on a ledger's 5,000 movements. */
function factOf(t: FactTuple): MovementFact {
  return {
    id: t[0],
    kind: t[2],
    date: t[3],
    toClinicId: t[4],
    valueFen: t[5],
    lifeMonths: t[6],
    status: t[7],
    method: t[8],
    reversesId: t[9],
  };
}

export function movementFacts(db: Db, assetId: number): MovementFact[] {
  return (
    stmt(db, `SELECT ${FACT_COLUMNS} FROM asset_movements WHERE asset_id = ? ORDER BY moved_on, id`).raw().all(assetId) as FactTuple[]
  ).map(factOf);
}

/** Runs a query selecting FACT_COLUMNS (ordered by asset) and groups its rows by asset id. */
export function factsByAsset(db: Db, sql: string, params: Record<string, string> = {}): Map<number, MovementFact[]> {
  const out = new Map<number, MovementFact[]>();
  for (const t of stmt(db, sql).raw().all(params) as FactTuple[]) {
    const fact = factOf(t);
    const list = out.get(t[1]);
    if (list) list.push(fact);
    else out.set(t[1], [fact]);
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
