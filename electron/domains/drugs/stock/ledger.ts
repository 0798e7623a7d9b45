/**
 * 进销存 (D9): for a month and per place and drug — opening (every movement before the 1st),
 * in (positive movements in the month, by kind), out (negative ones, by kind) and closing — in
 * packs and in 分. A movement counts in the month of its own date (a delivery on 5 December is
 * December's, whatever month it served).
 *
 * The identity closing = opening + in − out holds exactly in both units by construction: every
 * movement's amount is its packs × its batch's price (a CHECK in the table), every figure here
 * is a sum of integers over the same movements, and each movement of the month is either in
 * (packs > 0) or out (packs < 0; 0 is refused by the table). test/db/stockLedgerProperty.test.ts
 * proves it on random histories, with closing of one month = opening of the next.
 *
 * Two grouped queries for all places at once, both answered from the covering index
 * stock_movements_place (clinic_id, moved_on, drug_id, packs, amount_fen, kind): the balances
 * before the month (per place only for the township table: grouped by clinic the index streams
 * with no sort; per drug for one place: a range of the index), and the month's movements by
 * kind and direction.
 */
import type { LedgerFigures, LedgerOutput } from '../../../../shared/schemas/stock';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import type { Place } from './movements';
import { monthEnd, monthStart } from './places';

export const OPENING_SQL = `SELECT clinic_id AS place, drug_id AS drugId, sum(packs) AS packs, sum(amount_fen) AS fen
  FROM stock_movements INDEXED BY stock_movements_place WHERE moved_on < @from GROUP BY clinic_id, drug_id`;
export const MONTH_SQL = `SELECT clinic_id AS place, drug_id AS drugId, kind, packs > 0 AS incoming, sum(packs) AS packs, sum(amount_fen) AS fen
  FROM stock_movements INDEXED BY stock_movements_place WHERE moved_on >= @from AND moved_on <= @to
  GROUP BY clinic_id, drug_id, kind, packs > 0`;

/** Both queries as one statement, for EXPLAIN QUERY PLAN in the benchmark and the plan test. */
export const LEDGER_PLAN_SQL = `${OPENING_SQL} UNION ALL SELECT place, drugId, packs, fen FROM (${MONTH_SQL})`;

export function emptyFigures(): LedgerFigures {
  return {
    openingPacks: 0,
    openingFen: 0,
    inPacks: 0,
    inFen: 0,
    outPacks: 0,
    outFen: 0,
    closingPacks: 0,
    closingFen: 0,
    inByKind: {},
    outByKind: {},
  };
}

function addInto(to: LedgerFigures, f: LedgerFigures): void {
  to.openingPacks += f.openingPacks;
  to.openingFen += f.openingFen;
  to.inPacks += f.inPacks;
  to.inFen += f.inFen;
  to.outPacks += f.outPacks;
  to.outFen += f.outFen;
  to.closingPacks += f.closingPacks;
  to.closingFen += f.closingFen;
  for (const [k, n] of Object.entries(f.inByKind)) to.inByKind[k] = (to.inByKind[k] ?? 0) + n;
  for (const [k, n] of Object.entries(f.outByKind)) to.outByKind[k] = (to.outByKind[k] ?? 0) + n;
}

export function sumFigures(rows: readonly LedgerFigures[]): LedgerFigures {
  const total = emptyFigures();
  for (const r of rows) addInto(total, r);
  return total;
}

/** Place → drug → figures for one month (drug -1: all drugs of the place together). */
export type LedgerCells = Map<Place, Map<number, LedgerFigures>>;

/** Per place only: the township table needs no per-drug sums, and grouping by clinic alone streams the index with no sort. */
export const PLACE_OPENING_SQL = `SELECT clinic_id AS place, -1 AS drugId, sum(packs) AS packs, sum(amount_fen) AS fen
  FROM stock_movements INDEXED BY stock_movements_place WHERE moved_on < @from GROUP BY clinic_id`;
/** One place per drug: a range of the index (the place, then the days before the month). */
const ONE_OPENING_SQL = `SELECT clinic_id AS place, drug_id AS drugId, sum(packs) AS packs, sum(amount_fen) AS fen
  FROM stock_movements INDEXED BY stock_movements_place WHERE clinic_id IS @place AND moved_on < @from GROUP BY drug_id`;
const ONE_MONTH_SQL = `SELECT clinic_id AS place, drug_id AS drugId, kind, packs > 0 AS incoming, sum(packs) AS packs, sum(amount_fen) AS fen
  FROM stock_movements INDEXED BY stock_movements_place WHERE clinic_id IS @place AND moved_on >= @from AND moved_on <= @to
  GROUP BY drug_id, kind, packs > 0`;

