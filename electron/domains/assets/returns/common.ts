/** What the asset returns share: the scope asked for, the report's head, sums in 分. */
import { CENTER_HOLDER } from '../../../../shared/schemas/assets';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { readSettings } from '../../settings/service';
import type { AssetScope, ValueFigures } from './types';
import type { ReportData } from '../../../excel/returns/types';

/** The township (`undefined`), the center itself (`null`) or a clinic, named. */
export function scopeOf(db: Db, clinicId: number | null | undefined): AssetScope {
  if (clinicId === undefined) return { kind: 'township', clinicId: null, name: '全乡镇' };
  if (clinicId === null) return { kind: 'center', clinicId: null, name: CENTER_HOLDER };
  const name = db.prepare('SELECT name FROM clinics WHERE id = ?').pluck().get(clinicId);
  if (name === undefined) throw new AppError('NOT_FOUND', '没有这个卫生室，请重新选择');
  return { kind: 'clinic', clinicId, name: String(name) };
}

/** The title with the scope after it, unless it is the whole township: 固定资产台账（张庄村卫生室）. */
export function scopedTitle(title: string, scope: AssetScope): string {
  return scope.kind === 'township' ? title : `${title}（${scope.name}）`;
}

/** 填报单位, county and the signature names, from the settings. */
export function reportHead(db: Db): Pick<ReportData, 'unit' | 'county' | 'signature'> {
  const s = readSettings(db);
  return {
    unit: s.centerName,
    county: s.county,
    signature: { operator: s.operatorName, reviewer: s.reviewerName, director: s.directorName },
  };
}

type Valued = Pick<ValueFigures, 'quantity' | 'valueFen' | 'accumulatedFen' | 'bookValueFen'>;

export function valueFigures(rows: readonly Valued[]): ValueFigures {
  const out: ValueFigures = { assets: rows.length, quantity: 0, valueFen: 0, accumulatedFen: 0, bookValueFen: 0 };
  for (const r of rows) {
    out.quantity += r.quantity;
    out.valueFen += r.valueFen;
    out.accumulatedFen += r.accumulatedFen;
    out.bookValueFen += r.bookValueFen;
  }
  return out;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、二、… for the sections of a return (up to ten). */
export function sectionNumber(i: number): string {
  return `${NUMERALS[i] ?? String(i + 1)}、`;
}

/** Rows of a list grouped by a key, in first-seen order. */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
