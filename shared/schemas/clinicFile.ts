/**
 * 一室一档 (issue 12 item 8): one clinic's file as of a day, assembled from the other domains'
 * own services (clinics, people alerts, the asset ledger, drug stock, requisitions, supervision),
 * so every figure here is the figure of its own list.
 */
import { z } from 'zod';
import { idSchema, isoDate } from './common';
import { clinicDetail } from './clinics';
import { alertItem } from './personOutput';
import { assetRow } from './assets';
import { batchRow } from './stock';
import { requisitionRow } from './requisitions';
import { quarterRow, visitMonthRow } from './visits';

export const clinicFileInput = z.object({ id: idSchema, asOf: isoDate.optional() }).strict();

export const fileVillage = z.object({
  id: z.number(),
  name: z.string(),
  relation: z.enum(['host', 'extension']),
  residentPopulation: z.number(),
  servicePopulation: z.number(),
});

export const fileDoctor = z.object({
  personId: z.number(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  age: z.number(),
  role: z.string(),
  /** Highest qualification valid on the day (qualificationLabels), '' for none. */
  qualification: z.string(),
  since: z.string(),
});

export const clinicFile = z.object({
  asOf: z.string(),
  clinic: clinicDetail,
  villages: z.array(fileVillage),
  doctors: z.array(fileDoctor),
  /** The people alerts about the clinic or anyone posted there on the day. */
  alerts: z.array(alertItem),
  assets: z.object({
    rows: z.array(assetRow),
    valueFen: z.number(),
    bookValueFen: z.number(),
    lastStocktakeOn: z.string().nullable(),
  }),
  stock: z.object({
    batches: z.number(),
    valueFen: z.number(),
    /** Expired and near-expiry batches (by the 近效期天数 setting), soonest first. */
    attention: z.array(batchRow),
    nearExpiryDays: z.number(),
  }),
  requisition: z.object({ month: z.string(), row: requisitionRow.nullable(), maxValueShare: z.number(), maxItemShare: z.number() }),
  /** The year's months up to the day's, each with its visit (status none: 未督导). */
  visits: z.array(visitMonthRow.extend({ month: z.string() })),
  quarters: z.array(quarterRow.extend({ quarter: z.string() })),
  assessmentRule: z.object({ passLine: z.number(), gradeExcellent: z.number(), gradeGood: z.number() }),
});
export type ClinicFile = z.infer<typeof clinicFile>;
export type FileDoctor = z.infer<typeof fileDoctor>;
