/**
 * The import wizard's two operations, 'import.preview' and 'import.commit': the workbook
 * travels as base64 inside the JSON body, and the preview comes back as the import framework
 * plans it (electron/excel/import/types.ts ImportPreview, without the parsed values).
 */
import { z } from 'zod';
import { isoMonth } from './common';
import { cleanString } from './text';

export const importKindNames = [
  'villages',
  'clinics',
  'roster',
  'assets',
  'drugs',
  'receipts',
  'consumption',
  'requisitions',
  'scores',
] as const;
export type ImportKindName = (typeof importKindNames)[number];
export const importKindLabels: Record<ImportKindName, string> = {
  villages: '行政村',
  clinics: '村卫生室',
  roster: '人员花名册',
  assets: '固定资产台账',
  drugs: '药品目录（省平台导出）',
  receipts: '采购入库（随货同行单）',
  consumption: '村卫生室药品使用（月报）',
  requisitions: '药品请领单（村卫生室月度需求）',
  scores: '督导评分（月度督导考核表）',
};

/**
 * Kinds that cannot be read without being told something the sheet does not say: the month a
 * requisition or a month's use belongs to. The import page asks for it; the command line takes
 * `--month YYYY-MM`; the core refuses the import without it (electron/app/importKinds.ts).
 */
export type ImportOptionName = 'month';
export const importKindOptions: Partial<Record<ImportKindName, readonly ImportOptionName[]>> = {
  consumption: ['month'],
  requisitions: ['month'],
};
export const importOptionLabels: Record<ImportOptionName, string> = { month: '月份' };

/** The browser-mode server refuses bodies over 4 MB (electron/web.ts), base64 included. */
export const MAX_BODY_MB = 4;
/** base64 makes a file a third larger: 4.5 MB of it is about a 3.3 MB workbook. */
export const MAX_IMPORT_BASE64 = Math.floor(4.5 * 1024 * 1024);
/** What the wizard lets through so the whole request stays under the server's 4 MB. */
export const MAX_UPLOAD_FILE_BYTES = 3_000_000;

export const importUpload = z.object({
  kind: z.enum(importKindNames, { error: '请选择导入的类别：行政村、村卫生室、人员花名册、固定资产台账或药品目录' }),
  fileName: cleanString('文件名')
    .min(1, '缺少文件名')
    .max(200, '文件名不能超过 200 个字')
    .regex(/\.xlsx$/i, '只能导入 .xlsx 文件；旧的 .xls 请先在 Excel 或 WPS 中“另存为”.xlsx'),
  base64: z
    .string({ error: '缺少文件内容' })
    .min(1, '文件是空的，请重新选择')
    .max(
      MAX_IMPORT_BASE64,
      `文件太大：一次最多导入约 3 MB 的 Excel 文件（浏览器模式下整个请求不能超过 ${MAX_BODY_MB} MB）。请只保留要导入的工作表，或分批导入`,
    )
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码有误（不是 base64），请重新选择文件'),
  /** For kinds that need it (importKindOptions): the month the rows belong to. */
  month: isoMonth.optional(),
});
export type ImportUpload = z.input<typeof importUpload>;

/** `notes`: how cells not written as expected were read (“聘用形式”：“乡聘村用（编外）”理解为 …). */
const plannedRow = z.object({
  row: z.number().int(),
  label: z.string(),
  changes: z.array(z.string()),
  notes: z.array(z.string()).optional(),
});
const column = z.object({ column: z.string(), header: z.string() });

export const importPreviewOutput = z.object({
  kind: z.enum(importKindNames),
  title: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: z.number().int(),
  /** `note`: why a header was read as this field when it does not name it outright, or what else it could be (`alternatives`). */
  columns: z.array(
    column.extend({ field: z.string(), label: z.string(), alternatives: z.array(z.string()).optional(), note: z.string().optional() }),
  ),
  unknownColumns: z.array(column),
  create: z.array(plannedRow),
  update: z.array(plannedRow),
  unchanged: z.array(plannedRow),
  errors: z.array(z.object({ row: z.number().int(), columns: z.array(z.string()), message: z.string() })),
  skippedRows: z.number().int(),
  notices: z.array(z.string()),
});
export type ImportPreviewOutput = z.infer<typeof importPreviewOutput>;

export const importCommitOutput = z.object({
  kind: z.enum(importKindNames),
  title: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportCommitOutput = z.infer<typeof importCommitOutput>;
