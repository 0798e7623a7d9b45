/**
 * The ledger as of a date (A1, A3, A4): every card with its holder, value and status on that
 * day, and its depreciation to the end of that day's month (depreciation is booked monthly,
 * so "as of 2026-12-04" reads 累计折旧 through December 2026). Computed from the movements,
 * not the card's cache, so any past date works.
 */
import { categoryInfo, type AssetCategory } from '../../../shared/rules/assetCategories';
import { depreciationBasis, inEffect, stateAt, type MovementFact } from '../../../shared/rules/assetState';
import { accumulatedAt, depreciationIn, monthIndex } from '../../../shared/rules/depreciation';
import type { AssetRow } from '../../../shared/schemas/assets';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { allMovementFacts, movementFacts } from './facts';

interface Card {
  id: number;
  code: string;
  name: string;
  category: string;
  model: string;
  quantity: number;
  unit: string;
  funding: string;
  acquiredOn: string;
  inServiceOn: string;
  lifeMonths: number;
  custodianId: number | null;
  location: string;
}

const CARD_SQL = `SELECT id, code, name, category, model, quantity, unit, funding, acquired_on AS acquiredOn, in_service_on AS inServiceOn,
  life_months AS lifeMonths, custodian_id AS custodianId, location FROM assets ORDER BY code`;

/** An asset still on the books: neither disposed nor voided. */
export function isHeld(row: Pick<AssetRow, 'status'>): boolean {
  return row.status !== 'disposed' && row.status !== 'void';
}

export function namesOf(db: Db): { clinic: (id: number | null) => string; person: (id: number | null) => string } {
  const clinics = new Map((stmt(db, 'SELECT id, name FROM clinics').all() as { id: number; name: string }[]).map((c) => [c.id, c.name]));
  const people = new Map((stmt(db, 'SELECT id, name FROM people').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
  return {
    clinic: (id) => (id === null ? '卫生院本部' : (clinics.get(id) ?? '')),
    person: (id) => (id === null ? '' : (people.get(id) ?? '')),
  };
}

/** The last closed stocktake that saw each asset (found or damaged), by asset id. */
export function lastSeen(db: Db, asOf: string): Map<number, string> {
  const sql = `SELECT i.asset_id AS assetId, max(s.closed_on) AS on_ FROM stocktake_items i JOIN stocktakes s ON s.id = i.stocktake_id
    WHERE s.status = 'closed' AND s.closed_on <= ? AND i.result IN ('found', 'damaged') AND i.asset_id IS NOT NULL GROUP BY i.asset_id`;
  return new Map((stmt(db, sql).all(asOf) as { assetId: number; on_: string }[]).map((r) => [r.assetId, r.on_]));
}

type Names = ReturnType<typeof namesOf>;

/** One card's ledger row as of `asOf`; a card not on the books then (voided, later) has status void. */
function rowOf(card: Card, facts: readonly MovementFact[], asOf: string, names: Names, seen: Map<number, string>): AssetRow {
  const month = monthIndex(asOf);
  const effective = inEffect(facts);
  const state = stateAt(effective, asOf);
  const basis = state.exists ? depreciationBasis(effective, asOf) : null;
  const accumulated = basis ? accumulatedAt(basis, month) : 0;
  const category = card.category as AssetCategory;
  return {
    id: card.id,
    code: card.code,
    name: card.name,
    category,
    topClass: categoryInfo[category]?.top ?? '',
    model: card.model,
    quantity: card.quantity,
    unit: card.unit,
    funding: card.funding,
    acquiredOn: card.acquiredOn,
    inServiceOn: card.inServiceOn,
    lifeMonths: basis ? ([...basis.changes].reverse().find((c) => c.lifeMonths !== undefined)?.lifeMonths ?? basis.lifeMonths) : card.lifeMonths,
    holderClinicId: state.holderClinicId,
    holderName: names.clinic(state.holderClinicId),
    custodianName: names.person(card.custodianId),
    location: card.location,
    status: state.exists ? state.status : 'void',
    valueFen: state.valueFen,
    accumulatedFen: accumulated,
    bookValueFen: state.valueFen - accumulated,
    monthlyFen: basis ? depreciationIn(basis, month) : 0,
    disposedOn: state.disposedOn,
    lastStocktakeOn: seen.get(card.id) ?? null,
  };
}

/**
 * Every card acquired on or before `asOf`, as the ledger stood at the end of that day
 * (disposed ones with status 已处置 and the figures they left with; voided ones left out).
 */
export function ledgerAsOf(db: Db, asOf: string): AssetRow[] {
  const facts = allMovementFacts(db, asOf);
  const names = namesOf(db);
  const seen = lastSeen(db, asOf);
  const out: AssetRow[] = [];
  for (const card of stmt(db, CARD_SQL).all() as Card[]) {
    const row = rowOf(card, facts.get(card.id) ?? [], asOf, names, seen);
    if (row.status !== 'void') out.push(row);
  }
  return out;
}

/** One card as of `asOf` (today for its drawer), voided or not. */
export function ledgerRowOf(db: Db, id: number, asOf: string): AssetRow {
  const card = stmt(db, CARD_SQL.replace('ORDER BY code', 'WHERE id = ?')).get(id) as Card;
  return rowOf(card, movementFacts(db, id), asOf, namesOf(db), lastSeen(db, asOf));
}
