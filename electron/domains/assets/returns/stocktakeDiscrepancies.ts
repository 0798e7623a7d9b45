/**
 * 固定资产盘盈盘亏表 (issue 4, items 4 and 7; A3) for one stocktake: the assets not found (盘亏,
 * each now 丢失待处理 until a loss disposal is approved) and those found damaged (毁损), with
 * their 原值 and 净值 as the ledger stood when the stocktake began, and the items found without a
 * card (盘盈) with their estimated value (估价) — the card each was given on closing, if closed.
 * Under the table, the counts: on the books, 账实相符, 盘亏, 毁损, 盘盈. An open stocktake gives
 * a provisional list, marked as such.
 */
import { categoryLabels, type AssetCategory } from '../../../../shared/rules/assetCategories';
import { chineseDate } from '../../../../shared/format';
import { itemResultLabels, type StocktakeItem } from '../../../../shared/schemas/stocktakes';
import { makeContext } from '../../../db/context';
import type { Db } from '../../../db/open';
import { getStocktake } from '../stocktakes';
import { reportHead, sectionNumber } from './common';
import type { DiscrepancyDetail, DiscrepancyItem } from './types';
import { fitWidths, type ReportColumn, type ReportData, type ReportValue, type ReportWhen } from '../../../excel/returns/types';

export const DISCREPANCY_TITLE = '固定资产盘盈盘亏表';

const columns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 5 },
  { key: 'code', header: '资产编号', kind: 'text', width: 16 },
  { key: 'name', header: '资产名称', kind: 'text', width: 14 },
  { key: 'category', header: '资产类别', kind: 'text', width: 12 },
  { key: 'model', header: '规格型号', kind: 'text', width: 12 },
  { key: 'holderName', header: '存放单位', kind: 'text', width: 14 },
  { key: 'valueFen', header: '原值', group: '账面价值（元）', kind: 'money', width: 13 },
  { key: 'bookValueFen', header: '净值', group: '账面价值（元）', kind: 'money', width: 13 },
  { key: 'estimateFen', header: '盘盈估价（元）', kind: 'money', width: 13 },
  { key: 'note', header: '情况说明', kind: 'text', width: 24 },
];

const sections = ['missing', 'damaged', 'surplus'] as const;
type Section = (typeof sections)[number];

function itemOf(i: StocktakeItem & { result: Section }): DiscrepancyItem {
  return {
    result: i.result,
    code: i.code,
    name: i.name,
    category: i.category,
    model: i.model,
    holderName: i.holderName,
    valueFen: i.valueFen,
    bookValueFen: i.bookValueFen,
    note: i.note,
  };
}

const isDiscrepancy = (i: StocktakeItem): i is StocktakeItem & { result: Section } => (sections as readonly string[]).includes(i.result);

function itemRow(i: DiscrepancyItem, index: number): Record<string, ReportValue> {
  const surplus = i.result === 'surplus';
  return {
    index,
    code: i.code || '（未入账）',
    name: i.name,
    category: categoryLabels[i.category as AssetCategory] ?? i.category,
    model: i.model,
    holderName: i.holderName,
    valueFen: surplus ? null : i.valueFen,
    bookValueFen: surplus ? null : i.bookValueFen,
    estimateFen: surplus ? i.valueFen : null,
    note: i.note,
  };
}

const sumOf = (items: readonly DiscrepancyItem[], key: 'valueFen' | 'bookValueFen') => items.reduce((n, i) => n + i[key], 0);

