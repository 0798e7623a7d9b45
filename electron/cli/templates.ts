/**
 * CLI command of the supervision templates (P6):
 *   import template FILE --db DB [--effective YYYY-MM] [--name 细则名称] [--dry-run] [--format json]
 * `--effective` is the first month the version is in force (the current month when absent).
 * The preview lists the tree's groups, the sums, every warning (points that do not add up) and
 * error (rows that cannot be read); without --dry-run the warnings are taken as confirmed and the
 * version is loaded, while an error refuses it with nothing written.
 */
import { todayIso } from '../../shared/format';
import { isoMonth } from '../../shared/schemas/common';
import type { TemplatePreview } from '../../shared/schemas/supervision';
import type { Actor } from '../db/context';
import { makeContext } from '../db/context';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { loadTemplate, previewTemplate } from '../domains/supervision/template/load';
import { pointsText } from '../domains/supervision/template/points';
import { readSheetGrid } from '../excel/import/read';
import type { CliArgs } from './args';

function effectiveMonth(args: CliArgs): string {
  const v = args.values.effective;
  if (v === undefined) return todayIso().slice(0, 7);
  const parsed = isoMonth.safeParse(v);
  if (!parsed.success)
    throw new AppError('BAD_REQUEST', `--effective 应为 年-月，如 2026-07（考核细则自该月起执行），实际是“${String(v)}”`);
  return parsed.data;
}

export function describeTemplate(p: TemplatePreview, dryRun: boolean): string {
  const bonus = p.bonusTenths > 0 ? `，奖励分 ${pointsText(p.bonusTenths)}（上限 ${pointsText(p.bonusCapTenths)}）` : '';
  const lines = [
    `${p.name}（第 ${p.version} 版，${p.effectiveFrom} 起执行）：工作表“${p.sheetName}”，表头在第 ${p.headerRow} 行，${p.groups.length} 个考核项目、${p.items} 项，基础分 ${pointsText(p.baseTenths)}${bonus}`,
    ...p.groups.map((g) => {
      const veto = g.items.filter((i) => i.isVeto).length;
      const tags = [g.isBonus ? '奖励' : '', veto > 0 ? `一票否决 ${veto} 项` : ''].filter(Boolean).join('，');
      return `  ${g.seq ? `${g.seq} ` : ''}${g.content}：${g.items.length} 项${tags ? `（${tags}）` : ''}`;
    }),
    ...p.warnings.map((w) => `注意：${w}`),
    ...p.errors.map((e) => e.message),
  ];
  if (p.errors.length > 0) lines.push('有无法读取的行，未载入。请改正后重新导入');
  else if (dryRun)
    lines.push(p.warnings.length > 0 ? '（预览，未写入。确认以上分值不符无误后，去掉 --dry-run 即载入）' : '（预览，未写入）');
  else lines.push(`已载入为第 ${p.version} 版${p.warnings.length > 0 ? `（已确认 ${p.warnings.length} 处分值不符）` : ''}`);
  return lines.join('\n');
}

export async function cmdImportTemplate(db: Db, actor: string | Actor, args: CliArgs, file: string, json: boolean): Promise<string> {
  const effectiveFrom = effectiveMonth(args);
  const name = typeof args.values.name === 'string' ? args.values.name : undefined;
  const sheet = typeof args.values.sheet === 'string' ? args.values.sheet : undefined;
  const grid = await readSheetGrid({ file }, sheet);
  const dryRun = Boolean(args.values['dry-run']);
  const p = dryRun
    ? previewTemplate(db, grid, { effectiveFrom, name })
    : loadTemplate(makeContext(db, actor), grid, { effectiveFrom, name });
  if (json) return JSON.stringify({ dryRun, ...p }, null, 2);
  return describeTemplate(p, dryRun);
}
