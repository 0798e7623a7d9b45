/**
 * 督导发现问题及整改台账 (P8, issue 11 part 8): every finding of a quarter's visits with its
 * rectification — clinic, month, item, the problem, owner, due date — and what the re-check
 * found: 已整改 on a day, 未整改 at a later visit, or still 待整改 (overdue when the due date has
 * passed by the filing day). Counted per state for the county.
 */
import { monthsOfQuarter, parseQuarter, quarterLabel } from '../../../../shared/rules/quarter';
import { findingStatusLabels } from '../../../../shared/schemas/visits';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { computeTotals, type ReportColumn, type ReportData, type ReportValue, type ReportWhen } from '../../../excel/returns/types';
import { readSettings } from '../../settings/service';

export const FINDINGS_TITLE = '督导发现问题及整改台账';

interface FindingRecord {
  clinic: string;
  month: string;
  visitedOn: string;
  seq: string | null;
  item: string | null;
  text: string;
  owner: string;
  dueOn: string | null;
  status: 'open' | 'rectified' | 'not_rectified';
  rectifiedOn: string | null;
  recheckResult: string;
  recheckMonth: string | null;
}

const columns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'clinic', header: '村卫生室', kind: 'text', width: 16, total: 'count' },
  { key: 'visitedOn', header: '督导日期', kind: 'date', width: 14 },
  { key: 'item', header: '涉及考核项目', kind: 'text', width: 20 },
  { key: 'text', header: '发现的问题', kind: 'text', width: 30 },
  { key: 'owner', header: '整改责任人', group: '整改要求', kind: 'text', width: 10 },
  { key: 'dueOn', header: '整改期限', group: '整改要求', kind: 'date', width: 14 },
  { key: 'status', header: '整改情况', group: '复查', kind: 'center', width: 10 },
  { key: 'rectifiedOn', header: '整改完成日期', group: '复查', kind: 'date', width: 14 },
  { key: 'recheck', header: '复查结果', group: '复查', kind: 'text', width: 20 },
];

export function buildFindingsReport(db: Db, when: ReportWhen): ReportData {
  const q = parseQuarter(when.quarter ?? '');
  if (!q) throw new AppError('VALIDATION', '请选择季度（如 2026Q3）', { field: 'quarter' });
  const months = monthsOfQuarter(q);
  const records = stmt(
    db,
    `SELECT c.name AS clinic, v.month, v.visited_on AS visitedOn, i.seq, i.content AS item, f.text, f.owner, f.due_on AS dueOn, f.status,
            f.rectified_on AS rectifiedOn, f.recheck_result AS recheckResult, rv.month AS recheckMonth
       FROM findings f JOIN visits v ON v.id = f.visit_id JOIN clinics c ON c.id = v.clinic_id
       LEFT JOIN supervision_items i ON i.id = f.item_id LEFT JOIN visits rv ON rv.id = f.recheck_visit_id
      WHERE v.month BETWEEN ? AND ? ORDER BY c.code, v.month, f.id`,
  ).all(months[0], months[2]) as FindingRecord[];
  const overdue = (r: FindingRecord) => r.status === 'open' && r.dueOn !== null && r.dueOn < when.today;
  const rows = records.map((r, i): Record<string, ReportValue> => ({
    index: i + 1,
    clinic: r.clinic,
    visitedOn: r.visitedOn,
    item: r.item ? `${r.seq ? `${r.seq} ` : ''}${r.item}` : '',
    text: r.text,
    owner: r.owner,
    dueOn: r.dueOn ?? '',
    status: overdue(r) ? '逾期未整改' : r.status === 'open' && r.recheckMonth ? '未整改' : findingStatusLabels[r.status],
    rectifiedOn: r.rectifiedOn ?? '',
    recheck: r.recheckMonth ? `${r.recheckMonth} 复查：${r.recheckResult}` : '',
  }));
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
    figures: { findings: records.length, rectified, open: records.length - rectified, overdue: records.filter(overdue).length },
    tables: [{ sheetName: '整改台账', title: FINDINGS_TITLE, columns, rows, totals: computeTotals(columns, rows) }],
  };
}
