/**
 * The import framework's entry points. A module adds a kind in kinds/ (the people module's
 * roster: kinds/roster.ts), its name in `importKindNames` (shared/schemas/import.ts, for the
 * wizard's operations) and an entry in `importKinds`; reading, header finding, checking,
 * preview and the all-or-nothing commit are shared.
 *
 *   const grid = await readSheetGrid({ file });            // async: exceljs
 *   const preview = previewImport(db, 'villages', grid);   // sync: reads the database only
 *   const result = commitImport(ctx, kind, grid);          // sync: one transaction
 */
import { todayIso } from '../../shared/format';
import type { ImportKindName } from '../../shared/schemas/import';
import type { ServiceContext } from '../db/context';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { commitImport, type ImportResult } from '../excel/import/commit';
import { assetKind } from '../domains/assets/import/kind';
import { drugKind } from '../domains/drugs/import/kind';
import { clinicKind } from '../domains/clinics/importKind';
import { rosterKind } from '../domains/people/import/kind';
import { villageKind } from '../domains/villages/importKind';
import { planImport } from '../excel/import/plan';
import { readSheetGrid, type ImportSource, type SheetGrid } from '../excel/import/read';
import type { ImportKind, ImportPreview } from '../excel/import/types';

/** Exactly the kinds the contract offers (shared/schemas/import.ts): a missing or extra one fails the typecheck. */
export const importKinds = {
  villages: villageKind,
  clinics: clinicKind,
  roster: rosterKind,
  assets: assetKind,
  drugs: drugKind(),
} satisfies Record<ImportKindName, ImportKind<object>>;
export type { ImportKindName };

export function isImportKind(name: string): name is ImportKindName {
  return Object.prototype.hasOwnProperty.call(importKinds, name);
}

export function importKind(name: string): ImportKind<object> {
  if (!isImportKind(name)) {
    const known = Object.entries(importKinds)
      .map(([k, v]) => `${k}（${v.title}）`)
      .join('、');
    throw new AppError('BAD_REQUEST', `不能导入“${name}”：可导入的类别有 ${known}`);
  }
  return importKinds[name];
}

/** `today` (ISO, China time) is the import's date; it defaults to the real today. */
export function previewImport(db: Db, kind: string, grid: SheetGrid, today?: string): ImportPreview {
  return planImport(db, importKind(kind), grid, today);
}

export async function importWorkbook(
  ctx: ServiceContext,
  kind: string,
  source: ImportSource,
  opts: { dryRun?: boolean; sheet?: string } = {},
): Promise<ImportResult> {
  const k = importKind(kind);
  const grid = await readSheetGrid(source, opts.sheet);
  if (opts.dryRun) return { preview: planImport(ctx.db, k, grid, todayIso(ctx.now())), created: 0, updated: 0 };
  return commitImport(ctx, k, grid);
}

export { describeErrors } from '../excel/import/commit';
export { readSheetGrid } from '../excel/import/read';
export type { ImportResult } from '../excel/import/commit';
export type { ImportPreview, RowError } from '../excel/import/types';
