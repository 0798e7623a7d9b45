/**
 * P2, P6, P8: saving a month's visit — all or nothing. A score outside [0, the item's maximum]
 * is refused naming the item (never clipped); a veto (一票否决) makes the month 0; findings carry
 * their rectification (owner, due date); open findings of earlier visits are re-checked here
 * (已整改 / 未整改). A 草稿 is kept but counted nowhere; 已完成 needs every base item scored.
 * A locked quarter (P4) refuses the save (the database's triggers refuse it too).
 */
import { itemScoreProblem, monthScore } from '../../../../shared/rules/scoring';
import { monthLabel } from '../../../../shared/rules/quarter';
import { visitSaveInput, type VisitForm, type VisitSaveInput } from '../../../../shared/schemas/visits';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { clinicForVisit, findingsOfVisit, getVisitForm, isMonthLocked, visitHead } from './read';
import { templateById, templateForMonth, templateItems } from './templateForMonth';

function refuse(message: string, field: string): never {
  throw new AppError('VALIDATION', message, { field });
}

export function saveVisit(ctx: ServiceContext, raw: VisitSaveInput): VisitForm {
  const v = visitSaveInput.parse(raw);
  const { db } = ctx;
  return db
    .transaction(() => {
      const clinic = clinicForVisit(db, v.clinicId, v.visitedOn);
      if (v.visitedOn.slice(0, 7) !== v.month)
        refuse(`督导日期 ${v.visitedOn} 不在${monthLabel(v.month)}内，请改正日期或月份`, 'visitedOn');
      if (isMonthLocked(db, v.month))
        refuse(`${monthLabel(v.month)}所在季度的考核已锁定（P4），不能直接修改；如有错误请通过“更正”填写原因后修改`, 'month');
      const existing = visitHead(db, v.clinicId, v.month);
      const template = existing ? templateById(db, existing.templateId) : templateForMonth(db, v.month);
      const items = templateItems(db, template.id);
      const itemById = new Map(items.map((i) => [i.id, i]));
      const scoreByItem = new Map<number, (typeof v.scores)[number]>();
      v.scores.forEach((s, index) => {
        const item = itemById.get(s.itemId);
        if (!item) refuse(`第 ${index + 1} 项不是本月所用考核细则（第 ${template.version} 版）中的项目`, `scores.${index}`);
        const name = `${item.seq ? `${item.seq} ` : ''}${item.content}`;
        if (item.isVeto) {
          if (s.scoreTenths !== null && s.scoreTenths !== 0) refuse(`“${name}”是一票否决项，只能勾选“否决”，不能打分`, `scores.${index}`);
        } else {
          if (s.vetoed) refuse(`“${name}”不是一票否决项，不能勾选否决`, `scores.${index}`);
          const problem = s.scoreTenths === null ? null : itemScoreProblem(name, s.scoreTenths, item.maxTenths);
          if (problem) refuse(problem, `scores.${index}`);
        }
        scoreByItem.set(s.itemId, s);
      });
      if (v.final) {
        const missing = items.filter((i) => !i.isVeto && !i.isBonus && (scoreByItem.get(i.id)?.scoreTenths ?? null) === null);
        if (missing.length > 0)
          refuse(
            `还有 ${missing.length} 项没有评分（${missing
              .slice(0, 5)
              .map((i) => i.seq || i.content)
              .join('、')}${missing.length > 5 ? ' 等' : ''}）：请逐项填写得分，或先“暂存草稿”`,
            'scores',
          );
        if (v.supervisors === '') refuse('请填写督导人', 'supervisors');
      }
      const vetoTriggered = items.some((i) => i.isVeto && scoreByItem.get(i.id)?.vetoed === true);
      const m = monthScore({
        items: items.map((i) => ({ maxTenths: i.maxTenths, scoreTenths: scoreByItem.get(i.id)?.scoreTenths ?? null, bonus: i.isBonus })),
        bonusCapTenths: template.bonusCapTenths,
        vetoTriggered,
      });
      const now = ctx.now().toISOString();
      const status = v.final ? 'final' : 'draft';
      let visitId: number;
      if (existing) {
        visitId = existing.id;
        stmt(
          db,
          `UPDATE visits SET visited_on = ?, supervisors = ?, clinic_signer = ?, total_tenths = ?, veto_triggered = ?, status = ?, note = ?, updated_at = ?
            WHERE id = ?`,
        ).run(v.visitedOn, v.supervisors, v.clinicSigner, m.totalTenths, vetoTriggered ? 1 : 0, status, v.note, now, visitId);
        stmt(db, 'DELETE FROM visit_scores WHERE visit_id = ?').run(visitId);
      } else {
        visitId = Number(
          stmt(
            db,
            `INSERT INTO visits (clinic_id, month, visited_on, template_id, supervisors, clinic_signer, total_tenths, veto_triggered, status, note,
               created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            v.clinicId,
            v.month,
            v.visitedOn,
            template.id,
            v.supervisors,
            v.clinicSigner,
            m.totalTenths,
            vetoTriggered ? 1 : 0,
            status,
            v.note,
            now,
            ctx.actor,
            now,
          ).lastInsertRowid,
        );
      }
      const insertScore = stmt(db, 'INSERT INTO visit_scores (visit_id, item_id, score_tenths, vetoed, note) VALUES (?, ?, ?, ?, ?)');
      for (const s of scoreByItem.values()) insertScore.run(visitId, s.itemId, s.scoreTenths, s.vetoed ? 1 : 0, s.note);
      saveFindings(ctx, visitId, v, now);
      saveRechecks(ctx, visitId, v, now);
      audit(ctx, {
        action: existing ? 'update' : 'create',
        entity: 'visits',
        entityId: visitId,
        summary: `${clinic.name} ${monthLabel(v.month)}督导${status === 'final' ? '' : '（草稿）'}：${(m.totalTenths / 10).toFixed(1)} 分${vetoTriggered ? '（一票否决）' : ''}`,
        after: { visitedOn: v.visitedOn, totalTenths: m.totalTenths, status, findings: v.findings.length, rechecks: v.rechecks.length },
      });
      return getVisitForm(db, v.clinicId, v.month);
    })
    .immediate();
}

type Parsed = ReturnType<typeof visitSaveInput.parse>;

function saveFindings(ctx: ServiceContext, visitId: number, v: Parsed, now: string): void {
  const { db } = ctx;
  const current = findingsOfVisit(db, visitId);
  const kept = new Set(v.findings.map((f) => f.id).filter((id): id is number => id !== undefined));
  for (const f of current) {
    if (kept.has(f.id)) continue;
    if (f.recheckMonth !== null) refuse(`问题“${f.text}”已在 ${f.recheckMonth} 复查，不能删除`, 'findings');
    stmt(db, 'DELETE FROM findings WHERE id = ?').run(f.id);
  }
  v.findings.forEach((f, index) => {
    if (f.id !== undefined) {
      if (!current.some((c) => c.id === f.id)) refuse(`第 ${index + 1} 个问题不属于本次督导`, `findings.${index}`);
      stmt(db, 'UPDATE findings SET item_id = ?, text = ?, owner = ?, due_on = ?, updated_at = ? WHERE id = ?').run(
        f.itemId,
        f.text,
        f.owner,
        f.dueOn,
        now,
        f.id,
      );
    } else {
      stmt(db, `INSERT INTO findings (visit_id, item_id, text, owner, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        visitId,
        f.itemId,
        f.text,
        f.owner,
        f.dueOn,
        now,
        now,
      );
    }
  });
}

/** P8: the re-check of earlier findings at this visit: 已整改 (dated the visit) or 未整改 (still open next time). */
function saveRechecks(ctx: ServiceContext, visitId: number, v: Parsed, now: string): void {
  const { db } = ctx;
  v.rechecks.forEach((r, index) => {
    const f = stmt(
      db,
      `SELECT f.id, v.clinic_id AS clinicId, v.month, f.status, f.recheck_visit_id AS recheckVisitId FROM findings f JOIN visits v ON v.id = f.visit_id WHERE f.id = ?`,
    ).get(r.findingId) as { id: number; clinicId: number; month: string; status: string; recheckVisitId: number | null } | undefined;
    if (!f || f.clinicId !== v.clinicId || f.month >= v.month)
      refuse(`第 ${index + 1} 条复查不是本卫生室以前督导发现的问题`, `rechecks.${index}`);
    if (f.status !== 'open' && f.recheckVisitId !== visitId) refuse(`第 ${index + 1} 条问题已在以前的督导中复查`, `rechecks.${index}`);
    // 未整改 keeps the finding open for the next visit; the result and the visit that looked are recorded.
    stmt(db, 'UPDATE findings SET status = ?, rectified_on = ?, recheck_visit_id = ?, recheck_result = ?, updated_at = ? WHERE id = ?').run(
      r.result === 'rectified' ? 'rectified' : 'open',
      r.result === 'rectified' ? v.visitedOn : null,
      visitId,
      r.result === 'rectified' ? `已整改${r.note ? `：${r.note}` : ''}` : `未整改${r.note ? `：${r.note}` : ''}`,
      now,
      r.findingId,
    );
  });
}
