/**
 * 督导发现问题及整改台账 (P8, issue 11 part 8): every finding of a quarter's visits with its
 * rectification — clinic, month, item, the problem, owner, due date — and what the re-check
 * found: 已整改 on a day, 未整改 at a later visit, or still 待整改 (overdue when the due date has
 * passed by the filing day). Counted per state for the county.
 */
import { monthsOfQuarter, parseQuarter, quarterLabel } from '../../../../shared/rules/quarter';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { computeTotals, type ReportData, type ReportWhen } from '../../../excel/returns/types';
import { readSettings } from '../../settings/service';
import { findingColumns, findingRows, findingSelect, isOverdue, type FindingRecord } from './findingLedger';

export const FINDINGS_TITLE = '督导发现问题及整改台账';

const columns = findingColumns({ withClinic: true });

export function buildFindingsReport(db: Db, when: ReportWhen): ReportData {
  const q = parseQuarter(when.quarter ?? '');
  if (!q) throw new AppError('VALIDATION', '请选择季度（如 2026Q3）', { field: 'quarter' });
  const months = monthsOfQuarter(q);
  const records = stmt(
    db,
    `SELECT c.name AS clinic, ${findingSelect.columns}
       FROM findings f JOIN visits v ON v.id = f.visit_id JOIN clinics c ON c.id = v.clinic_id ${findingSelect.joins}
      WHERE v.month BETWEEN ? AND ? ORDER BY c.code, v.month, f.id`,
  ).all(months[0], months[2]) as FindingRecord[];
  const rows = findingRows(records, when.today);
  const s = readSettings(db);
  const rectified = records.filter((r) => r.status === 'rectified').length;
  return {
    name: 'findings',
    title: FINDINGS_TITLE,
    unit: s.centerName,
    county: s.county,
    date: when.today,
    asOf: when.today,
    period: quarterLabel(q),
    signature: { operator: s.operatorName, reviewer: s.reviewerName, director: s.directorName },
    figures: {
      findings: records.length,
      rectified,
      open: records.length - rectified,
      overdue: records.filter((r) => isOverdue(r, when.today)).length,
    },
    tables: [{ sheetName: '整改台账', title: FINDINGS_TITLE, columns, rows, totals: computeTotals(columns, rows) }],
  };
}
