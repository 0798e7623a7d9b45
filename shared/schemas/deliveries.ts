/**
 * Delivery to clinics (issue 10 part 5, D9, D4): a month's approved requisition lines served
 * first-expiry-first-out from the center's store on a day; what cannot be served is a shortage.
 * One 配送单 (delivery head) per clinic and run; quantities in packs, money in 分.
 */
import { z } from 'zod';
import { exportViewInput, idSchema, isoDate, isoMonth, listQuery } from './common';

export const deliveryRunInput = z.object({ month: isoMonth, deliveredOn: isoDate });
export type DeliveryRunInput = z.input<typeof deliveryRunInput>;

const planPick = z.object({ batchId: z.number(), lotNo: z.string(), expiresOn: z.string(), packs: z.number(), priceFen: z.number() });

export const planLine = z.object({
  lineId: z.number(),
  drugId: z.number(),
  genericName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  /** Packs still to serve on this line (asked less what earlier runs served or recorded short). */
  packs: z.number(),
  picks: z.array(planPick),
  shortPacks: z.number(),
  /** The shortage reason's label (shared/rules/fefo.ts), '' when nothing is short. */
  shortReason: z.string(),
});
export type PlanLine = z.infer<typeof planLine>;

export const planClinic = z.object({
  clinicId: z.number(),
  clinicName: z.string(),
  lines: z.array(planLine),
  servedPacks: z.number(),
  shortPacks: z.number(),
  amountFen: z.number(),
});

export const deliveryPlan = z.object({
  month: z.string(),
  deliveredOn: z.string(),
  clinics: z.array(planClinic),
  /** Approved requisitions of the month, and how many lines are already settled (served or short). */
  approvedRequisitions: z.number(),
  settledLines: z.number(),
  /** Requisitions of the month still held or in draft: not delivered until approved (D3). */
  notApproved: z.number(),
  servedPacks: z.number(),
  shortPacks: z.number(),
  amountFen: z.number(),
});
export type DeliveryPlan = z.infer<typeof deliveryPlan>;

export const deliveryRunOutput = z.object({
  plan: deliveryPlan,
  deliveryIds: z.array(z.number()),
  shortages: z.number(),
});
export type DeliveryRunOutput = z.infer<typeof deliveryRunOutput>;

export const deliveryRow = z.object({
  id: z.number(),
  number: z.string(),
  month: z.string(),
  deliveredOn: z.string(),
  clinicId: z.number(),
  clinicName: z.string(),
  lines: z.number(),
  packs: z.number(),
  amountFen: z.number(),
  shortLines: z.number(),
  deliveredBy: z.string(),
});
export type DeliveryRow = z.infer<typeof deliveryRow>;

export const noteLine = z.object({
  platformCode: z.string(),
  genericName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  maker: z.string(),
  lotNo: z.string(),
  expiresOn: z.string(),
  packs: z.number(),
  priceFen: z.number(),
  amountFen: z.number(),
});
export const noteShortage = z.object({ genericName: z.string(), spec: z.string(), packs: z.number(), reason: z.string() });

/** One printed 配送单. */
export const deliveryNote = z.object({
  id: z.number(),
  number: z.string(),
  month: z.string(),
  deliveredOn: z.string(),
  clinicName: z.string(),
  clinicCode: z.string(),
  deliveredBy: z.string(),
  lines: z.array(noteLine),
  shortages: z.array(noteShortage),
  totalPacks: z.number(),
  totalFen: z.number(),
});
export type DeliveryNote = z.infer<typeof deliveryNote>;

/** The notes of one delivery, or of every delivery of a month (printed as one batch). */
export const deliveryNotesInput = z.union([z.object({ id: idSchema }), z.object({ month: isoMonth })]);
export const deliveryNotesOutput = z.object({ unit: z.string(), notes: z.array(deliveryNote) });
export type DeliveryNotes = z.infer<typeof deliveryNotesOutput>;

export const shortageRow = z.object({
  id: z.number(),
  month: z.string(),
  recordedOn: z.string(),
  clinicName: z.string(),
  platformCode: z.string(),
  genericName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  packs: z.number(),
  reason: z.string(),
  deliveryNumber: z.string(),
});
export type ShortageRow = z.infer<typeof shortageRow>;

export const deliveryListQuery = listQuery;
export const deliveryExportInput = exportViewInput;
