/**
 * Stock moving between places, and stocktake corrections (D9): a clinic's return to the center
 * (退回中心: out at the clinic, in at the center), a transfer between clinics (调剂, usually
 * near-expiry stock: out at one, in at the other) — each two movements of the same kind and
 * day naming each other — and an adjustment (盘点调整, + surplus or − loss) with its required
 * reason. All through recordMovement; nothing is changed or deleted, a correction is a new one.
 */
import { chineseDate, todayIso, yuanText } from '../../../../shared/format';
import type { AdjustInput, ReturnInput, TransferInput } from '../../../../shared/schemas/stock';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { CENTER, recordMovement } from './movements';
import { batchInfo, clinicName, ensureAvailable, placeName } from './places';

export interface MoveResult {
  movements: number;
  packs: number;
  amountFen: number;
}

/** Stock moves are recorded after the fact: a day still to come is a typing slip. */
const noFuture = (ctx: ServiceContext, day: string) => {
  const today = todayIso(ctx.now());
  if (day > today) throw new AppError('VALIDATION', `日期 ${chineseDate(day)} 还没有到，不能登记将来的出入库`, { field: 'movedOn' });
};

export function returnToCenter(ctx: ServiceContext, v: ReturnInput): MoveResult {
  const clinic = clinicName(ctx.db, v.clinicId);
  const b = batchInfo(ctx.db, v.batchId);
  noFuture(ctx, v.movedOn);
  return ctx.db
    .transaction(() => {
      ensureAvailable(ctx, b, v.clinicId, v.movedOn, v.packs);
      const reason = v.reason;
      recordMovement(ctx, {
        batchId: b.id,
        place: v.clinicId,
        kind: 'return',
        movedOn: v.movedOn,
        packs: -v.packs,
        other: 'center',
        reason,
      });
      recordMovement(ctx, {
        batchId: b.id,
        place: CENTER,
        kind: 'return',
        movedOn: v.movedOn,
        packs: v.packs,
        other: { clinicId: v.clinicId },
        reason,
      });
      audit(ctx, {
        action: 'stock.return',
        entity: 'drug_batch',
        entityId: b.id,
        summary: `${clinic} 退回中心 ${b.drugName} 批号 ${b.lotNo} ${v.packs} ${b.packUnit}，${yuanText(v.packs * b.priceFen)}（${v.movedOn}）${reason ? `：${reason}` : ''}`,
        after: v,
      });
      return { movements: 2, packs: v.packs, amountFen: v.packs * b.priceFen };
    })
    .immediate();
}

export function transferBetweenClinics(ctx: ServiceContext, v: TransferInput): MoveResult {
  const from = clinicName(ctx.db, v.fromClinicId);
  const to = clinicName(ctx.db, v.toClinicId);
  const b = batchInfo(ctx.db, v.batchId);
  noFuture(ctx, v.movedOn);
  return ctx.db
    .transaction(() => {
      ensureAvailable(ctx, b, v.fromClinicId, v.movedOn, v.packs);
      const base = { batchId: b.id, kind: 'transfer' as const, movedOn: v.movedOn, reason: v.reason };
      recordMovement(ctx, { ...base, place: v.fromClinicId, packs: -v.packs, other: { clinicId: v.toClinicId } });
      recordMovement(ctx, { ...base, place: v.toClinicId, packs: v.packs, other: { clinicId: v.fromClinicId } });
      audit(ctx, {
        action: 'stock.transfer',
        entity: 'drug_batch',
        entityId: b.id,
        summary: `${from} 调剂给 ${to}：${b.drugName} 批号 ${b.lotNo} ${v.packs} ${b.packUnit}，${yuanText(v.packs * b.priceFen)}（${v.movedOn}）`,
        after: v,
      });
      return { movements: 2, packs: v.packs, amountFen: v.packs * b.priceFen };
    })
    .immediate();
}

export function adjustStock(ctx: ServiceContext, v: AdjustInput): MoveResult {
  if (v.clinicId !== null) clinicName(ctx.db, v.clinicId);
  const b = batchInfo(ctx.db, v.batchId);
  noFuture(ctx, v.movedOn);
  return ctx.db
    .transaction(() => {
      if (v.packs < 0) ensureAvailable(ctx, b, v.clinicId, v.movedOn, -v.packs);
      recordMovement(ctx, { batchId: b.id, place: v.clinicId, kind: 'adjust', movedOn: v.movedOn, packs: v.packs, reason: v.reason });
      audit(ctx, {
        action: 'stock.adjust',
        entity: 'drug_batch',
        entityId: b.id,
        summary: `${placeName(ctx.db, v.clinicId)} 盘点${v.packs > 0 ? '盘盈' : '盘亏'} ${b.drugName} 批号 ${b.lotNo} ${Math.abs(v.packs)} ${b.packUnit}（${v.movedOn}）：${v.reason}`,
        after: v,
      });
      return { movements: 1, packs: v.packs, amountFen: v.packs * b.priceFen };
    })
    .immediate();
}
