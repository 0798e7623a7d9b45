/**
 * The drug catalog as lists read it: one row per drug with the essential status in force on a
 * date (D8: the edition with the latest effective date on or before it; with none in force,
 * the platform's own mark), its price history and its status in every edition.
 */
import { todayIso } from '../../../shared/format';
import type { ListQueryParsed, Page } from '../../../shared/schemas/common';
import { type DrugDetail, type DrugRow, type EditionRow, type EssentialOnDate } from '../../../shared/schemas/drugs';
import type { ServiceContext } from '../../db/context';
import { notFound } from '../../db/errors';
import { iterateList, runList, type ListSource } from '../../db/listQuery';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';

/** The edition in force on @asOf. */
const IN_FORCE = '(SELECT id FROM essential_lists WHERE effective_on <= @asOf ORDER BY effective_on DESC LIMIT 1)';

const essentialSql = `CASE WHEN el.id IS NULL THEN (CASE d.platform_mark WHEN 'yes' THEN 'platform_yes' WHEN 'no' THEN 'platform_no' ELSE 'unknown' END)
  ELSE coalesce(de.status, 'unknown') END`;

export const drugSource: ListSource = {
  from: `drugs d LEFT JOIN essential_lists el ON el.id = ${IN_FORCE}
    LEFT JOIN drug_essential de ON de.drug_id = d.id AND de.list_id = el.id`,
  defaultOrder: 'd.id',
  columns: {
    platformCode: { sql: 'd.platform_code', type: 'text', searchable: true },
    nationalCode: { sql: 'd.national_code', type: 'text', searchable: true },
    genericName: { sql: 'd.generic_name', type: 'text', searchable: true },
    tradeName: { sql: 'd.trade_name', type: 'text', searchable: true },
    form: { sql: 'd.form', type: 'text' },
    spec: { sql: 'd.spec', type: 'text' },
    packUnit: { sql: 'd.pack_unit', type: 'text' },
    maker: { sql: 'd.maker', type: 'text', searchable: true },
    priceFen: { sql: 'd.price_fen', type: 'number' },
    platformMark: { sql: 'd.platform_mark', type: 'enum' },
    vbpBatch: { sql: 'd.vbp_batch', type: 'text', searchable: true },
    insuranceClass: { sql: 'd.insurance_class', type: 'text' },
    essential: { sql: essentialSql, type: 'enum' },
    editionName: { sql: "coalesce(el.name, '')", type: 'text' },
  },
};

export const drugSelect = `d.id, d.platform_code, d.national_code, d.generic_name, d.trade_name, d.form, d.spec, d.pack_unit, d.maker,
  d.price_fen, d.platform_mark, d.vbp_batch, d.insurance_class, ${essentialSql} AS essential, coalesce(el.name, '') AS edition_name`;

export function mapDrug(r: Record<string, unknown>): DrugRow {
  return {
    id: Number(r.id),
    platformCode: String(r.platform_code ?? ''),
    nationalCode: String(r.national_code),
    genericName: String(r.generic_name),
    tradeName: String(r.trade_name),
    form: String(r.form),
    spec: String(r.spec),
    packUnit: String(r.pack_unit),
    maker: String(r.maker),
    priceFen: Number(r.price_fen),
    platformMark: String(r.platform_mark),
    vbpBatch: String(r.vbp_batch),
    insuranceClass: String(r.insurance_class),
    essential: String(r.essential) as EssentialOnDate,
    editionName: String(r.edition_name),
  };
}

const asOfOf = (ctx: ServiceContext, asOf: string | undefined) => ({ asOf: asOf ?? todayIso(ctx.now()) });

export function listDrugs(ctx: ServiceContext, q: ListQueryParsed & { asOf?: string }): Page<DrugRow> {
  return runList(ctx.db, drugSource, drugSelect, q, mapDrug, asOfOf(ctx, q.asOf));
}

export function iterateDrugs(
  ctx: ServiceContext,
  q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'> & { asOf?: string },
): Iterable<DrugRow> {
  const rows = iterateList(ctx.db, drugSource, drugSelect, q, asOfOf(ctx, q.asOf));
  return {
    *[Symbol.iterator]() {
      for (const r of rows) yield mapDrug(r);
    },
  };
}

export function getDrug(ctx: ServiceContext, id: number, asOf?: string): DrugDetail {
  const r = ctx.db.prepare(`SELECT ${drugSelect} FROM ${drugSource.from} WHERE d.id = @id`).get({ id, ...asOfOf(ctx, asOf) }) as
    Record<string, unknown> | undefined;
  if (!r) throw notFound('药品');
  const prices = ctx.db
    .prepare(
      `SELECT effective_on AS effectiveOn, price_fen AS priceFen, source, recorded_at AS recordedAt
       FROM drug_prices WHERE drug_id = ? ORDER BY effective_on DESC, id DESC`,
    )
    .all(id) as DrugDetail['prices'];
  const editions = ctx.db
    .prepare(
      `SELECT l.id AS listId, l.name AS editionName, l.effective_on AS effectiveOn, de.status, de.how, de.note,
         de.decided_by AS decidedBy, coalesce(e.name || CASE WHEN e.form_group <> '' THEN '（' || e.form_group || '）' ELSE '' END, '') AS entry
       FROM essential_lists l JOIN drug_essential de ON de.list_id = l.id AND de.drug_id = ?
       LEFT JOIN essential_entries e ON e.id = de.entry_id ORDER BY l.effective_on`,
    )
    .all(id) as DrugDetail['editions'];
  return { drug: mapDrug(r), prices, editions };
}

export function drugIdByCode(db: Db, code: string): number | undefined {
  return stmt(db, 'SELECT id FROM drugs WHERE platform_code = ?').pluck().get(code) as number | undefined;
}

export function listEditions(ctx: ServiceContext): EditionRow[] {
  return ctx.db
    .prepare(
      `SELECT l.id, l.name, l.effective_on AS effectiveOn, l.source, l.loaded_at AS loadedAt,
         (SELECT count(*) FROM essential_entries e WHERE e.list_id = l.id) AS entries,
         (SELECT count(*) FROM drug_essential de WHERE de.list_id = l.id AND de.status = 'essential') AS essential,
         (SELECT count(*) FROM drug_essential de WHERE de.list_id = l.id AND de.status = 'doubtful') AS doubtful,
         (SELECT count(*) FROM drug_essential de WHERE de.list_id = l.id AND de.status = 'not_essential') AS notEssential
       FROM essential_lists l ORDER BY l.effective_on`,
    )
    .all() as EditionRow[];
}
