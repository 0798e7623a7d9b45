/**
 * Schemas of the supervision foundation (issue 11 parts 1–2): templates (考核细则, P6) and
 * responsibility letters (目标责任书, P1). Points cross every boundary as integer tenths
 * (`*Tenths`: 0.5 分 = 5), as migration 10 stores them.
 */
import { z } from 'zod';
import { idSchema, isoDate, isoMonth, noteText, requiredText, text } from './common';

const tenths = z.number().int().min(0).max(100_000);

export const templateItemIn = z.object({
  seq: z.string(),
  content: z.string().min(1),
  maxTenths: tenths,
  isBonus: z.boolean(),
  isVeto: z.boolean(),
  method: z.string(),
  standard: z.string(),
  /** The DOMAIN.md rule the item comes from (default template), '' for a county's own. */
  ruleRef: z.string(),
});
export type TemplateItemIn = z.infer<typeof templateItemIn>;

export const templateGroupIn = z.object({
  seq: z.string(),
  content: z.string().min(1),
  /** The group's points as the sheet states them (merged cell), null when it states none. */
  statedTenths: tenths.nullable(),
  statedBonusTenths: tenths.nullable(),
  isBonus: z.boolean(),
  items: z.array(templateItemIn),
});
export type TemplateGroupIn = z.infer<typeof templateGroupIn>;

const xlsxFile = {
  fileName: requiredText('文件名', 200).regex(/\.xlsx$/i, '只能导入 .xlsx 文件；旧的 .xls 请先在 Excel 或 WPS 中“另存为”.xlsx'),
  base64: z
    .string({ error: '缺少文件内容' })
    .min(1, '文件是空的，请重新选择')
    .max(Math.floor(4.5 * 1024 * 1024), '文件太大：一次最多导入约 3 MB 的 Excel 文件')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码有误（不是 base64），请重新选择文件'),
};

export const templateUpload = z.object({
  ...xlsxFile,
  effectiveFrom: isoMonth,
  name: text('细则名称', 80).default(''),
});
export type TemplateUpload = z.input<typeof templateUpload>;

export const templatePreview = z.object({
  name: z.string(),
  effectiveFrom: z.string(),
  sheetName: z.string(),
  headerRow: z.number(),
  groups: z.array(templateGroupIn),
  items: z.number(),
  baseTenths: z.number(),
  bonusTenths: z.number(),
  bonusCapTenths: z.number(),
  statedTotalTenths: z.number().nullable(),
  warnings: z.array(z.string()),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  notes: z.array(z.string()),
  /** The version the load will create. */
  version: z.number(),
  /** Set after a load: the new template's id. */
  templateId: z.number().nullable(),
});
export type TemplatePreview = z.infer<typeof templatePreview>;

export const templateRow = z.object({
  id: z.number(),
  version: z.number(),
  name: z.string(),
  source: z.string(),
  effectiveFrom: z.string(),
  baseTenths: z.number(),
  bonusCapTenths: z.number(),
  items: z.number(),
  vetoItems: z.number(),
  visits: z.number(),
  inUse: z.boolean(),
  /** In force today (the latest with effective_from ≤ this month). */
  current: z.boolean(),
  loadedAt: z.string(),
  loadedBy: z.string(),
});
export type TemplateRow = z.infer<typeof templateRow>;

export const templateItemRow = templateItemIn.extend({ id: z.number(), position: z.number() });
export const templateGroupRow = templateGroupIn.extend({
  id: z.number(),
  position: z.number(),
  items: z.array(templateItemRow),
  baseTenths: z.number(),
  bonusTenths: z.number(),
});
export const templateDetail = templateRow.extend({ note: z.string(), groups: z.array(templateGroupRow) });
export type TemplateDetail = z.infer<typeof templateDetail>;
export type TemplateGroupRow = z.infer<typeof templateGroupRow>;

export const templateInForceInput = z.object({ month: isoMonth });

// ——— Responsibility letters (P1) ———

export const letterTarget = z.object({
  target: requiredText('目标内容', 200),
  quantity: text('数量或指标', 40).default(''),
  unit: text('单位', 20).default(''),
  note: text('备注', 100).default(''),
});
export type LetterTarget = z.input<typeof letterTarget>;

export const lettersYearInput = z.object({ year: z.number({ error: '请选择年度' }).int().min(2000).max(2100) });

export const letterRow = z.object({
  clinicId: z.number(),
  clinicName: z.string(),
  clinicCode: z.string(),
  headName: z.string(),
  year: z.number(),
  letterId: z.number().nullable(),
  targets: z.number(),
  signedOn: z.string().nullable(),
  centerSigner: z.string(),
  clinicSigner: z.string(),
  status: z.enum(['none', 'unsigned', 'signed']),
});
export type LetterRow = z.infer<typeof letterRow>;

export const letterDetail = letterRow.extend({
  note: z.string(),
  targetRows: z.array(letterTarget.extend({ quantity: z.string(), unit: z.string(), note: z.string() })),
  centerName: z.string(),
  directorName: z.string(),
  /** For the letter's assessment clause (P3, P6, P7): the pass line, and the template in force in January of the year. */
  passLine: z.number(),
  templateName: z.string(),
  baseTenths: z.number().nullable(),
  bonusCapTenths: z.number(),
});
export type LetterDetail = z.infer<typeof letterDetail>;

export const letterGetInput = z.object({ clinicId: idSchema, year: lettersYearInput.shape.year });

export const letterSave = letterGetInput.extend({
  targets: z.array(letterTarget).min(1, '至少要有一项目标').max(60, '目标最多 60 项'),
  note: noteText('备注', 500).default(''),
});
export type LetterSave = z.input<typeof letterSave>;

export const letterSign = letterGetInput
  .extend({
    signedOn: isoDate,
    centerSigner: requiredText('甲方签字人', 40),
    clinicSigner: requiredText('乙方签字人', 40),
  })
  .refine((v) => v.signedOn.slice(0, 4) <= String(v.year), { message: '签订日期不能晚于责任书年度', path: ['signedOn'] });
export type LetterSign = z.input<typeof letterSign>;

export const lettersCreateAll = lettersYearInput;
export const lettersCreated = z.object({ created: z.number() });
