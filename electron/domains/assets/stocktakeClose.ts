/**
 * Closing a stocktake (盘点, A3). It needs every item marked; it then locks the stocktake (the
 * database refuses later changes), opens a card for each surplus item (盘盈入账) and marks each
 * missing asset 丢失待处理: it stays on the books until a loss disposal with an approval number
 * is recorded, so nothing leaves the ledger unseen.
 */
import type { AssetCategory } from '../../../shared/rules/assetCategories';
import type { StocktakeDetail } from '../../../shared/schemas/stocktakes';
import { audit } from '../../db/audit';
import type { ServiceContext } from '../../db/context';
import { AppError, invalid } from '../../db/errors';
import { stmt } from '../../db/stmt';
import { insertMovement } from './movements';
import { getStocktake, openHead, rowOf } from './stocktakes';
import { assertNotFuture, insertAsset } from './write';
import { chineseDate } from '../../../shared/format';

export function closeStocktake(ctx: ServiceContext, v: { id: number; closedOn: string }): StocktakeDetail {
  ctx.db
    .transaction(() => {
      const h = openHead(ctx.db, v.id);
      assertNotFuture(ctx, v.closedOn, 'closedOn', '结束日期');
      if (v.closedOn < h.started_on) throw invalid('closedOn', `结束日期不能早于开始日期 ${h.started_on}`);
      const pending = Number(
        stmt(ctx.db, "SELECT count(*) FROM stocktake_items WHERE stocktake_id = ? AND result = 'pending'").pluck().get(h.id),
      );
      if (pending > 0) throw new AppError('CONFLICT', `还有 ${pending} 项未盘点。请逐项标记，或用“其余标记为…”一次标记后再结束盘点`);
      const surplus = stmt(ctx.db, "SELECT * FROM stocktake_items WHERE stocktake_id = ? AND result = 'surplus' AND asset_id IS NULL").all(
        h.id,
      ) as {
        id: number;
        holder_clinic_id: number | null;
        name: string;
        category: string;
        model: string;
        quantity: number;
        unit: string;
        value_fen: number;
        note: string;
      }[];
      for (const s of surplus) {
        const assetId = insertAsset(
          ctx,
          {
            name: s.name,
            category: s.category as AssetCategory,
            model: s.model,
            quantity: s.quantity,
            unit: s.unit,
            funding: 'surplus',
            acquiredOn: v.closedOn,
            custodianId: null,
            location: '',
            note: `盘盈：${h.title}${s.note ? `；${s.note}` : ''}`,
            valueFen: s.value_fen,
            inServiceOn: v.closedOn,
            lifeMonths: null,
            holderClinicId: s.holder_clinic_id,
          },
          { stocktakeId: h.id, reason: `盘盈入账（${h.title}）` },
        );
        stmt(ctx.db, 'UPDATE stocktake_items SET asset_id = ? WHERE id = ?').run(assetId, s.id);
      }
      const missing = stmt(
        ctx.db,
        `SELECT i.asset_id AS id, a.code, a.status, (SELECT max(moved_on) FROM asset_movements m WHERE m.asset_id = i.asset_id) AS lastDate
      FROM stocktake_items i JOIN assets a ON a.id = i.asset_id WHERE i.stocktake_id = ? AND i.result = 'missing'`,
      ).all(h.id) as { id: number; code: string; status: string; lastDate: string }[];
      for (const m of missing) {
        if (m.status === 'lost' || m.status === 'disposed' || m.status === 'void') continue;
        if (m.lastDate > v.closedOn) throw invalid('closedOn', `${m.code} 在 ${chineseDate(m.lastDate)} 还有变动记录，结束日期不能早于它`);
        insertMovement(ctx, m.id, v.closedOn, `盘亏（${h.title}），待报损审批`, { kind: 'status', status: 'lost' }, h.id);
      }
      stmt(ctx.db, "UPDATE stocktakes SET status = 'closed', closed_on = ?, closed_by = ? WHERE id = ?").run(v.closedOn, ctx.actor, h.id);
      const row = rowOf(ctx.db, h);
      audit(ctx, {
        action: 'close',
        entity: 'stocktake',
        entityId: h.id,
        summary: `结束盘点：${h.title}（相符 ${row.counts.found}，盘亏 ${row.counts.missing}，毁损 ${row.counts.damaged}，盘盈 ${row.counts.surplus}）`,
      });
    })
    .immediate();
  return getStocktake(ctx, v.id);
}
