/**
 * Saving receipts into the center's store (issue 10 part 4, D9): each line becomes one
 * `drug_batches` row and one 'receipt' movement at the center (stock/movements.ts, the only
 * writer of movements). A note is one transaction: a refused line saves nothing. A wrong line
 * is undone by a reversing 'adjust' movement with its reason (冲销), never by an edit — and only
 * while the whole batch is still in the store, so nothing delivered from it is left unexplained.
 */
import { chineseDate, todayIso } from '../../../../shared/format';
import type { ReceiptLineValues, ReceiptValues } from '../../../../shared/schemas/receipts';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';
import { batchOnHand, CENTER, recordMovement } from '../stock/movements';
import { checkReceiptLine } from './check';

/** The reason a reversing movement carries, so a reversed receipt is known by it. */
export const REVERSAL_PREFIX = '冲销入库';

export interface ReceiptHead {
  receivedOn: string;
  supplier: string;
  invoiceNo: string;
}

function drugLabel(ctx: ServiceContext, drugId: number): string {
  const d = stmt(ctx.db, 'SELECT generic_name, spec FROM drugs WHERE id = ?').get(drugId) as
    { generic_name: string; spec: string } | undefined;
  if (!d) throw new AppError('NOT_FOUND', `没有找到药品（编号 ${drugId}），请从药品目录中选择`);
  return `${d.generic_name}${d.spec ? ` ${d.spec}` : ''}`;
}

/** One line inside the caller's transaction; returns the batch and the line's warnings. Throws the line's refusal. */
export function saveReceiptLine(
  ctx: ServiceContext,
  head: ReceiptHead,
  line: ReceiptLineValues,
  nearExpiryDays: number,
): { batchId: number; warnings: string[] } {
  const label = drugLabel(ctx, line.drugId);
  const check = checkReceiptLine(ctx, line, head.receivedOn, nearExpiryDays);
  if (check.error) throw new AppError('VALIDATION', `${label}（批号 ${line.lotNo}）：${check.error}`);
  const batchId = Number(
    stmt(
      ctx.db,
      `INSERT INTO drug_batches (drug_id, lot_no, produced_on, expires_on, price_fen, supplier, invoice_no, received_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      line.drugId,
      line.lotNo,
      line.producedOn,
      line.expiresOn,
      line.priceFen,
      head.supplier,
      head.invoiceNo,
      head.receivedOn,
      ctx.now().toISOString(),
    ).lastInsertRowid,
  );
  recordMovement(ctx, { batchId, place: CENTER, kind: 'receipt', movedOn: head.receivedOn, packs: line.packs });
  return { batchId, warnings: check.warnings.map((w) => `${label}（批号 ${line.lotNo}）：${w}`) };
}

/** A whole note (the form's 新增入库单): all lines or none. */
export function saveReceipt(ctx: ServiceContext, v: ReceiptValues): { batchIds: number[]; warnings: string[] } {
  const today = todayIso(ctx.now());
  if (v.receivedOn > today) {
    throw new AppError(
      'VALIDATION',
      `入库日期 ${chineseDate(v.receivedOn)} 晚于今天（${chineseDate(today)}），请填写药品实际到货验收的日期`,
      {
        field: 'receivedOn',
      },
    );
  }
  return ctx.db
    .transaction(() => {
      const days = readSettings(ctx.db).nearExpiryDays;
      const batchIds: number[] = [];
      const warnings: string[] = [];
      v.lines.forEach((line, i) => {
        try {
          const saved = saveReceiptLine(ctx, v, line, days);
          batchIds.push(saved.batchId);
          warnings.push(...saved.warnings);
        } catch (e) {
          if (e instanceof AppError)
            throw new AppError(e.code, `第 ${i + 1} 行 ${e.message}`, { field: `lines.${i}.expiresOn`, row: i + 1 });
          throw e;
        }
      });
      audit(ctx, {
        action: 'create',
        entity: 'receipt',
        entityId: batchIds[0] ?? null,
        summary: `采购入库 ${v.receivedOn}${v.supplier ? ` ${v.supplier}` : ''}${v.invoiceNo ? ` 发票 ${v.invoiceNo}` : ''}：${v.lines.length} 行`,
        after: v,
      });
      return { batchIds, warnings };
    })
    .immediate();
}

interface BatchFacts {
  lot_no: string;
  received_on: string;
  received: number;
  reversed: number;
}

function batchFacts(ctx: ServiceContext, batchId: number): BatchFacts {
  const b = stmt(
    ctx.db,
    `SELECT b.lot_no, b.received_on,
        (SELECT coalesce(sum(packs), 0) FROM stock_movements WHERE batch_id = b.id AND clinic_id IS NULL AND kind = 'receipt') AS received,
        (SELECT count(*) FROM stock_movements WHERE batch_id = b.id AND clinic_id IS NULL AND kind = 'adjust' AND reason LIKE '${REVERSAL_PREFIX}%') AS reversed
       FROM drug_batches b WHERE b.id = ?`,
  ).get(batchId) as BatchFacts | undefined;
  if (!b) throw new AppError('NOT_FOUND', `没有找到该入库批次（编号 ${batchId}），请刷新后重试`);
  return b;
}

/** 冲销: takes the whole batch out of the store again with the reason; refused once any of it has left. */
export function reverseReceipt(ctx: ServiceContext, v: { batchId: number; reversedOn: string; reason: string }): void {
  ctx.db
    .transaction(() => {
      const b = batchFacts(ctx, v.batchId);
      if (b.reversed > 0) throw new AppError('CONFLICT', `批号 ${b.lot_no} 的入库已经冲销过，不能再次冲销`);
      if (v.reversedOn < b.received_on) {
        throw new AppError(
          'VALIDATION',
          `冲销日期 ${chineseDate(v.reversedOn)} 早于入库日期 ${chineseDate(b.received_on)}，请改为入库当天或以后`,
          {
            field: 'reversedOn',
          },
        );
      }
      const inStore = batchOnHand(ctx.db, v.batchId, CENTER);
      if (inStore !== b.received) {
        throw new AppError(
          'CONFLICT',
          `批号 ${b.lot_no} 入库 ${b.received} 个包装，中心库现存 ${inStore} 个，已有出库，不能整笔冲销；请用盘点调整或退货处理`,
        );
      }
      recordMovement(ctx, {
        batchId: v.batchId,
        place: CENTER,
        kind: 'adjust',
        movedOn: v.reversedOn,
        packs: -b.received,
        reason: `${REVERSAL_PREFIX}：${v.reason}`,
      });
      audit(ctx, {
        action: 'reverse',
        entity: 'receipt',
        entityId: v.batchId,
        summary: `冲销入库：批号 ${b.lot_no}，${b.received} 个包装（${v.reason}）`,
      });
    })
    .immediate();
}
