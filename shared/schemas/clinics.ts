import { z } from 'zod';
import { idSchema, isoDate, noteText, requiredText, text } from './common';

export const propertyValues = ['public', 'other'] as const;
export const propertyLabels: Record<(typeof propertyValues)[number], string> = {
  public: '公有产权',
  other: '其他',
};
export const clinicStatusLabels = { open: '运行', closed: '已撤销' } as const;
export const linkRelationLabels = { host: '设在本村', extension: '邻村延伸' } as const;

export const clinicLabels = {
  code: '机构编码',
  name: '卫生室名称',
  address: '地址',
  property: '产权',
  buildingArea: '业务用房面积（㎡）',
  insurancePoint: '医保定点',
  headName: '负责人',
  hostVillageIds: '所在村（合建可多选）',
  extensionVillageIds: '延伸服务的邻村',
  note: '备注',
} as const;

export const clinicInput = z
  .object({
    // Most clerks' clinic lists have no 机构编码: a clinic may be registered without one and
    // get it later (an import with codes fills it in, matched by name).
    code: text(clinicLabels.code, 30)
      .regex(/^[0-9A-Za-z-]*$/, '机构编码只能包含数字、字母和短横线')
      .default(''),
    name: requiredText(clinicLabels.name, 50),
    address: text(clinicLabels.address, 120).default(''),
    property: z.enum(propertyValues, { error: '请选择产权' }),
    buildingArea: z.number({ error: '面积必须是数字' }).min(0, '面积不能为负数').max(100_000, '面积不能超过 100000 ㎡'),
    insurancePoint: z.boolean({ error: '请选择是否医保定点' }),
    headName: text(clinicLabels.headName, 30).default(''),
    hostVillageIds: z.array(idSchema).max(50, '所在村最多 50 个').default([]),
    extensionVillageIds: z.array(idSchema).max(50, '延伸村最多 50 个').default([]),
    note: noteText(clinicLabels.note, 200).default(''),
  })
  .superRefine((v, ctx) => {
    const both = v.hostVillageIds.filter((id) => v.extensionVillageIds.includes(id));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['extensionVillageIds'],
        message: '同一个村不能既是所在村又是延伸村',
      });
    }
  });
export type ClinicInput = z.input<typeof clinicInput>;

export const clinicUpdate = z.object({ id: idSchema, values: clinicInput });

export const clinicClose = z.object({
  id: idSchema,
  closedOn: isoDate,
  reason: requiredText('撤销原因', 200, { multiline: true }),
});

export const clinicRow = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  property: z.enum(propertyValues),
  buildingArea: z.number(),
  insurancePoint: z.boolean(),
  headName: z.string(),
  headTyped: z.string(),
  actualDoctors: z.number(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  closedReason: z.string(),
  note: z.string(),
  villageNames: z.string(),
  villageCount: z.number(),
  servicePopulation: z.number(),
  requiredDoctors: z.number(),
  updatedAt: z.string(),
});
export type ClinicRow = z.infer<typeof clinicRow>;

export const clinicDetail = clinicRow.extend({
  hostVillageIds: z.array(z.number()),
  extensionVillageIds: z.array(z.number()),
});
export type ClinicDetail = z.infer<typeof clinicDetail>;

/**
 * The clinic form's villages, before saving: what the change would do to every clinic it touches
 * (C4 service population, S1 required doctors). `id` null for a clinic not yet saved.
 */
export const clinicCoveragePreviewInput = z.object({
  id: idSchema.nullable().default(null),
  hostVillageIds: z.array(idSchema).max(50, '所在村最多 50 个').default([]),
  extensionVillageIds: z.array(idSchema).max(50, '延伸村最多 50 个').default([]),
});

const clinicFigures = z.object({ servicePopulation: z.number(), requiredDoctors: z.number() });

export const clinicCoverageRow = z.object({
  /** null: the clinic being created. */
  clinicId: z.number().nullable(),
  name: z.string(),
  isThis: z.boolean(),
  /** The villages of the change this clinic serves (after it), e.g. 李营村、王庄村. */
  villages: z.string(),
  before: clinicFigures,
  after: clinicFigures,
  /** Doctors posted there today (the people module). */
  actualDoctors: z.number(),
});
export type ClinicCoverageRow = z.infer<typeof clinicCoverageRow>;

export const clinicCoveragePreview = z.object({
  rows: z.array(clinicCoverageRow),
  /** Villages no open clinic would serve any more (each then 空白点 unless covered otherwise, C1). */
  villagesLeftWithoutClinic: z.array(z.string()),
  populationPerDoctor: z.number(),
});
export type ClinicCoveragePreview = z.infer<typeof clinicCoveragePreview>;
