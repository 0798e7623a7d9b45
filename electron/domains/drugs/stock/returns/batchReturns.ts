/**
 * 药品批次库存 (stock by place and batch as of a day) and 近效期/过期药品清单 (D5: per place, the
 * batches expired on the day or expiring within the nearExpiryDays setting, with days left).
 * Both for the township (the center first, then each clinic), one clinic, or the center.
 */
import type { BatchRow } from '../../../../../shared/schemas/stock';
import { expiryLabels } from '../../../../../shared/schemas/stock';
import type { Db } from '../../../../db/open';
import type { ReportColumn, ReportData, ReportWhen } from '../../../../excel/returns/types';
import { reportHead } from '../../../assets/returns/common';
import { readSettings } from '../../../settings/service';
import { stockBatches } from '../list';
import { CENTER_NAME, clinicName } from '../places';

export const BATCHES_TITLE = '药品批次库存';
export const EXPIRY_TITLE = '近效期/过期药品清单';

const columns: ReportColumn[] = [
  { key: 'placeName', header: '存放地点', kind: 'text', width: 14 },
  { key: 'drugName', header: '通用名', kind: 'text', width: 18, total: 'count' },
  { key: 'spec', header: '规格', kind: 'text', width: 14 },
  { key: 'packUnit', header: '单位', kind: 'center', width: 6 },
  { key: 'lotNo', header: '批号', kind: 'text', width: 12 },
  { key: 'expiresOn', header: '有效期至', kind: 'date', width: 14 },
  { key: 'daysLeft', header: '剩余天数', kind: 'int', width: 8 },
  { key: 'state', header: '效期状态', kind: 'center', width: 8 },
  { key: 'priceFen', header: '单价(元)', kind: 'money', width: 10 },
  { key: 'packs', header: '数量', kind: 'int', width: 8, total: 'sum' },
  { key: 'amountFen', header: '金额(元)', kind: 'money', width: 12, total: 'sum' },
];

export type BatchReport = ReportData & { batches: BatchRow[] };

function build(db: Db, when: ReportWhen, name: 'batches' | 'expiry'): BatchReport {
  const nearDays = readSettings(db).nearExpiryDays;
  const place = when.clinicId === undefined ? 'all' : when.clinicId === null ? 'center' : when.clinicId;
  const scope = when.clinicId === undefined ? '' : when.clinicId === null ? CENTER_NAME : clinicName(db, when.clinicId);
  const all = stockBatches(db, { place, asOf: when.asOf, nearDays });
  const batches = name === 'expiry' ? all.filter((b) => b.expiry !== 'ok') : all;
  const base = name === 'expiry' ? EXPIRY_TITLE : BATCHES_TITLE;
  const title = scope ? `${base}（${scope}）` : base;
  const rows = batches.map((b) => ({ ...b, state: expiryLabels[b.expiry] }));
  const packs = batches.reduce((n, b) => n + b.packs, 0);
  const amountFen = batches.reduce((n, b) => n + b.amountFen, 0);
  return {
    name,
    title,
    ...reportHead(db),
    date: when.today,
    asOf: when.asOf,
    figures: {
      batches: batches.length,
      packs,
      amountFen,
      expired: batches.filter((b) => b.expiry === 'expired').length,
      near: batches.filter((b) => b.expiry === 'near').length,
      nearExpiryDays: nearDays,
    },
    tables: [
      {
        sheetName: name === 'expiry' ? '近效期过期' : '批次库存',
        title,
        columns,
        rows,
        totals: { drugName: rows.length, packs, amountFen },
      },
    ],
    batches,
  };
}

export const buildBatchesReport = (db: Db, when: ReportWhen) => build(db, when, 'batches');
export const buildExpiryReport = (db: Db, when: ReportWhen) => build(db, when, 'expiry');