export function buildDiscrepancyReport(db: Db, when: ReportWhen): ReportData & { discrepancies: DiscrepancyDetail } {
  const st = getStocktake(makeContext(db, '报表'), when.stocktakeId ?? 0);
  const items = st.items.filter(isDiscrepancy).map(itemOf);
  const of = (s: Section) => items.filter((i) => i.result === s);
  const rows: Record<string, ReportValue>[] = [];
  const emphasis: number[] = [];
  sections.forEach((s, k) => {
    const list = of(s);
    emphasis.push(rows.length);
    const money: Record<string, ReportValue> =
      s === 'surplus'
        ? { estimateFen: sumOf(list, 'valueFen') }
        : { valueFen: sumOf(list, 'valueFen'), bookValueFen: sumOf(list, 'bookValueFen') };
    rows.push({
      index: null,
      code: `${sectionNumber(k)}${s === 'missing' ? '盘亏' : itemResultLabels[s]}`,
      name: `${list.length}项`,
      ...money,
    });
    list.forEach((i, n) => rows.push(itemRow(i, n + 1)));
  });
  const lost = [...of('missing'), ...of('damaged')];
  const surplus = of('surplus');
  const closed = st.status === 'closed';
  const asOf = st.closedOn ?? when.today;
  const dates = closed
    ? `${chineseDate(st.startedOn)}至${chineseDate(st.closedOn)}`
    : `${chineseDate(st.startedOn)}起（盘点中，本表为临时清单）`;
  const discrepancies: DiscrepancyDetail = {
    stocktake: {
      id: st.id,
      title: st.title,
      scope: st.scope,
      scopeName: st.clinicName,
      startedOn: st.startedOn,
      closedOn: st.closedOn,
      status: st.status,
    },
    counts: {
      total: st.counts.total,
      found: st.counts.found,
      missing: st.counts.missing,
      damaged: st.counts.damaged,
      surplus: st.counts.surplus,
      pending: st.counts.pending,
    },
    items,
  };
  const onBooks = st.items.filter((i) => i.result !== 'surplus');
  return {
    name: 'stocktake-discrepancies',
    title: DISCREPANCY_TITLE,
    ...reportHead(db),
    date: when.today,
    asOf,
    period: `盘点范围：${st.clinicName}\u3000盘点日期：${dates}`,
    figures: {
      items: st.counts.total,
      found: st.counts.found,
      missing: st.counts.missing,
      missingValueFen: sumOf(of('missing'), 'valueFen'),
      missingBookValueFen: sumOf(of('missing'), 'bookValueFen'),
      damaged: st.counts.damaged,
      damagedValueFen: sumOf(of('damaged'), 'valueFen'),
      damagedBookValueFen: sumOf(of('damaged'), 'bookValueFen'),
      surplus: st.counts.surplus,
      surplusEstimateFen: sumOf(surplus, 'valueFen'),
      pending: st.counts.pending,
    },
    tables: [
      {
        sheetName: '盘盈盘亏',
        title: `${DISCREPANCY_TITLE}（${st.title}）`,
        columns: fitWidths(columns, rows, 30),
        rows,
        totals: { valueFen: sumOf(lost, 'valueFen'), bookValueFen: sumOf(lost, 'bookValueFen'), estimateFen: sumOf(surplus, 'valueFen') },
        emphasis,
        summary: {
          title: '盘点情况',
          header: ['项目', '项数', '原值或估价（元）', '净值（元）'],
          kinds: ['text', 'int', 'money', 'money'],
          spans: [3, 2, 2, 2],
          rows: [
            ['账面应有', onBooks.length, onBooks.reduce((n, i) => n + i.valueFen, 0), onBooks.reduce((n, i) => n + i.bookValueFen, 0)],
            ['账实相符', st.counts.found, null, null],
            ['盘亏（未找到）', st.counts.missing, sumOf(of('missing'), 'valueFen'), sumOf(of('missing'), 'bookValueFen')],
            ['毁损', st.counts.damaged, sumOf(of('damaged'), 'valueFen'), sumOf(of('damaged'), 'bookValueFen')],
            ['盘盈', st.counts.surplus, sumOf(surplus, 'valueFen'), null],
            ...(closed ? [] : [['尚未盘点', st.counts.pending, null, null]]),
          ],
        },
      },
    ],
    discrepancies,
  };
}
