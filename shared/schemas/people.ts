import { z } from 'zod';
import { parseIdCard } from '../rules/idCard';
import { qualificationKinds } from '../rules/qualifications';
import { toHalfWidth } from '../text';
import { count, idSchema, isoDate, noteText, requiredText, text } from './common';
import { chineseDate } from '../format';

export const personCategories = ['village_doctor', 'center_staff', 'county_hired'] as const;
export const personCategoryLabels: Record<(typeof personCategories)[number], string> = {
  village_doctor: '乡村医生',
  center_staff: '卫生院派驻人员',
  county_hired: '县聘乡用人员',
};
export const educationLevels = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const;
export const sexLabels = { M: '男', F: '女' } as const;
export const exitReasons = [
  'two_failed_assessments',
  'refused_integration',
  'absence',
  'major_accident',
  'criminal_penalty',
  'license_revoked',
  'age_limit',
  'resigned',
  'other',
] as const;
export const exitReasonLabels: Record<(typeof exitReasons)[number], string> = {
  two_failed_assessments: '一年内两次考核不合格（S11）',
  refused_integration: '拒不服从一体化管理（S11）',
  absence: '一年内擅自离岗累计 30 天以上（S11）',
  major_accident: '发生重大医疗事故（S11）',
  criminal_penalty: '受到刑事处罚（S11）',
  license_revoked: '执业证书被吊销（S11）',
  age_limit: '到龄退出',
  resigned: '本人辞职',
  other: '其他',
};

/** An optional date: empty means none. */
export const optionalDate = z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDate.nullable());

export const personLabels = {
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  phone: '联系电话',
  education: '学历',
  ethnicity: '民族',
  ruralWorkStart: '从事乡村医生工作时间',
  category: '人员类别',
  headExtensionUntil: '负责人延期批准至',
  note: '备注',
} as const;

export const personInput = z
  .object({
    name: requiredText(personLabels.name, 30),
    // Digits typed with a Chinese input method (１１０１…Ｘ) are the same digits (issue 12).
    idNumber: requiredText(personLabels.idNumber, 20).overwrite(toHalfWidth),
    // Optional: derived from the 身份证号; when typed, they must agree with it.
    sex: z.enum(['M', 'F']).nullable().default(null),
    birthDate: optionalDate.default(null),
    phone: text(personLabels.phone, 30)
      .overwrite(toHalfWidth)
      .regex(/^[0-9+\-\s()]*$/, '联系电话只能包含数字、空格和 + - ( )')
      .default(''),
    education: z.union([z.enum(educationLevels), z.literal('')]).default(''),
    ethnicity: text(personLabels.ethnicity, 20).default(''),
    ruralWorkStart: optionalDate.default(null),
    category: z.enum(personCategories, { error: '请选择人员类别' }),
    headExtensionUntil: optionalDate.default(null),
    note: noteText(personLabels.note, 200).default(''),
  })
  .superRefine((v, ctx) => {
    const r = parseIdCard(v.idNumber);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.message });
      return;
    }
    if (v.sex && v.sex !== r.info.sex) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: `性别与身份证号不符（身份证号显示为${sexLabels[r.info.sex]}）` });
    }
    if (v.birthDate && v.birthDate !== r.info.birthDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthDate'],
        message: `出生日期与身份证号不符（身份证号显示为 ${chineseDate(r.info.birthDate)}）`,
      });
    }
  });
export type PersonInput = z.input<typeof personInput>;

export const personUpdate = z.object({ id: idSchema, values: personInput });
export const personExit = z.object({
  id: idSchema,
  exitDate: isoDate,
  reason: z.enum(exitReasons, { error: '请选择退出原因' }),
  note: noteText('说明', 200).default(''),
});

/** --- Records kept per person. Each has a `table` tag so one pair of operations serves all. --- */

const dateRange = <T extends { startDate: string; endDate: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
};

export const qualificationRecord = z.object({
  table: z.literal('qualifications'),
  kind: z.enum(qualificationKinds, { error: '请选择资格类别' }),
  certNumber: text('证书编号', 40).default(''),
  scope: text('执业范围', 60).default(''),
  issuedOn: optionalDate.default(null),
  validUntil: optionalDate.default(null),
  note: noteText('备注', 200).default(''),
});

