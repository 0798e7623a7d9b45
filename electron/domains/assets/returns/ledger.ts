/**
 * 固定资产台账 (issue 4, item 7; A1): every asset on the books on the as-of day — not disposed,
 * not voided; 丢失待处理 stays until its loss is approved (A3) — with 原值, 累计折旧 through
 * that day's month and 净值 (A4), its holder, custodian and status. For the whole township the
 * assets are listed holder by holder (卫生院本部 first, then each clinic by code), each with a
 * 小计 row; for one clinic (or the center) alone without. Under the table, the figures by top
 * class of the classification. Figures are the ledger's own (services/assets/ledger.ts), in 分
 * in JSON and in 元 on paper.
 */
import { categoryInfo, categoryLabels, topClasses, type AssetCategory } from '../../../../shared/rules/assetCategories';
import { assetStatusLabels, fundingLabels, type AssetRow } from '../../../../shared/schemas/assets';
import { chineseDate } from '../../../../shared/format';
import type { Db } from '../../../db/open';
import { isHeld, ledgerAsOf } from '../ledger';
import { groupBy, reportHead, scopedTitle, scopeOf, valueFigures } from './common';
import type { LedgerAsset, LedgerDetail, ValueFigures } from './types';
import { fitWidths, type ReportColumn, type ReportData, type ReportValue, type ReportWhen } from '../../../excel/returns/types';

export const ASSET_LEDGER_TITLE = '固定资产台账';

const columns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 5 },
  { key: 'code', header: '资产编号', group: '基本情况', kind: 'text', width: 12 },
  { key: 'name', header: '资产名称', group: '基本情况', kind: 'text', width: 14, total: 'count' },
  { key: 'category', header: '资产类别', group: '基本情况', kind: 'text', width: 12 },
  { key: 'model', header: '规格型号', group: '基本情况', kind: 'text', width: 12 },
  { key: 'quantity', header: '数量', group: '基本情况', kind: 'int', width: 5, total: 'sum' },
  { key: 'unit', header: '计量单位', group: '基本情况', kind: 'center', width: 5 },
  { key: 'funding', header: '资金来源', group: '基本情况', kind: 'center', width: 9 },
  { key: 'acquiredOn', header: '取得日期', group: '基本情况', kind: 'date', width: 14 },
  { key: 'valueFen', header: '原值', group: '价值（元）', kind: 'money', width: 13, total: 'sum' },
  { key: 'accumulatedFen', header: '累计折旧', group: '价值（元）', kind: 'money', width: 13, total: 'sum' },
  { key: 'bookValueFen', header: '净值', group: '价值（元）', kind: 'money', width: 13, total: 'sum' },
  { key: 'holderName', header: '存放单位', group: '使用管理', kind: 'text', width: 14 },
  { key: 'custodianName', header: '保管人', group: '使用管理', kind: 'center', width: 7 },
  { key: 'status', header: '状态', group: '使用管理', kind: 'center', width: 9 },
];

function assetOf(r: AssetRow): LedgerAsset {
  const category = r.category as AssetCategory;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    category,
    categoryLabel: categoryLabels[category] ?? r.category,
    topClass: categoryInfo[category]?.top ?? r.topClass,
    model: r.model,
    quantity: r.quantity,
    unit: r.unit,
    funding: fundingLabels[r.funding as keyof typeof fundingLabels] ?? r.funding,
    acquiredOn: r.acquiredOn,
    holderClinicId: r.holderClinicId,
    holderName: r.holderName,
    custodianName: r.custodianName,
    status: assetStatusLabels[r.status as keyof typeof assetStatusLabels] ?? r.status,
    valueFen: r.valueFen,
    accumulatedFen: r.accumulatedFen,
    bookValueFen: r.bookValueFen,
  };
}

function sheetRow(a: LedgerAsset, index: number): Record<string, ReportValue> {
  return {
    index,
    code: a.code,
    name: a.name,
    category: a.categoryLabel,
    model: a.model,
    quantity: a.quantity,
    unit: a.unit,
    funding: a.funding,
    acquiredOn: a.acquiredOn,
    valueFen: a.valueFen,
    accumulatedFen: a.accumulatedFen,
    bookValueFen: a.bookValueFen,
    holderName: a.holderName,
    custodianName: a.custodianName,
    status: a.status,
  };
}

