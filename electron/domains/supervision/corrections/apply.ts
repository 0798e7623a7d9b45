/**
 * P4: `visits.correct` — a change to a visit of a locked quarter, kept beside the original.
 * One transaction: the values given are compared with what is stored, each changed field gets
 * its `corrections` row (write.ts) with the one reason, the month's total and veto are
 * recomputed (P6) and corrected too when they move, and the audit trail names the visit and the
 * reason. Refused, with nothing written: an empty reason (更正原因), a quarter not locked (then
 * the visit is simply saved), a month without a visit, a score above its item's maximum (the
 * trigger checks it too), a base item left unscored, and a request that changes nothing — which
 * is also what replaying a correction amounts to.
 */
import { correctionInput, type CorrectionRequest, type CorrectionResult } from '../../../../shared/schemas/corrections';
import { monthLabel } from '../../../../shared/rules/quarter';
import { itemScoreProblem, monthScore } from '../../../../shared/rules/scoring';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { clinicForVisit, findingsOfVisit, getVisitForm, isMonthLocked, visitHead } from '../visits/read';
import { templateById, templateItems } from '../visits/templateForMonth';
import { listCorrections } from './list';
import { correctRow, insertFinding, insertScoreRow, type FieldChange, type Stamp } from './write';

function refuse(message: string, field: string): never {
  throw new AppError('VALIDATION', message, { field });
}

interface ScoreRow {
  id: number;
  itemId: number;
  scoreTenths: number | null;
  vetoed: number;
  note: string;
}

