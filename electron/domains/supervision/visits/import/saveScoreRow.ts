/**
 * One imported score row saved inside the import's transaction: the visit of the clinic and
 * month found or created (已完成, the template in force), the score written, the visit's total
 * recomputed from all its scores (P6: bonus capped, veto → 0).
 */
import { monthScore } from '../../../../../shared/rules/scoring';
import type { ServiceContext } from '../../../../db/context';
import { stmt } from '../../../../db/stmt';
import { templateById, templateForMonth, templateItems } from '../templateForMonth';
import type { ScoreRow } from './scoresKind';

export function saveScoreRow(ctx: ServiceContext, v: ScoreRow): number {
  const { db } = ctx;
  const now = ctx.now().toISOString();
  let visit = stmt(db, 'SELECT id, template_id AS templateId FROM visits WHERE clinic_id = ? AND month = ?').get(v.clinicId, v.month) as
    { id: number; templateId: number } | undefined;
  if (!visit) {
    const t = templateForMonth(db, v.month);
    const id = Number(
      stmt(
        db,
        `INSERT INTO visits (clinic_id, month, visited_on, template_id, supervisors, status, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, 'final', ?, ?, ?)`,
      ).run(v.clinicId, v.month, v.visitedOn, t.id, v.supervisors, now, ctx.actor, now).lastInsertRowid,
    );
    visit = { id, templateId: t.id };
  }
  stmt(
    db,
    `INSERT INTO visit_scores (visit_id, item_id, score_tenths, vetoed, note) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (visit_id, item_id) DO UPDATE SET score_tenths = excluded.score_tenths, vetoed = excluded.vetoed, note = excluded.note`,
  ).run(visit.id, v.itemId, v.scoreTenths, v.vetoed ? 1 : 0, v.note);
  const template = templateById(db, visit.templateId);
  const items = templateItems(db, visit.templateId);
  const scores = new Map(
    (
      stmt(db, 'SELECT item_id AS itemId, score_tenths AS s, vetoed FROM visit_scores WHERE visit_id = ?').all(visit.id) as {
        itemId: number;
        s: number | null;
        vetoed: number;
      }[]
    ).map((r) => [r.itemId, r]),
  );
  const m = monthScore({
    items: items
      .filter((i) => !i.isVeto)
      .map((i) => ({ maxTenths: i.maxTenths, scoreTenths: scores.get(i.id)?.s ?? null, bonus: i.isBonus })),
    bonusCapTenths: template.bonusCapTenths,
    vetoTriggered: items.some((i) => i.isVeto && scores.get(i.id)?.vetoed === 1),
  });
  stmt(
    db,
    `UPDATE visits SET visited_on = ?, supervisors = CASE WHEN ? <> '' THEN ? ELSE supervisors END, total_tenths = ?, veto_triggered = ?,
       status = 'final', updated_at = ? WHERE id = ?`,
  ).run(v.visitedOn, v.supervisors, v.supervisors, m.totalTenths, m.vetoed ? 1 : 0, now, visit.id);
  return visit.id;
}