export const assignmentRecord = z
  .object({
    table: z.literal('assignments'),
    clinicId: idSchema,
    role: z.enum(['doctor', 'head'], { error: '请选择岗位' }),
    startDate: isoDate,
    endDate: optionalDate.default(null),
    note: noteText('备注', 200).default(''),
    /**
     * 起始日期不详: a post imported from a roster without a start date. It counts as held on
     * every earlier date (its startDate is a floor date); editing the post and giving a start
     * date clears the mark.
     */
    startUnknown: z.boolean().default(false),
  })
  .superRefine(dateRange);

export const employmentKinds = ['township_hired', 'self_employed', 'dispatched', 'county_hired'] as const;
export const employmentKindLabels: Record<(typeof employmentKinds)[number], string> = {
  township_hired: '乡聘村用（劳动合同）',
  self_employed: '个体执业',
  dispatched: '卫生院派驻',
  county_hired: '县聘乡用',
};
export const establishmentLabels = { '': '—', spare: '编内（余编）', off: '编外' } as const;

export const employmentRecord = z
  .object({
    table: z.literal('employments'),
    kind: z.enum(employmentKinds, { error: '请选择聘用形式' }),
    establishment: z.enum(['', 'spare', 'off']).default(''),
    startDate: isoDate,
    endDate: optionalDate.default(null),
    pension: z.boolean().default(false),
    workInjury: z.boolean().default(false),
    liability: z.boolean().default(false),
    assessment: text('考核结果', 100).default(''),
    note: noteText('备注', 200).default(''),
    /** 起始日期不详: a self-employed doctor imported with no date to start from (see assignments). */
    startUnknown: z.boolean().default(false),
  })
  .superRefine(dateRange);

export const trainingKindLabels = { clinical_practice: '临床进修（卫生院）', training: '培训' } as const;
export const trainingRecord = z
  .object({
    table: z.literal('trainings'),
    kind: z.enum(['clinical_practice', 'training'], { error: '请选择类别' }),
    title: text('培训内容', 100).default(''),
    place: text('地点', 60).default(''),
    startDate: isoDate,
    endDate: isoDate,
    days: count('天数', 366).min(1, '天数至少为 1'),
  })
  .superRefine(dateRange);

export const leaveKindLabels = { leave: '请假', absence: '擅自离岗' } as const;
export const leaveRecord = z
  .object({
    table: z.literal('leaves'),
    kind: z.enum(['leave', 'absence'], { error: '请选择类别' }),
    startDate: isoDate,
    endDate: isoDate,
    standInId: idSchema.nullable().default(null),
    approved: z.boolean().default(false),
    approver: text('批准人', 30).default(''),
    reason: noteText('事由', 200).default(''),
  })
  .superRefine(dateRange);

export const personRecord = z.discriminatedUnion('table', [
  qualificationRecord,
  assignmentRecord,
  employmentRecord,
  trainingRecord,
  leaveRecord,
]);
export type PersonRecord = z.output<typeof personRecord>;
export type RecordTable = PersonRecord['table'];
export const recordTables = ['qualifications', 'assignments', 'employments', 'trainings', 'leaves'] as const;

export const saveRecordInput = z.object({ personId: idSchema, id: idSchema.optional(), record: personRecord });
export const removeRecordInput = z.object({ personId: idSchema, table: z.enum(recordTables), id: idSchema });

/**
 * 新增村医 in one form (issue 12, item 7): the person, the post at a clinic and, if given, the
 * contract, saved in one transaction (people.createDoctor). Field errors are named by their path
 * (person.idNumber, post.clinicId, contract.endDate).
 */
export const newDoctorInput = z.object({
  person: personInput,
  post: z
    .object({
      clinicId: idSchema.nullable().refine((v) => v !== null, '请选择卫生室'),
      role: z.enum(['doctor', 'head'], { error: '请选择岗位' }),
      startDate: isoDate,
    })
    .transform((p) => ({ ...p, clinicId: p.clinicId as number })),
  contract: z
    .object({
      /** '' = no contract entered now (it can be added in the file later). */
      kind: z.union([z.enum(employmentKinds), z.literal('')]).default(''),
      establishment: z.enum(['', 'spare', 'off']).default(''),
      startDate: optionalDate.default(null),
      endDate: optionalDate.default(null),
    })
    .superRefine((c, ctx) => {
      if (c.kind === '') return;
      if (!c.startDate) ctx.addIssue({ code: 'custom', path: ['startDate'], message: '请填写合同开始日期' });
      if (c.startDate && c.endDate && c.endDate < c.startDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
    }),
});
export type NewDoctorInput = z.input<typeof newDoctorInput>;
