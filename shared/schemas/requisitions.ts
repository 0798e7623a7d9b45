/**
 * Drugs, parts 2 and 3: a clinic's monthly requisition (D1) with its D3 share, and the month's
 * purchase plan (the approved lines aggregated per drug, plus the center's own lines).
 */
import { z } from 'zod';
import { idSchema, isoMonth, listQuery, exportViewInput, noteText, requiredText } from './common';
import { essentialOnDate } from './drugs';

export const requisitionStatuses = ['none', 'draft', 'held', 'approved'] as const;
export type RequisitionStatus = (typeof requisitionStatuses)[number];
export const requisitionStatusLabels: Record<RequisitionStatus, string> = {
  none: '未提交',
  draft: '草稿',
  held: '待审批',
  approved: '已批准',
};

/** Who approves a requisition within the share (D9: approved when submitted). */
export const AUTO_APPROVER = 'D3 自动';

export const monthInput = z.object({ month: isoMonth });
export const clinicMonthInput = z.object({ clinicId: idSchema, month: isoMonth });

/** One clinic's requisition for the month, as the list shows it (every active clinic, submitted or not). */
export const requisitionRow = z.object({
  clinicId: z.number(),
  clinicName: z.string(),
  clinicCode: z.string(),
  requisitionId: z.number().nullable(),
  status: z.enum(requisitionStatuses),
  lines: z.number(),
  totalFen: z.number(),
  outsideFen: z.number(),
  totalItems: z.number(),
  outsideItems: z.number(),
  /** Percentages with one decimal, null with nothing to divide. */
  valuePercent: z.number().nullable(),
  itemPercent: z.number().nullable(),
  over: z.boolean(),
  approvedBy: z.string(),
  approvalReason: z.string(),
});
export type RequisitionRow = z.infer<typeof requisitionRow>;

/** The month of a list: the current month when absent (the page always sends one). */
export const requisitionListQuery = listQuery.extend({ month: isoMonth.optional() });
export const requisitionExportInput = exportViewInput.extend({ month: isoMonth.optional() });

/** A drug as a requisition line shows it, with the clinic's figures beside it. */
export const lineFigures = z.object({
  drugId: z.number(),
  platformCode: z.string(),
  genericName: z.string(),
  form: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  maker: z.string(),
  /** The platform price in force on the 1st of the month, 分 per pack. */
  priceFen: z.number(),
  /** D8: status in the edition in force on the 1st of the month; doubtful counts as outside. */
  status: essentialOnDate,
  essential: z.boolean(),
  /** Packs at the clinic at the end of the month before. */
  onHand: z.number(),
  /** Packs used (kind 'use') in the three months before. */
  used3m: z.number(),
  suggested: z.number(),
});
export type LineFigures = z.infer<typeof lineFigures>;

export const requisitionLine = lineFigures.extend({ packs: z.number(), amountFen: z.number(), note: z.string() });
export type RequisitionLine = z.infer<typeof requisitionLine>;

export const shareFigures = z.object({
  totalFen: z.number(),
  outsideFen: z.number(),
  totalItems: z.number(),
  outsideItems: z.number(),
  overByValue: z.boolean(),
  overByItems: z.boolean(),
  over: z.boolean(),
});

export const requisitionDetail = z.object({
  clinicId: z.number(),
  clinicName: z.string(),
  month: z.string(),
  requisitionId: z.number().nullable(),
  status: z.enum(requisitionStatuses),
  lines: z.array(requisitionLine),
  share: shareFigures,
  limits: z.object({ maxValueShare: z.number(), maxItemShare: z.number() }),
  /** The day the 结存 column is taken at (the last day of the month before). */
  onHandAsOf: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string(),
  approvalReason: z.string(),
  /** Something of it was delivered or recorded short: it cannot be reopened. */
  delivered: z.boolean(),
});
export type RequisitionDetail = z.infer<typeof requisitionDetail>;

