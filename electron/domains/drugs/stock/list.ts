/**
 * The stock list (药品库存): one row per place and drug as of a day — packs and amount on hand,
 * how many batches, the earliest expiry and its state (D5: 已过期 before the day, 近效期 within
 * the nearExpiryDays setting) — searched, filtered, sorted and paged in SQLite; and the batches
 * behind a row, for the expanded row and the action forms.
 */
import { todayIso } from '../../../../shared/format';
import type { ListQueryParsed, Page } from '../../../../shared/schemas/common';
import type { BatchRow, PlaceFilter, StockRow } from '../../../../shared/schemas/stock';
import type { ServiceContext } from '../../../db/context';
import { iterateList, runList, type ListSource } from '../../../db/listQuery';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';
import { CENTER_NAME, daysBetween } from './places';

type Scope = 'all' | 'center' | 'clinic';

const SCOPE: Record<Scope, string> = { all: '', center: 'AND sb.place_key = 0', clinic: 'AND sb.place_key = @clinic' };

/**
 * Batches with stock at each place in scope as of @asOf, from stock_balances (migration 12):
 * a row whose latest movement is on or before the day is its balance then; a later-moved row
 * is summed from its movements up to the day. Only rows holding stock now or moved after the
 * day can hold stock on it (both indexed), so the whole history is never added up.
 */
function balancesSql(scope: Scope): string {
  return `SELECT clinic_id, drug_id, batch_id, packs FROM (
    SELECT sb.clinic_id, sb.drug_id, sb.batch_id,
           CASE WHEN sb.last_moved_on <= @asOf THEN sb.packs
                ELSE (SELECT coalesce(sum(m.packs), 0) FROM stock_movements m
                       WHERE m.batch_id = sb.batch_id AND m.clinic_id IS sb.clinic_id AND m.moved_on <= @asOf) END AS packs
      FROM stock_balances sb WHERE (sb.packs > 0 OR sb.last_moved_on > @asOf) ${SCOPE[scope]}) WHERE packs > 0`;
}

const EXPIRY = `CASE WHEN s.first_expiry < @asOf THEN 'expired' WHEN s.first_expiry <= @nearLimit THEN 'near' ELSE 'ok' END`;
const PLACE = `coalesce(c.name, '${CENTER_NAME}')`;

function stockSource(scope: Scope): ListSource {
  return {
    from: `(SELECT bal.clinic_id, bal.drug_id, sum(bal.packs) AS packs, sum(bal.packs * b.price_fen) AS fen, count(*) AS batches,
                   min(b.expires_on) AS first_expiry
              FROM (${balancesSql(scope)}) bal JOIN drug_batches b ON b.id = bal.batch_id GROUP BY bal.clinic_id, bal.drug_id) s
           JOIN drugs d ON d.id = s.drug_id LEFT JOIN clinics c ON c.id = s.clinic_id`,
    defaultOrder: "coalesce(c.code, ''), s.clinic_id, d.platform_code, d.id",
    columns: {
      placeName: { sql: PLACE, type: 'text', searchable: true },
      platformCode: { sql: 'd.platform_code', type: 'text', searchable: true },
      genericName: { sql: 'd.generic_name', type: 'text', searchable: true },
      spec: { sql: 'd.spec', type: 'text' },
      packUnit: { sql: 'd.pack_unit', type: 'text' },
      packs: { sql: 's.packs', type: 'number' },
      amountFen: { sql: 's.fen', type: 'number' },
      batches: { sql: 's.batches', type: 'number' },
      firstExpiry: { sql: 's.first_expiry', type: 'date' },
      expiry: { sql: EXPIRY, type: 'enum' },
    },
  };
}

const sources: Record<Scope, ListSource> = { all: stockSource('all'), center: stockSource('center'), clinic: stockSource('clinic') };
const scopeOf = (place: PlaceFilter): Scope => (place === 'all' || place === 'center' ? place : 'clinic');

const SELECT = `s.clinic_id, s.drug_id, ${PLACE} AS place_name, d.platform_code, d.generic_name, d.spec, d.pack_unit,
  s.packs, s.fen, s.batches, s.first_expiry, ${EXPIRY} AS expiry`;

function mapRow(r: Record<string, unknown>): StockRow {
  const clinicId = r.clinic_id === null ? null : Number(r.clinic_id);
  return {
    id: `${clinicId ?? 'center'}:${Number(r.drug_id)}`,
    clinicId,
    placeName: String(r.place_name),
    drugId: Number(r.drug_id),
    platformCode: String(r.platform_code ?? ''),
    genericName: String(r.generic_name),
    spec: String(r.spec),
    packUnit: String(r.pack_unit),
    packs: Number(r.packs),
    amountFen: Number(r.fen),
    batches: Number(r.batches),
    firstExpiry: String(r.first_expiry),
    expiry: r.expiry as StockRow['expiry'],
  };
}

/** The day `days` after `day`, ISO. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function named(ctx: ServiceContext, place: PlaceFilter, asOf: string | undefined): Record<string, string | number> {
  const day = asOf ?? todayIso(ctx.now());
  const out: Record<string, string | number> = { asOf: day, nearLimit: addDays(day, readSettings(ctx.db).nearExpiryDays) };
  if (typeof place === 'number') out.clinic = place;
  return out;
}

export function listStock(ctx: ServiceContext, q: ListQueryParsed & { place: PlaceFilter; asOf?: string }): Page<StockRow> {
  return runList(ctx.db, sources[scopeOf(q.place)], SELECT, q, mapRow, named(ctx, q.place, q.asOf));
}

export function iterateStock(
  ctx: ServiceContext,
  q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'> & { place: PlaceFilter; asOf?: string },
): Iterable<StockRow> {
  const rows = iterateList(ctx.db, sources[scopeOf(q.place)], SELECT, q, named(ctx, q.place, q.asOf));
  return {
    *[Symbol.iterator]() {
      for (const r of rows) yield mapRow(r);
    },
  };
}

/** Batches with stock as of a day, by place (clinics by code, the center first), then FEFO. */
export function stockBatches(db: Db, q: { place: PlaceFilter; drugId?: number; asOf: string; nearDays: number }): BatchRow[] {
  const args: Record<string, string | number> = { asOf: q.asOf, drug: q.drugId ?? 0 };
  if (typeof q.place === 'number') args.clinic = q.place;
  const rows = stmt(
    db,
    `SELECT bal.clinic_id AS clinicId, ${PLACE} AS placeName, bal.batch_id AS batchId, bal.drug_id AS drugId,
            d.generic_name AS drugName, d.spec, d.pack_unit AS packUnit, b.lot_no AS lotNo, b.expires_on AS expiresOn,
            b.price_fen AS priceFen, bal.packs, bal.packs * b.price_fen AS amountFen
       FROM (${balancesSql(scopeOf(q.place))}) bal JOIN drug_batches b ON b.id = bal.batch_id JOIN drugs d ON d.id = bal.drug_id
       LEFT JOIN clinics c ON c.id = bal.clinic_id
      WHERE (@drug = 0 OR bal.drug_id = @drug)
      ORDER BY bal.clinic_id IS NOT NULL, coalesce(c.code, ''), bal.clinic_id, d.platform_code, d.id, b.expires_on, b.received_on, b.id`,
  ).all(args) as Omit<BatchRow, 'daysLeft' | 'expiry'>[];
  return rows.map((r) => {
    const daysLeft = daysBetween(q.asOf, r.expiresOn);
    return { ...r, daysLeft, expiry: daysLeft < 0 ? 'expired' : daysLeft <= q.nearDays ? 'near' : 'ok' };
  });
}
