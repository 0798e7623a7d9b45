/**
 * 短缺药品登记表 (issue 10 part 8, D4): the shortages recorded in a month — each clinic, drug,
 * spec, packs short, reason and date — and their totals per drug. A shortage belongs to the
 * month of the day it was recorded (the delivery day), as a movement counts in its own date's
 * month; the requisition month it came from is shown beside it.
 */
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { computeTotals, fitWidths, type ReportColumn, type ReportData, type ReportWhen } from '../../../excel/returns/types';
import { reportHead } from '../../assets/returns/common';

export const SHORTAGES_TITLE = '短缺药品登记表';

const lineColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'recordedOn', header: '登记日期', kind: 'date', width: 14 },
  { key: 'clinic', header: '村卫生室', kind: 'text', width: 14, total: 'count' },
  { key: 'code', header: '平台编码', kind: 'text', width: 10 },
  { key: 'drug', header: '药品名称', kind: 'text', width: 14 },
  { key: 'spec', header: '规格', kind: 'text', width: 12 },
  { key: 'unit', header: '单位', kind: 'center', width: 6 },
  { key: 'packs', header: '短缺数量', kind: 'int', width: 9, total: 'sum' },
  { key: 'reason', header: '短缺原因', kind: 'text', width: 12 },
  { key: 'month', header: '需求月份', kind: 'center', width: 9 },
];

const drugColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'code', header: '平台编码', kind: 'text', width: 10 },
  { key: 'drug', header: '药品名称', kind: 'text', width: 14, total: 'count' },
  { key: 'spec', header: '规格', kind: 'text', width: 12 },
  { key: 'unit', header: '单位', kind: 'center', width: 6 },
  { key: 'clinics', header: '涉及卫生室（个）', kind: 'int', width: 9, total: 'sum' },
  { key: 'packs', header: '短缺数量合计', kind: 'int', width: 10, total: 'sum' },
  { key: 'reasons', header: '短缺原因', kind: 'text', width: 16 },
];

interface ShortRecord {
  recorded_on: string;
  month: string;
  clinic: string;
  drug_id: number;
  code: string;
  drug: string;
  spec: string;
  unit: string;
  packs: number;
  reason: string;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function buildShortagesReport(db: Db, when: ReportWhen & { month?: string }): ReportData {
  const month = when.month ?? when.asOf.slice(0, 7);
  const records = stmt(
    db,
    `SELECT s.recorded_on, s.month, coalesce(c.name, '卫生院本部') AS clinic, s.drug_id, coalesce(d.platform_code, '') AS code,
            d.generic_name AS drug, d.spec, d.pack_unit AS unit, s.packs, s.reason
       FROM drug_shortages s JOIN drugs d ON d.id = s.drug_id LEFT JOIN clinics c ON c.id = s.clinic_id
      WHERE s.recorded_on >= ? AND s.recorded_on <= ?
      ORDER BY s.recorded_on, coalesce(c.code, ''), c.name, d.generic_name, s.id`,
  ).all(`${month}-01`, lastDay(month)) as ShortRecord[];
  const rows = records.map((r, i) => ({
    index: i + 1,
    recordedOn: r.recorded_on,
    clinic: r.clinic,
    code: r.code,
    drug: r.drug,
    spec: r.spec,
    unit: r.unit,
    packs: r.packs,
    reason: r.reason,
    month: r.month,
  }));
  const perDrug = new Map<number, { r: ShortRecord; clinics: Set<string>; packs: number; reasons: Set<string> }>();
  for (const r of records) {
    const d = perDrug.get(r.drug_id) ?? { r, clinics: new Set<string>(), packs: 0, reasons: new Set<string>() };
    d.clinics.add(r.clinic);
    d.packs += r.packs;
    d.reasons.add(r.reason);
    perDrug.set(r.drug_id, d);
  }
  const drugRows = [...perDrug.values()]
    .sort((a, b) => b.packs - a.packs || a.r.drug.localeCompare(b.r.drug))
    .map((d, i) => ({
      index: i + 1,
      code: d.r.code,
      drug: d.r.drug,
      spec: d.r.spec,
      unit: d.r.unit,
      clinics: d.clinics.size,
      packs: d.packs,
      reasons: [...d.reasons].join('、'),
    }));
  const [y, m] = month.split('-');
  return {
    name: 'shortages',
    title: SHORTAGES_TITLE,
    ...reportHead(db),
    date: when.today,
    asOf: lastDay(month),
    period: `统计月份：${y}年${Number(m)}月`,
    figures: {
      lines: rows.length,
      packs: rows.reduce((s, r) => s + r.packs, 0),
      drugs: drugRows.length,
      clinics: new Set(records.map((r) => r.clinic)).size,
    },
    tables: [
      {
        sheetName: '短缺登记',
        title: SHORTAGES_TITLE,
        columns: fitWidths(lineColumns, rows),
        rows,
        totals: computeTotals(lineColumns, rows),
      },
      {
        sheetName: '按药品汇总',
        title: `${SHORTAGES_TITLE}（按药品汇总）`,
        columns: fitWidths(drugColumns, drugRows),
        rows: drugRows,
        totals: computeTotals(drugColumns, drugRows),
      },
    ],
  };
}
