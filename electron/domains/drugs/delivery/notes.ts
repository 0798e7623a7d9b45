/**
 * Reading deliveries back: the list of 配送单 heads (per clinic and run), the printed notes —
 * one, or every one of a month as one batch — and the shortage register (D4).
 */
import type { ListQueryParsed, Page } from '../../../../shared/schemas/common';
import type { DeliveryNote, DeliveryNotes, DeliveryRow, ShortageRow } from '../../../../shared/schemas/deliveries';
import type { ServiceContext } from '../../../db/context';
import { iterateList, runList, type ListSource } from '../../../db/listQuery';
import { stmt } from '../../../db/stmt';
import { reportingUnit } from '../../settings/service';
import { deliveryNumber } from './run';

const LINES = `(SELECT count(DISTINCT m.drug_id) FROM stock_movements m WHERE m.clinic_id = dv.clinic_id AND m.moved_on = dv.delivered_on AND m.delivery_id = dv.id)`;
const PACKS = `(SELECT coalesce(sum(m.packs), 0) FROM stock_movements m WHERE m.clinic_id = dv.clinic_id AND m.moved_on = dv.delivered_on AND m.delivery_id = dv.id)`;
const AMOUNT = `(SELECT coalesce(sum(m.amount_fen), 0) FROM stock_movements m WHERE m.clinic_id = dv.clinic_id AND m.moved_on = dv.delivered_on AND m.delivery_id = dv.id)`;
const SHORT = `(SELECT count(*) FROM drug_shortages s WHERE s.month = dv.month AND s.delivery_id = dv.id)`;
const NUMBER = `'PS' || replace(dv.month, '-', '') || '-' || substr('0000' || dv.id, -4, 4)`;

export const deliverySource: ListSource = {
  from: 'deliveries dv JOIN clinics c ON c.id = dv.clinic_id',
  defaultOrder: 'dv.id DESC',
  columns: {
    number: { sql: NUMBER, type: 'text', searchable: true },
    month: { sql: 'dv.month', type: 'text' },
    deliveredOn: { sql: 'dv.delivered_on', type: 'date' },
    clinicName: { sql: 'c.name', type: 'text', searchable: true },
    lines: { sql: LINES, type: 'number' },
    packs: { sql: PACKS, type: 'number' },
    amountFen: { sql: AMOUNT, type: 'number' },
    shortLines: { sql: SHORT, type: 'number' },
    deliveredBy: { sql: 'dv.delivered_by', type: 'text', searchable: true },
  },
};

const deliverySelect = `dv.id, dv.month, dv.delivered_on AS deliveredOn, dv.clinic_id AS clinicId, c.name AS clinicName,
  ${LINES} AS lines, ${PACKS} AS packs, ${AMOUNT} AS amountFen, ${SHORT} AS shortLines, dv.delivered_by AS deliveredBy`;

function mapDelivery(r: Record<string, unknown>): DeliveryRow {
  const id = Number(r.id);
  const month = String(r.month);
  return {
    id,
    number: deliveryNumber(month, id),
    month,
    deliveredOn: String(r.deliveredOn),
    clinicId: Number(r.clinicId),
    clinicName: String(r.clinicName),
    lines: Number(r.lines),
    packs: Number(r.packs),
    amountFen: Number(r.amountFen),
    shortLines: Number(r.shortLines),
    deliveredBy: String(r.deliveredBy),
  };
}

export function listDeliveries(ctx: ServiceContext, q: ListQueryParsed): Page<DeliveryRow> {
  return runList(ctx.db, deliverySource, deliverySelect, q, mapDelivery);
}

export function iterateDeliveries(ctx: ServiceContext, q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'>): Iterable<DeliveryRow> {
  const rows = iterateList(ctx.db, deliverySource, deliverySelect, q);
  return {
    *[Symbol.iterator]() {
      for (const r of rows) yield mapDelivery(r);
    },
  };
}

interface HeadRow {
  id: number;
  month: string;
  delivered_on: string;
  clinic_id: number;
  clinic_name: string;
  clinic_code: string | null;
  delivered_by: string;
}

