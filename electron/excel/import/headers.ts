/**
 * Finding the header row of a clerk's sheet and what each column is. County sheets open with
 * merged title rows and a 填报单位 line, so the header is looked for in the first rows: the row
 * naming the most known columns wins (the lower one on a tie, which under a two-level header is
 * the row with the column names).
 *
 * Each column's field is chosen by score (headerScore.ts); a column whose best score is under
 * MATCH_THRESHOLD stays unknown. Columns are given fields best score first, each field once, so
 * an exact column beats a near one whatever their order; a column that could as well be another
 * field says so (MatchedColumn.note).
 */
import { AppError } from '../../db/errors';
import { columnLetter } from '../headerLayout';
import { shown, type Plain } from './cells';
import { AMBIGUITY_MARGIN, headerScores, IGNORED, MATCH_THRESHOLD, MAX_HEADER_LENGTH, normalizeHeader } from './headerScore';
import type { FieldDef, MatchedColumn } from './types';

export { fieldForHeader, headerScore, headerScores, MATCH_THRESHOLD, normalizeHeader } from './headerScore';

export const HEADER_SEARCH_ROWS = 10;

export interface HeaderMatch {
  row: number;
  columns: (MatchedColumn & { index: number })[];
  unknown: { column: string; header: string }[];
}

/** “甲”、“乙”或“丙”. */
function quoted(labels: readonly string[]): string {
  const q = labels.map((l) => `“${l}”`);
  return q.length > 1 ? `${q.slice(0, -1).join('、')}或${q.at(-1) ?? ''}` : (q[0] ?? '');
}

/**
 * Columns the app's own exports add that are worked out, not entered: read back they would
 * overwrite what was entered (基药（按日期） is the essential-list status on a day, which the
 * catalog's 基药 mark must not take; the mark itself is exported as 平台基药标识). Never matched.
 */
const DERIVED_HEADERS = new Set(['基药（按日期）']);
const asDerived = (header: string) => header.replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

function matchRow(cells: readonly Plain[], row: number, fields: readonly FieldDef[]): HeaderMatch & { total: number } {
  const headers: { index: number; header: string; scores: number[] }[] = [];
  cells.forEach((cell, index) => {
    const header = shown(cell).replace(/\s+/g, ' ').trim();
    if (!header || IGNORED.has(normalizeHeader(header))) return;
    const long = header.length > MAX_HEADER_LENGTH || typeof cell !== 'string' || DERIVED_HEADERS.has(asDerived(header));
    headers.push({ index, header, scores: long ? [] : headerScores(header, fields) });
  });
  // Best scores first, each column and each field once; on a tie the left column, then the first field.
  const candidates = headers.flatMap((h) => h.scores.flatMap((score, f) => (score >= MATCH_THRESHOLD ? [{ h, f, score }] : [])));
  candidates.sort((a, b) => b.score - a.score || a.h.index - b.h.index || a.f - b.f);
  const fieldOf = new Map<number, { f: number; score: number }>();
  const columnOf = new Map<number, number>();
  for (const c of candidates) {
    if (fieldOf.has(c.h.index) || columnOf.has(c.f)) continue;
    fieldOf.set(c.h.index, { f: c.f, score: c.score });
    columnOf.set(c.f, c.h.index);
  }
  const columns: HeaderMatch['columns'] = [];
  const unknown: HeaderMatch['unknown'] = [];
  let total = 0;
  for (const h of headers) {
    const column = columnLetter(h.index + 1);
    const got = fieldOf.get(h.index);
    if (!got) {
      // The field it would be is another column's: say which, as a duplicated column.
      const wanted = candidates.find((c) => c.h === h);
      const other = wanted ? columnOf.get(wanted.f) : undefined;
      const label = wanted ? fields[wanted.f]?.label : undefined;
      unknown.push({
        column,
        header: label && other !== undefined ? `${h.header}（与${other < h.index ? '前面' : '后面'}的“${label}”列重复）` : h.header,
      });
      continue;
    }
    const field = fields[got.f] as FieldDef;
    total += got.score;
    const alternatives = h.scores.flatMap((s, f) =>
      f !== got.f && s >= MATCH_THRESHOLD && got.score - s < AMBIGUITY_MARGIN && !columnOf.has(f) ? [fields[f]?.label ?? ''] : [],
    );
    const m: HeaderMatch['columns'][number] = { index: h.index, column, header: h.header, field: field.key, label: field.label };
    if (alternatives.length > 0) {
      m.alternatives = alternatives;
      m.note = `也可能是${quoted(alternatives)}，按“${field.label}”读取`;
    } else if (got.score < 1) {
      m.note = `按“${field.label}”读取`;
    }
    columns.push(m);
  }
  return { row, columns, unknown, total };
}

/** Rows as read: the sheet row number and its cells from column A. */
export interface GridRow {
  number: number;
  cells: Plain[];
}

export function findHeader(rows: readonly GridRow[], fields: readonly FieldDef[], title: string): HeaderMatch {
  let best: ReturnType<typeof matchRow> | undefined;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const m = matchRow(r.cells, r.number, fields);
    if (m.columns.length === 0) continue;
    // More columns known wins; then the better fit; then the lower row.
    if (!best || m.columns.length > best.columns.length || (m.columns.length === best.columns.length && m.total >= best.total - 1e-9))
      best = m;
  }
  const required = fields.filter((f) => f.requiredColumn);
  if (!best) {
    const names = required.map((f) => `“${f.label}”`).join('、');
    throw new AppError(
      'VALIDATION',
      `在前 ${HEADER_SEARCH_ROWS} 行没有找到${title}表的表头：表头应包含 ${names} 等列。请检查是否选错了文件或工作表`,
    );
  }
  const { row, columns, unknown } = best;
  const missing = required.filter((f) => !columns.some((c) => c.field === f.key));
  if (missing.length > 0) {
    const list = missing.map((f) => `“${f.label}”（也可写作：${f.synonyms.join('、') || f.label}）`).join('；');
    throw new AppError('VALIDATION', `第 ${row} 行的表头缺少必需的列：${list}。未导入任何数据`, { row });
  }
  return { row, columns, unknown };
}
