import { z } from 'zod';
import { coverageKinds } from '../rules/coverage';
import { count, idSchema, noteText, requiredText } from './common';

export const altCoverageValues = ['none', 'patrol', 'dispatch'] as const;
export const altCoverageLabels: Record<(typeof altCoverageValues)[number], string> = {
  none: '无',
  patrol: '巡诊',
  dispatch: '派驻',
};

/** Field labels, used by forms and by error messages that must name the field. */
export const villageLabels = {
  name: '村名',
  residentPopulation: '户籍人口',
  servicePopulation: '服务人口',
  isCenterSeat: '卫生院驻地',
  distanceKm: '距卫生院（公里）',
  altCoverage: '其他覆盖方式',
  patrolVisitsPerMonth: '每月巡诊次数',
  note: '备注',
} as const;

export const villageInput = z
  .object({
    name: requiredText(villageLabels.name, 30),
    residentPopulation: count(villageLabels.residentPopulation),
    servicePopulation: count(villageLabels.servicePopulation),
    isCenterSeat: z.boolean({ error: '请选择是否卫生院驻地' }),
    distanceKm: z.number({ error: '距离必须是数字' }).min(0, '距离不能为负数').max(500, '距离不能超过 500 公里'),
    altCoverage: z.enum(altCoverageValues, { error: '请选择其他覆盖方式' }),
    patrolVisitsPerMonth: count(villageLabels.patrolVisitsPerMonth, 31),
    note: noteText(villageLabels.note, 200).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.altCoverage === 'patrol' && v.patrolVisitsPerMonth < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['patrolVisitsPerMonth'],
        message: '选择巡诊时，每月巡诊次数至少为 1',
      });
    }
  });
export type VillageInput = z.input<typeof villageInput>;

export const villageUpdate = z.object({ id: idSchema, values: villageInput });

export const villageRow = z.object({
  id: z.number(),
  name: z.string(),
  residentPopulation: z.number(),
  servicePopulation: z.number(),
  isCenterSeat: z.boolean(),
  distanceKm: z.number(),
  altCoverage: z.enum(altCoverageValues),
  patrolVisitsPerMonth: z.number(),
  note: z.string(),
  coverageKind: z.enum(coverageKinds),
  clinicNames: z.string(),
  needsOwnClinic: z.boolean(),
  updatedAt: z.string(),
});
export type VillageRow = z.infer<typeof villageRow>;
