/**
 * `import drugs FILE [--effective DATE]`: the catalog kind with the date new prices take
 * effect; the import page uses the registered kind (the import's own date).
 */
import { todayIso } from '../../../shared/format';
import type { ServiceContext } from '../../db/context';
import { commitImport, type ImportResult } from '../../excel/import/commit';
import { planImport } from '../../excel/import/plan';
import { readSheetGrid, type ImportSource } from '../../excel/import/read';
import { drugKind } from './import/kind';

export async function importDrugs(
  ctx: ServiceContext,
  source: ImportSource,
  opts: { effectiveOn?: string; dryRun?: boolean; sheet?: string } = {},
): Promise<ImportResult> {
  const kind = drugKind(opts.effectiveOn);
  const grid = await readSheetGrid(source, opts.sheet);
  if (opts.dryRun) return { preview: planImport(ctx.db, kind, grid, todayIso(ctx.now())), created: 0, updated: 0 };
  return commitImport(ctx, kind, grid);
}
