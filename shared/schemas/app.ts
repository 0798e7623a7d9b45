import { z } from 'zod';
import { adminAccountFields, samePasswordTwice, signedInUser } from './accounts';
import { idSchema, isoDate, isoMonth, isoQuarter, requiredText } from './common';
import { isoHalf } from './recheck';

export const appInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  isDemo: z.boolean(),
  firstRun: z.boolean(),
  centerName: z.string(),
  county: z.string(),
  shell: z.enum(['electron', 'browser']),
  /** Who is signed in; null: the sign-in page (or first run, or creating the administrator). */
  user: signedInUser.nullable(),
  /** A named center without any account (a database from before accounts, or `cli init`): create the administrator first. */
  needsAdmin: z.boolean(),
  /** Why the last session ended by itself (idle time, account disabled), for the sign-in page; '' otherwise. */
  signedOutReason: z.string(),
  /** The open file failed its integrity check (saves are refused); '' while sound or not yet checked. */
  integrityError: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

/** The center itself: what `cli init` asks for. */
export const centerInput = z.object({
  centerName: requiredText('卫生院名称', 60),
  county: requiredText('所属县（区）', 60),
});

/** The first-run page: the center, and its administrator's account (password twice, at least 8). */
export const firstRunInput = centerInput.extend(adminAccountFields).strict().superRefine(samePasswordTwice);

export const dashboard = z.object({
  villageCount: z.number(),
  clinicCount: z.number(),
  closedClinicCount: z.number(),
  servicePopulation: z.number(),
  requiredDoctors: z.number(),
  byCoverage: z.record(z.string(), z.number()),
  blankVillages: z.array(z.object({ id: z.number(), name: z.string(), servicePopulation: z.number() })),
  clinicsWithoutVillage: z.array(z.object({ id: z.number(), name: z.string(), code: z.string() })),
  villagesNeedingClinic: z.array(z.object({ id: z.number(), name: z.string(), servicePopulation: z.number() })),
});
export type Dashboard = z.infer<typeof dashboard>;

export const auditRow = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  /** The account that did it; null for rows from before accounts, the command line and the demo seeding. */
  actorLogin: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  summary: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const returnNames = [
  'clinic-roster',
  'roster',
  'staffing',
  'asset-ledger',
  'asset-changes',
  'stocktake-discrepancies',
  'shortages',
  'purchase-plan',
  'essential-share',
  'stock',
  'batches',
  'expiry',
  'disposals',
  'vbp-supply',
  // Supervision (issue 11): the quarter's results (P6) and the pool shared by score (P7).
  'quarter',
  'allocation',
  'findings',
  // P4: one clinic's half-year pack for the county's re-check (its own page, 县级复核).
  'recheck',
] as const;
export type ReturnName = (typeof returnNames)[number];

/**
 * What a return can be asked for beyond today's figures: a day (统计日期), a period (开始、结束
 * 日期), one clinic or the center itself (else the whole township), a stocktake, a month
 * (a 进销存, a purchase plan), a quarter (the assessment).
 */
const returnParamKinds = ['asOf', 'period', 'clinic', 'stocktake', 'month', 'quarter', 'pool', 'half'] as const;
export type ReturnParamKind = (typeof returnParamKinds)[number];
export const returnParams: Record<ReturnName, readonly ReturnParamKind[]> = {
  'clinic-roster': [],
  roster: ['asOf'],
  staffing: ['asOf'],
  'asset-ledger': ['asOf', 'clinic'],
  'asset-changes': ['period', 'clinic'],
  'stocktake-discrepancies': ['stocktake'],
  shortages: ['month'],
  'purchase-plan': ['month'],
  'essential-share': ['month'],
  stock: ['month', 'clinic'],
  batches: ['asOf', 'clinic'],
  expiry: ['asOf', 'clinic'],
  disposals: [],
  'vbp-supply': ['month'],
  quarter: ['quarter'],
  // P7: a pool typed in 元 (and optionally its fund name), shared by the quarter's scores.
  allocation: ['quarter', 'pool'],
  findings: ['quarter'],
  // P4: a half-year and one clinic (the clinic is required here: the pack is per clinic).
  recheck: ['half', 'clinic'],
};

export const returnInfo = z.object({
  name: z.enum(returnNames),
  title: z.string(),
  description: z.string(),
  params: z.array(z.enum(returnParamKinds)),
});

