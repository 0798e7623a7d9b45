/**
 * 村卫生室药品进销存月报 (issue 10 part 8; D9): for a month, a row per clinic, the clinics' total
 * (bold), and the center's store on a row of its own; the 合计 row is the township (clinics +
 * center), so the clinics' rows add up to their total and total + center to the 合计. With a
 * clinic (or 卫生院本部 for the center's store), a row per drug. Every row closes exactly:
 * 期末 = 期初 + 入库 − 出库 in 数量 and in 金额 (electron/domains/drugs/stock/ledger.ts).
 */
import { chineseDate } from '../../../../../shared/format';
import type { LedgerFigures, LedgerOutput } from '../../../../../shared/schemas/stock';
import type { Db } from '../../../../db/open';
import type { ReportColumn, ReportData, ReportValue, ReportWhen } from '../../../../excel/returns/types';
import { reportHead } from '../../../assets/returns/common';
import { stockLedger } from '../ledger';
import { CENTER_NAME, clinicName, monthEnd } from '../places';

export const STOCK_TITLE = '村卫生室药品进销存月报';

const pair = (key: string, group: string): ReportColumn[] => [
  { key: `${key}Packs`, header: '数量', group, kind: 'int', width: 9, total: 'sum' },
  { key: `${key}Fen`, header: '金额(元)', group, kind: 'money', width: 12, total: 'sum' },
];
const figureColumns: ReportColumn[] = [
  ...pair('opening', '期初'),
  ...pair('in', '入库'),
  ...pair('out', '出库'),
  ...pair('closing', '期末'),
];
const KEYS = ['openingPacks', 'openingFen', 'inPacks', 'inFen', 'outPacks', 'outFen', 'closingPacks', 'closingFen'] as const;

/** Packs used (kind 'use') beside the out figures: what the county reads as the clinics' sales. */
const usedColumn: ReportColumn = { key: 'usedPacks', header: '其中使用(数量)', kind: 'int', width: 10, total: 'sum' };

function figures(f: LedgerFigures): Record<string, ReportValue> {
  return { ...Object.fromEntries(KEYS.map((k) => [k, f[k]])), usedPacks: f.outByKind.use ?? 0 };
}

export type StockReport = ReportData & { stock: LedgerOutput };

export function buildStockReport(db: Db, when: ReportWhen & { month?: string }): StockReport {
  const month = when.month ?? when.asOf.slice(0, 7);
  const place = when.clinicId;
  const ledger = stockLedger(db, month, place);
  const [y, m] = month.split('-');
  const head = {
    ...reportHead(db),
    date: when.today,
    asOf: monthEnd(month),
    period: `统计月份：${y}年${Number(m)}月\u3000\u3000填报日期：${chineseDate(when.today)}`,
  };
  if (place === undefined) {
    const columns: ReportColumn[] = [{ key: 'name', header: '单位', kind: 'text', width: 20 }, ...figureColumns, usedColumn];
    const rows = [
      ...ledger.places.map((p) => ({ name: p.placeName, ...figures(p) })),
      { name: '村卫生室小计', ...figures(ledger.clinicsTotal) },
      { name: CENTER_NAME, ...figures(ledger.center) },
    ];
    return {
      name: 'stock',
      title: STOCK_TITLE,
      ...head,
      figures: { clinics: ledger.places.length, ...numbers(ledger.township) },
      tables: [
        {
          sheetName: '进销存',
          title: STOCK_TITLE,
          columns,
          rows,
          // The 合计 is the township's own (clinics + center), not the sum of rows that hold a subtotal.
          totals: { ...numbers(ledger.township), usedPacks: ledger.township.outByKind.use ?? 0 },
          emphasis: [ledger.places.length],
        },
      ],
      stock: ledger,
    };
  }
  const name = place === null ? CENTER_NAME : clinicName(db, place);
  const title = `${STOCK_TITLE}（${name}）`;
  const columns: ReportColumn[] = [
    { key: 'platformCode', header: '平台编码', kind: 'text', width: 12 },
    { key: 'genericName', header: '通用名', kind: 'text', width: 18, total: 'count' },
    { key: 'spec', header: '规格', kind: 'text', width: 14 },
    { key: 'packUnit', header: '单位', kind: 'center', width: 6 },
    ...figureColumns,
    usedColumn,
  ];
  const rows = (ledger.drugs ?? []).map((d) => ({
    platformCode: d.platformCode,
    genericName: d.genericName,
    spec: d.spec,
    packUnit: d.packUnit,
    ...figures(d),
  }));
  const own = place === null ? ledger.center : ledger.places.find((p) => p.clinicId === place);
  return {
    name: 'stock',
    title,
    ...head,
    figures: { drugs: rows.length, ...numbers(own ?? ledger.center) },
    tables: [
      {
        sheetName: '进销存',
        title,
        columns,
        rows,
        totals: { genericName: rows.length, ...numbers(own ?? ledger.center), usedPacks: (own ?? ledger.center).outByKind.use ?? 0 },
      },
    ],
    stock: ledger,
  };
}

function numbers(f: LedgerFigures): Record<(typeof KEYS)[number], number> {
  return Object.fromEntries(KEYS.map((k) => [k, f[k]])) as Record<(typeof KEYS)[number], number>;
}
