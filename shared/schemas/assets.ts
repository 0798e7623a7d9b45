/**
 * Fixed assets (rules A1–A4): the card, its append-only movements, and stocktakes. Money is
 * integer 分 everywhere; the forms convert 元 on entry.
 */
import { z } from 'zod';
import { assetCategories } from '../rules/assetCategories';
import { count, idSchema, isoDate, noteText, requiredText, text } from './common';

export const assetFundings = ['fiscal', 'self', 'donation', 'allocated', 'surplus', 'other'] as const;
export const fundingLabels: Record<(typeof assetFundings)[number], string> = {
  fiscal: '财政拨款',
  self: '自筹',
  donation: '捐赠',
  allocated: '上级调拨',
  surplus: '盘盈',
  other: '其他',
};

export const assetStatuses = ['in_use', 'idle', 'repair', 'lost', 'disposed', 'void'] as const;
export type AssetStatus = (typeof assetStatuses)[number];
export const assetStatusLabels: Record<AssetStatus, string> = {
  in_use: '在用',
  idle: '闲置',
  repair: '维修中',
  lost: '丢失待处理',
  disposed: '已处置',
  void: '已作废',
};
/** What a status movement may set; disposal and voiding have movements of their own. */
export const settableStatuses = ['in_use', 'idle', 'repair', 'lost'] as const;

export const disposalMethods = ['scrap', 'loss', 'transfer_out', 'donate', 'sell'] as const;
export const disposalLabels: Record<(typeof disposalMethods)[number], string> = {
  scrap: '报废',
  loss: '报损',
  transfer_out: '调出',
  donate: '对外捐赠',
  sell: '出售',
};

export const valueChangeMethods = ['improvement', 'revaluation', 'correction'] as const;
export const valueChangeLabels: Record<(typeof valueChangeMethods)[number], string> = {
  improvement: '改良扩建',
  revaluation: '重新估价',
  correction: '价值调整',
};

const movementKinds = ['acquire', 'transfer', 'value_change', 'status', 'dispose', 'reversal'] as const;
type MovementKind = (typeof movementKinds)[number];
export const movementKindLabels: Record<MovementKind, string> = {
  acquire: '入账',
  transfer: '调拨',
  value_change: '原值变动',
  status: '状态变更',
  dispose: '处置',
  reversal: '冲销更正',
};

/** The center itself holds assets too; `null` as a holder means 卫生院本部. */
export const CENTER_HOLDER = '卫生院本部';

