/**
 * P4: corrections to a locked quarter — what crosses the boundary. A correction names the visit
 * (clinic + month), the values as they should be, and ONE reason; the core compares them with
 * what is stored and writes one `corrections` row per changed field (migration 10 keeps them
 * beside the original, never overwritten). Only what is given is compared: a score listed is
 * compared in full (score, veto, note), a finding with an id is an existing one corrected, one
 * without is a finding added; nothing listed is removed (a locked record never disappears).
 */
import { z } from 'zod';
import { idSchema, isoDate, isoMonth, isoQuarter, noteText, text } from './common';
import { findingInput, scoreValue, visitForm } from './visits';

export const correctionInput = z
  .object({
    clinicId: idSchema,
    month: isoMonth,
    /** Required, one for the whole correction: why an assessed record is changed (P4). */
    reason: noteText('更正原因', 200).refine((s) => s !== '', '请填写更正原因：说明为什么要修改已锁定的考核记录'),
    visitedOn: isoDate.optional(),
    supervisors: text('督导人', 60).optional(),
    clinicSigner: text('村卫生室负责人', 30).optional(),
    note: noteText('备注', 1000).optional(),
    scores: z.array(scoreValue).max(500).default([]),
    findings: z.array(findingInput).max(100).default([]),
  })
  .strict();
export type CorrectionRequest = z.input<typeof correctionInput>;

export const correctionEntity = z.enum(['visits', 'visit_scores', 'findings']);
export type CorrectionEntity = z.infer<typeof correctionEntity>;

/** One corrected field, as stored (raw values as text) and as the clerk reads it. */
export const correctionRow = z.object({
  id: z.number(),
  at: z.string(),
  by: z.string(),
  reason: z.string(),
  visitId: z.number(),
  clinicId: z.number(),
  clinicCode: z.string(),
  clinicName: z.string(),
  month: z.string(),
  entity: correctionEntity,
  entityId: z.number().nullable(),
  field: z.string(),
  /** The score's item (visit_scores), else null. */
  itemId: z.number().nullable(),
  /** What was corrected, in words: 「3 处方书写规范 · 得分」, 「督导人」, 「问题“…” · 整改责任人」. */
  label: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  oldText: z.string(),
  newText: z.string(),
});
export type CorrectionRow = z.infer<typeof correctionRow>;

/** A visit's corrections, or a quarter's, or a month's (one clinic's when clinicId is given). */
export const correctionsInput = z
  .object({ quarter: isoQuarter.optional(), month: isoMonth.optional(), clinicId: idSchema.optional() })
  .strict()
  .refine((v) => (v.quarter === undefined) !== (v.month === undefined), { message: '请指定季度或月份（二选一）', path: ['quarter'] });

export const correctionResult = z.object({ form: visitForm, corrections: z.array(correctionRow) });
export type CorrectionResult = z.infer<typeof correctionResult>;
