/**
 * A 草稿 given up (so a quarter can be locked, P4, or a visit started afresh): its scores and
 * findings removed and the re-checks it recorded on earlier findings undone — all or nothing,
 * audited. A finished visit (已完成) is never deleted; it is changed, or corrected once locked.
 */
import { monthLabel } from '../../../../shared/rules/quarter';
import type { VisitForm } from '../../../../shared/schemas/visits';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { clinicForVisit, getVisitForm, isMonthLocked, visitHead } from './read';

export function discardDraft(ctx: ServiceContext, clinicId: number, month: string): VisitForm {
  const { db } = ctx;
  return db
    .transaction(() => {
      const clinic = clinicForVisit(db, clinicId, `${month}-01`);
      const head = visitHead(db, clinicId, month);
      if (!head) throw new AppError('NOT_FOUND', `${clinic.name}${monthLabel(month)}没有督导草稿`);
      if (head.status !== 'draft')
        throw new AppError('VALIDATION', `${clinic.name}${monthLabel(month)}的督导已完成，不能删除；如有错误请修改后重新保存`);
      if (isMonthLocked(db, month)) throw new AppError('VALIDATION', `${monthLabel(month)}所在季度的考核已锁定（P4），不能删除`);
      stmt(
        db,
        `UPDATE findings SET status = 'open', rectified_on = NULL, recheck_visit_id = NULL, recheck_result = '', updated_at = ? WHERE recheck_visit_id = ?`,
      ).run(ctx.now().toISOString(), head.id);
      stmt(db, 'DELETE FROM findings WHERE visit_id = ?').run(head.id);
      stmt(db, 'DELETE FROM visit_scores WHERE visit_id = ?').run(head.id);
      stmt(db, 'DELETE FROM visits WHERE id = ?').run(head.id);
      audit(ctx, { action: 'delete', entity: 'visits', entityId: head.id, summary: `删除${clinic.name}${monthLabel(month)}督导草稿` });
      return getVisitForm(db, clinicId, month);
    })
    .immediate();
}
