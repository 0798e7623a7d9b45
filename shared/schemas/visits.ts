/**
 * Monthly visits (P2, P8), quarter results (P6, P5) and money by score (P7, M2, M3): what
 * crosses the boundary. Points are integer tenths (`*Tenths`: 7.5 分 is 75), money is 分.
 */
import { z } from 'zod';
import { idSchema, isoDate, isoMonth, isoQuarter, noteText, text } from './common';

const tenths = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}最多保留一位小数`)
    .min(0, `${label}不能小于 0`)
    .max(100_000, `${label}过大`);

export const visitMonthInput = z.object({ month: isoMonth }).strict();

export const visitStatus = z.enum(['none', 'draft', 'final']);
export type VisitStatus = z.infer<typeof visitStatus>;
export const visitStatusLabels: Record<VisitStatus, string> = { none: '未督导', draft: '草稿', final: '已完成' };

export const visitMonthRow = z.object({
  clinicId: z.number(),
  clinicCode: z.string(),
  clinicName: z.string(),
  visitId: z.number().nullable(),
  status: visitStatus,
  visitedOn: z.string().nullable(),
  supervisors: z.string(),
  totalTenths: z.number().nullable(),
  vetoed: z.boolean(),
  findings: z.number(),
  /** P4: how many fields of this visit were corrected after its quarter was locked (0: none). */
  corrections: z.number(),
});
export type VisitMonthRow = z.infer<typeof visitMonthRow>;

export const visitFormInput = z.object({ clinicId: idSchema, month: isoMonth }).strict();

export const templateItem = z.object({
  id: z.number(),
  groupName: z.string(),
  seq: z.string(),
  content: z.string(),
  maxTenths: z.number(),
  isBonus: z.boolean(),
  isVeto: z.boolean(),
  method: z.string(),
  standard: z.string(),
});
export type TemplateItem = z.infer<typeof templateItem>;

export const scoreValue = z.object({
  itemId: idSchema,
  scoreTenths: tenths('得分').nullable(),
  vetoed: z.boolean(),
  note: text('扣分说明', 200),
});
export type ScoreValue = z.infer<typeof scoreValue>;

export const findingStatus = z.enum(['open', 'rectified', 'not_rectified']);
export const findingStatusLabels: Record<z.infer<typeof findingStatus>, string> = {
  open: '待整改',
  rectified: '已整改',
  not_rectified: '未整改',
};

export const findingRow = z.object({
  id: z.number(),
  visitId: z.number(),
  month: z.string(),
  itemId: z.number().nullable(),
  text: z.string(),
  owner: z.string(),
  dueOn: z.string().nullable(),
  status: findingStatus,
  rectifiedOn: z.string().nullable(),
  recheckResult: z.string(),
  recheckMonth: z.string().nullable(),
});
export type FindingRow = z.infer<typeof findingRow>;

export const visitRecord = z.object({
  id: z.number(),
  month: z.string(),
  visitedOn: z.string(),
  supervisors: z.string(),
  clinicSigner: z.string(),
  status: z.enum(['draft', 'final']),
  note: z.string(),
  totalTenths: z.number(),
  baseTenths: z.number(),
  bonusTenths: z.number(),
  vetoed: z.boolean(),
  scores: z.array(scoreValue),
  findings: z.array(findingRow),
});
export type VisitRecord = z.infer<typeof visitRecord>;

export const visitForm = z.object({
  clinic: z.object({ id: z.number(), name: z.string(), code: z.string(), headName: z.string() }),
  month: z.string(),
  template: z.object({ id: z.number(), name: z.string(), version: z.number(), baseTotalTenths: z.number(), bonusCapTenths: z.number() }),
  items: z.array(templateItem),
  visit: visitRecord.nullable(),
  previous: visitRecord.nullable(),
  /** Findings of earlier visits still open: the clerk marks them 已整改 / 未整改 at this visit (P8). */
  openFindings: z.array(findingRow),
  /** The quarter of the month is locked (P4): the form is read-only. */
  locked: z.boolean(),
});
export type VisitForm = z.infer<typeof visitForm>;

export const findingInput = z.object({
  /** An existing finding of this visit being edited; absent for a new one. */
  id: idSchema.optional(),
  itemId: idSchema.nullable(),
  text: text('发现问题', 500).refine((s) => s !== '', '请填写发现的问题'),
  owner: text('整改责任人', 30),
  dueOn: isoDate.nullable(),
});

export const recheckInput = z.object({
  findingId: idSchema,
  result: z.enum(['rectified', 'not_rectified']),
  note: text('复查情况', 200),
});

export const visitSaveInput = z
  .object({
    clinicId: idSchema,
    month: isoMonth,
    visitedOn: isoDate,
    supervisors: text('督导人', 60),
    clinicSigner: text('村卫生室负责人', 30),
    note: noteText('备注', 1000),
    /** false: kept as 草稿 (counted nowhere); true: 已完成, counted in the quarter. */
    final: z.boolean(),
    scores: z.array(scoreValue).max(500),
    findings: z.array(findingInput).max(100),
    rechecks: z.array(recheckInput).max(200),
  })
  .strict();
export type VisitSaveInput = z.input<typeof visitSaveInput>;

export const quarterInput = z.object({ quarter: isoQuarter }).strict();
export const quarterLockInput = z.object({ quarter: isoQuarter, note: text('锁定说明', 200) }).strict();

export const quarterMonthCell = z.object({ month: z.string(), totalTenths: z.number().nullable(), vetoed: z.boolean() });

export const quarterRow = z.object({
  clinicId: z.number(),
  clinicCode: z.string(),
  clinicName: z.string(),
  months: z.array(quarterMonthCell),
  scoreTenths: z.number().nullable(),
  grade: z.string().nullable(),
  passed: z.boolean().nullable(),
  unsupervisedMonths: z.array(z.string()),
  servicePopulation: z.number(),
  doctors: z.number(),
});
export type QuarterRow = z.infer<typeof quarterRow>;

export const p5Flag = z.object({
  personId: z.number(),
  name: z.string(),
  year: z.number(),
  failedQuarters: z.array(z.string()),
  clinics: z.string(),
});
export type P5Flag = z.infer<typeof p5Flag>;

export const quarterResults = z.object({
  quarter: z.string(),
  months: z.array(z.string()),
  rule: z.object({ passLine: z.number(), gradeExcellent: z.number(), gradeGood: z.number() }),
  rows: z.array(quarterRow),
  /** P5: people with two failed quarters in the quarter's calendar year (so far). */
  p5: z.array(p5Flag),
  /** P4: the quarter's lock, once its assessment is finished (visits then change only by a recorded correction). */
  lock: z.object({ at: z.string(), by: z.string(), note: z.string() }).nullable(),
});
export type QuarterResults = z.infer<typeof quarterResults>;

/** A pool typed in 元 (two decimals at most), named and with a purpose (M3 is checked on both). */
export const allocationInput = z
  .object({
    quarter: isoQuarter,
    poolYuan: z
      .string({ error: '请填写资金总额（元）' })
      .trim()
      .regex(/^\d{1,10}(\.\d{1,2})?$/, '资金总额应为元，最多两位小数，如 50000 或 50000.50'),
    fundName: text('资金名称', 60).refine((s) => s !== '', '请填写资金名称'),
    purpose: text('资金用途', 200),
  })
  .strict();
export type AllocationRequest = z.input<typeof allocationInput>;

export const allocationLine = z.object({
  clinicId: z.number(),
  clinicName: z.string(),
  scoreTenths: z.number().nullable(),
  grade: z.string().nullable(),
  passed: z.boolean().nullable(),
  base: z.number(),
  weight: z.string(),
  amountFen: z.number(),
});

export const allocationResult = z.object({
  id: z.number().nullable(),
  quarter: z.string(),
  fundName: z.string(),
  purpose: z.string(),
  poolFen: z.number(),
  basis: z.enum(['population', 'doctors', 'equal']),
  basisLabel: z.string(),
  allocatedFen: z.number(),
  problem: z.string().nullable(),
  lines: z.array(allocationLine),
});
export type AllocationResultOut = z.infer<typeof allocationResult>;

/** P8: a month's sheets for printing — one clinic or all; blank sheets (scores empty) to take on the visit. */
export const visitSheetsInput = z.object({ month: isoMonth, clinicId: idSchema.optional(), blank: z.boolean().default(false) }).strict();
