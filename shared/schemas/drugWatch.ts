/**
 * Watching the drugs (issue 10 part 7): what the home page counts — stock expired or near
 * expiry (D5), this month's shortages (D4), 集采 drugs short of cover or behind their agreed
 * volume (D6), clinics over the non-essential share this month (D3) — and the 集采药品 page's
 * two lists (cover at every clinic, the agreed annual volume's progress). As of a day, today by
 * default.
 */
import { z } from 'zod';
import { exportViewInput, idSchema, isoDate, listQuery } from './common';

export const vbpCoverRow = z.object({
  id: z.string(),
  drugId: z.number(),
  genericName: z.string(),
  spec: z.string(),
  vbpBatch: z.string(),
  placeName: z.string(),
  onHand: z.number().int(),
  /** Packs used in the three whole months before the day's month. */
  used3m: z.number().int(),
  /** On hand ÷ average monthly use, one decimal; null when nothing was used (no basis). */
  monthsOfCover: z.number().nullable(),
  low: z.boolean(),
});
export type VbpCoverRow = z.infer<typeof vbpCoverRow>;

export const vbpVolumeRow = z.object({
  id: z.number(),
  genericName: z.string(),
  spec: z.string(),
  vbpBatch: z.string(),
  /** The agreed annual volume the clerk entered, packs; null when none was entered. */
  annualPacks: z.number().int().nullable(),
  /** Packs received into the center's store in the day's calendar year, up to the day. */
  receivedPacks: z.number().int(),
  /** received ÷ agreed, in per cent with one decimal; null without an agreed volume. */
  progress: z.number().nullable(),
  /** The share of the year gone by on the day, in per cent with one decimal, to compare the progress with. */
  yearElapsed: z.number(),
  /** The progress is below the time gone by. */
  behind: z.boolean(),
});
export type VbpVolumeRow = z.infer<typeof vbpVolumeRow>;

export const shareOverRow = z.object({
  clinicId: z.number(),
  clinicName: z.string(),
  status: z.string(),
  valueShare: z.number().nullable(),
  itemShare: z.number().nullable(),
});

export const drugWatchSummary = z.object({
  asOf: z.string(),
  month: z.string(),
  nearExpiryDays: z.number().int(),
  expired: z.object({ batches: z.number().int(), packs: z.number().int(), amountFen: z.number().int() }),
  near: z.object({ batches: z.number().int(), packs: z.number().int(), amountFen: z.number().int() }),
  shortagesThisMonth: z.object({ lines: z.number().int(), packs: z.number().int() }),
  vbpLowCover: z.number().int(),
  vbpBehind: z.number().int(),
  shareOver: z.array(shareOverRow),
});
export type DrugWatchSummary = z.infer<typeof drugWatchSummary>;

export const watchAsOf = z.object({ asOf: isoDate.optional() }).strict();
export const watchListQuery = listQuery.extend({ asOf: isoDate.optional() });
export const watchExportInput = exportViewInput.extend({ asOf: isoDate.optional() });

/** D6: the agreed annual volume of a 集采 drug (packs), or null to clear it. */
export const vbpVolumeInput = z.object({
  id: idSchema,
  annualPacks: z
    .number({ error: '约定年采购量必须是数字' })
    .int('约定年采购量必须是整数（以包装单位计）')
    .min(1, '约定年采购量至少为 1')
    .max(100_000_000, '约定年采购量过大')
    .nullable(),
});
