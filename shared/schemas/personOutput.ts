import { z } from 'zod';
import { exitDecisionRow, exitTriggerRow, trainingProgressRow } from './exitDecisions';

/** What the people operations answer with: a list row, and the whole file of one person. */
export const personRow = z.object({
  id: z.number(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  age: z.number(),
  idNumber: z.string(),
  category: z.string(),
  status: z.enum(['active', 'exited']),
  clinicName: z.string(),
  role: z.string(),
  highestQualification: z.string(),
  employmentKind: z.string(),
  contractEnd: z.string().nullable(),
  phone: z.string(),
  education: z.string(),
  updatedAt: z.string(),
});
export type PersonRow = z.infer<typeof personRow>;

const recordBase = { id: z.number() };
export const personDetail = personRow.extend({
  ethnicity: z.string(),
  ruralWorkStart: z.string().nullable(),
  exitDate: z.string().nullable(),
  exitReason: z.string(),
  exitNote: z.string(),
  headExtensionUntil: z.string().nullable(),
  note: z.string(),
  qualifications: z.array(
    z.object({
      ...recordBase,
      kind: z.string(),
      certNumber: z.string(),
      scope: z.string(),
      issuedOn: z.string().nullable(),
      validUntil: z.string().nullable(),
      note: z.string(),
    }),
  ),
  assignments: z.array(
    z.object({
      ...recordBase,
      clinicId: z.number(),
      clinicName: z.string(),
      role: z.string(),
      startDate: z.string(),
      startUnknown: z.boolean(),
      endDate: z.string().nullable(),
      note: z.string(),
    }),
  ),
  employments: z.array(
    z.object({
      ...recordBase,
      kind: z.string(),
      establishment: z.string(),
      startDate: z.string(),
      startUnknown: z.boolean(),
      endDate: z.string().nullable(),
      pension: z.boolean(),
      workInjury: z.boolean(),
      liability: z.boolean(),
      assessment: z.string(),
      note: z.string(),
    }),
  ),
  trainings: z.array(
    z.object({
      ...recordBase,
      kind: z.string(),
      title: z.string(),
      place: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      days: z.number(),
    }),
  ),
  leaves: z.array(
    z.object({
      ...recordBase,
      kind: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      standInId: z.number().nullable(),
      standInName: z.string(),
      approved: z.boolean(),
      approver: z.string(),
      reason: z.string(),
    }),
  ),
  history: z.array(
    z.object({ ...recordBase, at: z.string(), actor: z.string(), field: z.string(), oldValue: z.string(), newValue: z.string() }),
  ),
  /**
   * This year as S9a / S11a count it: training done by today against the norm, with what is
   * planned (and last year's final shortfall until the end of March); unauthorised absence days
   * up to today.
   */
  year: z.object({
    year: z.number(),
    training: trainingProgressRow,
    lastYearTraining: trainingProgressRow.nullable(),
    absenceDays: z.number(),
    absenceLimit: z.number(),
  }),
  /** rule S11a: every S11 exit trigger reached, open until an exit or a decision (留用说明) closes it. */
  exitTriggers: z.array(exitTriggerRow),
  exitDecisions: z.array(exitDecisionRow),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const alertKinds = [
  'staffing_short',
  'no_woman',
  'no_head',
  'no_valid_qualification',
  'ratio_below_target',
  'head_over_age',
  'age_60_soon',
  'age_65_soon',
  'contract_ending',
  'certificate_ending',
  'training_short',
  'training_short_last_year',
  'absence_exit',
  'assessment_exit',
  'dispatch_short',
  'county_hired_short',
] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertKindInfo: Record<AlertKind, { rule: string; title: string; level: 'error' | 'warning' }> = {
  staffing_short: { rule: 'S1', title: '村医配备不足', level: 'error' },
  no_woman: { rule: 'S2', title: '两名以上村医但无女性', level: 'warning' },
  no_head: { rule: 'C2', title: '卫生室没有负责人', level: 'warning' },
  no_valid_qualification: { rule: 'S3', title: '无有效执业资格', level: 'error' },
  ratio_below_target: { rule: 'S4', title: '执业（助理）医师占比未达标', level: 'warning' },
  head_over_age: { rule: 'S5', title: '负责人年满 65 岁未获延期', level: 'error' },
  age_60_soon: { rule: 'S5', title: '12 个月内年满 60 岁', level: 'warning' },
  age_65_soon: { rule: 'S5', title: '12 个月内年满 65 岁', level: 'warning' },
  contract_ending: { rule: 'S6', title: '合同即将到期', level: 'warning' },
  certificate_ending: { rule: 'S14', title: '证书即将到期', level: 'warning' },
  training_short: { rule: 'S9', title: '本年度培训不达标', level: 'warning' },
  // rule S9a: last year's final shortfall, listed until the end of March.
  training_short_last_year: { rule: 'S9', title: '上年度培训未达标', level: 'warning' },
  absence_exit: { rule: 'S11', title: '擅自离岗满 30 天（触发退出）', level: 'error' },
  assessment_exit: { rule: 'S11', title: '一年内两次考核不合格（触发退出）', level: 'error' },
  dispatch_short: { rule: 'S7', title: '派驻期限不足半年', level: 'warning' },
  county_hired_short: { rule: 'S8', title: '县聘乡用服务期不足一年', level: 'warning' },
};

export const alertItem = z.object({
  kind: z.enum(alertKinds),
  rule: z.string(),
  level: z.enum(['error', 'warning']),
  personId: z.number().nullable(),
  clinicId: z.number().nullable(),
  subject: z.string(),
  detail: z.string(),
});
export type AlertItem = z.infer<typeof alertItem>;

export const alertsOutput = z.object({
  asOf: z.string(),
  alerts: z.array(alertItem),
  counts: z.record(z.string(), z.number()),
  ratio: z.object({
    qualified: z.number(),
    total: z.number(),
    ratio: z.number(),
    target: z.number(),
    trend: z.array(z.object({ year: z.number(), qualified: z.number(), total: z.number(), ratio: z.number() })),
  }),
});
export type AlertsOutput = z.infer<typeof alertsOutput>;