const paramFields = {
  asOf: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** A clinic's id, or null for 卫生院本部; absent: the whole township. */
  clinicId: idSchema.nullable().optional(),
  stocktakeId: idSchema.optional(),
  month: isoMonth.optional(),
  quarter: isoQuarter.optional(),
  /** P7: the pool in 元 as typed (two decimals at most) and the fund's name (checked against M3). */
  poolYuan: z
    .string()
    .trim()
    .regex(/^\d{1,10}(\.\d{1,2})?$/, '资金总额应为元，最多两位小数，如 50000')
    .optional(),
  fundName: z.string().trim().max(60).optional(),
  /** P4: the county's re-check half-year, 2026H2. */
  half: isoHalf.optional(),
};
export type ReturnParamValues = { [K in keyof typeof paramFields]?: z.output<(typeof paramFields)[K]> };

/** Each return's parameters checked: the ones it needs are there, the ones it ignores are not. */
export function returnParamProblems(name: ReturnName, v: ReturnParamValues): { path: keyof ReturnParamValues; message: string }[] {
  const wants = returnParams[name];
  const out: { path: keyof ReturnParamValues; message: string }[] = [];
  if (!wants.includes('asOf') && v.asOf !== undefined) out.push({ path: 'asOf', message: '这张报表反映当前登记的情况，不能指定统计日期' });
  if (wants.includes('period')) {
    if (v.from === undefined) out.push({ path: 'from', message: '请选择统计期间的开始日期' });
    if (v.to === undefined) out.push({ path: 'to', message: '请选择统计期间的结束日期' });
    if (v.from !== undefined && v.to !== undefined && v.from > v.to)
      out.push({ path: 'to', message: `统计期间的结束日期 ${v.to} 早于开始日期 ${v.from}` });
  } else if (v.from !== undefined || v.to !== undefined)
    out.push({ path: v.from !== undefined ? 'from' : 'to', message: '这张报表不按期间统计，不能指定开始、结束日期' });
  if (!wants.includes('clinic') && v.clinicId !== undefined) out.push({ path: 'clinicId', message: '这张报表不分卫生室，不能指定卫生室' });
  if (wants.includes('stocktake') && v.stocktakeId === undefined) out.push({ path: 'stocktakeId', message: '请选择要出表的盘点' });
  if (!wants.includes('stocktake') && v.stocktakeId !== undefined)
    out.push({ path: 'stocktakeId', message: '这张报表与盘点无关，不能指定盘点' });
  if (wants.includes('month') && v.month === undefined) out.push({ path: 'month', message: '请选择统计月份' });
  if (!wants.includes('month') && v.month !== undefined) out.push({ path: 'month', message: '这张报表不按月份统计，不能指定月份' });
  if (wants.includes('quarter') && v.quarter === undefined) out.push({ path: 'quarter', message: '请选择季度' });
  if (!wants.includes('quarter') && v.quarter !== undefined) out.push({ path: 'quarter', message: '这张报表不按季度统计，不能指定季度' });
  if (wants.includes('pool') && v.poolYuan === undefined) out.push({ path: 'poolYuan', message: '请填写要分配的资金总额（元）' });
  if (!wants.includes('pool') && (v.poolYuan !== undefined || v.fundName !== undefined))
    out.push({ path: 'poolYuan', message: '这张报表不分配资金，不能指定资金总额' });
  if (wants.includes('half') && v.half === undefined) out.push({ path: 'half', message: '请选择半年（如 2026H2）' });
  // null (卫生院本部) is refused by the pack itself: the center has no visits (the command line checks here with a placeholder).
  if (wants.includes('half') && v.clinicId === undefined) out.push({ path: 'clinicId', message: '复核材料按村卫生室出，请选择村卫生室' });
  if (!wants.includes('half') && v.half !== undefined) out.push({ path: 'half', message: '这张报表不按半年统计，不能指定半年' });
  return out;
}

export const returnExportInput = z
  .object({ name: z.enum(returnNames, { error: '没有这张报表' }), ...paramFields })
  .strict()
  .superRefine((v, ctx) => {
    for (const p of returnParamProblems(v.name, v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });

export const backupInfo = z.object({ file: z.string(), at: z.string(), sizeBytes: z.number(), reason: z.string() });
