/** How the clinic file writes its figures, the same on screen and on paper. */
import { chineseDate, fenToAmount } from '../../../shared/format';
import { requisitionStatusLabels } from '../../../shared/schemas/requisitions';
import type { ClinicFile } from '../../../shared/schemas/clinicFile';
import { visitStatusLabels } from '../../../shared/schemas/visits';

export const count = (n: number) => n.toLocaleString('en-US');
export const yuan = (fen: number) => `${fenToAmount(fen)} 元`;
/** Scores are kept in tenths of a point (P6). */
export const score = (tenths: number | null) => (tenths === null ? '—' : (tenths / 10).toFixed(1));
export const relationText = (r: 'host' | 'extension') => (r === 'host' ? '所在村' : '延伸服务村');
export const roleText = (r: string) => (r === 'head' ? '负责人' : '村医');
export const sexText = (s: 'M' | 'F') => (s === 'M' ? '男' : '女');
export const monthText = (m: string) => `${Number(m.slice(5, 7))}月`;
export const quarterText = (q: string) => `${q.slice(0, 4)}年第${q.slice(5)}季度`;
export const expiryText = (e: string) => (e === 'expired' ? '已过期' : e === 'near' ? '近效期' : '');
export const visitText = (v: ClinicFile['visits'][number]) =>
  v.status === 'none' ? visitStatusLabels.none : `${visitStatusLabels[v.status]}${v.visitedOn ? `（${chineseDate(v.visitedOn)}）` : ''}`;
export const passText = (p: boolean | null) => (p === null ? '—' : p ? '合格' : '不合格');

/** D3: the month's requisition in one line, with the limits beside the shares. */
const limitText = (ratio: number) => `${Number((ratio * 100).toFixed(1))}%`;

export function requisitionText(r: ClinicFile['requisition']): string {
  const row = r.row;
  if (!row || row.status === 'none') return `${monthText(r.month)}未提交请领`;
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
  return `${requisitionStatusLabels[row.status]}：${row.lines} 个品种，${yuan(row.totalFen)}；非基本药物金额占比 ${pct(row.valuePercent)}（上限 ${limitText(r.maxValueShare)}），品种占比 ${pct(row.itemPercent)}（上限 ${limitText(r.maxItemShare)}）${row.over ? '，超出上限' : ''}`;
}

/** The current quarter's score, grade and pass in one line. */
export function quarterLine(q: ClinicFile['quarters'][number] | undefined): string {
  if (!q) return '本季度尚无考核';
  if (q.scoreTenths === null) return `${quarterText(q.quarter)}：尚未督导`;
  return `${quarterText(q.quarter)}：${score(q.scoreTenths)} 分，${q.grade ?? '—'}，${passText(q.passed)}`;
}
