/**
 * Recording movements (A3): transfers, value changes, status changes, disposals, and the
 * reversal (冲销更正) that undoes a mistaken one. Movements are append-only (the database
 * refuses to update or delete them); each write also refreshes the card's cached state and
 * writes its audit row, in one transaction.
 *
 * Order is kept simple on purpose: a new movement may not be dated before the asset's latest
 * one in effect, and only that latest one can be reversed — so the chain of holders and values
 * never has to be re-threaded, and "the ledger as of date X" is always a prefix of it.
 */
import { accumulatedAt, lifeInForce, monthIndex } from '../../../shared/rules/depreciation';
import { depreciationBasis, inEffect, stateAt, type MovementFact } from '../../../shared/rules/assetState';
import { chineseDate, todayIso, yuanText } from '../../../shared/format';
import {
  assetStatusLabels,
  disposalLabels,
  movementKindLabels,
  valueChangeLabels,
  type AssetDetail,
  type MovementInput,
} from '../../../shared/schemas/assets';
import type { ServiceContext } from '../../db/context';
import { AppError, invalid } from '../../db/errors';
import { audit } from '../../db/audit';
import { stmt } from '../../db/stmt';
import { getAsset } from './detail';
import { movementFacts } from './facts';
import { reversibleMovement } from './reversible';
import { holderName, refreshAssetCache } from './state';
import { assertCustodian, assertNotFuture, assertOpenClinic } from './write';

interface Loaded {
  code: string;
  name: string;
  effective: MovementFact[];
}

function load(ctx: ServiceContext, assetId: number): Loaded {
  const card = stmt(ctx.db, 'SELECT code, name FROM assets WHERE id = ?').get(assetId) as { code: string; name: string } | undefined;
  if (!card) throw new AppError('NOT_FOUND', '没有找到该资产，请刷新后重试');
  return { ...card, effective: inEffect(movementFacts(ctx.db, assetId)) };
}

interface Row {
  kind: MovementInput['kind'];
  fromClinicId?: number | null;
  toClinicId?: number | null;
  valueFen?: number;
  lifeMonths?: number | null;
  status?: string;
  method?: string;
  approvalNo?: string;
  approvalDate?: string | null;
  proceedsFen?: number;
  sentBy?: string;
  receivedBy?: string;
}