const packs = z.number({ error: '数量必须是数字' }).int('数量必须是整数（以包装单位计）').min(1, '数量至少为 1').max(1_000_000, '数量过大');

export const requisitionLineInput = z.object({ drugId: idSchema, packs, note: noteText('备注', 200).default('') });

export const requisitionSave = clinicMonthInput.extend({
  lines: z.array(requisitionLineInput).max(2000, '一张请领单最多 2000 种药品'),
  /** false: keep as a draft; true: submit (D3 decides approved or held). */
  submit: z.boolean(),
});
export type RequisitionSave = z.input<typeof requisitionSave>;

export const requisitionApprove = clinicMonthInput.extend({ reason: requiredText('审批理由', 500) });
export const lineFiguresInput = clinicMonthInput.extend({ drugId: idSchema });

/** The columns the platform's upload file may carry, in the setting's order (purchasePlanColumns). */
export const purchaseColumnKeys = [
  'index',
  'platformCode',
  'nationalCode',
  'genericName',
  'tradeName',
  'form',
  'spec',
  'packUnit',
  'maker',
  'packs',
  'price',
  'amount',
  'note',
] as const;
export type PurchaseColumnKey = (typeof purchaseColumnKeys)[number];
export const purchaseColumnLabels: Record<PurchaseColumnKey, string> = {
  index: '序号',
  platformCode: '平台编码',
  nationalCode: '国家药品代码',
  genericName: '通用名',
  tradeName: '商品名',
  form: '剂型',
  spec: '规格',
  packUnit: '包装单位',
  maker: '生产企业',
  packs: '采购数量',
  price: '单价（元）',
  amount: '金额（元）',
  note: '备注',
};
/** A default, not from the seeds: the order most provincial platforms' 采购计划 templates use. */
export const defaultPurchaseColumns: PurchaseColumnKey[] = [
  'platformCode',
  'genericName',
  'form',
  'spec',
  'packUnit',
  'maker',
  'packs',
  'price',
  'amount',
  'note',
];
export const purchaseColumnsSetting = z
  .array(z.enum(purchaseColumnKeys, { error: '没有这一列' }))
  .min(1, '至少要有一列')
  .refine((a) => new Set(a).size === a.length, '同一列不能出现两次');

/** One drug of the month's purchase plan. */
export const purchaseRow = z.object({
  drugId: z.number(),
  platformCode: z.string(),
  nationalCode: z.string(),
  genericName: z.string(),
  tradeName: z.string(),
  form: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  maker: z.string(),
  essential: z.boolean(),
  /** Packs from approved requisitions, from the center's own line, and both. */
  requestedPacks: z.number(),
  extraPacks: z.number(),
  packs: z.number(),
  priceFen: z.number(),
  amountFen: z.number(),
  clinics: z.number(),
  extraId: z.number().nullable(),
  note: z.string(),
});
export type PurchaseRow = z.infer<typeof purchaseRow>;

export const purchasePlan = z.object({
  month: z.string(),
  rows: z.array(purchaseRow),
  totals: z.object({ drugs: z.number(), packs: z.number(), amountFen: z.number(), clinics: z.number() }),
  /** Requisitions of the month not in the plan: waiting for approval, or drafts. */
  held: z.array(z.string()),
  drafts: z.array(z.string()),
  columns: purchaseColumnsSetting,
});
export type PurchasePlan = z.infer<typeof purchasePlan>;

export const purchaseListQuery = listQuery.extend({ month: isoMonth.optional() });
export const purchaseExportInput = exportViewInput.extend({ month: isoMonth.optional() });

export const purchaseExtraSave = z.object({
  month: isoMonth,
  drugId: idSchema,
  packs,
  note: noteText('备注', 200).default(''),
});
export type PurchaseExtraSave = z.input<typeof purchaseExtraSave>;
export const purchaseColumnsInput = z.object({ columns: purchaseColumnsSetting });