function noteOf(ctx: ServiceContext, h: HeadRow): DeliveryNote {
  const lines = stmt(
    ctx.db,
    `SELECT coalesce(d.platform_code, '') AS platformCode, d.generic_name AS genericName, d.spec, d.pack_unit AS packUnit, d.maker,
            b.lot_no AS lotNo, b.expires_on AS expiresOn, m.packs, m.price_fen AS priceFen, m.amount_fen AS amountFen
       FROM stock_movements m JOIN drug_batches b ON b.id = m.batch_id JOIN drugs d ON d.id = m.drug_id
      WHERE m.clinic_id = ? AND m.moved_on = ? AND m.delivery_id = ? AND m.packs > 0
      ORDER BY d.generic_name, d.spec, b.expires_on, m.id`,
  ).all(h.clinic_id, h.delivered_on, h.id) as DeliveryNote['lines'];
  const shortages = stmt(
    ctx.db,
    `SELECT d.generic_name AS genericName, d.spec, s.packs, s.reason FROM drug_shortages s JOIN drugs d ON d.id = s.drug_id
      WHERE s.month = ? AND s.delivery_id = ? ORDER BY s.id`,
  ).all(h.month, h.id) as DeliveryNote['shortages'];
  return {
    id: h.id,
    number: deliveryNumber(h.month, h.id),
    month: h.month,
    deliveredOn: h.delivered_on,
    clinicName: h.clinic_name,
    clinicCode: h.clinic_code ?? '',
    deliveredBy: h.delivered_by,
    lines,
    shortages,
    totalPacks: lines.reduce((s, l) => s + l.packs, 0),
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
  };
}

const HEAD = `SELECT dv.id, dv.month, dv.delivered_on, dv.clinic_id, c.name AS clinic_name, c.code AS clinic_code, dv.delivered_by
  FROM deliveries dv JOIN clinics c ON c.id = dv.clinic_id`;

/** One note (by id), or every note of a month in clinic order, for printing as one batch. */
export function deliveryNotes(ctx: ServiceContext, q: { id: number } | { month: string }): DeliveryNotes {
  const heads =
    'id' in q
      ? (stmt(ctx.db, `${HEAD} WHERE dv.id = ?`).all(q.id) as HeadRow[])
      : (stmt(ctx.db, `${HEAD} WHERE dv.month = ? ORDER BY coalesce(c.code, ''), c.name, dv.delivered_on, dv.id`).all(
          q.month,
        ) as HeadRow[]);
  return { unit: reportingUnit(ctx).unit, notes: heads.map((h) => noteOf(ctx, h)) };
}

export const shortageSource: ListSource = {
  from: 'drug_shortages s JOIN drugs d ON d.id = s.drug_id LEFT JOIN clinics c ON c.id = s.clinic_id',
  defaultOrder: 's.id DESC',
  columns: {
    recordedOn: { sql: 's.recorded_on', type: 'date' },
    month: { sql: 's.month', type: 'text' },
    clinicName: { sql: "coalesce(c.name, '卫生院本部')", type: 'text', searchable: true },
    platformCode: { sql: 'd.platform_code', type: 'text', searchable: true },
    genericName: { sql: 'd.generic_name', type: 'text', searchable: true },
    spec: { sql: 'd.spec', type: 'text' },
    packUnit: { sql: 'd.pack_unit', type: 'text' },
    packs: { sql: 's.packs', type: 'number' },
    reason: { sql: 's.reason', type: 'text', searchable: true },
    deliveryNumber: {
      sql: `coalesce('PS' || replace(s.month, '-', '') || '-' || substr('0000' || s.delivery_id, -4, 4), '')`,
      type: 'text',
    },
  },
};

const shortageSelect = `s.id, s.month, s.recorded_on AS recordedOn, coalesce(c.name, '卫生院本部') AS clinicName,
  coalesce(d.platform_code, '') AS platformCode, d.generic_name AS genericName, d.spec, d.pack_unit AS packUnit, s.packs, s.reason,
  s.delivery_id AS deliveryId`;

function mapShortage(r: Record<string, unknown>): ShortageRow {
  const month = String(r.month);
  return {
    id: Number(r.id),
    month,
    recordedOn: String(r.recordedOn),
    clinicName: String(r.clinicName),
    platformCode: String(r.platformCode),
    genericName: String(r.genericName),
    spec: String(r.spec),
    packUnit: String(r.packUnit),
    packs: Number(r.packs),
    reason: String(r.reason),
    deliveryNumber: r.deliveryId === null ? '' : deliveryNumber(month, Number(r.deliveryId)),
  };
}

export function listShortages(ctx: ServiceContext, q: ListQueryParsed): Page<ShortageRow> {
  return runList(ctx.db, shortageSource, shortageSelect, q, mapShortage);
}

export function iterateShortages(ctx: ServiceContext, q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'>): Iterable<ShortageRow> {
  const rows = iterateList(ctx.db, shortageSource, shortageSelect, q);
  return {
    *[Symbol.iterator]() {
      for (const r of rows) yield mapShortage(r);
    },
  };
}
