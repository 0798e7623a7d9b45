/**
 * The import wizard's operations ('import.preview', 'import.commit'): a workbook sent as base64
 * is read, planned against the database and answered as the contract's preview; the commit
 * reads the same bytes again and plans again inside its transaction (commit.ts), so it acts on
 * the database as it is then, not as it was when the clerk looked at the preview.
 */
import { todayIso } from '../../shared/format';
import type { ImportCommitOutput, ImportPreviewOutput, importUpload } from '../../shared/schemas/import';
import type { z } from 'zod';
import type { ServiceContext } from '../db/context';
import { AppError } from '../db/errors';
import { commitImport } from '../excel/import/commit';
import { importKind, importWorkbook } from './importKinds';
import { planImport } from '../excel/import/plan';
import { readSheetGrid, type SheetGrid } from '../excel/import/read';
import type { ImportOptions, ImportPreview } from '../excel/import/types';

type Upload = z.output<typeof importUpload>;

const optionsOf = (u: Upload): ImportOptions => (u.month ? { month: u.month } : {});

async function gridOf(u: Upload): Promise<SheetGrid> {
  const bytes = Buffer.from(u.base64, 'base64');
  if (bytes.length === 0) throw new AppError('BAD_REQUEST', `“${u.fileName}”是空文件，请重新选择`);
  return readSheetGrid({ buffer: bytes, name: u.fileName });
}

const plain = (rows: ImportPreview['create']) =>
  rows.map(({ row, label, changes, notes }) => ({ row, label, changes, ...(notes ? { notes } : {}) }));

export function previewOutput(kind: Upload['kind'], fileName: string, p: ImportPreview): ImportPreviewOutput {
  return {
    kind,
    title: p.title,
    fileName,
    sheetName: p.sheetName,
    headerRow: p.headerRow,
    columns: p.columns,
    unknownColumns: p.unknownColumns,
    create: plain(p.create),
    update: plain(p.update),
    unchanged: plain(p.unchanged),
    errors: p.errors,
    skippedRows: p.skippedRows,
    notices: p.notices,
  };
}

/** Requisitions read every sheet (one per clinic) and are planned per clinic: importWorkbook routes them. */
const wholeBook = (u: Upload) => ({ buffer: Buffer.from(u.base64, 'base64'), name: u.fileName });

export async function previewUpload(ctx: ServiceContext, u: Upload): Promise<ImportPreviewOutput> {
  if (u.kind === 'requisitions')
    return previewOutput(u.kind, u.fileName, (await importWorkbook(ctx, u.kind, wholeBook(u), { ...optionsOf(u), dryRun: true })).preview);
  const grid = await gridOf(u);
  return previewOutput(u.kind, u.fileName, planImport(ctx.db, importKind(u.kind, optionsOf(u)), grid, todayIso(ctx.now())));
}

export async function commitUpload(ctx: ServiceContext, u: Upload): Promise<ImportCommitOutput> {
  const kind = importKind(u.kind, optionsOf(u));
  const r =
    u.kind === 'requisitions' ? await importWorkbook(ctx, u.kind, wholeBook(u), optionsOf(u)) : commitImport(ctx, kind, await gridOf(u));
  return { kind: u.kind, title: kind.title, created: r.created, updated: r.updated, unchanged: r.preview.unchanged.length };
}
