/**
 * The county's half-year re-check (P4, issue 11 part 7): which clinics are picked for a
 * half-year (by hand, or a random sample of a set size drawn with a recorded seed so the draw
 * can be shown again), and the pack exported per picked clinic.
 */
import { z } from 'zod';
import { idSchema } from './common';

/** A half-year written `YYYYHn` (2026H2: July–December), as the county names its re-check. */
export const isoHalf = z.string({ error: '请选择半年' }).regex(/^\d{4}H[12]$/, '半年的格式应为 年H半，如 2026H2（下半年）');

export const recheckHalfInput = z.object({ half: isoHalf }).strict();

export const recheckPickInput = z
  .object({
    half: isoHalf,
    clinicIds: z.array(idSchema).min(1, '请至少选择一个村卫生室').max(500),
  })
  .strict();

export const recheckSampleInput = z
  .object({
    half: isoHalf,
    size: z.number({ error: '抽取家数必须是数字' }).int('抽取家数必须是整数').min(1, '抽取家数至少为 1').max(500, '抽取家数不能超过 500'),
    /** Given only to repeat a draw; absent: a new seed is made and recorded. */
    seed: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{8,32}$/, '随机种子应为 8–32 位十六进制数')
      .optional(),
  })
  .strict();

export const recheckClinicInput = z.object({ half: isoHalf, clinicId: idSchema }).strict();

export const recheckRow = z.object({
  clinicId: z.number(),
  clinicCode: z.string(),
  clinicName: z.string(),
  pickedHow: z.enum(['hand', 'random']),
  seed: z.string(),
  sampleSize: z.number().nullable(),
  pickedAt: z.string(),
  pickedBy: z.string(),
  /** Finished visits of the half-year (of six months), drafts apart. */
  visits: z.number(),
  drafts: z.number(),
  findings: z.number(),
  corrections: z.number(),
});
export type RecheckRow = z.infer<typeof recheckRow>;

export const recheckList = z.object({
  half: z.string(),
  months: z.array(z.string()),
  /** How many clinics were open during the half-year: what a random sample draws from. */
  openClinics: z.number(),
  rows: z.array(recheckRow),
});
export type RecheckList = z.infer<typeof recheckList>;
