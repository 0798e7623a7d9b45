/**
 * Commits an import: all rows or none. The plan is made again inside the write transaction,
 * so it is checked against the database as it is at that moment, not as it was when the clerk
 * looked at the preview. Any bad row refuses the whole import; a row the services refuse
 * (a code taken meanwhile …) rolls everything back and names that row.
 */
import { todayIso } from '../../../shared/format';
import type { ServiceContext } from '../../db/context';
import { AppError } from '../../db/errors';
import { audit } from '../../db/audit';
import { planImport } from './plan';
import type { SheetGrid } from './read';
import type { ImportKind, ImportPreview, PlannedRow, RowError } from './types';
import { deferTokens } from '../../db/tokenIndex';

export interface ImportResult<V = object> {
  preview: ImportPreview<V>;
  created: number;
  updated: number;
}

/** At most this many row errors are spelt out in one message; the preview lists them all. */
const ERRORS_IN_MESSAGE = 20;

export function describeErrors(errors: readonly RowError[]): string {
  const shown = errors.slice(0, ERRORS_IN_MESSAGE).map((e) => e.message);
  const more = errors.length > ERRORS_IN_MESSAGE ? [`……另有 ${errors.length - ERRORS_IN_MESSAGE} 行有错误`] : [];
  return [...shown, ...more].join('\n');
}

function saveAll<V extends object>(ctx: ServiceContext, kind: ImportKind<V>, rows: PlannedRow<V>[], today: string): void {
  const ordered = [...rows].sort((a, b) => (kind.saveOrder?.(a.values) ?? 0) - (kind.saveOrder?.(b.values) ?? 0) || a.row - b.row);
  for (const p of ordered) {
    try {
      kind.save(ctx, p.values, p.existingId, today);
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, `第 ${p.row} 行：${e.message}。未导入任何数据`, { ...e.extra, row: p.row });
      throw e;
    }
  }
}

export function commitImport<V extends object>(ctx: ServiceContext, kind: ImportKind<V>, grid: SheetGrid): ImportResult<V> {
  const today = todayIso(ctx.now());
  return ctx.db
    .transaction(() => {
      const preview = planImport(ctx.db, kind, grid, today);
      if (preview.errors.length > 0) {
        throw new AppError(
          'VALIDATION',
          `${kind.title}表中有 ${preview.errors.length} 行有错误，未导入任何数据。请改正后重新导入：\n${describeErrors(preview.errors)}`,
          { row: preview.errors[0]?.row },
        );
      }
      // The new rows' search tokens written once at the end, not per row (db/tokenIndex.ts).
      deferTokens(ctx.db, () => saveAll(ctx, kind, [...preview.create, ...preview.update], today));
      const created = preview.create.length;
      const updated = preview.update.length;
      if (created + updated > 0) {
        audit(ctx, {
          action: 'import',
          entity: kind.entity,
          summary: `从“${grid.source}”（工作表“${grid.sheetName}”）导入${kind.title}：新增 ${created} 个，更新 ${updated} 个，无变化 ${preview.unchanged.length} 个`,
          // Who was created, and who was updated in what: the per-row writes of a kind may leave
          // their own audit rows to this one (the roster: write.ts, ImportWrite).
          after: { created: preview.create.map((p) => p.label), updated: preview.update.map((p) => `${p.label}：${p.changes.join('、')}`) },
        });
      }
      return { preview, created, updated };
    })
    .immediate();
}
