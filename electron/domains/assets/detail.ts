/** One asset's card with its whole movement history, as the card drawer shows it. */
import { inEffect } from '../../../shared/rules/assetState';
import {
  assetStatusLabels,
  disposalLabels,
  movementKindLabels,
  valueChangeLabels,
  type AssetDetail,
  type MovementRow,
} from '../../../shared/schemas/assets';
import { todayIso, yuanText } from '../../../shared/format';
import type { ServiceContext } from '../../db/context';
import { AppError } from '../../db/errors';
import { stmt } from '../../db/stmt';
import { movementFacts } from './facts';
import { ledgerRowOf, namesOf } from './ledger';
import { reversibleMovement } from './reversible';

interface RawMovement {
  id: number;
  kind: MovementRow['kind'];
  moved_on: string;
  from_clinic_id: number | null;
  to_clinic_id: number | null;
  value_fen: number;
  life_months: number | null;
  status: string;
  method: string;
  approval_no: string;
  approval_date: string | null;
  proceeds_fen: number;
  reason: string;
  sent_by: string;
  received_by: string;
  reverses_id: number | null;
  recorded_at: string;
  recorded_by: string;
}

export function getAsset(ctx: ServiceContext, id: number): AssetDetail {
  const card = stmt(ctx.db, 'SELECT custodian_id AS custodianId, note FROM assets WHERE id = ?').get(id) as
    { custodianId: number | null; note: string } | undefined;
  if (!card) throw new AppError('NOT_FOUND', '没有找到该资产，请刷新后重试');
  const names = namesOf(ctx.db);
  const raw = stmt(ctx.db, 'SELECT * FROM asset_movements WHERE asset_id = ? ORDER BY id').all(id) as RawMovement[];
  const reversedBy = new Map(raw.filter((m) => m.reverses_id !== null).map((m) => [m.reverses_id as number, m.id]));
  const kinds = new Map(raw.map((m) => [m.id, m]));
  const summary = (m: RawMovement): string => {
    switch (m.kind) {
      case 'acquire':
        return `入账 ${names.clinic(m.to_clinic_id)}，原值 ${yuanText(m.value_fen)}，使用年限 ${m.life_months ?? 0} 个月`;
      case 'transfer':
        return `${names.clinic(m.from_clinic_id)} → ${names.clinic(m.to_clinic_id)}`;
      case 'value_change':
        return `${valueChangeLabels[m.method as keyof typeof valueChangeLabels] ?? m.method} ${m.value_fen > 0 ? '+' : '−'}${yuanText(Math.abs(m.value_fen))}${m.life_months !== null ? `，使用年限改为 ${m.life_months} 个月` : ''}`;
      case 'status':
        return `状态改为“${assetStatusLabels[m.status as keyof typeof assetStatusLabels] ?? m.status}”`;
      case 'dispose':
        return `${disposalLabels[m.method as keyof typeof disposalLabels] ?? m.method}${m.proceeds_fen > 0 ? `，收入 ${yuanText(m.proceeds_fen)}` : ''}`;
      case 'reversal': {
        const t = m.reverses_id === null ? undefined : kinds.get(m.reverses_id);
        return t ? `冲销 ${t.moved_on} 的${movementKindLabels[t.kind]}（${summary(t)}）` : '冲销';
      }
    }
  };
  const movements: MovementRow[] = raw.map((m) => ({
    id: m.id,
    kind: m.kind,
    date: m.moved_on,
    summary: summary(m),
    fromName: m.kind === 'transfer' || m.kind === 'dispose' ? names.clinic(m.from_clinic_id) : '',
    toName: m.kind === 'transfer' || m.kind === 'acquire' ? names.clinic(m.to_clinic_id) : '',
    deltaFen: m.kind === 'acquire' || m.kind === 'value_change' ? m.value_fen : 0,
    method: m.method,
    status: m.status,
    approvalNo: m.approval_no,
    approvalDate: m.approval_date,
    reason: m.reason,
    sentBy: m.sent_by,
    receivedBy: m.received_by,
    reversesId: m.reverses_id,
    reversedById: reversedBy.get(m.id) ?? null,
    recordedAt: m.recorded_at,
    recordedBy: m.recorded_by,
  }));
  const row = ledgerRowOf(ctx.db, id, todayIso(ctx.now()));
  return {
    ...row,
    custodianId: card.custodianId,
    note: card.note,
    movements,
    reversibleId: reversibleMovement(inEffect(movementFacts(ctx.db, id)))?.id ?? null,
  };
}
