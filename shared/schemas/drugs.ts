/**
 * Drugs, part 1: the catalog from the provincial platform, its dated price history, and the
 * essential list's editions with each drug's status per edition (D8, D9).
 */
import { z } from 'zod';
import { exportViewInput, idSchema, isoDate, listQuery, requiredText, text } from './common';

/** A drug as the platform export (or a form) gives it; prices in 分 per pack. */
export const drugInput = z.object({
  platformCode: requiredText('平台编码', 60),
  nationalCode: text('国家药品代码', 60).default(''),
  genericName: requiredText('通用名', 100),
  tradeName: text('商品名', 100).default(''),
  form: text('剂型', 40).default(''),
  spec: text('规格', 100).default(''),
  packUnit: text('包装单位', 20).default(''),
  maker: text('生产企业', 100).default(''),
  priceFen: z.number({ error: '挂网价必须是金额' }).int().min(0, '挂网价不能为负数').max(1e11, '挂网价过大'),
  /** The platform's essential mark as read: 'yes', 'no', '' when the export has none. */
  platformMark: z.enum(['', 'yes', 'no']).default(''),
  vbpBatch: text('集采批次', 60).default(''),
  insuranceClass: text('医保类别', 20).default(''),
});
export type DrugInput = z.input<typeof drugInput>;
export type DrugValues = z.output<typeof drugInput>;

/**
 * The status a list shows for a date: from the edition in force then (essential, not_essential,
 * doubtful), or — with no edition in force — the platform's mark (platform_yes, platform_no) or
 * nothing known.
 */
export const essentialOnDate = z.enum(['essential', 'not_essential', 'doubtful', 'platform_yes', 'platform_no', 'unknown']);
export type EssentialOnDate = z.infer<typeof essentialOnDate>;
export const essentialOnDateLabels: Record<EssentialOnDate, string> = {
  essential: '基药',
  not_essential: '非基药',
  doubtful: '待核定',
  platform_yes: '基药（平台标记）',
  platform_no: '非基药（平台标记）',
  unknown: '未标记',
};

export const essentialHowLabels: Record<string, string> = {
  name: '通用名与目录相同',
  name_form: '通用名为目录品种名加所列剂型',
  form: '剂型不在目录所列剂型内',
  salt: '名称多了酸根或盐基',
  platform: '仅平台标记为基药',
  none: '目录中没有此品种',
  manual: '人工核定',
};

export const platformMarkLabels: Record<string, string> = { yes: '基药', no: '非基药', '': '' };

export const drugRow = z.object({
  id: z.number(),
  platformCode: z.string(),
  nationalCode: z.string(),
  genericName: z.string(),
  tradeName: z.string(),
  form: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  maker: z.string(),
  priceFen: z.number(),
  platformMark: z.string(),
  vbpBatch: z.string(),
  insuranceClass: z.string(),
  essential: essentialOnDate,
  /** The edition the status comes from, '' when none is in force on the date. */
  editionName: z.string(),
});
export type DrugRow = z.infer<typeof drugRow>;

/** The catalog is shown as of a day (today when absent): the essential status in force then. */
export const drugListQuery = listQuery.extend({ asOf: isoDate.optional() });
export const drugExportInput = exportViewInput.extend({ asOf: isoDate.optional() });

export const drugPrice = z.object({ effectiveOn: z.string(), priceFen: z.number(), source: z.string(), recordedAt: z.string() });

export const drugEditionStatus = z.object({
  listId: z.number(),
  editionName: z.string(),
  effectiveOn: z.string(),
  status: z.enum(['essential', 'not_essential', 'doubtful']),
  how: z.string(),
  entry: z.string(),
  note: z.string(),
  decidedBy: z.string(),
});

export const drugDetail = z.object({
  drug: drugRow,
  prices: z.array(drugPrice),
  editions: z.array(drugEditionStatus),
});
export type DrugDetail = z.infer<typeof drugDetail>;

export const drugGetInput = z.object({ id: idSchema, asOf: isoDate.optional() });

export const editionRow = z.object({
  id: z.number(),
  name: z.string(),
  effectiveOn: z.string(),
  source: z.string(),
  loadedAt: z.string(),
  entries: z.number(),
  essential: z.number(),
  doubtful: z.number(),
  notEssential: z.number(),
});
export type EditionRow = z.infer<typeof editionRow>;

/** A drug whose status in an edition is doubtful, for the clerk to settle. */
export const settleRow = z.object({
  drugId: z.number(),
  listId: z.number(),
  editionName: z.string(),
  platformCode: z.string(),
  genericName: z.string(),
  form: z.string(),
  spec: z.string(),
  maker: z.string(),
  how: z.string(),
  note: z.string(),
});
export type SettleRow = z.infer<typeof settleRow>;

export const settleListInput = z.object({ listId: idSchema.optional() });

export const settleInput = z.object({
  drugId: idSchema,
  listId: idSchema,
  essential: z.boolean({ error: '请选择是否为基药' }),
  note: requiredText('核定说明', 200),
});
export type SettleInput = z.input<typeof settleInput>;

/** An edition of the essential list, uploaded from the import page or the catalog's 基药目录 tab. */
export const essentialListUpload = z.object({
  fileName: requiredText('文件名', 200).regex(/\.xlsx$/i, '只能导入 .xlsx 文件；旧的 .xls 请先在 Excel 或 WPS 中“另存为”.xlsx'),
  base64: z
    .string({ error: '缺少文件内容' })
    .min(1, '文件是空的，请重新选择')
    .max(Math.floor(4.5 * 1024 * 1024), '文件太大：一次最多导入约 3 MB 的 Excel 文件')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码有误（不是 base64），请重新选择文件'),
  effectiveOn: isoDate,
  name: text('目录名称', 60).default(''),
});
export type EssentialListUpload = z.input<typeof essentialListUpload>;

export const essentialListPreview = z.object({
  name: z.string(),
  effectiveOn: z.string(),
  sheetName: z.string(),
  headerRow: z.number(),
  entries: z.number(),
  sections: z.array(z.string()),
  /** The edition on file with the same effective date, which loading replaces. */
  replaces: z.string().nullable(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  essential: z.number(),
  notEssential: z.number(),
  doubtful: z.array(z.object({ label: z.string(), note: z.string() })),
  notices: z.array(z.string()),
});
export type EssentialListPreview = z.infer<typeof essentialListPreview>;
