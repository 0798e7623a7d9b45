/**
 * The center's own lines of a month's purchase plan (its store's needs, a clinic's late
 * request): one per drug and month, added, changed and removed from the 采购计划 page, audited.
 */
import type { ServiceContext } from '../../../db/context';
import { audit } from '../../../db/audit';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';

function drugLabel(ctx: ServiceContext, drugId: number): string {
  const d = stmt(ctx.db, 'SELECT generic_name, spec FROM drugs WHERE id = ?').get(drugId) as
    { generic_name: string; spec: string } | undefined;
  if (!d) throw new AppError('NOT_FOUND', `没有找到药品（编号 ${drugId}），请刷新后重新选择`);
  return `${d.generic_name}${d.spec ? `（${d.spec}）` : ''}`;
}

/** Adds the center's line for a drug, or changes the one already there. */
export function saveExtraLine(ctx: ServiceContext, v: { month: string; drugId: number; packs: number; note: string }): void {
  ctx.db
    .transaction(() => {
      const label = drugLabel(ctx, v.drugId);
      const old = stmt(ctx.db, 'SELECT id, packs, note FROM purchase_extra_lines WHERE month = ? AND drug_id = ?').get(
        v.month,
        v.drugId,
      ) as { id: number; packs: number; note: string } | undefined;
      if (old) {
        stmt(ctx.db, 'UPDATE purchase_extra_lines SET packs = ?, note = ? WHERE id = ?').run(v.packs, v.note, old.id);
      } else {
        stmt(
          ctx.db,
          'INSERT INTO purchase_extra_lines (month, drug_id, packs, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(v.month, v.drugId, v.packs, v.note, ctx.now().toISOString(), ctx.actor);
      }
      audit(ctx, {
        action: old ? 'update' : 'create',
        entity: 'purchase_plan',
        summary: `${v.month} 采购计划卫生院自购：${label} ${v.packs} 个包装${old ? `（原 ${old.packs}）` : ''}`,
        before: old ? { packs: old.packs, note: old.note } : undefined,
        after: { drugId: v.drugId, packs: v.packs, note: v.note },
      });
    })
    .immediate();
}

/** Removes the center's line; returns its month (the page shows that month's plan again). */
export function removeExtraLine(ctx: ServiceContext, id: number): string {
  return ctx.db
    .transaction(() => {
      const old = stmt(ctx.db, 'SELECT month, drug_id AS drugId, packs, note FROM purchase_extra_lines WHERE id = ?').get(id) as
        { month: string; drugId: number; packs: number; note: string } | undefined;
      if (!old) throw new AppError('NOT_FOUND', '这一行已不在采购计划中（可能已被删除），请刷新');
      stmt(ctx.db, 'DELETE FROM purchase_extra_lines WHERE id = ?').run(id);
      audit(ctx, {
        action: 'delete',
        entity: 'purchase_plan',
        summary: `${old.month} 采购计划删去卫生院自购：${drugLabel(ctx, old.drugId)} ${old.packs} 个包装`,
        before: old,
      });
      return old.month;
    })
    .immediate();
}
