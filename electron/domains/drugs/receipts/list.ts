/**
 * The 采购入库 list: one row per receipt line (batch) with its drug, dates, packs, price, the
 * platform price in force on the receipt day, what is still in the store, and its warnings
 * (price differs, near expiry at receipt — the setting nearExpiryDays, D5), searchable,
 * sortable and exportable in SQLite like every list.
 */
import { yuanText } from '../../../../shared/format';
import type { ListQueryParsed, Page } from '../../../../shared/schemas/common';
import type { ReceiptRow } from '../../../../shared/schemas/receipts';
import type { ServiceContext } from '../../../db/context';
import { iterateList, runList, type ListSource } from '../../../db/listQuery';
import { readSettings } from '../../settings/service';
import { REVERSAL_PREFIX } from './save';

const PLATFORM = `(SELECT p.price_fen FROM drug_prices p WHERE p.drug_id = b.drug_id AND p.effective_on <= b.received_on
  ORDER BY p.effective_on DESC, p.id DESC LIMIT 1)`;
const RECEIVED = `(SELECT coalesce(sum(m.packs), 0) FROM stock_movements m WHERE m.batch_id = b.id AND m.clinic_id IS NULL AND m.kind = 'receipt')`;
const IN_STORE = `(SELECT coalesce(sum(m.packs), 0) FROM stock_movements m WHERE m.batch_id = b.id AND m.clinic_id IS NULL)`;
const REVERSED = `EXISTS (SELECT 1 FROM stock_movements m WHERE m.batch_id = b.id AND m.clinic_id IS NULL AND m.kind = 'adjust'
  AND m.reason LIKE '${REVERSAL_PREFIX}%')`;
const NEAR = `(julianday(b.expires_on) - julianday(b.received_on) <= @nearDays)`;
const DIFFERS = `coalesce(${PLATFORM} <> b.price_fen, 0)`;

export const receiptSource: ListSource = {
  from: 'drug_batches b JOIN drugs d ON d.id = b.drug_id',
  defaultOrder: 'b.id DESC',
  columns: {
    receivedOn: { sql: 'b.received_on', type: 'date' },
    supplier: { sql: 'b.supplier', type: 'text', searchable: true },
    invoiceNo: { sql: 'b.invoice_no', type: 'text', searchable: true },
    platformCode: { sql: 'd.platform_code', type: 'text', searchable: true },
    genericName: { sql: 'd.generic_name', type: 'text', searchable: true },
    spec: { sql: 'd.spec', type: 'text' },
    packUnit: { sql: 'd.pack_unit', type: 'text' },
    lotNo: { sql: 'b.lot_no', type: 'text', searchable: true },
    producedOn: { sql: 'b.produced_on', type: 'date' },
    expiresOn: { sql: 'b.expires_on', type: 'date' },
    packs: { sql: RECEIVED, type: 'number' },
    priceFen: { sql: 'b.price_fen', type: 'number' },
    amountFen: { sql: `${RECEIVED} * b.price_fen`, type: 'number' },
    platformPriceFen: { sql: PLATFORM, type: 'number' },
    priceDiffers: { sql: DIFFERS, type: 'bool' },
    nearExpiry: { sql: NEAR, type: 'bool' },
    inStore: { sql: IN_STORE, type: 'number' },
    reversed: { sql: REVERSED, type: 'bool' },
    // 提示 sorts by what it says: 已冲销, then a price unlike the platform's, then near expiry.
    warnings: { sql: `(${REVERSED}) * 4 + (${DIFFERS}) * 2 + (${NEAR})`, type: 'number' },
  },
};

const select = `b.id AS batchId, b.received_on AS receivedOn, b.supplier, b.invoice_no AS invoiceNo, b.drug_id AS drugId,
  coalesce(d.platform_code, '') AS platformCode, d.generic_name AS genericName, d.spec, d.pack_unit AS packUnit, b.lot_no AS lotNo,
  b.produced_on AS producedOn, b.expires_on AS expiresOn, ${RECEIVED} AS packs, b.price_fen AS priceFen, ${PLATFORM} AS platformPriceFen,
  ${NEAR} AS nearExpiry, ${IN_STORE} AS inStore, ${REVERSED} AS reversed,
  CAST(julianday(b.expires_on) - julianday(b.received_on) AS INTEGER) AS daysLeft`;

function mapRow(r: Record<string, unknown>): ReceiptRow {
  const packs = Number(r.packs);
  const priceFen = Number(r.priceFen);
  const platform = r.platformPriceFen === null ? null : Number(r.platformPriceFen);
  const reversed = Boolean(r.reversed);
  const inStore = Number(r.inStore);
  const nearExpiry = Boolean(r.nearExpiry);
  const priceDiffers = platform !== null && platform !== priceFen;
  const warnings = [
    ...(reversed ? ['已冲销'] : []),
    ...(priceDiffers ? [`与挂网价 ${yuanText(platform)} 不同`] : []),
    ...(nearExpiry ? [`近效期（入库时剩 ${Number(r.daysLeft)} 天）`] : []),
  ];
  return {
    batchId: Number(r.batchId),
    receivedOn: String(r.receivedOn),
    supplier: String(r.supplier),
    invoiceNo: String(r.invoiceNo),
    drugId: Number(r.drugId),
    platformCode: String(r.platformCode),
    genericName: String(r.genericName),
    spec: String(r.spec),
    packUnit: String(r.packUnit),
    lotNo: String(r.lotNo),
    producedOn: r.producedOn === null ? null : String(r.producedOn),
    expiresOn: String(r.expiresOn),
    packs,
    priceFen,
    amountFen: packs * priceFen,
    platformPriceFen: platform,
    priceDiffers,
    nearExpiry,
    inStore,
    reversed,
    canReverse: !reversed && packs > 0 && inStore === packs,
    warnings: warnings.join('；'),
  };
}

const named = (ctx: ServiceContext) => ({ nearDays: readSettings(ctx.db).nearExpiryDays });

export function listReceipts(ctx: ServiceContext, q: ListQueryParsed): Page<ReceiptRow> {
  return runList(ctx.db, receiptSource, select, q, mapRow, named(ctx));
}

export function iterateReceipts(ctx: ServiceContext, q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'>): Iterable<ReceiptRow> {
  const rows = iterateList(ctx.db, receiptSource, select, q, named(ctx));
  return {
    *[Symbol.iterator]() {
      for (const r of rows) yield mapRow(r);
    },
  };
}

export function getReceiptRow(ctx: ServiceContext, batchId: number): ReceiptRow | undefined {
  const r = ctx.db.prepare(`SELECT ${select} FROM ${receiptSource.from} WHERE b.id = @id`).get({ id: batchId, ...named(ctx) }) as
    Record<string, unknown> | undefined;
  return r ? mapRow(r) : undefined;
}
