/**
 * Drugs, part 6: clinic use and stock (D2, D5, D9) — the month's use at a clinic, returns to
 * the center, transfers between clinics, stocktake adjustments, disposals of expired stock, the
 * stock list by place and drug, and the 进销存 of a month. Quantities are whole packs, money 分.
 */
import { z } from 'zod';
import { exportViewInput, idSchema, isoDate, isoMonth, listQuery, noteText, requiredText, text } from './common';

/** A place: a clinic's id, or null for the center's store (中心药库). */
export const placeSchema = idSchema.nullable();

const packs = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数（以包装单位计）`)
    .positive(`${label}必须大于 0`)
    .max(1_000_000, `${label}过大`);

const fen = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int()
    .min(0, `${label}不能为负数`)
    .max(1e11, `${label}过大`);

/** One drug's use in a month at a clinic: packs and the price it was sold at (D2: must be the purchase price). */
export const useLine = z.object({ drugId: idSchema, packs: packs('使用数量'), salePriceFen: fen('销售价') });
export type UseLine = z.infer<typeof useLine>;

/** 登记使用: a clinic's use of a month, dated the month's last day unless a day is given. */
export const useInput = z
  .object({
    clinicId: idSchema,
    month: isoMonth,
    movedOn: isoDate.optional(),
    lines: z.array(useLine).min(1, '请至少填写一种药品的使用数量').max(2000),
  })
  .strict();
export type UseInput = z.infer<typeof useInput>;

/** 退回中心, 调剂, 盘点调整: one batch at one place. */
export const returnInput = z
  .object({ clinicId: idSchema, batchId: idSchema, packs: packs('退回数量'), movedOn: isoDate, reason: text('退回原因', 200).default('') })
  .strict();
export const transferInput = z
  .object({
    fromClinicId: idSchema,
    toClinicId: idSchema,
    batchId: idSchema,
    packs: packs('调剂数量'),
    movedOn: isoDate,
    reason: text('调剂原因', 200).default(''),
  })
  .strict()
  .refine((v) => v.fromClinicId !== v.toClinicId, { path: ['toClinicId'], message: '调入的卫生室不能与调出的相同' });
export const adjustInput = z
  .object({
    clinicId: placeSchema,
    batchId: idSchema,
    /** Signed: 盘盈 > 0, 盘亏 < 0. */
    packs: z
      .number({ error: '调整数量必须是数字' })
      .int('调整数量必须是整数（以包装单位计）')
      .refine((n) => n !== 0, '调整数量不能为 0：盘盈填正数，盘亏填负数'),
    movedOn: isoDate,
    reason: requiredText('调整原因', 200),
  })
  .strict();
export type ReturnInput = z.infer<typeof returnInput>;
export type TransferInput = z.infer<typeof transferInput>;
export type AdjustInput = z.infer<typeof adjustInput>;

/** D5: a disposal at the center: expired batches, the day, how, two different witnesses. */
export const disposalInput = z
  .object({
    disposedOn: isoDate,
    method: requiredText('销毁方式', 60),
    witness1: requiredText('监销人一', 30),
    witness2: requiredText('监销人二', 30),
    note: noteText('备注', 500).default(''),
    lines: z
      .array(z.object({ batchId: idSchema, packs: packs('销毁数量') }))
      .min(1, '请至少选择一个过期批次')
      .max(500),
  })
  .strict()
  .refine((v) => v.witness1 !== v.witness2, { path: ['witness2'], message: '两名监销人不能是同一人（D5）' });
export type DisposalInput = z.infer<typeof disposalInput>;

export const disposalLine = z.object({
  batchId: z.number(),
  drugName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  lotNo: z.string(),
  expiresOn: z.string(),
  packs: z.number(),
  priceFen: z.number(),
  amountFen: z.number(),
});
export const disposalRecord = z.object({
  id: z.number(),
  disposedOn: z.string(),
  method: z.string(),
  witness1: z.string(),
  witness2: z.string(),
  note: z.string(),
  createdBy: z.string(),
  lines: z.array(disposalLine),
  packs: z.number(),
  amountFen: z.number(),
});
export type DisposalRecord = z.infer<typeof disposalRecord>;

/** Where the stock list looks: 'all' places, 'center', or one clinic. */
export const placeFilter = z.union([z.literal('all'), z.literal('center'), idSchema]);
export type PlaceFilter = z.infer<typeof placeFilter>;

export const stockListQuery = listQuery.extend({ place: placeFilter.default('all'), asOf: isoDate.optional() });
export const stockExportInput = exportViewInput.extend({ place: placeFilter.default('all'), asOf: isoDate.optional() });

export const expiryStates = ['expired', 'near', 'ok'] as const;
export const expiryLabels: Record<(typeof expiryStates)[number], string> = { expired: '已过期', near: '近效期', ok: '正常' };

/** One drug at one place as of a day. */
export const stockRow = z.object({
  id: z.string(),
  clinicId: z.number().nullable(),
  placeName: z.string(),
  drugId: z.number(),
  platformCode: z.string(),
  genericName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  packs: z.number(),
  amountFen: z.number(),
  batches: z.number(),
  firstExpiry: z.string(),
  expiry: z.enum(expiryStates),
});
export type StockRow = z.infer<typeof stockRow>;

export const batchQuery = z.object({ place: placeFilter, drugId: idSchema.optional(), asOf: isoDate.optional() }).strict();
export const batchRow = z.object({
  batchId: z.number(),
  clinicId: z.number().nullable(),
  placeName: z.string(),
  drugId: z.number(),
  drugName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  lotNo: z.string(),
  expiresOn: z.string(),
  priceFen: z.number(),
  packs: z.number(),
  amountFen: z.number(),
  daysLeft: z.number(),
  expiry: z.enum(expiryStates),
});
export type BatchRow = z.infer<typeof batchRow>;

/** 进销存 figures: opening, in, out, closing in packs and 分; in and out also by kind. */
export const ledgerFigures = z.object({
  openingPacks: z.number(),
  openingFen: z.number(),
  inPacks: z.number(),
  inFen: z.number(),
  outPacks: z.number(),
  outFen: z.number(),
  closingPacks: z.number(),
  closingFen: z.number(),
  /** Packs by movement kind (in: receipt, delivery, return, transfer, adjust; out: delivery, use, …). */
  inByKind: z.record(z.string(), z.number()),
  outByKind: z.record(z.string(), z.number()),
});
export type LedgerFigures = z.infer<typeof ledgerFigures>;

export const ledgerQuery = z.object({ month: isoMonth, clinicId: placeSchema.optional() }).strict();
export const ledgerPlaceRow = ledgerFigures.extend({ clinicId: z.number().nullable(), placeName: z.string(), drugs: z.number() });
export const ledgerDrugRow = ledgerFigures.extend({
  drugId: z.number(),
  platformCode: z.string(),
  genericName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
});
export const ledgerOutput = z.object({
  month: z.string(),
  /** The township view: a row per clinic, then the clinics' total, then the center on its own row, then the township. */
  places: z.array(ledgerPlaceRow),
  clinicsTotal: ledgerFigures,
  center: ledgerFigures,
  township: ledgerFigures,
  /** One place per drug, when a place was asked for. */
  drugs: z.array(ledgerDrugRow).optional(),
});
export type LedgerOutput = z.infer<typeof ledgerOutput>;

/** The 登记使用 table: the clinic's drugs with stock at the month's end and the FEFO price. */
export const useSheetQuery = z.object({ clinicId: idSchema, month: isoMonth }).strict();
export const useSheetRow = z.object({
  drugId: z.number(),
  platformCode: z.string(),
  genericName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  onHand: z.number(),
  /** The price of the batch use is taken from first (FEFO); the prefilled sale price. */
  priceFen: z.number(),
  /** Other prices among the clinic's batches of this drug, for the warning beside the line. */
  otherPrices: z.array(z.number()),
  usedThisMonth: z.number(),
});
export const moveResult = z.object({ movements: z.number(), packs: z.number(), amountFen: z.number() });

export const placeOption = z.object({ id: z.number().nullable(), name: z.string() });
