/**
 * 药品采购计划表 (issue 10 parts 3 and 8): the month's purchase plan as a county-style return —
 * per drug the packs the clinics' approved requisitions ask for (D9: only approved lines), the
 * center's own packs, the total, the platform price of the month's 1st and the amount; totals;
 * the signature line. Money in 分 in JSON, 元 on paper.
 */
import { chineseDate } from '../../../../shared/format';
import { makeContext } from '../../../db/context';
import type { Db } from '../../../db/open';
import { fitWidths, type ReportColumn, type ReportData, type ReportValue, type ReportWhen } from '../../../excel/returns/types';
import { reportHead } from '../../assets/returns/common';
import { purchasePlan } from './plan';

export const PURCHASE_PLAN_TITLE = '药品采购计划表';

const columns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 5 },
  { key: 'platformCode', header: '平台编码', kind: 'text', width: 12 },
  { key: 'genericName', header: '通用名', kind: 'text', width: 16 },
  { key: 'form', header: '剂型', kind: 'text', width: 8 },
  { key: 'spec', header: '规格', kind: 'text', width: 14 },
  { key: 'packUnit', header: '包装单位', kind: 'center', width: 6 },
  { key: 'maker', header: '生产企业', kind: 'text', width: 18 },
  { key: 'essential', header: '基药', kind: 'center', width: 5, total: 'yes' },
  { key: 'requestedPacks', header: '卫生室请领', group: '数量（包装）', kind: 'int', width: 9, total: 'sum' },
  { key: 'extraPacks', header: '卫生院自购', group: '数量（包装）', kind: 'int', width: 9, total: 'sum' },
  { key: 'packs', header: '采购数量', group: '数量（包装）', kind: 'int', width: 9, total: 'sum' },
  { key: 'priceFen', header: '单价（元）', kind: 'money', width: 10 },
  { key: 'amountFen', header: '金额（元）', kind: 'money', width: 12, total: 'sum' },
  { key: 'clinics', header: '请领卫生室数', kind: 'int', width: 8 },
  { key: 'note', header: '备注', kind: 'text', width: 14 },
];

export function monthText(month: string): string {
  return chineseDate(`${month}-01`).replace(/\d+日$/, '');
}

export function buildPurchasePlanReport(db: Db, when: ReportWhen & { month?: string }): ReportData {
  const month = when.month ?? when.today.slice(0, 7);
  const plan = purchasePlan(makeContext(db, '报表'), month);
  const rows: Record<string, ReportValue>[] = plan.rows.map((r, i) => ({
    index: i + 1,
    platformCode: r.platformCode,
    genericName: r.genericName,
    form: r.form,
    spec: r.spec,
    packUnit: r.packUnit,
    maker: r.maker,
    essential: r.essential ? '是' : '否',
    requestedPacks: r.requestedPacks,
    extraPacks: r.extraPacks,
    packs: r.packs,
    priceFen: r.priceFen,
    amountFen: r.amountFen,
    clinics: r.clinics,
    note: r.note,
  }));
  const requested = plan.rows.reduce((n, r) => n + r.requestedPacks, 0);
  const extra = plan.rows.reduce((n, r) => n + r.extraPacks, 0);
  const pending = [...plan.held.map((c) => `${c}（待审批）`), ...plan.drafts.map((c) => `${c}（草稿）`)];
  return {
    name: 'purchase-plan',
    title: PURCHASE_PLAN_TITLE,
    ...reportHead(db),
    date: when.today,
    asOf: `${month}-01`,
    period: `计划月份：${monthText(month)}\u3000已批准请领单 ${plan.totals.clinics} 份`,
    figures: {
      drugs: plan.totals.drugs,
      packs: plan.totals.packs,
      requestedPacks: requested,
      extraPacks: extra,
      amountFen: plan.totals.amountFen,
      clinics: plan.totals.clinics,
      held: plan.held.length,
      drafts: plan.drafts.length,
    },
    tables: [
      {
        sheetName: '采购计划',
        title: `${PURCHASE_PLAN_TITLE}（${monthText(month)}）`,
        columns: fitWidths(columns, rows, 30),
        rows,
        totals: {
          essential: plan.rows.filter((r) => r.essential).length,
          requestedPacks: requested,
          extraPacks: extra,
          packs: plan.totals.packs,
          amountFen: plan.totals.amountFen,
        },
        ...(pending.length > 0
          ? {
              summary: {
                title: '未计入本计划的请领单（D9：只有已批准的请领单计入）',
                header: ['卫生室'],
                kinds: ['text' as const],
                rows: pending.map((p) => [p]),
                spans: [6],
              },
            }
          : {}),
      },
    ],
  };
}
