/**
 * Finding the header row of a clerk's sheet. County sheets open with merged title rows and a
 * 填报单位 line, so the header is looked for in the first rows: the row naming the most known
 * columns wins (the lower one on a tie, which under a two-level header is the row with the
 * column names). Header texts are compared after normalising the ways people write them:
 * spaces and line breaks, full-width brackets, * or ※ marking required columns, a trailing
 * colon, a unit in brackets ("服务人口（人）"), a leading 是否 ("是否医保定点").
 */
import { AppError } from '../../db/errors';
import { columnLetter } from '../headerLayout';
import { shown, type Plain } from './cells';
import type { FieldDef, MatchedColumn } from './types';

export const HEADER_SEARCH_ROWS = 10;

/** Columns every county sheet has that carry nothing to import. */
const IGNORED = new Set(['序号', '编号序号', 'no', 'no.']);

export function normalizeHeader(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/[\s\u3000*※]/g, '')
    .replace(/[:]+$/, '')
    .toLowerCase();
}

/**
 * A unit in brackets is dropped (服务人口（人） is 服务人口), except one in 万 (原值（万元）,
 * 服务人口（万人）): that column's numbers mean ten thousand times more, so it only matches a
 * field that names the same unit.
 */
function variants(text: string): string[] {
  const n = normalizeHeader(text);
  const noUnit = n.replace(/\([^)]*\)|\[[^\]]*\]/g, (unit) => (unit.includes('万') ? unit : ''));
  const out = new Set([n, noUnit]);
  for (const v of [n, noUnit]) if (v.startsWith('是否')) out.add(v.slice(2));
  return [...out].filter((v) => v.length > 0);
}

export function fieldForHeader(text: string, fields: readonly FieldDef[]): FieldDef | undefined {
  const wanted = variants(text);
  return fields.find((f) => [f.label, ...f.synonyms].some((name) => variants(name).some((v) => wanted.includes(v))));
}

export interface HeaderMatch {
  row: number;
  columns: (MatchedColumn & { index: number })[];
  unknown: { column: string; header: string }[];
}

function matchRow(cells: readonly Plain[], row: number, fields: readonly FieldDef[]): HeaderMatch {
  const columns: HeaderMatch['columns'] = [];
  const unknown: HeaderMatch['unknown'] = [];
  const taken = new Set<string>();
  cells.forEach((cell, index) => {
    const header = shown(cell).replace(/\s+/g, ' ').trim();
    if (!header || IGNORED.has(normalizeHeader(header))) return;
    const field = fieldForHeader(header, fields);
    const column = columnLetter(index + 1);
    if (field && !taken.has(field.key)) {
      taken.add(field.key);
      columns.push({ index, column, header, field: field.key, label: field.label });
    } else {
      unknown.push({ column, header: field ? `${header}（与前面的“${field.label}”列重复）` : header });
    }
  });
  return { row, columns, unknown };
}

/** Rows as read: the sheet row number and its cells from column A. */
export interface GridRow {
  number: number;
  cells: Plain[];
}

export function findHeader(rows: readonly GridRow[], fields: readonly FieldDef[], title: string): HeaderMatch {
  let best: HeaderMatch | undefined;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const m = matchRow(r.cells, r.number, fields);
    if (m.columns.length > 0 && (!best || m.columns.length >= best.columns.length)) best = m;
  }
  const required = fields.filter((f) => f.requiredColumn);
  if (!best) {
    const names = required.map((f) => `“${f.label}”`).join('、');
    throw new AppError('VALIDATION', `在前 ${HEADER_SEARCH_ROWS} 行没有找到${title}表的表头：表头应包含 ${names} 等列。请检查是否选错了文件或工作表`);
  }
  const found = best;
  const missing = required.filter((f) => !found.columns.some((c) => c.field === f.key));
  if (missing.length > 0) {
    const list = missing.map((f) => `“${f.label}”（也可写作：${f.synonyms.join('、') || f.label}）`).join('；');
    throw new AppError('VALIDATION', `第 ${found.row} 行的表头缺少必需的列：${list}。未导入任何数据`, { row: found.row });
  }
  return found;
}
