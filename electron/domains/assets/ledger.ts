/**
 * The ledger as of a date (A1, A3, A4): every card with its holder, value and status on that
 * day, and its depreciation to the end of that day's month (depreciation is booked monthly,
 * so "as of 2026-12-04" reads 累计折旧 through December 2026).
 *
 * Any past date works because the state comes from the movements. Most cards, though, have
 * not moved since the day asked about and never changed value: for them the card's cache
 * (holder, value, status, disposal date — rewritten with every movement) is the state on that
 * day, and their depreciation needs only the card. Only the others have their movements read:
 * on a township of 18,000 cards that is the difference between reading 18,000 rows and 58,000.
 */
import { categoryInfo, type AssetCategory } from '../../../shared/rules/assetCategories';
import { depreciationBasis, inEffect, stateAt, type AssetState, type MovementFact } from '../../../shared/rules/assetState';
import { accumulatedAt, lifeInForce, monthIndex, type DepreciationBasis } from '../../../shared/rules/depreciation';
import { CENTER_HOLDER, type AssetRow } from '../../../shared/schemas/assets';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { FACT_COLUMNS, factsByAsset, movementFacts } from './facts';

const CARD_SQL = `SELECT id, code, name, category, model, quantity, unit, funding, acquired_on, in_service_on, life_months, custodian_id,
  location, holder_clinic_id, value_fen, status, disposed_on, last_moved_on, value_changes FROM assets`;

/**
 * A card as read: an array in CARD_SQL's column order, used as it comes. Making an object of
 * each of 8,000 cards (and of its cached state) only to copy it into the row cost a quarter of
 * the ledger's time in allocation and garbage collection.
 */
type CardTuple = [
  id: number,
  code: string,
  name: string,
  category: string,
  model: string,
  quantity: number,
  unit: string,
  funding: string,
  acquiredOn: string,
  inServiceOn: string,
  lifeMonths: number,
  custodianId: number | null,
  location: string,
  holder: number | null,
  value: number,
  status: string,
  disposedOn: string | null,
  lastMovedOn: string | null,
  valueChanges: number,
];

/** An asset still on the books: neither disposed nor voided. */
export function isHeld(row: Pick<AssetRow, 'status'>): boolean {
  return row.status !== 'disposed' && row.status !== 'void';
}