/** Inserts a movement inside the caller's transaction (stocktakes use it too). */
export function insertMovement(
  ctx: ServiceContext,
  assetId: number,
  date: string,
  reason: string,
  r: Row,
  stocktakeId: number | null = null,
): number {
  const at = ctx.now().toISOString();
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO asset_movements (asset_id, kind, moved_on, from_clinic_id, to_clinic_id, value_fen, life_months, status, method,
        approval_no, approval_date, proceeds_fen, reason, sent_by, received_by, stocktake_id, recorded_at, recorded_by)
      VALUES (@assetId, @kind, @date, @fromClinicId, @toClinicId, @valueFen, @lifeMonths, @status, @method,
        @approvalNo, @approvalDate, @proceedsFen, @reason, @sentBy, @receivedBy, @stocktakeId, @at, @actor)`,
    ).run({
      assetId,
      kind: r.kind,
      date,
      fromClinicId: r.fromClinicId ?? null,
      toClinicId: r.toClinicId ?? null,
      valueFen: r.valueFen ?? 0,
      lifeMonths: r.lifeMonths ?? null,
      status: r.status ?? '',
      method: r.method ?? '',
      approvalNo: r.approvalNo ?? '',
      approvalDate: r.approvalDate ?? null,
      proceedsFen: r.proceedsFen ?? 0,
      reason,
      sentBy: r.sentBy ?? '',
      receivedBy: r.receivedBy ?? '',
      stocktakeId,
      at,
      actor: ctx.actor,
    }).lastInsertRowid,
  );
  refreshAssetCache(ctx.db, assetId, at);
  return id;
}

/** Checks a movement against the asset's state and turns it into a row and an audit line. */
function plan(ctx: ServiceContext, a: Loaded, m: MovementInput): { row: Row; summary: string } {
  const state = stateAt(a.effective, null);
  const last = a.effective[a.effective.length - 1];
  if (!state.exists) throw new AppError('CONFLICT', `${a.code} ${a.name} 的卡片已作废，不能再登记变动`);
  if (state.status === 'disposed')
    throw new AppError('CONFLICT', `${a.code} ${a.name} 已于 ${state.disposedOn ?? ''} 处置，不能再登记变动`);
  assertNotFuture(ctx, m.date, 'date', '变动日期');
  if (last && m.date < last.date) {
    throw invalid(
      'date',
      `变动日期不能早于该资产最近一次变动（${movementKindLabels[last.kind]}，${chineseDate(last.date)}）；如那次登记有误，请先冲销它`,
    );
  }
  const from = holderName(ctx.db, state.holderClinicId);
  switch (m.kind) {
    case 'transfer': {
      if (m.toClinicId === state.holderClinicId) throw invalid('toClinicId', `该资产已在“${from}”，请选择调入的单位`);
      assertOpenClinic(ctx, m.toClinicId, 'toClinicId');
      assertCustodian(ctx, m.custodianId);
      const to = holderName(ctx.db, m.toClinicId);
      return {
        row: { kind: 'transfer', fromClinicId: state.holderClinicId, toClinicId: m.toClinicId, sentBy: m.sentBy, receivedBy: m.receivedBy },
        summary: `资产调拨：${a.code} ${a.name}，${from} → ${to}（${m.reason}；调出方 ${m.sentBy}，调入方 ${m.receivedBy}）`,
      };
    }
    case 'value_change': {
      const basis = depreciationBasis(a.effective);
      const month = monthIndex(m.date);
      const accumulated = basis ? accumulatedAt(basis, month - 1) : 0;
      const newValue = state.valueFen + m.deltaFen;
      if (newValue < 0) throw invalid('deltaFen', `减少的金额不能超过原值 ${yuanText(state.valueFen)}`);
      if (newValue < accumulated)
        throw invalid('deltaFen', `变动后原值 ${yuanText(newValue)} 低于已提折旧 ${yuanText(accumulated)}，请核对金额`);
      const elapsed = basis ? Math.max(0, month - basis.startMonth) : 0;
      const lifeMonths = m.remainingMonths === null ? null : elapsed + m.remainingMonths;
      if (basis && lifeMonths === null && m.deltaFen > 0 && basis.lifeMonths > 0) {
        if (lifeInForce(basis) - elapsed <= 0) throw invalid('remainingMonths', '该资产已提足折旧，增加原值时请填写新的剩余使用月数');
      }
      return {
        row: { kind: 'value_change', valueFen: m.deltaFen, lifeMonths, method: m.method, approvalNo: m.approvalNo },
        summary: `原值变动：${a.code} ${a.name}，${valueChangeLabels[m.method]} ${m.deltaFen > 0 ? '增加' : '减少'} ${yuanText(Math.abs(m.deltaFen))}，变动后 ${yuanText(newValue)}`,
      };
    }
    case 'status': {
      if (m.status === state.status) throw invalid('status', `该资产已是“${assetStatusLabels[m.status]}”`);
      return {
        row: { kind: 'status', status: m.status },
        summary: `资产状态变更：${a.code} ${a.name}，${assetStatusLabels[state.status as keyof typeof assetStatusLabels] ?? state.status} → ${assetStatusLabels[m.status]}`,
      };
    }
    case 'dispose':
      return {
        row: {
          kind: 'dispose',
          fromClinicId: state.holderClinicId,
          method: m.method,
          approvalNo: m.approvalNo,
          approvalDate: m.approvalDate,
          proceedsFen: m.proceedsFen,
        },
        summary: `资产处置：${a.code} ${a.name}（${from}），${disposalLabels[m.method]}，批准文号 ${m.approvalNo}（${m.approvalDate}）`,
      };
  }
}

export function recordMovement(ctx: ServiceContext, m: MovementInput): AssetDetail {
  ctx.db
    .transaction(() => {
      const a = load(ctx, m.assetId);
      const { row, summary } = plan(ctx, a, m);
      const id = insertMovement(ctx, m.assetId, m.date, m.reason, row);
      if (m.kind === 'transfer' && m.custodianId !== null) {
        stmt(ctx.db, 'UPDATE assets SET custodian_id = ? WHERE id = ?').run(m.custodianId, m.assetId);
      }
      audit(ctx, { action: m.kind, entity: 'asset', entityId: m.assetId, summary, after: { movementId: id } });
    })
    .immediate();
  return getAsset(ctx, m.assetId);
}

export function reverseMovement(ctx: ServiceContext, input: { assetId: number; movementId: number; reason: string }): AssetDetail {
  ctx.db
    .transaction(() => {
      const a = load(ctx, input.assetId);
      const target = reversibleMovement(a.effective);
      const exists = stmt(ctx.db, 'SELECT kind, reverses_id FROM asset_movements WHERE id = ? AND asset_id = ?').get(
        input.movementId,
        input.assetId,
      ) as { kind: string; reverses_id: number | null } | undefined;
      if (!exists) throw new AppError('NOT_FOUND', '该资产没有这条变动记录，请刷新后重试');
      if (exists.kind === 'reversal') throw new AppError('CONFLICT', '冲销记录本身不能再冲销；如冲销有误，请重新登记那次变动');
      if (!target || target.id !== input.movementId) {
        const latest = target ? `（${movementKindLabels[target.kind]}，${target.date}）` : '';
        throw new AppError('CONFLICT', `只能冲销该资产最近一次有效的变动${latest}；更早的登记有误时，请从最近一次起依次冲销`);
      }
      const at = ctx.now().toISOString();
      stmt(
        ctx.db,
        `INSERT INTO asset_movements (asset_id, kind, moved_on, reverses_id, reason, recorded_at, recorded_by)
      VALUES (?, 'reversal', ?, ?, ?, ?, ?)`,
      ).run(input.assetId, todayIso(ctx.now()), input.movementId, input.reason, at, ctx.actor);
      refreshAssetCache(ctx.db, input.assetId, at);
      const voided = target.kind === 'acquire' ? '，卡片作废（编号不再使用）' : '';
      audit(ctx, {
        action: 'reverse',
        entity: 'asset',
        entityId: input.assetId,
        summary: `冲销更正：${a.code} ${a.name} 的${movementKindLabels[target.kind]}（${target.date}）${voided}。原因：${input.reason}`,
      });
    })
    .immediate();
  return getAsset(ctx, input.assetId);
}
