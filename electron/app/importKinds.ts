/**
 * The import framework's entry points. A module adds a kind in its domain's folder (the people
 * module's roster: domains/people/import/kind.ts), its name in `importKindNames`
 * (shared/schemas/import.ts, for the wizard's operations) and an entry in `importKinds`;
 * reading, header finding, checking, preview and the all-or-nothing commit are shared. A kind
 * that needs to be told something its sheet does not say (the month of a requisition) lists it
 * in `importKindOptions` and implements `withOptions`.
 *
 *   const grid = await readSheetGrid({ file });            // async: exceljs
 *   const preview = previewImport(db, 'villages', grid);   // sync: reads the database only
 *   const result = commitImport(ctx, kind, grid);          // sync: one transaction
 */
import { todayIso } from '../../shared/format';
import { importKindOptions, importOptionLabels, type ImportKindName } from '../../shared/schemas/import';
import type { ServiceContext } from '../db/context';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { commitImport, type ImportResult } from '../excel/import/commit';
import { assetKind } from '../domains/assets/import/kind';
import { drugKind } from '../domains/drugs/import/kind';
import { receiptKind } from '../domains/drugs/receipts/importKind';
import { consumptionKind } from '../domains/drugs/stock/import/consumptionKind';
import { clinicKind } from '../domains/clinics/importKind';
import { rosterKind } from '../domains/people/import/kind';
import { villageKind } from '../domains/villages/importKind';
import { planImport } from '../excel/import/plan';
import { requisitionLineKind } from '../domains/drugs/requisitions/import/lineKind';
import { importRequisitionWorkbook } from '../domains/drugs/requisitions/import/workbook';
import { readSheetGrid, type ImportSource, type SheetGrid } from '../excel/import/read';
import { scoresKind } from '../domains/supervision/visits/import/scoresKind';
import type { ImportKind, ImportOptions, ImportPreview } from '../excel/import/types';

/** Exactly the kinds the contract offers (shared/schemas/import.ts): a missing or extra one fails the typecheck. */
export const importKinds = {
  villages: villageKind,
  clinics: clinicKind,
  roster: rosterKind,
  assets: assetKind,
  drugs: drugKind(),
  receipts: receiptKind,
  consumption: consumptionKind(),
  requisitions: requisitionLineKind(),
  scores: scoresKind,
} satisfies Record<ImportKindName, ImportKind<object>>;
export type { ImportKindName };

export function isImportKind(name: string): name is ImportKindName {
  return Object.prototype.hasOwnProperty.call(importKinds, name);
}

const OPTION_HOWTO: Record<keyof ImportOptions, string> = {
  month: '导入页面请先选择月份；命令行请加 --month 年-月，如 --month 2026-11',
};

/** The option a kind needs, or a Chinese refusal naming it and how to give it. */
export function needOption(opts: ImportOptions, option: keyof ImportOptions, what: string): string {
  const v = opts[option];
  if (!v) throw new AppError('BAD_REQUEST', `导入${what}须指明${importOptionLabels[option]}：${OPTION_HOWTO[option]}`, { field: option });
  return v;
}

/** `needOption(opts, 'month', what)`: the month ('YYYY-MM') a kind's rows belong to. */
export const needMonth = (opts: ImportOptions, what: string): string => needOption(opts, 'month', what);

/** The kind to plan with: configured with the options it needs (refused without them); options it does not take are ignored. */
export function importKind(name: string, opts: ImportOptions = {}): ImportKind<object> {
  if (!isImportKind(name)) {
    const known = Object.entries(importKinds)
      .map(([k, v]) => `${k}（${v.title}）`)
      .join('、');
    throw new AppError('BAD_REQUEST', `不能导入“${name}”：可导入的类别有 ${known}`);
  }
  const kind: ImportKind<object> = importKinds[name];
  const needs = importKindOptions[name] ?? [];
  for (const option of needs) needOption(opts, option, kind.title);
  return needs.length > 0 && kind.withOptions ? kind.withOptions(opts) : kind;
}

/** `today` (ISO, China time) is the import's date; it defaults to the real today. */
export function previewImport(db: Db, kind: string, grid: SheetGrid, today?: string, opts: ImportOptions = {}): ImportPreview {
  return planImport(db, importKind(kind, opts), grid, today);
}

export async function importWorkbook(
  ctx: ServiceContext,
  kind: string,
  source: ImportSource,
  opts: { dryRun?: boolean; sheet?: string } & ImportOptions = {},
): Promise<ImportResult> {
  const k = importKind(kind, opts);
  // Requisitions are gathered per clinic, over every sheet (one sheet per clinic): their own planner.
  if (kind === 'requisitions') return importRequisitionWorkbook(ctx, source, needMonth(opts, k.title), opts);
  const grid = await readSheetGrid(source, opts.sheet);
  if (opts.dryRun) return { preview: planImport(ctx.db, k, grid, todayIso(ctx.now())), created: 0, updated: 0 };
  return commitImport(ctx, k, grid);
}

export { describeErrors } from '../excel/import/commit';
export { readSheetGrid } from '../excel/import/read';
export type { ImportResult } from '../excel/import/commit';
export type { ImportOptions, ImportPreview, RowError } from '../excel/import/types';
