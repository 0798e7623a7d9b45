/**
 * Loading a county's 考核细则 (P6): `import template FILE [--dry-run] [--effective YYYY-MM]
 * [--name NAME]` and the 考核细则 page's import. The preview shows the tree, the sums and every
 * warning (points that do not add up) and error (rows that cannot be read); loading stores the
 * tree as the next version, effective from the given month, in one transaction. Errors refuse
 * the load with nothing written; warnings do not — loading after seeing them is the clerk's
 * confirmation (on the command line, running without --dry-run is).
 */
import type { TemplatePreview } from '../../../../shared/schemas/supervision';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import type { SheetGrid } from '../../../excel/import/read';
import { parseTemplateGrid } from './parse';
import { pointsText } from './points';
import { insertTemplate, nextVersion } from './store';
import { bonusCap } from './sums';

export interface TemplateOptions {
  effectiveFrom: string;
  /** The version's name; the sheet's title, else one made from the month, when blank. */
  name?: string;
}

export function previewTemplate(db: Db, grid: SheetGrid, o: TemplateOptions): TemplatePreview {
  const t = parseTemplateGrid(grid);
  const [y, m] = o.effectiveFrom.split('-');
  const name = (o.name ?? '').trim() || t.title || `考核细则（${y}年${Number(m)}月起）`;
  return {
    name,
    effectiveFrom: o.effectiveFrom,
    sheetName: t.sheetName,
    headerRow: t.headerRow,
    groups: t.groups,
    items: t.groups.reduce((s, g) => s + g.items.length, 0),
    baseTenths: t.baseTenths,
    bonusTenths: t.bonusTenths,
    bonusCapTenths: bonusCap(t),
    statedTotalTenths: t.statedTotalTenths,
    warnings: t.warnings,
    errors: t.errors,
    notes: t.notes,
    version: nextVersion(db),
    templateId: null,
  };
}

export function loadTemplate(ctx: ServiceContext, grid: SheetGrid, o: TemplateOptions): TemplatePreview {
  return ctx.db
    .transaction(() => {
      const p = previewTemplate(ctx.db, grid, o);
      if (p.errors.length > 0) {
        throw new AppError(
          'VALIDATION',
          `考核细则中有 ${p.errors.length} 行无法读取，未载入。请改正后重新导入：\n${p.errors.map((e) => e.message).join('\n')}`,
          { row: p.errors[0]?.row },
        );
      }
      if (p.baseTenths === 0) throw new AppError('VALIDATION', '考核细则的基础分合计为 0 分（只有奖励项或否决项），未载入。请检查“分值”');
      const id = insertTemplate(
        ctx,
        {
          name: p.name,
          source: grid.source,
          effectiveFrom: p.effectiveFrom,
          baseTenths: p.baseTenths,
          bonusCapTenths: p.bonusCapTenths,
          note: p.notes.join('\n'),
        },
        p.groups,
      );
      const warned = p.warnings.length > 0 ? `；已确认 ${p.warnings.length} 处分值不符：${p.warnings.join('；')}` : '';
      audit(ctx, {
        action: 'import',
        entity: 'supervision_template',
        entityId: id,
        summary: `载入考核细则第 ${p.version} 版“${p.name}”（${p.effectiveFrom} 起执行，${p.items} 项，基础分 ${pointsText(p.baseTenths)}，奖励分上限 ${pointsText(p.bonusCapTenths)}，来自“${grid.source}”）${warned}`,
      });
      return { ...p, templateId: id };
    })
    .immediate();
}
