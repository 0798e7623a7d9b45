/**
 * Stocktakes (盘点, rule A3): a list of what the ledger says a clinic (or the whole township)
 * holds, each item marked found, missing or damaged, surplus items added; closing locks it and
 * yields the discrepancy list (盘盈盘亏表).
 */
import { z } from 'zod';
import { assetCategories } from '../rules/assetCategories';
import { count, idSchema, isoDate, noteText, requiredText, text } from './common';

export const stocktakeScopes = ['all', 'clinic', 'center'] as const;
export const stocktakeScopeLabels: Record<(typeof stocktakeScopes)[number], string> = {
  all: '全乡镇',
  clinic: '单个卫生室',
  center: '卫生院本部',
};

export const itemResults = ['pending', 'found', 'missing', 'damaged', 'surplus'] as const;
export type ItemResult = (typeof itemResults)[number];
export const itemResultLabels: Record<ItemResult, string> = {
  pending: '未盘点',
  found: '账实相符',
  missing: '盘亏（未找到）',
  damaged: '毁损',
  surplus: '盘盈',
};
const markableResults = ['pending', 'found', 'missing', 'damaged'] as const;

export const stocktakeStatusLabels: Record<'open' | 'closed', string> = { open: '盘点中', closed: '已结束' };

export const stocktakeCreate = z
  .object({
    title: requiredText('盘点名称', 60),
    scope: z.enum(stocktakeScopes, { error: '请选择盘点范围' }),
    clinicId: idSchema.nullable().default(null),
    startedOn: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.scope === 'clinic' && v.clinicId === null) ctx.addIssue({ code: 'custom', path: ['clinicId'], message: '请选择要盘点的卫生室' });
  });

/** Mark one item: by its id, or by the asset code a scanner typed. */
export const stocktakeMark = z
  .object({
    stocktakeId: idSchema,
    itemId: idSchema.optional(),
    code: text('资产编号', 60).optional(),
    result: z.enum(markableResults, { error: '请选择盘点结果' }),
    note: text('说明', 200).default(''),
  })
  .strict()
  .refine((v) => v.itemId !== undefined || (v.code ?? '') !== '', { message: '请扫描或输入资产编号', path: ['code'] });

export const stocktakeMarkRest = z.object({ stocktakeId: idSchema, result: z.enum(['found', 'missing']) }).strict();

export const stocktakeSurplus = z
  .object({
    stocktakeId: idSchema,
    name: requiredText('资产名称', 60),
    category: z.enum(assetCategories, { error: '请选择资产类别' }),
    model: text('规格型号', 60).default(''),
    quantity: count('数量', 1_000_000).min(1, '数量至少为 1').default(1),
    unit: text('计量单位', 10).default('台'),
    valueFen: z.number({ error: '估价必须是数字' }).int('估价必须以分为单位').min(0, '估价不能为负数').max(1e13, '估价过大'),
    clinicId: idSchema.nullable().default(null),
    note: noteText('说明', 200).default(''),
  })
  .strict();

export const stocktakeClose = z.object({ id: idSchema, closedOn: isoDate }).strict();

const stocktakeItem = z.object({
  id: z.number(),
  assetId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  model: z.string(),
  holderName: z.string(),
  valueFen: z.number(),
  bookValueFen: z.number(),
  result: z.enum(itemResults),
  note: z.string(),
  checkedAt: z.string().nullable(),
  checkedBy: z.string(),
});
export type StocktakeItem = z.infer<typeof stocktakeItem>;

export const stocktakeRow = z.object({
  id: z.number(),
  title: z.string(),
  scope: z.enum(stocktakeScopes),
  clinicName: z.string(),
  startedOn: z.string(),
  closedOn: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  counts: z.object({
    total: z.number(),
    pending: z.number(),
    found: z.number(),
    missing: z.number(),
    damaged: z.number(),
    surplus: z.number(),
  }),
});
export type StocktakeRow = z.infer<typeof stocktakeRow>;

export const stocktakeDetail = stocktakeRow.extend({ items: z.array(stocktakeItem) });
export type StocktakeDetail = z.infer<typeof stocktakeDetail>;

export const markResult = z.object({ item: stocktakeItem, stocktake: stocktakeRow });
