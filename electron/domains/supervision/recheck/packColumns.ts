/**
 * The re-check pack's columns (pack.ts) and the words its 更正记录 sheet uses for what was
 * corrected: the stored column and table names as the clerk knows them, tenths as points.
 */
import type { ReportColumn } from '../../../excel/returns/types';

export const visitColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'month', header: '月份', kind: 'center', width: 14 },
  { key: 'visitedOn', header: '督导日期', kind: 'date', width: 14 },
  { key: 'supervisors', header: '督导人', kind: 'text', width: 16 },
  { key: 'signer', header: '村卫生室负责人', kind: 'text', width: 12 },
  { key: 'status', header: '状态', kind: 'center', width: 8 },
  { key: 'base', header: '基本分', group: '得分', kind: 'decimal', width: 8 },
  { key: 'bonus', header: '加分', group: '得分', kind: 'decimal', width: 8 },
  { key: 'veto', header: '一票否决', group: '得分', kind: 'center', width: 8 },
  { key: 'total', header: '月度得分', group: '得分', kind: 'decimal', width: 9 },
  { key: 'findings', header: '发现问题', kind: 'int', width: 8, total: 'sum' },
  { key: 'note', header: '备注', kind: 'text', width: 20 },
];

export const scoreColumns: ReportColumn[] = [
  { key: 'month', header: '月份', kind: 'center', width: 14 },
  { key: 'seq', header: '序号', kind: 'center', width: 6 },
  { key: 'group', header: '考核项目', kind: 'text', width: 20 },
  { key: 'content', header: '考核内容', kind: 'text', width: 36 },
  { key: 'max', header: '分值', kind: 'decimal', width: 7 },
  { key: 'score', header: '得分', kind: 'decimal', width: 7 },
  { key: 'note', header: '扣分说明', kind: 'text', width: 24 },
];

export const correctionColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'at', header: '更正时间', kind: 'text', width: 20 },
  { key: 'by', header: '更正人', kind: 'text', width: 10 },
  { key: 'month', header: '月份', kind: 'center', width: 14 },
  { key: 'entity', header: '更正对象', kind: 'text', width: 10 },
  { key: 'subject', header: '项目或问题', kind: 'text', width: 26 },
  { key: 'field', header: '更正内容', kind: 'text', width: 12 },
  { key: 'oldValue', header: '原值', kind: 'text', width: 14 },
  { key: 'newValue', header: '更正为', kind: 'text', width: 14 },
  { key: 'reason', header: '更正原因', kind: 'text', width: 30 },
];

/** Column names as the clerk knows them; a field not listed shows as stored. */
export const fieldLabels: Record<string, string> = {
  score_tenths: '得分',
  vetoed: '一票否决',
  note: '说明',
  visited_on: '督导日期',
  supervisors: '督导人',
  clinic_signer: '村卫生室负责人',
  total_tenths: '月度得分',
  veto_triggered: '一票否决',
  status: '状态',
  text: '发现的问题',
  owner: '整改责任人',
  due_on: '整改期限',
  item_id: '涉及项目',
};
export const entityLabels: Record<string, string> = { visits: '督导记录', visit_scores: '逐项得分', findings: '发现问题' };

/** Tenths are stored; the paper shows points. */
export function fieldValue(field: string, v: string | null): string {
  if (v === null) return '（空）';
  if (field.endsWith('_tenths') && /^-?\d+$/.test(v)) return String(Number(v) / 10);
  if ((field === 'vetoed' || field === 'veto_triggered') && (v === '0' || v === '1')) return v === '1' ? '是' : '否';
  return v;
}
