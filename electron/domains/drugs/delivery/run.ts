/**
 * Running a month's delivery (issue 10 part 5, D9, D4): the plan (plan.ts) recomputed inside one
 * IMMEDIATE transaction, then written — one `deliveries` head per clinic that gets anything, two
 * movements per batch picked (the center −packs naming the clinic, the clinic +packs naming the
 * center, kind 'delivery', same day, same head), and a `drug_shortages` row per line left short,
 * with its reason and the head when there is one. All or nothing: a failure writes none of it.
 * A movement counts in the month of its own date, whatever month it served.
 */
import { chineseDate, todayIso } from '../../../../shared/format';
import { shortageReasonLabels } from '../../../../shared/rules/fefo';
import type { DeliveryRunOutput } from '../../../../shared/schemas/deliveries';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { CENTER, recordMovements, type MovementInput } from '../stock/movements';
import { computePlan } from './plan';

/** The 配送单's number: PS, the month it served, the head's id (PS202612-0042). */
export function deliveryNumber(month: string, id: number): string {
  return `PS${month.replace('-', '')}-${String(id).padStart(4, '0')}`;
}

export function runDelivery(ctx: ServiceContext, month: string, deliveredOn: string): DeliveryRunOutput {
  const today = todayIso(ctx.now());
  // Goods are recorded as they move: a day after today is a typing mistake, not a plan (the preview may look ahead).
  if (deliveredOn > today) {
    throw new AppError(
      'VALIDATION',
      `配送日期 ${chineseDate(deliveredOn)} 晚于今天（${chineseDate(today)}），请在药品实际送出的当天或之后登记`,
      {
        field: 'deliveredOn',
      },
    );
  }
  return ctx.db
    .transaction(() => {
      const { plan, byClinic } = computePlan(ctx.db, month, deliveredOn);
      if (plan.clinics.length === 0) {
        const why =
          plan.approvedRequisitions === 0
            ? `${month} 没有已批准的需求计划${plan.notApproved > 0 ? `（${plan.notApproved} 份待审批或未提交，批准后才能配送）` : ''}`
            : `${month} 已批准的需求都已配送或登记为短缺，没有剩余可配送的药品`;
        throw new AppError('CONFLICT', why);
      }
      const at = ctx.now().toISOString();
      const insertHead = stmt(
        ctx.db,
        'INSERT INTO deliveries (month, delivered_on, clinic_id, delivered_by, created_at) VALUES (?, ?, ?, ?, ?)',
      );
      const insertShortage = stmt(
        ctx.db,
        `INSERT INTO drug_shortages (month, recorded_on, clinic_id, drug_id, requisition_line_id, delivery_id, packs, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const deliveryIds: number[] = [];
      const moves: MovementInput[] = [];
      let shortages = 0;
      for (const [clinicId, w] of byClinic) {
        let head: number | null = null;
        if (w.picks.length > 0) {
          head = Number(insertHead.run(month, deliveredOn, clinicId, ctx.actor, at).lastInsertRowid);
          deliveryIds.push(head);
        }
        const deliveryId = head ?? undefined;
        const toClinic = { clinicId };
        for (const p of w.picks) {
          moves.push(
            { batchId: p.batchId, kind: 'delivery', movedOn: deliveredOn, deliveryId, place: CENTER, packs: -p.packs, other: toClinic },
            { batchId: p.batchId, kind: 'delivery', movedOn: deliveredOn, deliveryId, place: clinicId, packs: p.packs, other: 'center' },
          );
        }
        for (const s of w.shortages) {
          insertShortage.run(month, deliveredOn, clinicId, s.drugId, s.lineId, head, s.packs, shortageReasonLabels[s.reason]);
          shortages += 1;
        }
      }
      // Every pair in a few multi-row statements, in the order above: the triggers still check and keep each row;
      // one statement per row cost a statement journal each, most of the run's time (movements.ts recordMovements).
      recordMovements(ctx, moves);
      audit(ctx, {
        action: 'create',
        entity: 'delivery',
        entityId: deliveryIds[0] ?? null,
        summary: `配送 ${month} 的需求（${deliveredOn}）：${deliveryIds.length} 个卫生室，${plan.servedPacks} 个包装，短缺 ${shortages} 项`,
      });
      return { plan, deliveryIds, shortages };
    })
    .immediate();
}