const holderId = idSchema.nullable();
const fen = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须以分为单位的整数`)
    .min(0, `${label}不能为负数`)
    .max(1e13, `${label}过大`);
const optionalDate = z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDate.nullable());

export const assetLabels = {
  name: '资产名称',
  category: '资产类别',
  model: '规格型号',
  quantity: '数量',
  unit: '计量单位',
  valueFen: '原值',
  funding: '资金来源',
  acquiredOn: '购置日期',
  inServiceOn: '入账（启用）日期',
  lifeMonths: '使用年限',
  holderClinicId: '所在单位',
  custodianId: '保管人',
  location: '存放地点',
  note: '备注',
} as const;

const cardFields = {
  name: requiredText(assetLabels.name, 60),
  category: z.enum(assetCategories, { error: '请选择资产类别' }),
  model: text(assetLabels.model, 60).default(''),
  quantity: count(assetLabels.quantity, 1_000_000).min(1, '数量至少为 1').default(1),
  unit: text(assetLabels.unit, 10).default('台'),
  funding: z.enum(assetFundings, { error: '请选择资金来源' }),
  acquiredOn: isoDate,
  custodianId: idSchema.nullable().default(null),
  location: text(assetLabels.location, 60).default(''),
  note: noteText(assetLabels.note, 200).default(''),
};

export const assetInput = z
  .object({
    ...cardFields,
    valueFen: fen(assetLabels.valueFen),
    inServiceOn: optionalDate.default(null),
    /** Empty: the category's default life (A4). */
    lifeMonths: count(assetLabels.lifeMonths, 1200).nullable().default(null),
    holderClinicId: holderId.default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.inServiceOn && v.inServiceOn < v.acquiredOn)
      ctx.addIssue({ code: 'custom', path: ['inServiceOn'], message: '入账（启用）日期不能早于购置日期' });
  });
export type AssetInput = z.output<typeof assetInput>;

/** Card fields a clerk may edit; value, holder, dates and status change only by movements. */
export const assetCardInput = z.object(cardFields).strict();
export const assetUpdate = z.object({ id: idSchema, values: assetCardInput }).strict();

const movementBase = { assetId: idSchema, date: isoDate, reason: noteText('事由', 200).default('') };

export const movementInput = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('transfer'),
        ...movementBase,
        reason: requiredText('调拨事由', 200, { multiline: true }),
        toClinicId: holderId,
        sentBy: requiredText('调出方签收人', 30),
        receivedBy: requiredText('调入方签收人', 30),
        custodianId: idSchema.nullable().default(null),
      })
      .strict(),
    z
      .object({
        kind: z.literal('value_change'),
        ...movementBase,
        reason: requiredText('变动事由', 200, { multiline: true }),
        method: z.enum(valueChangeMethods, { error: '请选择变动方式' }),
        deltaFen: z
          .number({ error: '变动金额必须是数字' })
          .int('变动金额必须以分为单位')
          .refine((n) => n !== 0, '变动金额不能为 0')
          .refine((n) => Math.abs(n) <= 1e13, '变动金额过大'),
        /** Months of life left from this month on; empty keeps the life in force. */
        remainingMonths: count('剩余使用月数', 1200).nullable().default(null),
        approvalNo: text('批准文号', 60).default(''),
      })
      .strict(),
    z
      .object({
        kind: z.literal('status'),
        ...movementBase,
        status: z.enum(settableStatuses, { error: '请选择新的状态' }),
      })
      .strict(),
    z
      .object({
        kind: z.literal('dispose'),
        ...movementBase,
        method: z.enum(disposalMethods, { error: '请选择处置方式' }),
        approvalNo: requiredText('批准文号', 60),
        approvalDate: isoDate,
        proceedsFen: fen('处置收入').default(0),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.approvalDate > v.date)
          ctx.addIssue({ code: 'custom', path: ['approvalDate'], message: '批准日期不能晚于处置日期：先批准，后处置' });
      }),
  ],
  { error: '请选择变动类型' },
);
export type MovementInput = z.output<typeof movementInput>;

export const reverseInput = z
  .object({ assetId: idSchema, movementId: idSchema, reason: requiredText('冲销原因', 200, { multiline: true }) })
  .strict();

/** --- outputs --- */

export const assetRow = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  topClass: z.string(),
  model: z.string(),
  quantity: z.number(),
  unit: z.string(),
  funding: z.string(),
  acquiredOn: z.string(),
  inServiceOn: z.string(),
  lifeMonths: z.number(),
  holderClinicId: z.number().nullable(),
  holderName: z.string(),
  custodianName: z.string(),
  location: z.string(),
  status: z.string(),
  valueFen: z.number(),
  accumulatedFen: z.number(),
  bookValueFen: z.number(),
  monthlyFen: z.number(),
  disposedOn: z.string().nullable(),
  lastStocktakeOn: z.string().nullable(),
});
export type AssetRow = z.infer<typeof assetRow>;

const movementRow = z.object({
  id: z.number(),
  kind: z.enum(movementKinds),
  date: z.string(),
  summary: z.string(),
  fromName: z.string(),
  toName: z.string(),
  deltaFen: z.number(),
  method: z.string(),
  status: z.string(),
  approvalNo: z.string(),
  approvalDate: z.string().nullable(),
  reason: z.string(),
  sentBy: z.string(),
  receivedBy: z.string(),
  reversesId: z.number().nullable(),
  reversedById: z.number().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type MovementRow = z.infer<typeof movementRow>;

export const assetDetail = assetRow.extend({
  custodianId: z.number().nullable(),
  note: z.string(),
  movements: z.array(movementRow),
  /** The movement a correction would reverse now (the latest in effect), if any. */
  reversibleId: z.number().nullable(),
});
export type AssetDetail = z.infer<typeof assetDetail>;
