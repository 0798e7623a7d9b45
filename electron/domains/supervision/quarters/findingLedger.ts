/**
 * A finding as the county's papers list it (P8): the 督导发现问题及整改台账 of a quarter and the
 * 发现问题及整改 sheet of the county's re-check pack read findings the same way and say their
 * state by one rule — 逾期未整改 when open past its due date on the filing day, 未整改 when a
 * later visit re-checked it and it is still open, else its recorded state.
 */
import { monthLabel } from '../../../../shared/rules/quarter';
import { findingStatusLabels } from '../../../../shared/schemas/visits';
import type { ReportColumn, ReportValue } from '../../../excel/returns/types';

/** The columns of a finding, read with `findingSelect` (its clinic only in the township's 台账). */
export interface FindingRecord {
  clinic?: string;
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

/** The SELECT list and joins of a finding `f` of visit `v` (add the clinic and the WHERE around it). */
export const findingSelect = {
  columns: `v.visited_on AS visitedOn, i.seq, i.content AS item, f.text, f.owner, f.due_on AS dueOn, f.status,
            f.rectified_on AS rectifiedOn, f.recheck_result AS recheckResult, rv.month AS recheckMonth`,
  joins: 'LEFT JOIN supervision_items i ON i.id = f.item_id LEFT JOIN visits rv ON rv.id = f.recheck_visit_id',
};

export function isOverdue(r: FindingRecord, today: string): boolean {
  return r.status === 'open' && r.dueOn !== null && r.dueOn < today;
}

export function findingColumns(opts: { withClinic: boolean }): ReportColumn[] {
  return [
    { key: 'index', header: '序号', kind: 'center', width: 6 },
    ...(opts.withClinic ? [{ key: 'clinic', header: '村卫生室', kind: 'text', width: 16, total: 'count' } satisfies ReportColumn] : []),
    { key: 'visitedOn', header: '督导日期', kind: 'date', width: 14 },
    { key: 'item', header: '涉及考核项目', kind: 'text', width: opts.withClinic ? 20 : 22 },
    { key: 'text', header: '发现的问题', kind: 'text', width: 30, ...(opts.withClinic ? {} : { total: 'count' as const }) },
    { key: 'owner', header: '整改责任人', group: '整改要求', kind: 'text', width: 10 },
    { key: 'dueOn', header: '整改期限', group: '整改要求', kind: 'date', width: 14 },
    { key: 'status', header: '整改情况', group: '复查', kind: 'center', width: 10 },
    { key: 'rectifiedOn', header: '整改完成日期', group: '复查', kind: 'date', width: 14 },
    { key: 'recheck', header: '复查结果', group: '复查', kind: 'text', width: opts.withClinic ? 20 : 22 },
  ];
}

export function findingRows(records: readonly FindingRecord[], today: string): Record<string, ReportValue>[] {
  return records.map((r, i) => ({
    index: i + 1,
    ...(r.clinic === undefined ? {} : { clinic: r.clinic }),
    visitedOn: r.visitedOn,
    item: r.item ? `${r.seq ? `${r.seq} ` : ''}${r.item}` : '',
    text: r.text,
    owner: r.owner,
    dueOn: r.dueOn ?? '',
    status: isOverdue(r, today) ? '逾期未整改' : r.status === 'open' && r.recheckMonth ? '未整改' : findingStatusLabels[r.status],
    rectifiedOn: r.rectifiedOn ?? '',
    recheck: r.recheckMonth ? `${monthLabel(r.recheckMonth)}复查：${r.recheckResult}` : '',
  }));
}