type Scope = { all: true } | { places: true } | { place: Place };

interface Row {
  place: Place;
  drugId: number;
  packs: number;
  fen: number;
}

/** The month's figures: every place per drug (`all`), every place as a whole (`places`), or one place per drug. */
export function ledgerCells(db: Db, month: string, scope: Scope = { all: true }): LedgerCells {
  const range = { from: monthStart(month), to: monthEnd(month) };
  const one = 'place' in scope;
  const args = one ? { ...range, place: scope.place } : range;
  const perPlace = 'places' in scope;
  const cells: LedgerCells = new Map();
  const cell = (place: Place, drugId: number): LedgerFigures => {
    let byDrug = cells.get(place);
    if (!byDrug) cells.set(place, (byDrug = new Map()));
    let f = byDrug.get(drugId);
    if (!f) byDrug.set(drugId, (f = emptyFigures()));
    return f;
  };
  const openingSql = one ? ONE_OPENING_SQL : perPlace ? PLACE_OPENING_SQL : OPENING_SQL;
  for (const r of stmt(db, openingSql).all(args) as Row[]) {
    if (r.packs === 0 && r.fen === 0) continue;
    const f = cell(r.place, r.drugId);
    f.openingPacks = r.packs;
    f.openingFen = r.fen;
  }
  const rows = stmt(db, one ? ONE_MONTH_SQL : MONTH_SQL).all(args) as (Row & { kind: string; incoming: number })[];
  for (const r of rows) {
    const f = cell(r.place, perPlace ? -1 : r.drugId);
    if (r.incoming) {
      f.inPacks += r.packs;
      f.inFen += r.fen;
      f.inByKind[r.kind] = (f.inByKind[r.kind] ?? 0) + r.packs;
    } else {
      f.outPacks -= r.packs;
      f.outFen -= r.fen;
      f.outByKind[r.kind] = (f.outByKind[r.kind] ?? 0) - r.packs;
    }
  }
  for (const byDrug of cells.values())
    for (const f of byDrug.values()) {
      f.closingPacks = f.openingPacks + f.inPacks - f.outPacks;
      f.closingFen = f.openingFen + f.inFen - f.outFen;
    }
  if (perPlace) {
    // How many drugs each place moved in the month, for the township table.
    const moved = new Map<Place, Set<number>>();
    for (const r of rows) moved.set(r.place, (moved.get(r.place) ?? new Set()).add(r.drugId));
    movedDrugs.set(cells, moved);
  }
  return cells;
}

const movedDrugs = new WeakMap<LedgerCells, Map<Place, Set<number>>>();

interface DrugHead {
  id: number;
  platform_code: string | null;
  generic_name: string;
  spec: string;
  pack_unit: string;
}

/**
 * The month's 进销存: a row per clinic (every open clinic, and a closed one with figures), the
 * clinics' total, the center's store on its own, the township (clinics + center); with `place`
 * (a clinic's id, or null for the center) also that place per drug.
 */
export function stockLedger(db: Db, month: string, place?: Place): LedgerOutput {
  const cells = ledgerCells(db, month, { places: true });
  const moved = movedDrugs.get(cells);
  const clinics = stmt(db, "SELECT id, name, status FROM clinics ORDER BY coalesce(code, ''), id").all() as {
    id: number;
    name: string;
    status: string;
  }[];
  const places = clinics
    .filter((c) => c.status === 'open' || cells.has(c.id))
    .map((c) => {
      const byDrug = cells.get(c.id);
      return { clinicId: c.id, placeName: c.name, drugs: moved?.get(c.id)?.size ?? 0, ...sumFigures([...(byDrug?.values() ?? [])]) };
    });
  const clinicsTotal = sumFigures(places);
  const center = sumFigures([...(cells.get(null)?.values() ?? [])]);
  const out: LedgerOutput = { month, places, clinicsTotal, center, township: sumFigures([clinicsTotal, center]) };
  if (place !== undefined) {
    const byDrug = ledgerCells(db, month, { place }).get(place) ?? new Map<number, LedgerFigures>();
    const heads = new Map(
      (stmt(db, 'SELECT id, platform_code, generic_name, spec, pack_unit FROM drugs').all() as DrugHead[]).map((d) => [d.id, d]),
    );
    out.drugs = [...byDrug.entries()]
      .map(([drugId, f]) => {
        const d = heads.get(drugId);
        return {
          drugId,
          platformCode: d?.platform_code ?? '',
          genericName: d?.generic_name ?? '',
          spec: d?.spec ?? '',
          packUnit: d?.pack_unit ?? '',
          ...f,
        };
      })
      .sort((a, b) => a.platformCode.localeCompare(b.platformCode) || a.drugId - b.drugId);
  }
  return out;
}
