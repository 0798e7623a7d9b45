/**
 * Opening and editing asset cards. Opening a card records its acquisition (入账) as the first
 * movement; afterwards only the descriptive fields are edited here — holder, value and status
 * change by movements (movements.ts).
 */
import type { z } from 'zod';
import { todayIso, yuanText } from '../../../shared/format';
import type { AssetDetail, AssetInput, assetCardInput } from '../../../shared/schemas/assets';
import { defaultLifeMonthsFrom } from '../../../shared/schemas/settings';
import { assetLabels, fundingLabels } from '../../../shared/schemas/assets';
import type { ServiceContext } from '../../db/context';
import { AppError, invalid } from '../../db/errors';
import { audit } from '../../db/audit';
import { stmt } from '../../db/stmt';
import { readSettings } from '../settings/service';
import { nextAssetCode } from './codes';
import { getAsset } from './detail';
import { holderName } from './state';

type CardValues = z.output<typeof assetCardInput>;

/** A holder must be an open clinic (or the center, null). */
export function assertOpenClinic(ctx: ServiceContext, clinicId: number | null, field: string): void {
  if (clinicId === null) return;
  const c = stmt(ctx.db, 'SELECT name, status FROM clinics WHERE id = ?').get(clinicId) as { name: string; status: string } | undefined;
  if (!c) throw invalid(field, '没有这个卫生室，请刷新后重新选择');
  if (c.status !== 'open') throw invalid(field, `“${c.name}”已撤销，不能再存放资产`);
}

export function assertCustodian(ctx: ServiceContext, personId: number | null, field = 'custodianId'): void {
  if (personId === null) return;
  const p = stmt(ctx.db, 'SELECT name, status FROM people WHERE id = ?').get(personId) as { name: string; status: string } | undefined;
  if (!p) throw invalid(field, '没有这个人员，请刷新后重新选择保管人');
  if (p.status !== 'active') throw invalid(field, `${p.name}已退出，不能再作保管人`);
}

export function assertNotFuture(ctx: ServiceContext, date: string, field: string, label: string): void {
  if (date > todayIso(ctx.now())) throw invalid(field, `${label}不能晚于今天`);
}

interface InsertExtras {
  oldCode?: string;
  stocktakeId?: number;
  reason?: string;
}

/** Inserts a card and its acquisition inside the caller's transaction; returns its id. */
export function insertAsset(ctx: ServiceContext, v: AssetInput, extras: InsertExtras = {}): number {
  assertOpenClinic(ctx, v.holderClinicId, 'holderClinicId');
  assertCustodian(ctx, v.custodianId);
  assertNotFuture(ctx, v.acquiredOn, 'acquiredOn', assetLabels.acquiredOn);
  const inService = v.inServiceOn ?? v.acquiredOn;
  assertNotFuture(ctx, inService, 'inServiceOn', assetLabels.inServiceOn);
  const life = v.lifeMonths ?? defaultLifeMonthsFrom(readSettings(ctx.db), v.category);
  const at = ctx.now().toISOString();
  const code = nextAssetCode(ctx.db, v.holderClinicId);
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO assets (code, old_code, name, category, model, quantity, unit, funding, acquired_on, in_service_on, life_months,
        custodian_id, location, note, holder_clinic_id, value_fen, status, last_moved_on, created_at, updated_at)
      VALUES (@code, @oldCode, @name, @category, @model, @quantity, @unit, @funding, @acquiredOn, @inService, @life,
        @custodianId, @location, @note, @holderClinicId, @valueFen, 'in_use', @inService, @at, @at)`,
    ).run({
      ...v,
      code,
      oldCode: extras.oldCode ?? '',
      inService,
      life,
      at,
    }).lastInsertRowid,
  );
  stmt(
    ctx.db,
    `INSERT INTO asset_movements (asset_id, kind, moved_on, to_clinic_id, value_fen, life_months, reason, stocktake_id, recorded_at, recorded_by)
    VALUES (?, 'acquire', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    inService,
    v.holderClinicId,
    v.valueFen,
    life,
    extras.reason ?? fundingLabels[v.funding],
    extras.stocktakeId ?? null,
    at,
    ctx.actor,
  );
  audit(ctx, {
    action: 'create',
    entity: 'asset',
    entityId: id,
    summary: `资产入账：${code} ${v.name}（${holderName(ctx.db, v.holderClinicId)}，原值 ${yuanText(v.valueFen)}）`,
  });
  return id;
}

export function createAsset(ctx: ServiceContext, v: AssetInput): AssetDetail {
  const id = ctx.db.transaction(() => insertAsset(ctx, v)).immediate();
  return getAsset(ctx, id);
}

const cardColumns: Record<keyof CardValues, string> = {
  name: 'name',
  category: 'category',
  model: 'model',
  quantity: 'quantity',
  unit: 'unit',
  funding: 'funding',
  acquiredOn: 'acquired_on',
  custodianId: 'custodian_id',
  location: 'location',
  note: 'note',
};

/** Writes the changed card fields only; the audit row lists them with their old values. */
export function updateAssetCard(ctx: ServiceContext, id: number, v: CardValues): AssetDetail {
  ctx.db
    .transaction(() => {
      const before = stmt(ctx.db, 'SELECT * FROM assets WHERE id = ?').get(id) as Record<string, unknown> | undefined;
      if (!before) throw new AppError('NOT_FOUND', '没有找到该资产，请刷新后重试');
      if (before.status === 'void') throw new AppError('CONFLICT', '该资产卡片已作废，不能再修改');
      assertCustodian(ctx, before.custodian_id === v.custodianId ? null : v.custodianId);
      assertNotFuture(ctx, v.acquiredOn, 'acquiredOn', assetLabels.acquiredOn);
      if (v.acquiredOn > String(before.in_service_on))
        throw invalid('acquiredOn', `购置日期不能晚于入账（启用）日期 ${String(before.in_service_on)}`);
      const changed = (Object.keys(cardColumns) as (keyof CardValues)[]).filter((k) => (before[cardColumns[k]] ?? null) !== v[k]);
      if (changed.length === 0) return;
      ctx.db
        .prepare(`UPDATE assets SET ${changed.map((k) => `${cardColumns[k]} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`)
        .run({ ...Object.fromEntries(changed.map((k) => [k, v[k]])), at: ctx.now().toISOString(), id });
      audit(ctx, {
        action: 'update',
        entity: 'asset',
        entityId: id,
        summary: `修改资产卡片：${String(before.code)} ${v.name}（${changed.map((k) => assetLabels[k]).join('、')}）`,
        before: Object.fromEntries(changed.map((k) => [k, before[cardColumns[k]]])),
        after: Object.fromEntries(changed.map((k) => [k, v[k]])),
      });
    })
    .immediate();
  return getAsset(ctx, id);
}
