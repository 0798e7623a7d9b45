import { z } from 'zod';
import { cleanString } from './text';

/** Row id of any table. */
export const idSchema = z.number({ error: '编号必须是数字' }).int().positive();
export const idInput = z.object({ id: idSchema });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A `YYYY-MM-DD` text (already matched by ISO_DATE) that names a day of the calendar: month 1–12,
 * day within the month, 29 February in leap years only. Arithmetic rather than a Date round trip:
 * an import checks several dates on each of 10,000 rows.
 */
function isRealDay(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

/** A calendar date stored as ISO `YYYY-MM-DD`, checked to be a real day. */
export const isoDate = z
  .string({ error: '请填写日期' })
  .regex(ISO_DATE, '日期格式应为 年-月-日，如 2026-01-31')
  .refine(isRealDay, '不是有效的日期');

/** A calendar month stored as `YYYY-MM` (a requisition's, a 进销存's month). */
export const isoMonth = z.string({ error: '请填写月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 年-月，如 2026-11');

/** A quarter written `YYYYQn` (2026Q3), as the assessment and its returns name it. */
export const isoQuarter = z.string({ error: '请填写季度' }).regex(/^\d{4}Q[1-4]$/, '季度格式应为 年Q季，如 2026Q3');

/** The text helpers live in text.ts; re-exported here, where every schema file looked for them. */
export { cleanString, noteText, requiredText, text } from './text';

export function count(label: string, max = 10_000_000) {
  return z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max}`);
}

/** --- Lists: sorting, filtering and paging happen in SQLite (TanStack manual mode). --- */

// Search and filter texts are cleaned like the stored text they are compared with, so 测试村 typed
// with a zero-width space still finds 测试村. Column ids are not: they are looked up exactly and
// an id the list does not have is refused (db/listQuery.ts).
const filterValue = z.union([
  cleanString('筛选条件').max(200, '筛选条件过长'),
  z.boolean(),
  z.array(cleanString('筛选条件').max(200)).max(50),
  z.object({ min: z.number().optional(), max: z.number().optional() }),
]);
export type FilterValue = z.infer<typeof filterValue>;

export const listQuery = z.object({
  search: cleanString('搜索内容').max(200, '搜索内容不能超过 200 个字').optional(),
  sort: z
    .array(z.object({ id: z.string().max(64), desc: z.boolean() }))
    .max(5)
    .optional(),
  filters: z
    .array(z.object({ id: z.string().max(64), value: filterValue }))
    .max(30)
    .optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListQuery = z.input<typeof listQuery>;
export type ListQueryParsed = z.output<typeof listQuery>;

export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row), total: z.number().int() });
}
export interface Page<T> {
  rows: T[];
  total: number;
}

/** A file produced on the core side, handed to the renderer to save. */
export const fileResult = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  rowCount: z.number().int(),
});
export type FileResult = z.infer<typeof fileResult>;

export const exportViewInput = listQuery.omit({ offset: true, limit: true }).extend({
  columns: z.array(z.string().max(64)).max(60).optional(),
});
export type ExportViewInput = z.input<typeof exportViewInput>;
