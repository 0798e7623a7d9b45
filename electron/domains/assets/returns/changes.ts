/**
 * 固定资产增减变动表 (issue 4, item 7; A1, A4) for a period and a scope: per category, grouped
 * under the top classes of the classification with each class's subtotal on its heading row,
 * 期初 (原值, 累计折旧, 净值), 本期增加 and 本期减少 (原值, and the 累计折旧 carried with a
 * transferred or disposed asset), 本期计提折旧 and 期末 — so that for every row
 *
 *   期末原值 = 期初原值 + 本期增加 − 本期减少
 *   期末累计折旧 = 期初累计折旧 + 本期计提折旧 + 本期增加累计折旧 − 本期减少累计折旧
 *
 * For one clinic, an asset transferred in or out is an addition or a reduction; for the
 * township a transfer between its clinics is neither. The figures are assetChanges' own
 * (services/assets/changes.ts).
 */
import { topClasses } from '../../../../shared/rules/assetCategories';
import { chineseDate } from '../../../../shared/format';
import type { Db } from '../../../db/open';
import { assetChanges, type ChangeFigures } from '../changes';
import { groupBy, reportHead, scopedTitle, scopeOf, sectionNumber } from './common';
import type { ChangeFiguresWithNet, ChangesDetail } from './types';
import type { ReportColumn, ReportData, ReportValue, ReportWhen } from '../../../excel/returns/types';

export const ASSET_CHANGES_TITLE = '固定资产增减变动表';

const money = (key: keyof ChangeFiguresWithNet, header: string, group?: string): ReportColumn => ({
  key,
  header,
  kind: 'money',
  width: 13,
  total: 'sum',
  ...(group ? { group } : {}),
});

const columns: ReportColumn[] = [
  { key: 'label', header: '资产类别', kind: 'text', width: 30 },
  money('openingValue', '原值', '期初'),
  money('openingAccumulated', '累计折旧', '期初'),
  money('openingNet', '净值', '期初'),
  money('addedValue', '原值', '本期增加'),
  money('addedAccumulated', '累计折旧', '本期增加'),
  money('reducedValue', '原值', '本期减少'),
  money('reducedAccumulated', '累计折旧', '本期减少'),
  money('depreciation', '本期计提折旧'),
  money('closingValue', '原值', '期末'),
  money('closingAccumulated', '累计折旧', '期末'),
  money('closingNet', '净值', '期末'),
];

const FIGURE_KEYS = [
  'openingValue',
  'openingAccumulated',
  'addedValue',
  'addedAccumulated',
  'reducedValue',
  'reducedAccumulated',
  'depreciation',
  'closingValue',
  'closingAccumulated',
] as const;

function withNet(f: ChangeFigures): ChangeFiguresWithNet {
  return { ...f, openingNet: f.openingValue - f.openingAccumulated, closingNet: f.closingValue - f.closingAccumulated };
}

function sum(rows: readonly ChangeFigures[]): ChangeFiguresWithNet {
  const f: ChangeFigures = {
    openingValue: 0,
    openingAccumulated: 0,
    addedValue: 0,
    addedAccumulated: 0,
    reducedValue: 0,
    reducedAccumulated: 0,
    depreciation: 0,
    closingValue: 0,
    closingAccumulated: 0,
  };
  for (const r of rows) for (const k of FIGURE_KEYS) f[k] += r[k];
  return withNet(f);
}

const isZero = (f: ChangeFigures) => FIGURE_KEYS.every((k) => f[k] === 0);

function figuresRow(label: string, f: ChangeFiguresWithNet): Record<string, ReportValue> {
  return { label, ...Object.fromEntries(columns.slice(1).map((c) => [c.key, f[c.key as keyof ChangeFiguresWithNet]])) };
}

export function buildAssetChangesReport(db: Db, when: ReportWhen): ReportData & { changes: ChangesDetail } {
  const from = when.from ?? when.asOf;
  const to = when.to ?? when.asOf;
  const scope = scopeOf(db, when.clinicId);
  const result = assetChanges(db, from, to, scope.kind === 'township' ? undefined : scope.clinicId);
  const byCategory = result.rows
    .filter((r) => !isZero(r))
    .map((r) => ({ ...withNet(r), category: r.category, label: r.label, topClass: r.topClass }));
  const byTop = groupBy(byCategory, (r) => r.topClass);
  const byTopClass = topClasses.filter((t) => byTop.has(t)).map((topClass) => ({ topClass, ...sum(byTop.get(topClass) ?? []) }));
  const total = withNet(result.total);

  const rows: Record<string, ReportValue>[] = [];
  const emphasis: number[] = [];
  byTopClass.forEach((t, i) => {
    emphasis.push(rows.length);
    rows.push(figuresRow(`${sectionNumber(i)}${t.topClass}`, t));
    for (const r of byTop.get(t.topClass) ?? []) rows.push(figuresRow(`\u3000\u3000${r.label}`, r));
  });
  const changes: ChangesDetail = { scope, from, to, byCategory, byTopClass, total };
  const title = scopedTitle(ASSET_CHANGES_TITLE, scope);
  return {
    name: 'asset-changes',
    title,
    ...reportHead(db),
    date: when.today,
    asOf: to,
    period: `统计期间：${chineseDate(from)}至${chineseDate(to)}\u3000\u3000填报日期：${chineseDate(when.today)}`,
    figures: { categories: byCategory.length, ...total },
    tables: [
      {
        sheetName: '增减变动',
        title,
        columns,
        rows,
        // The classes' rows are subtotals: the 合计 is the township's (or the scope's) own total.
        totals: { ...total },
        emphasis,
      },
    ],
    changes,
  };
}
