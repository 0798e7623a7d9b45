/**
 * “导出到 Excel” of the supervision foundation's lists: the year's letters (P1) and one template
 * version as a county-style 考核细则 sheet (P6) — group rows with their points, item rows with
 * 分值 or 一票否决, bonus items marked, so the exported sheet imports back as the same tree.
 */
import type { FileResult } from '../../../shared/schemas/common';
import { letterView, templateItemView } from '../../../shared/supervisionViews';
import type { ServiceContext } from '../../db/context';
import { exportView } from '../../excel/exportView';
import { reportingUnit } from '../settings/service';
import { listLetters } from './letters/service';
import { getTemplate } from './template/store';

const pts = (tenths: number) => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

export function exportLetters(ctx: ServiceContext, year: number): Promise<FileResult> {
  return exportView(reportingUnit(ctx), letterView(year), listLetters(ctx, year));
}

export function exportTemplate(ctx: ServiceContext, id: number): Promise<FileResult> {
  const t = getTemplate(ctx, id);
  const rows = t.groups.flatMap((g) => {
    const stated = [
      g.statedTenths !== null ? `${pts(g.statedTenths)}分` : '',
      g.statedBonusTenths !== null ? `${pts(g.statedBonusTenths)}分奖励分` : '',
    ]
      .filter(Boolean)
      .join('，');
    const group = stated ? `${g.content}（${stated}）` : g.content;
    return g.items.map((i) => ({
      seq: i.seq || g.seq,
      group,
      content: i.content,
      points: i.isVeto ? '一票否决' : i.isBonus ? `${pts(i.maxTenths)}分，奖励分` : pts(i.maxTenths),
      method: i.method,
      standard: i.standard,
      ruleRef: i.ruleRef,
    }));
  });
  return exportView(reportingUnit(ctx), templateItemView(`${t.name}（第${t.version}版）`), rows);
}
