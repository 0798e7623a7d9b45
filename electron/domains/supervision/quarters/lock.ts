/**
 * P4: locking a finished quarter. Once locked, the database refuses any change to the
 * quarter's visits, scores and findings except through a recorded correction (migration 10's
 * triggers), so the county's re-check sees what was assessed. Only an ended quarter with no
 * 草稿 left can be locked; the lock is audited and cannot be undone from the app.
 */
import { parseQuarter, quarterLabel, quarterLastDay, monthsOfQuarter } from '../../../../shared/rules/quarter';
import { todayIso } from '../../../../shared/format';
import type { QuarterResults } from '../../../../shared/schemas/visits';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';
import { assessmentRuleOf, quarterResults } from './results';

export function lockQuarter(ctx: ServiceContext, quarter: string, note: string): QuarterResults {
  const q = parseQuarter(quarter);
  if (!q) throw new AppError('VALIDATION', '季度格式应为 年Q季，如 2026Q3', { field: 'quarter' });
  const today = todayIso(ctx.now());
  return ctx.db
    .transaction(() => {
      if (quarterLastDay(q) >= today)
        throw new AppError('VALIDATION', `${quarterLabel(q)}尚未结束，结束后才能锁定考核结果`, { field: 'quarter' });
      if (stmt(ctx.db, 'SELECT 1 FROM quarter_locks WHERE quarter = ?').get(quarter))
        throw new AppError('CONFLICT', `${quarterLabel(q)}的考核结果已经锁定`, { field: 'quarter' });
      const months = monthsOfQuarter(q);
      const drafts = stmt(
        ctx.db,
        `SELECT c.name || '（' || v.month || '）' FROM visits v JOIN clinics c ON c.id = v.clinic_id
          WHERE v.month BETWEEN ? AND ? AND v.status = 'draft' ORDER BY v.month, c.code`,
      )
        .pluck()
        .all(months[0], months[2]) as string[];
      if (drafts.length > 0)
        throw new AppError(
          'VALIDATION',
          `还有 ${drafts.length} 份督导草稿未完成：${drafts.slice(0, 5).join('、')}${drafts.length > 5 ? ' 等' : ''}。请先完成或删除草稿再锁定`,
          {
            field: 'quarter',
          },
        );
      stmt(ctx.db, 'INSERT INTO quarter_locks (quarter, locked_at, locked_by, note) VALUES (?, ?, ?, ?)').run(
        quarter,
        ctx.now().toISOString(),
        ctx.actor,
        note,
      );
      audit(ctx, { action: 'lock', entity: 'quarter_locks', summary: `锁定${quarterLabel(q)}考核结果${note ? `：${note}` : ''}` });
      return quarterResults(ctx.db, q, assessmentRuleOf(readSettings(ctx.db)), today);
    })
    .immediate();
}