export function correctVisit(ctx: ServiceContext, raw: CorrectionRequest): CorrectionResult {
  const v = correctionInput.parse(raw);
  const { db } = ctx;
  return db
    .transaction((): CorrectionResult => {
      const clinic = clinicForVisit(db, v.clinicId, `${v.month}-28`);
      const head = visitHead(db, v.clinicId, v.month);
      if (!head) refuse(`${clinic.name}${monthLabel(v.month)}没有督导记录，无可更正`, 'month');
      if (!isMonthLocked(db, v.month)) refuse(`${monthLabel(v.month)}所在季度尚未锁定：请直接修改并保存，不必填写更正原因`, 'month');
      if (v.visitedOn !== undefined && v.visitedOn.slice(0, 7) !== v.month)
        refuse(`督导日期 ${v.visitedOn} 不在${monthLabel(v.month)}内`, 'visitedOn');

      const s: Stamp = { reason: v.reason, at: ctx.now().toISOString(), by: ctx.actor };
      const template = templateById(db, head.templateId);
      const items = templateItems(db, head.templateId);
      const itemById = new Map(items.map((i) => [i.id, i]));
      const stored = stmt(
        db,
        'SELECT id, item_id AS itemId, score_tenths AS scoreTenths, vetoed, note FROM visit_scores WHERE visit_id = ?',
      ).all(head.id) as ScoreRow[];
      const byItem = new Map(stored.map((r) => [r.itemId, r]));
      let changed = 0;

      // Scores (P6: within [0, maximum], a veto item only ticked; a finished visit keeps every base item scored).
      v.scores.forEach((sc, index) => {
        const item = itemById.get(sc.itemId);
        if (!item) refuse(`第 ${index + 1} 项不是该次督导所用考核细则（第 ${template.version} 版）中的项目`, `scores.${index}`);
        const name = `${item.seq ? `${item.seq} ` : ''}${item.content}`;
        if (item.isVeto) {
          if (sc.scoreTenths !== null && sc.scoreTenths !== 0) refuse(`“${name}”是一票否决项，只能勾选“否决”，不能打分`, `scores.${index}`);
        } else {
          if (sc.vetoed) refuse(`“${name}”不是一票否决项，不能勾选否决`, `scores.${index}`);
          const problem = sc.scoreTenths === null ? null : itemScoreProblem(name, sc.scoreTenths, item.maxTenths);
          if (problem) refuse(problem, `scores.${index}`);
          if (sc.scoreTenths === null && !item.isBonus && head.status === 'final')
            refuse(`“${name}”不能更正为空：已完成的督导每个基本项目都要有得分`, `scores.${index}`);
        }
        const score = item.isVeto ? null : sc.scoreTenths;
        const vetoed = item.isVeto && sc.vetoed ? 1 : 0;
        let row = byItem.get(sc.itemId);
        if (!row) {
          if (score === null && vetoed === 0 && sc.note === '') return; // nothing to add
          row = { id: insertScoreRow(db, head.id, sc.itemId, s), itemId: sc.itemId, scoreTenths: null, vetoed: 0, note: '' };
          byItem.set(sc.itemId, row);
          changed += 1;
        }
        changed += correctRow(
          db,
          'visit_scores',
          row.id,
          head.id,
          [
            { field: 'score_tenths', old: row.scoreTenths, new: score },
            { field: 'vetoed', old: row.vetoed, new: vetoed },
            { field: 'note', old: row.note, new: sc.note },
          ],
          s,
        );
        byItem.set(sc.itemId, { ...row, scoreTenths: score, vetoed, note: sc.note });
      });

      // Findings: corrected in place or added; none removed (a locked record never disappears).
      const current = new Map(findingsOfVisit(db, head.id).map((f) => [f.id, f]));
      v.findings.forEach((f, index) => {
        if (f.itemId !== null && !itemById.has(f.itemId))
          refuse(`第 ${index + 1} 个问题涉及的项目不在该次督导的考核细则中`, `findings.${index}`);
        let id = f.id;
        let was = { itemId: null as number | null, text: f.text, owner: '', dueOn: null as string | null };
        if (id === undefined) {
          id = insertFinding(db, head.id, f.text, s);
          changed += 1;
        } else {
          const old = current.get(id);
          if (!old) refuse(`第 ${index + 1} 个问题不属于该次督导`, `findings.${index}`);
          was = old;
        }
        changed += correctRow(
          db,
          'findings',
          id,
          head.id,
          [
            { field: 'item_id', old: was.itemId, new: f.itemId },
            { field: 'text', old: was.text, new: f.text },
            { field: 'owner', old: was.owner, new: f.owner },
            { field: 'due_on', old: was.dueOn, new: f.dueOn },
          ],
          s,
        );
      });

      // The visit's own fields, and its total and veto as the corrected scores make them (P6).
      const vetoTriggered = items.some((i) => i.isVeto && byItem.get(i.id)?.vetoed === 1) ? 1 : 0;
      const m = monthScore({
        items: items.map((i) => ({ maxTenths: i.maxTenths, scoreTenths: byItem.get(i.id)?.scoreTenths ?? null, bonus: i.isBonus })),
        bonusCapTenths: template.bonusCapTenths,
        vetoTriggered: vetoTriggered === 1,
      });
      const visitChanges: FieldChange[] = [
        { field: 'visited_on', old: head.visitedOn, new: v.visitedOn ?? head.visitedOn },
        { field: 'supervisors', old: head.supervisors, new: v.supervisors ?? head.supervisors },
        { field: 'clinic_signer', old: head.clinicSigner, new: v.clinicSigner ?? head.clinicSigner },
        { field: 'note', old: head.note, new: v.note ?? head.note },
      ];
      const own = visitChanges.filter((c) => c.old !== c.new).length;
      if (changed + own === 0) refuse('没有任何改动：更正的内容与现有记录相同（同一更正不能重复提交）', 'scores');
      visitChanges.push(
        { field: 'total_tenths', old: head.totalTenths, new: m.totalTenths },
        { field: 'veto_triggered', old: head.vetoed, new: vetoTriggered },
      );
      changed += correctRow(db, 'visits', head.id, head.id, visitChanges, s);

      const moved =
        head.totalTenths === m.totalTenths ? '' : `，总分 ${(head.totalTenths / 10).toFixed(1)} → ${(m.totalTenths / 10).toFixed(1)}`;
      audit(ctx, {
        action: 'correct',
        entity: 'visits',
        entityId: head.id,
        summary: `更正 ${clinic.name} ${monthLabel(v.month)}督导记录 ${changed} 处${moved}；原因：${v.reason}`,
        before: { totalTenths: head.totalTenths, vetoed: head.vetoed === 1 },
        after: { totalTenths: m.totalTenths, vetoed: vetoTriggered === 1, fields: changed, reason: v.reason },
      });
      return {
        form: getVisitForm(db, v.clinicId, v.month),
        corrections: listCorrections(db, { month: v.month, clinicId: v.clinicId }),
      };
    })
    .immediate();
}