function subtotalRow(holder: string, f: ValueFigures): Record<string, ReportValue> {
  return {
    index: null,
    code: '小计',
    name: `${holder}，${f.assets}项`,
    quantity: f.quantity,
    valueFen: f.valueFen,
    accumulatedFen: f.accumulatedFen,
    bookValueFen: f.bookValueFen,
    holderName: holder,
  };
}

/** The center first, then clinics by code (the order of the registry), then anything left. */
function holderOrder(db: Db): Map<number | null, number> {
  const ids = db.prepare('SELECT id FROM clinics ORDER BY code, id').pluck().all() as number[];
  return new Map<number | null, number>([[null, 0], ...ids.map((id, i): [number, number] => [id, i + 1])]);
}

export function buildAssetLedgerReport(db: Db, when: ReportWhen): ReportData & { ledger: LedgerDetail } {
  const { asOf } = when;
  const scope = scopeOf(db, when.clinicId);
  const order = holderOrder(db);
  const assets = ledgerAsOf(db, asOf)
    .filter((r) => isHeld(r) && (scope.kind === 'township' || r.holderClinicId === scope.clinicId))
    .map(assetOf)
    .sort(
      (a, b) =>
        (order.get(a.holderClinicId) ?? 1e9) - (order.get(b.holderClinicId) ?? 1e9) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  const byHolder = [...groupBy(assets, (a) => a.holderClinicId).entries()].map(([clinicId, list]) => ({
    clinicId,
    name: list[0]?.holderName ?? '',
    ...valueFigures(list),
  }));
  const byCategory = [...groupBy(assets, (a) => a.category).entries()].map(([category, list]) => ({
    category,
    label: list[0]?.categoryLabel ?? category,
    topClass: list[0]?.topClass ?? '',
    ...valueFigures(list),
  }));
  const byTop = groupBy(assets, (a) => a.topClass);
  const byTopClass = topClasses.filter((t) => byTop.has(t)).map((topClass) => ({ topClass, ...valueFigures(byTop.get(topClass) ?? []) }));
  const total = valueFigures(assets);

  const rows: Record<string, ReportValue>[] = [];
  const emphasis: number[] = [];
  let index = 0;
  for (const h of byHolder) {
    for (const a of assets.filter((x) => x.holderClinicId === h.clinicId)) rows.push(sheetRow(a, ++index));
    if (scope.kind === 'township') {
      emphasis.push(rows.length);
      rows.push(subtotalRow(h.name, h));
    }
  }
  const ledger: LedgerDetail = { scope, asOf, assets, byHolder, byCategory, byTopClass, total };
  const title = scopedTitle(ASSET_LEDGER_TITLE, scope);
  return {
    name: 'asset-ledger',
    title,
    ...reportHead(db),
    date: when.today,
    asOf,
    figures: {
      assets: total.assets,
      quantity: total.quantity,
      valueFen: total.valueFen,
      accumulatedFen: total.accumulatedFen,
      bookValueFen: total.bookValueFen,
      holders: byHolder.length,
    },
    tables: [
      {
        sheetName: '固定资产台账',
        title,
        columns: fitWidths(columns, rows, 30),
        rows,
        // Of the assets only: the 小计 rows are not added in again.
        totals: {
          name: total.assets,
          quantity: total.quantity,
          valueFen: total.valueFen,
          accumulatedFen: total.accumulatedFen,
          bookValueFen: total.bookValueFen,
        },
        emphasis,
        summary: {
          title: `按资产大类汇总（截至${chineseDate(asOf)}）`,
          header: ['资产大类', '项数', '数量', '原值（元）', '累计折旧（元）', '净值（元）'],
          kinds: ['text', 'int', 'int', 'money', 'money', 'money'],
          spans: [3, 1, 2, 2, 2, 2],
          rows: [
            ...byTopClass.map((t) => [t.topClass, t.assets, t.quantity, t.valueFen, t.accumulatedFen, t.bookValueFen]),
            ['合计', total.assets, total.quantity, total.valueFen, total.accumulatedFen, total.bookValueFen],
          ],
        },
      },
    ],
    ledger,
  };
}
