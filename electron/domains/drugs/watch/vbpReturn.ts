/**
 * 集采药品供应情况 (issue 10 part 8, D6): for a month, every 集采 drug — its agreed annual volume
 * and how much of it the center has received this year by the month's end, what came into the
 * center's store, went out to the clinics and was used by them in the month, what the clinics
 * hold at its end and how many months that lasts at their recent pace, and how many clinics are
 * below the setting 集采药品最低保障; a second sheet lists each drug at each clinic (vbp.ts).
 * A movement counts in the month of its own date.
 */
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { computeTotals, fitWidths, percentOf, type ReportColumn, type ReportData, type ReportWhen } from '../../../excel/returns/types';
import { reportHead } from '../../assets/returns/common';
import { readSettings } from '../../settings/service';
import { vbpCoverRows } from './vbp';

export const VBP_SUPPLY_TITLE = '集采药品供应情况表';

const drugColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'code', header: '平台编码', kind: 'text', width: 10 },
  { key: 'drug', header: '药品名称', kind: 'text', width: 14, total: 'count' },
  { key: 'spec', header: '规格', kind: 'text', width: 12 },
  { key: 'batch', header: '集采批次', kind: 'text', width: 9 },
  { key: 'annual', header: '约定年采购量', group: '约定采购量', kind: 'int', width: 10, total: 'sum' },
  { key: 'yearReceived', header: '本年累计入库', group: '约定采购量', kind: 'int', width: 10, total: 'sum' },
  { key: 'progress', header: '完成进度(%)', group: '约定采购量', kind: 'decimal', width: 9 },
  { key: 'received', header: '中心入库', group: '本月（包装）', kind: 'int', width: 8, total: 'sum' },
  { key: 'delivered', header: '配送到村', group: '本月（包装）', kind: 'int', width: 8, total: 'sum' },
  { key: 'used', header: '村卫生室使用', group: '本月（包装）', kind: 'int', width: 9, total: 'sum' },
  { key: 'clinicStock', header: '村卫生室月末库存', kind: 'int', width: 10, total: 'sum' },
  { key: 'cover', header: '可用月数', kind: 'decimal', width: 8 },
  { key: 'low', header: '保障不足的卫生室（个）', kind: 'int', width: 10, total: 'sum' },
];

const clinicColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'drug', header: '药品名称', kind: 'text', width: 14 },
  { key: 'spec', header: '规格', kind: 'text', width: 12 },
  { key: 'clinic', header: '村卫生室', kind: 'text', width: 14, total: 'count' },
  { key: 'onHand', header: '月末库存', kind: 'int', width: 8, total: 'sum' },
  { key: 'used3m', header: '近三月用量', kind: 'int', width: 9, total: 'sum' },
  { key: 'cover', header: '可用月数', kind: 'decimal', width: 8 },
  { key: 'low', header: '保障不足', kind: 'center', width: 8, total: 'yes' },
];

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

interface DrugFigures {
  id: number;
  code: string;
  drug: string;
  spec: string;
  batch: string;
  annual: number | null;
  yearReceived: number;
  received: number;
  delivered: number;
  used: number;
  clinicStock: number;
}

function figures(db: Db, month: string): DrugFigures[] {
  const start = `${month}-01`;
  const end = lastDay(month);
  return stmt(
    db,
    `SELECT d.id, coalesce(d.platform_code, '') AS code, d.generic_name AS drug, d.spec, d.vbp_batch AS batch, d.vbp_annual_packs AS annual,
       coalesce(sum(CASE WHEN m.kind = 'receipt' AND m.clinic_id IS NULL AND m.moved_on >= @yearStart THEN m.packs END), 0) AS yearReceived,
       coalesce(sum(CASE WHEN m.kind = 'receipt' AND m.clinic_id IS NULL AND m.moved_on >= @start THEN m.packs END), 0) AS received,
       coalesce(sum(CASE WHEN m.kind = 'delivery' AND m.clinic_id IS NOT NULL AND m.moved_on >= @start THEN m.packs END), 0) AS delivered,
       coalesce(-sum(CASE WHEN m.kind = 'use' AND m.moved_on >= @start THEN m.packs END), 0) AS used,
       coalesce(sum(CASE WHEN m.clinic_id IS NOT NULL THEN m.packs END), 0) AS clinicStock
     FROM drugs d LEFT JOIN stock_movements m ON m.drug_id = d.id AND m.moved_on <= @end
     WHERE d.vbp_batch <> '' GROUP BY d.id ORDER BY d.generic_name, d.spec, d.id`,
  ).all({ yearStart: `${month.slice(0, 4)}-01-01`, start, end }) as DrugFigures[];
}

export function buildVbpSupplyReport(db: Db, when: ReportWhen): ReportData {
  const month = when.month ?? when.asOf.slice(0, 7);
  const end = lastDay(month);
  const cover = vbpCoverRows(db, end);
  const minCover = readSettings(db).vbpMinCoverMonths;
  const rows = figures(db, month).map((f, i) => {
    const mine = cover.filter((c) => c.drugId === f.id);
    const used3m = mine.reduce((s, c) => s + c.used3m, 0);
    return {
      index: i + 1,
      code: f.code,
      drug: f.drug,
      spec: f.spec,
      batch: f.batch,
      annual: f.annual,
      yearReceived: f.yearReceived,
      progress: f.annual ? percentOf(f.yearReceived, f.annual) : null,
      received: f.received,
      delivered: f.delivered,
      used: f.used,
      clinicStock: f.clinicStock,
      cover: used3m > 0 ? Math.round((f.clinicStock / (used3m / 3)) * 10) / 10 : null,
      low: mine.filter((c) => c.low).length,
    };
  });
  const clinicRows = cover.map((c, i) => ({
    index: i + 1,
    drug: c.genericName,
    spec: c.spec,
    clinic: c.placeName,
    onHand: c.onHand,
    used3m: c.used3m,
    cover: c.monthsOfCover,
    low: c.low ? '是' : '否',
  }));
  const [y, m] = month.split('-');
  return {
    name: 'vbp-supply',
    title: VBP_SUPPLY_TITLE,
    ...reportHead(db),
    date: when.today,
    asOf: end,
    period: `统计月份：${y}年${Number(m)}月（可用月数按此前三个整月的平均月用量，低于 ${minCover} 个月为保障不足）`,
    figures: {
      drugs: rows.length,
      received: rows.reduce((s, r) => s + r.received, 0),
      delivered: rows.reduce((s, r) => s + r.delivered, 0),
      used: rows.reduce((s, r) => s + r.used, 0),
      clinicStock: rows.reduce((s, r) => s + r.clinicStock, 0),
      lowCover: clinicRows.filter((r) => r.low === '是').length,
    },
    tables: [
      {
        sheetName: '集采药品',
        title: VBP_SUPPLY_TITLE,
        columns: fitWidths(drugColumns, rows),
        rows,
        totals: computeTotals(drugColumns, rows),
      },
      {
        sheetName: '按卫生室',
        title: `${VBP_SUPPLY_TITLE}（按村卫生室）`,
        columns: fitWidths(clinicColumns, clinicRows),
        rows: clinicRows,
        totals: computeTotals(clinicColumns, clinicRows),
      },
    ],
  };
}
