import { z } from 'zod';
import { exitTriggerRules, type ExitTriggerRule } from '../rules/yearly';
import { idSchema, isoDate, requiredText } from './common';

/** rule S11a: the S11 exit triggers the app computes, as the clerk reads them. */
export const exitTriggerRuleLabels: Record<ExitTriggerRule, string> = {
  'S11-absence': '一年内擅自离岗累计满 30 天',
  'S11-assessment': '一年内两次考核不合格',
};

/** rule S11a: a decision (留用说明) that closes an open exit trigger without an exit. */
export const exitDecisionInput = z.object({
  personId: idSchema,
  rule: z.enum(exitTriggerRules, { error: '请选择退出情形' }),
  triggerYear: z.number({ error: '请选择触发年度' }).int('触发年度必须是整数').min(1900, '触发年度不对').max(2999, '触发年度不对'),
  decidedOn: isoDate,
  reason: requiredText('留用理由', 500, { multiline: true }),
});
export type ExitDecisionInput = z.input<typeof exitDecisionInput>;

export const exitDecisionRow = z.object({
  id: z.number(),
  rule: z.enum(exitTriggerRules),
  triggerYear: z.number(),
  decidedOn: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const exitTriggerRow = z.object({
  rule: z.enum(exitTriggerRules),
  year: z.number(),
  count: z.number(),
  state: z.enum(['open', 'decided', 'exited']),
  decidedOn: z.string().nullable(),
  detail: z.string(),
});

const tally = z.object({ count: z.number(), days: z.number() });

/** rule S9a: a person's training of one year as of a day (see shared/rules/yearly.ts). */
export const trainingProgressRow = z.object({
  year: z.number(),
  variant: z.enum(['jiaozuo', 'sichuan']),
  done: tally,
  planned: tally,
  required: tally,
  status: z.enum(['ok', 'progress', 'alert']),
  reason: z.enum(['met', 'on_track', 'unreachable', 'late']),
  needed: z.string(),
  /** 已完成 x / 应完成 y，已安排 z */
  text: z.string(),
});
