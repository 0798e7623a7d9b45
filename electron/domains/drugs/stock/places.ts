/**
 * Places and days for the stock services: a place's name (a clinic, or 中心药库), a clinic that
 * must exist, a month's first and last day, and how much of a batch can leave a place on a day.
 */
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import type { Place } from './movements';
import { chineseDate } from '../../../../shared/format';

export const CENTER_NAME = '中心药库';

export function placeName(db: Db, place: Place): string {
  if (place === null) return CENTER_NAME;
  const name = stmt(db, 'SELECT name FROM clinics WHERE id = ?').pluck().get(place) as string | undefined;
  return name ?? `卫生室（编号 ${place}）`;
}

/** The clinic's name; refused in Chinese when there is no such clinic. */
export function clinicName(db: Db, clinicId: number): string {
  const name = stmt(db, 'SELECT name FROM clinics WHERE id = ?').pluck().get(clinicId) as string | undefined;
  if (!name) throw new AppError('NOT_FOUND', `没有找到卫生室（编号 ${clinicId}），可能已被删除，请刷新后重试`, { field: 'clinicId' });
  return name;
}

export const monthStart = (month: string): string => `${month}-01`;

/** The month's last day, ISO. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Whole days from `day` to `until` (negative when `until` is past). */
export function daysBetween(day: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

/**
 * Packs of a batch that can leave a place on `day`: what it held that day, and never more than
 * it holds on any later day (a movement dated back must not make a later balance negative;
 * the database's trigger only sees the total).
 */
export function availableOn(db: Db, batchId: number, place: Place, day: string): number {
  const byDay = stmt(
    db,
    'SELECT moved_on AS day, sum(packs) AS packs FROM stock_movements WHERE batch_id = ? AND clinic_id IS ? GROUP BY moved_on ORDER BY moved_on',
  ).all(batchId, place) as { day: string; packs: number }[];
  let balance = 0;
  let least = Number.POSITIVE_INFINITY;
  for (const r of byDay) {
    if (r.day > day) least = Math.min(least, balance);
    balance += r.packs;
  }
  return Math.max(0, Math.min(least, balance));
}

export interface BatchInfo {
  id: number;
  drugId: number;
  lotNo: string;
  expiresOn: string;
  priceFen: number;
  drugName: string;
  packUnit: string;
}

export function batchInfo(db: Db, batchId: number): BatchInfo {
  const b = stmt(
    db,
    `SELECT b.id, b.drug_id AS drugId, b.lot_no AS lotNo, b.expires_on AS expiresOn, b.price_fen AS priceFen,
            d.generic_name || CASE WHEN d.spec <> '' THEN '（' || d.spec || '）' ELSE '' END AS drugName, d.pack_unit AS packUnit
       FROM drug_batches b JOIN drugs d ON d.id = b.drug_id WHERE b.id = ?`,
  ).get(batchId) as BatchInfo | undefined;
  if (!b) throw new AppError('NOT_FOUND', `没有找到批次（编号 ${batchId}），可能已被删除，请刷新后重试`, { field: 'batchId' });
  return b;
}

/** Refuses taking `packs` of a batch from a place on a day beyond what it holds, naming both figures. */
export function ensureAvailable(ctx: ServiceContext, b: BatchInfo, place: Place, day: string, packs: number): void {
  const have = availableOn(ctx.db, b.id, place, day);
  if (packs > have) {
    const unit = b.packUnit || '个包装';
    throw new AppError(
      'CONFLICT',
      `库存不足：${placeName(ctx.db, place)} ${b.drugName} 批号 ${b.lotNo} 在 ${chineseDate(day)} 结存 ${have} ${unit}，不能出库 ${packs} ${unit}`,
      { field: 'packs' },
    );
  }
}
