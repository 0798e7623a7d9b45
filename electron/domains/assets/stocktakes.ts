/**
 * Stocktakes (盘点, A3). Starting one lists what the ledger says the clinic (or the center, or
 * the whole township) holds, with value and book value as they stand that day. Each item is
 * marked found, missing or damaged — by hand or by scanning the label's code — and surplus
 * items found without a card are added. Closing is in stocktakeClose.ts.
 */
import type { z } from 'zod';
import { todayIso } from '../../../shared/format';
import type {
  stocktakeCreate,
  stocktakeMark,
  stocktakeMarkRest,
  stocktakeSurplus,
  StocktakeDetail,
  StocktakeItem,
  StocktakeRow,
} from '../../../shared/schemas/stocktakes';
import { itemResultLabels } from '../../../shared/schemas/stocktakes';
import type { ServiceContext } from '../../db/context';
import { AppError, invalid } from '../../db/errors';
import { audit } from '../../db/audit';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { isHeld, ledgerAsOf, namesOf } from './ledger';
import { holderName } from './state';
import { assertNotFuture, assertOpenClinic } from './write';

type Create = z.output<typeof stocktakeCreate>;
type Mark = z.output<typeof stocktakeMark>;
type Surplus = z.output<typeof stocktakeSurplus>;

interface Head {
  id: number;
  title: string;
  scope: StocktakeRow['scope'];
  clinic_id: number | null;
  started_on: string;
  closed_on: string | null;
  status: 'open' | 'closed';
}

function head(db: Db, id: number): Head {
  const h = stmt(db, 'SELECT * FROM stocktakes WHERE id = ?').get(id) as Head | undefined;
  if (!h) throw new AppError('NOT_FOUND', '没有找到这次盘点，请刷新后重试');
  return h;
}

function scopeName(db: Db, h: Pick<Head, 'scope' | 'clinic_id'>): string {
  return h.scope === 'all' ? '全乡镇' : holderName(db, h.scope === 'center' ? null : h.clinic_id);
}

export function rowOf(db: Db, h: Head): StocktakeRow {
  const counts = { total: 0, pending: 0, found: 0, missing: 0, damaged: 0, surplus: 0 };
  for (const r of stmt(db, 'SELECT result, count(*) AS n FROM stocktake_items WHERE stocktake_id = ? GROUP BY result').all(h.id) as {
    result: keyof typeof counts;
    n: number;
  }[]) {
    counts[r.result] = r.n;
    counts.total += r.n;
  }
  return {
    id: h.id,
    title: h.title,
    scope: h.scope,
    clinicName: scopeName(db, h),
    startedOn: h.started_on,
    closedOn: h.closed_on,
    status: h.status,
    counts,
  };
}

const ITEM_SQL = `SELECT i.id, i.asset_id AS assetId, coalesce(a.code, '') AS code, coalesce(a.name, i.name) AS name,
  coalesce(a.category, i.category) AS category, coalesce(a.model, i.model) AS model, i.holder_clinic_id AS holderId,
  i.value_fen AS valueFen, i.book_value_fen AS bookValueFen, i.result, i.note, i.checked_at AS checkedAt, i.checked_by AS checkedBy
  FROM stocktake_items i LEFT JOIN assets a ON a.id = i.asset_id`;

type RawItem = Omit<StocktakeItem, 'holderName'> & { holderId: number | null };

function itemOf(clinicName: (id: number | null) => string, r: RawItem): StocktakeItem {
  const { holderId, ...rest } = r;
  return { ...rest, holderName: clinicName(holderId) };
}

export function listStocktakes(ctx: ServiceContext): StocktakeRow[] {
  return (stmt(ctx.db, 'SELECT * FROM stocktakes ORDER BY id DESC').all() as Head[]).map((h) => rowOf(ctx.db, h));
}

