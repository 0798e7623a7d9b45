/**
 * Receipts into the center's store (issue 10 part 4, D9): the supplier's delivery note as one
 * head (date, supplier, invoice) and its lines, each line a batch (批号, dates, packs, price).
 * Prices in 分 per pack. A wrong line is undone by a reversing movement (冲销), never edited.
 */
import { z } from 'zod';
import { exportViewInput, idSchema, isoDate, listQuery, noteText, requiredText, text } from './common';

export const receiptLineInput = z.object({
  drugId: idSchema,
  lotNo: requiredText('批号', 40),
  producedOn: isoDate.nullable().default(null),
  /** 有效期至: the last day the batch may be used; a month alone (2027-06) means its last day. */
  expiresOn: isoDate,
  packs: z.number({ error: '数量必须是数字' }).int('数量必须是整数（以包装单位计）').min(1, '数量至少为 1').max(1_000_000, '数量过大'),
  priceFen: z.number({ error: '单价必须是金额' }).int().min(0, '单价不能为负数').max(1e9, '单价过大'),
});
export type ReceiptLineValues = z.output<typeof receiptLineInput>;

export const receiptInput = z.object({
  receivedOn: isoDate,
  supplier: text('供货单位', 100).default(''),
  invoiceNo: text('发票号', 60).default(''),
  lines: z.array(receiptLineInput).min(1, '入库单至少要有一行药品').max(500, '一张入库单最多 500 行'),
});
export type ReceiptInput = z.input<typeof receiptInput>;
export type ReceiptValues = z.output<typeof receiptInput>;

/** What a line will raise when saved: warnings (saved anyway) and the one refusal (expired). */
export const receiptLineCheck = z.object({
  index: z.number().int(),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
});
export const receiptCheckOutput = z.object({ lines: z.array(receiptLineCheck) });
export type ReceiptCheck = z.infer<typeof receiptCheckOutput>;

export const receiptSaved = z.object({ batchIds: z.array(z.number()), warnings: z.array(z.string()) });

export const receiptRow = z.object({
  batchId: z.number(),
  receivedOn: z.string(),
  supplier: z.string(),
  invoiceNo: z.string(),
  drugId: z.number(),
  platformCode: z.string(),
  genericName: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  lotNo: z.string(),
  producedOn: z.string().nullable(),
  expiresOn: z.string(),
  packs: z.number(),
  priceFen: z.number(),
  amountFen: z.number(),
  /** The platform price in force on the receipt day; null when the history starts later. */
  platformPriceFen: z.number().nullable(),
  priceDiffers: z.boolean(),
  /** The batch expired within the near-expiry window (setting, D5) of its receipt day. */
  nearExpiry: z.boolean(),
  /** Packs of this batch still in the center's store. */
  inStore: z.number(),
  reversed: z.boolean(),
  /** 冲销 is offered while the whole batch is still in the store and it was not reversed. */
  canReverse: z.boolean(),
  warnings: z.string(),
});
export type ReceiptRow = z.infer<typeof receiptRow>;

export const receiptReverseInput = z.object({
  batchId: idSchema,
  reversedOn: isoDate,
  reason: noteText('冲销原因', 200).min(1, '请写明冲销原因'),
});

export const receiptListQuery = listQuery;
export const receiptExportInput = exportViewInput;
