/**
 * A return (报表) as data, as the core builds it (electron/excel/returns/types.ts ReportData):
 * what `returns.data` answers and the renderer prints, the same object the workbook is written
 * from and `report <name> --format json` prints, so paper, JSON and workbook cannot differ (R1).
 * Money columns hold 分 (integers); the paper and the workbook show 元 with two decimals.
 */
import { z } from 'zod';
import { isoDate } from './common';

export const reportValue = z.union([z.string(), z.number(), z.null()]);
export type ReportValueOut = z.output<typeof reportValue>;

export const reportColumnKind = z.enum(['text', 'center', 'int', 'decimal', 'money', 'date']);
export type ReportColumnKind = z.output<typeof reportColumnKind>;

export const reportColumn = z.object({
  key: z.string(),
  header: z.string(),
  /** The heading shared with the neighbouring columns of the same group (two-level header). */
  group: z.string().optional(),
  kind: reportColumnKind,
  /** Width in Excel character units (a Chinese character takes about two). */
  width: z.number(),
  total: z.union([z.enum(['sum', 'count', 'yes']), z.object({ percentOf: z.tuple([z.string(), z.string()]) })]).optional(),
  countUnit: z.enum(['个', '人']).optional(),
});
export type ReportColumnOut = z.output<typeof reportColumn>;

export const reportSummary = z.object({
  title: z.string(),
  header: z.array(z.string()),
  kinds: z.array(reportColumnKind),
  rows: z.array(z.array(reportValue)),
  /** How many table columns each summary column spans. */
  spans: z.array(z.number().int().positive()).optional(),
});
export type ReportSummaryOut = z.output<typeof reportSummary>;

export const reportTable = z.object({
  sheetName: z.string(),
  title: z.string(),
  columns: z.array(reportColumn),
  rows: z.array(z.record(z.string(), reportValue)),
  /** Per column key; null when the table has no 合计 row. */
  totals: z.record(z.string(), z.number()).nullable(),
  summary: reportSummary.optional(),
  /** Row indices set in bold: subtotals and section headings. */
  emphasis: z.array(z.number().int().nonnegative()).optional(),
});
export type ReportTableOut = z.output<typeof reportTable>;

export const reportAlert = z.object({
  rule: z.string(),
  kind: z.string(),
  title: z.string(),
  level: z.enum(['error', 'warning']),
  subject: z.string(),
  detail: z.string(),
});

export const reportData = z.object({
  name: z.string(),
  title: z.string(),
  /** 填报单位. */
  unit: z.string(),
  county: z.string(),
  /** 填报日期 (ISO, China time). */
  date: isoDate,
  /** 统计日期 (ISO). */
  asOf: isoDate,
  /** The right-hand text of the unit row when a day is not enough (统计期间 …). */
  period: z.string().optional(),
  signature: z.object({ operator: z.string(), reviewer: z.string(), director: z.string() }),
  figures: z.record(z.string(), z.number()),
  tables: z.array(reportTable),
  alerts: z.array(reportAlert).optional(),
});
export type ReportDataOut = z.output<typeof reportData>;