export function getStocktake(ctx: ServiceContext, id: number): StocktakeDetail {
  const h = head(ctx.db, id);
  // Names read once for the whole list: a township-wide stocktake has thousands of items.
  const names = namesOf(ctx.db);
  const items = (stmt(ctx.db, `${ITEM_SQL} WHERE i.stocktake_id = ? ORDER BY i.result = 'surplus', code, i.id`).all(id) as RawItem[]).map(
    (r) => itemOf(names.clinic, r),
  );
  return { ...rowOf(ctx.db, h), items };
}

function inScope(h: Pick<Head, 'scope' | 'clinic_id'>, holder: number | null): boolean {
  return h.scope === 'all' || (h.scope === 'center' ? holder === null : holder === h.clinic_id);
}

export function createStocktake(ctx: ServiceContext, v: Create): StocktakeDetail {
  const id = ctx.db
    .transaction(() => {
      assertNotFuture(ctx, v.startedOn, 'startedOn', '盘点日期');
      const clinicId = v.scope === 'clinic' ? v.clinicId : null;
      assertOpenClinic(ctx, clinicId, 'clinicId');
      const open = (stmt(ctx.db, "SELECT * FROM stocktakes WHERE status = 'open'").all() as Head[]).find(
        (o) => o.scope === 'all' || v.scope === 'all' || (o.scope === v.scope && o.clinic_id === clinicId),
      );
      if (open)
        throw new AppError('CONFLICT', `“${open.title}”（${scopeName(ctx.db, open)}）还在盘点中，范围重叠；请先结束它再开始新的盘点`);
      const at = ctx.now().toISOString();
      const newId = Number(
        stmt(ctx.db, "INSERT INTO stocktakes (title, scope, clinic_id, started_on, status, created_by) VALUES (?, ?, ?, ?, 'open', ?)").run(
          v.title,
          v.scope,
          clinicId,
          v.startedOn,
          ctx.actor,
        ).lastInsertRowid,
      );
      const insert = stmt(
        ctx.db,
        `INSERT INTO stocktake_items (stocktake_id, asset_id, holder_clinic_id, result, value_fen, book_value_fen) VALUES (?, ?, ?, 'pending', ?, ?)`,
      );
      let n = 0;
      for (const a of ledgerAsOf(ctx.db, v.startedOn)) {
        if (!isHeld(a) || !inScope({ scope: v.scope, clinic_id: clinicId }, a.holderClinicId)) continue;
        insert.run(newId, a.id, a.holderClinicId, a.valueFen, a.bookValueFen);
        n++;
      }
      audit(ctx, {
        action: 'create',
        entity: 'stocktake',
        entityId: newId,
        summary: `开始盘点：${v.title}（${scopeName(ctx.db, { scope: v.scope, clinic_id: clinicId })}，账面 ${n} 项）`,
        after: { at },
      });
      return newId;
    })
    .immediate();
  return getStocktake(ctx, id);
}

export function openHead(db: Db, id: number): Head {
  const h = head(db, id);
  if (h.status === 'closed') throw new AppError('CONFLICT', `“${h.title}”已于 ${h.closed_on ?? ''} 结束，不能再修改`);
  return h;
}

/** The item a scanned or typed code names, with a message that says what to do when it is not here. */
function itemByCode(db: Db, h: Head, written: string): number {
  const code = written.trim().toUpperCase();
  const item = stmt(
    db,
    'SELECT i.id FROM stocktake_items i JOIN assets a ON a.id = i.asset_id WHERE i.stocktake_id = ? AND upper(a.code) = ?',
  )
    .pluck()
    .get(h.id, code);
  if (item !== undefined) return Number(item);
  const asset = stmt(db, 'SELECT name, holder_clinic_id AS holder, status FROM assets WHERE upper(code) = ?').get(code) as
    { name: string; holder: number | null; status: string } | undefined;
  if (!asset) throw invalid('code', `没有编号为“${written.trim()}”的资产；请核对标签，无卡片的实物请按“盘盈”登记`);
  throw invalid(
    'code',
    `编号 ${code}（${asset.name}）登记在“${holderName(db, asset.holder)}”，不在本次盘点范围内；如实物确在此处，请先办理调拨或按盘盈登记`,
  );
}