export function namesOf(db: Db): { clinic: (id: number | null) => string; person: (id: number | null) => string } {
  const clinics = new Map((stmt(db, 'SELECT id, name FROM clinics').all() as { id: number; name: string }[]).map((c) => [c.id, c.name]));
  const people = new Map((stmt(db, 'SELECT id, name FROM people').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
  return {
    clinic: (id) => (id === null ? CENTER_HOLDER : (clinics.get(id) ?? '')),
    person: (id) => (id === null ? '' : (people.get(id) ?? '')),
  };
}

/** The last closed stocktake that saw each asset (found or damaged), by asset id. */
function lastSeen(db: Db, asOf: string): Map<number, string> {
  const sql = `SELECT i.asset_id AS assetId, max(s.closed_on) AS on_ FROM stocktake_items i JOIN stocktakes s ON s.id = i.stocktake_id
    WHERE s.status = 'closed' AND s.closed_on <= ? AND i.result IN ('found', 'damaged') AND i.asset_id IS NOT NULL GROUP BY i.asset_id`;
  return new Map((stmt(db, sql).all(asOf) as { assetId: number; on_: string }[]).map((r) => [r.assetId, r.on_]));
}

/** The card's cache is its state on `asOf`: it has not moved since and its value never changed. */
function settled(card: CardTuple, asOf: string): boolean {
  const lastMovedOn = card[17];
  return card[18] === 0 && lastMovedOn !== null && lastMovedOn <= asOf;
}

/** A settled card's depreciation: straight from the card, no value changes. */
function cachedBasis(card: CardTuple): DepreciationBasis {
  const disposedOn = card[16];
  return {
    startMonth: monthIndex(card[9]),
    value: card[14],
    lifeMonths: card[10],
    changes: [],
    endMonth: disposedOn === null ? null : monthIndex(disposedOn),
  };
}

/** Movements of the cards not settled on `asOf`, by card (reversals whatever their date: a reversed movement never happened). */
function unsettledFacts(db: Db, asOf: string): Map<number, MovementFact[]> {
  return factsByAsset(
    db,
    `SELECT ${FACT_COLUMNS} FROM asset_movements
    WHERE asset_id IN (SELECT id FROM assets WHERE status <> 'void' AND (value_changes > 0 OR last_moved_on > @asOf))
      AND (moved_on <= @asOf OR kind = 'reversal') ORDER BY asset_id, moved_on, id`,
    { asOf },
  );
}

/** What every row of one ledger shares. */
interface LedgerFrame {
  month: number;
  names: ReturnType<typeof namesOf>;
  seen: Map<number, string>;
}

/** The card's state on the day: from the card itself when settled, else from its movements. */
type DayState = Pick<AssetState, 'holderClinicId' | 'valueFen' | 'status' | 'disposedOn'>;

function rowOf(card: CardTuple, state: DayState, basis: DepreciationBasis | null, frame: LedgerFrame): AssetRow {
  const accumulated = basis ? accumulatedAt(basis, frame.month) : 0;
  const before = basis && accumulated > 0 ? accumulatedAt(basis, frame.month - 1) : 0;
  const category = card[3] as AssetCategory;
  return {
    id: card[0],
    code: card[1],
    name: card[2],
    category,
    topClass: categoryInfo[category]?.top ?? '',
    model: card[4],
    quantity: card[5],
    unit: card[6],
    funding: card[7],
    acquiredOn: card[8],
    inServiceOn: card[9],
    lifeMonths: basis ? lifeInForce(basis) : card[10],
    holderClinicId: state.holderClinicId,
    holderName: frame.names.clinic(state.holderClinicId),
    custodianName: frame.names.person(card[11]),
    location: card[12],
    status: state.status,
    valueFen: state.valueFen,
    accumulatedFen: accumulated,
    bookValueFen: state.valueFen - accumulated,
    monthlyFen: accumulated - before,
    disposedOn: state.disposedOn,
    lastStocktakeOn: frame.seen.get(card[0]) ?? null,
  };
}

/** A settled card's cache read as its state on the day, without copying it. */
function cacheState(card: CardTuple): DayState {
  return { holderClinicId: card[13], valueFen: card[14], status: card[15], disposedOn: card[16] };
}

/**
 * Every card acquired on or before `asOf`, as the ledger stood at the end of that day
 * (disposed ones with status 已处置 and the figures they left with; voided ones left out),
 * in code order.
 */
export function ledgerAsOf(db: Db, asOf: string): AssetRow[] {
  const facts = unsettledFacts(db, asOf);
  // Booked through the end of the day's month.
  const frame: LedgerFrame = { month: monthIndex(asOf), names: namesOf(db), seen: lastSeen(db, asOf) };
  const out: AssetRow[] = [];
  for (const card of stmt(db, `${CARD_SQL} WHERE status <> 'void' AND in_service_on <= ? ORDER BY code`).raw().all(asOf) as CardTuple[]) {
    if (settled(card, asOf)) {
      out.push(rowOf(card, cacheState(card), cachedBasis(card), frame));
      continue;
    }
    const effective = inEffect(facts.get(card[0]) ?? []);
    const state = stateAt(effective, asOf);
    if (state.exists) out.push(rowOf(card, state, depreciationBasis(effective, asOf), frame));
  }
  return out;
}

/** One card as of `asOf` (today for its drawer), voided or not, always from its movements. */
export function ledgerRowOf(db: Db, id: number, asOf: string): AssetRow {
  const card = stmt(db, `${CARD_SQL} WHERE id = ?`).raw().get(id) as CardTuple;
  const effective = inEffect(movementFacts(db, id));
  const state = stateAt(effective, asOf);
  const frame: LedgerFrame = { month: monthIndex(asOf), names: namesOf(db), seen: lastSeen(db, asOf) };
  const row = rowOf(card, state, state.exists ? depreciationBasis(effective, asOf) : null, frame);
  return state.exists ? row : { ...row, status: 'void' };
}
