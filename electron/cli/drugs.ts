/**
 * CLI commands of the drug catalog:
 *   import drugs FILE --db DB [--effective YYYY-MM-DD] [--dry-run] [--format json]
 *   import essential-list FILE --db DB --effective YYYY-MM-DD [--name 目录名称] [--dry-run] [--format json]
 * `--effective` dates the catalog's new prices (the import's day when absent) and is the day an
 * edition of the essential list comes into force (required).
 */
import { isoDate } from '../../shared/schemas/common';
import type { Actor } from '../db/context';
import { makeContext } from '../db/context';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { importDrugs } from '../domains/drugs/importDrugs';
import { loadEdition, previewEdition } from '../domains/drugs/essential/load';
import { describePreview } from '../excel/import/describe';
import { readSheetGrid } from '../excel/import/read';
import type { CliArgs } from './args';

function effectiveOf(args: CliArgs, required: boolean): string | undefined {
  const v = args.values.effective;
  if (v === undefined) {
    if (required) throw new AppError('BAD_REQUEST', '缺少 --effective（目录的执行日期，如 --effective 2026-09-01）');
    return undefined;
  }
  const parsed = isoDate.safeParse(v);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `--effective 应为日期，如 2026-09-01，实际是“${String(v)}”`);
  return parsed.data;
}

export async function cmdImportDrugs(db: Db, actor: string | Actor, args: CliArgs, file: string, json: boolean): Promise<string> {
  const dryRun = Boolean(args.values['dry-run']);
  const sheet = typeof args.values.sheet === 'string' ? args.values.sheet : undefined;
  const result = await importDrugs(makeContext(db, actor), { file }, { effectiveOn: effectiveOf(args, false), dryRun, sheet });
  if (json) return JSON.stringify({ dryRun, ...result }, null, 2);
  const text = describePreview(result.preview, dryRun);
  return dryRun ? text : `${text}\n已导入：新增 ${result.created} 种，更新 ${result.updated} 种药品`;
}

export async function cmdImportEssentialList(db: Db, actor: string | Actor, args: CliArgs, file: string, json: boolean): Promise<string> {
  const effectiveOn = effectiveOf(args, true) ?? '';
  const name = typeof args.values.name === 'string' ? args.values.name : undefined;
  const sheet = typeof args.values.sheet === 'string' ? args.values.sheet : undefined;
  const grid = await readSheetGrid({ file }, sheet);
  const dryRun = Boolean(args.values['dry-run']);
  const p = dryRun ? previewEdition(db, grid, { effectiveOn, name }) : loadEdition(makeContext(db, actor), grid, { effectiveOn, name });
  if (json) return JSON.stringify({ dryRun, ...p }, null, 2);
  const lines = [
    `${p.name}（${p.effectiveOn} 起执行）：工作表“${p.sheetName}”，表头在第 ${p.headerRow} 行，${p.entries} 条`,
    ...p.notices,
    ...p.errors.map((e) => e.message),
    `目录中的药品：基药 ${p.essential} 种，非基药 ${p.notEssential} 种，待核定 ${p.doubtful.length} 种`,
    ...p.doubtful.map((d) => `  待核定：${d.label}——${d.note}`),
  ];
  return [...lines, dryRun ? '（预览，未写入）' : '已载入'].join('\n');
}