export function markItem(ctx: ServiceContext, v: Mark): { item: StocktakeItem; stocktake: StocktakeRow } {
  const id = ctx.db
    .transaction(() => {
      const h = openHead(ctx.db, v.stocktakeId);
      const itemId = v.itemId ?? itemByCode(ctx.db, h, v.code ?? '');
      const item = stmt(ctx.db, 'SELECT result FROM stocktake_items WHERE id = ? AND stocktake_id = ?').get(itemId, h.id) as
        { result: string } | undefined;
      if (!item) throw new AppError('NOT_FOUND', '本次盘点没有这一项，请刷新后重试');
      if (item.result === 'surplus') throw invalid('result', '盘盈项目无需标记');
      stmt(ctx.db, 'UPDATE stocktake_items SET result = ?, note = ?, checked_at = ?, checked_by = ? WHERE id = ?').run(
        v.result,
        v.note,
        v.result === 'pending' ? null : ctx.now().toISOString(),
        v.result === 'pending' ? '' : ctx.actor,
        itemId,
      );
      return itemId;
    })
    .immediate();
  const raw = stmt(ctx.db, `${ITEM_SQL} WHERE i.id = ?`).get(id) as RawItem;
  return { item: itemOf((holder) => holderName(ctx.db, holder), raw), stocktake: rowOf(ctx.db, head(ctx.db, v.stocktakeId)) };
}

/** Marks every item not yet checked, e.g. 其余均账实相符 after a walk-through. */
export function markRest(ctx: ServiceContext, v: z.output<typeof stocktakeMarkRest>): StocktakeDetail {
  ctx.db
    .transaction(() => {
      const h = openHead(ctx.db, v.stocktakeId);
      const n = stmt(
        ctx.db,
        "UPDATE stocktake_items SET result = ?, checked_at = ?, checked_by = ? WHERE stocktake_id = ? AND result = 'pending'",
      ).run(v.result, ctx.now().toISOString(), ctx.actor, h.id).changes;
      audit(ctx, {
        action: 'update',
        entity: 'stocktake',
        entityId: h.id,
        summary: `盘点“${h.title}”：其余 ${n} 项标记为${itemResultLabels[v.result]}`,
      });
    })
    .immediate();
  return getStocktake(ctx, v.stocktakeId);
}

export function addSurplus(ctx: ServiceContext, v: Surplus): StocktakeDetail {
  ctx.db
    .transaction(() => {
      const h = openHead(ctx.db, v.stocktakeId);
      assertOpenClinic(ctx, v.clinicId, 'clinicId');
      if (!inScope(h, v.clinicId)) throw invalid('clinicId', `本次盘点的范围是“${scopeName(ctx.db, h)}”，盘盈资产应在此范围内`);
      stmt(
        ctx.db,
        `INSERT INTO stocktake_items (stocktake_id, holder_clinic_id, result, name, category, model, quantity, unit, value_fen, book_value_fen, note, checked_at, checked_by)
      VALUES (?, ?, 'surplus', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        h.id,
        v.clinicId,
        v.name,
        v.category,
        v.model,
        v.quantity,
        v.unit,
        v.valueFen,
        v.valueFen,
        v.note,
        ctx.now().toISOString(),
        ctx.actor,
      );
      audit(ctx, {
        action: 'update',
        entity: 'stocktake',
        entityId: h.id,
        summary: `盘点“${h.title}”：登记盘盈 ${v.name}（${holderName(ctx.db, v.clinicId)}）`,
      });
    })
    .immediate();
  return getStocktake(ctx, v.stocktakeId);
}

/** Assets on the books never seen by a closed stocktake, or not in the last 12 months. */
export function notRecentlyCounted(ctx: ServiceContext, asOf: string = todayIso(ctx.now())): ReturnType<typeof ledgerAsOf> {
  const y = Number(asOf.slice(0, 4)) - 1;
  const since = `${y}${asOf.slice(4)}`;
  return ledgerAsOf(ctx.db, asOf).filter((a) => isHeld(a) && (a.lastStocktakeOn === null || a.lastStocktakeOn < since));
}
