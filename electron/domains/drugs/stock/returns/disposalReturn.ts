/**
 * 过期药品销毁记录 (D5): every disposal (latest first), a row per batch disposed of, with the
 * day, method, both witnesses and the amounts; the 合计 adds the rows.
 */
import type { DisposalRecord } from '../../../../../shared/schemas/stock';
import type { Db } from '../../../../db/open';
import type { ReportColumn, ReportData, ReportWhen } from '../../../../excel/returns/types';
import { reportHead } from '../../../assets/returns/common';
import { listDisposals } from '../disposals';

export const DISPOSALS_TITLE = '过期药品销毁记录';

const columns: ReportColumn[] = [
  { key: 'disposedOn', header: '销毁日期', kind: 'date', width: 14 },
  { key: 'drugName', header: '通用名', kind: 'text', width: 18, total: 'count' },
  { key: 'spec', header: '规格', kind: 'text', width: 14 },
  { key: 'packUnit', header: '单位', kind: 'center', width: 6 },
  { key: 'lotNo', header: '批号', kind: 'text', width: 12 },
  { key: 'expiresOn', header: '有效期至', kind: 'date', width: 14 },
  { key: 'packs', header: '数量', kind: 'int', width: 8, total: 'sum' },
  { key: 'priceFen', header: '单价(元)', kind: 'money', width: 10 },
  { key: 'amountFen', header: '金额(元)', kind: 'money', width: 12, total: 'sum' },
  { key: 'method', header: '销毁方式', kind: 'text', width: 14 },
  { key: 'witnesses', header: '监销人', kind: 'text', width: 14 },
];

export function buildDisposalsReport(db: Db, when: ReportWhen): ReportData & { disposals: DisposalRecord[] } {
  const disposals = listDisposals(db, { from: when.from, to: when.to });
  const rows = disposals.flatMap((d) =>
    d.lines.map((l) => ({
      disposedOn: d.disposedOn,
      drugName: l.drugName,
      spec: l.spec,
      packUnit: l.packUnit,
      lotNo: l.lotNo,
      expiresOn: l.expiresOn,
      packs: l.packs,
      priceFen: l.priceFen,
      amountFen: l.amountFen,
      method: d.method,
      witnesses: `${d.witness1}、${d.witness2}`,
    })),
  );
  const packs = disposals.reduce((n, d) => n + d.packs, 0);
  const amountFen = disposals.reduce((n, d) => n + d.amountFen, 0);
  return {
    name: 'disposals',
    title: DISPOSALS_TITLE,
    ...reportHead(db),
    date: when.today,
    asOf: when.asOf,
    figures: { disposals: disposals.length, lines: rows.length, packs, amountFen },
    tables: [{ sheetName: '销毁记录', title: DISPOSALS_TITLE, columns, rows, totals: { drugName: rows.length, packs, amountFen } }],
    disposals,
  };
}
