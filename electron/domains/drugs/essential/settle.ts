/**
 * The drugs the clerk settles by hand (D8): those whose status in an edition is doubtful, and
 * the decision itself — essential or not in that edition, with a note, kept from then on
 * (loading the edition again or re-importing the drug never recomputes it), audited.
 */
import { essentialHowLabels, type SettleInput, type SettleRow } from '../../../../shared/schemas/drugs';
import type { z } from 'zod';
import type { settleInput } from '../../../../shared/schemas/drugs';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { notFound } from '../../../db/errors';

export function drugsToSettle(ctx: ServiceContext, listId?: number): SettleRow[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.id AS drugId, l.id AS listId, l.name AS editionName, coalesce(d.platform_code, '') AS platformCode,
         d.generic_name AS genericName, d.form, d.spec, d.maker, de.how, de.note
       FROM drug_essential de JOIN drugs d ON d.id = de.drug_id JOIN essential_lists l ON l.id = de.list_id
       WHERE de.status = 'doubtful' AND (@listId IS NULL OR de.list_id = @listId)
       ORDER BY l.effective_on DESC, d.generic_name, d.id`,
    )
    .all({ listId: listId ?? null }) as SettleRow[];
  return rows.map((r) => ({ ...r, how: essentialHowLabels[r.how] ?? r.how }));
}

export function settleDrug(ctx: ServiceContext, v: z.output<typeof settleInput> | SettleInput): void {
  ctx.db
    .transaction(() => {
      const drug = ctx.db.prepare('SELECT generic_name, spec FROM drugs WHERE id = ?').get(v.drugId) as
        { generic_name: string; spec: string } | undefined;
      if (!drug) throw notFound('药品');
      const list = ctx.db.prepare('SELECT name FROM essential_lists WHERE id = ?').pluck().get(v.listId) as string | undefined;
      if (list === undefined) throw notFound('基本药物目录');
      const before = ctx.db
        .prepare('SELECT status, how, note FROM drug_essential WHERE drug_id = ? AND list_id = ?')
        .get(v.drugId, v.listId);
      const status = v.essential ? 'essential' : 'not_essential';
      ctx.db
        .prepare(
          `INSERT INTO drug_essential (drug_id, list_id, entry_id, status, how, note, decided_by, decided_at)
           VALUES (?, ?, NULL, ?, 'manual', ?, ?, ?)
           ON CONFLICT (drug_id, list_id) DO UPDATE SET status = excluded.status, how = 'manual', note = excluded.note,
             decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
        )
        .run(v.drugId, v.listId, status, v.note.trim(), ctx.actor, ctx.now().toISOString());
      audit(ctx, {
        action: 'update',
        entity: 'drug',
        entityId: v.drugId,
        summary: `核定${drug.generic_name} ${drug.spec}在“${list}”中${v.essential ? '为基药' : '不是基药'}：${v.note.trim()}`,
        before,
        after: { status, how: 'manual', note: v.note.trim() },
      });
    })
    .immediate();
}
