import { z } from 'zod';
import { requiredText } from './common';

export const appInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  isDemo: z.boolean(),
  firstRun: z.boolean(),
  centerName: z.string(),
  county: z.string(),
  shell: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof appInfo>;

export const firstRunInput = z.object({
  centerName: requiredText('卫生院名称', 60),
  county: requiredText('所属县（区）', 60),
});

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
  action: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  summary: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const returnNames = ['clinic-roster', 'roster', 'staffing'] as const;
export type ReturnName = (typeof returnNames)[number];
export const returnInfo = z.object({ name: z.enum(returnNames), title: z.string(), description: z.string() });
export const returnExportInput = z.object({ name: z.enum(returnNames, { error: '没有这张报表' }) });

export const backupInfo = z.object({ file: z.string(), at: z.string(), sizeBytes: z.number(), reason: z.string() });
