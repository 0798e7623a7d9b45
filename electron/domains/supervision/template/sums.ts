/**
 * The template's sums (P6): base points (items that are neither bonus nor veto), bonus points
 * (kept apart: they may raise a month's score above the base up to their cap), and whether the
 * items add up to what each group and the totals row state. Real templates have mismatches, so a
 * mismatch is a warning naming the group and both figures — the clerk confirms it — never a
 * refusal. A 序号 merged over a group's rows (or a Chinese numeral) numbers the group, not its items.
 */
import type { TemplateGroupIn } from '../../../../shared/schemas/supervision';
import { pointsText } from './points';

interface Summed {
  groups: TemplateGroupIn[];
  baseTenths: number;
  bonusTenths: number;
  statedTotalTenths: number | null;
  warnings: string[];
}

export function groupSums(g: TemplateGroupIn): { base: number; bonus: number } {
  let base = 0;
  let bonus = 0;
  for (const i of g.items) {
    if (i.isVeto) continue;
    if (i.isBonus) bonus += i.maxTenths;
    else base += i.maxTenths;
  }
  return { base, bonus };
}

/** The bonus cap: what the sheet states for bonus (groups' bonus figures, or total above base), else the bonus items' sum. */
export function bonusCap(t: Pick<Summed, 'groups' | 'baseTenths' | 'bonusTenths' | 'statedTotalTenths'>): number {
  const statedByGroups = t.groups.reduce((s, g) => s + (g.statedBonusTenths ?? 0), 0);
  if (statedByGroups > 0) return statedByGroups;
  // A total above the base means base + bonus only when there are bonus items (else it is a mismatch, warned).
  if (t.bonusTenths > 0 && t.statedTotalTenths !== null && t.statedTotalTenths > t.baseTenths) return t.statedTotalTenths - t.baseTenths;
  return t.bonusTenths;
}

export function checkSums(t: Summed): void {
  for (const g of t.groups) {
    const seqs = new Set(g.items.map((i) => i.seq));
    const only = [...seqs][0] ?? '';
    if (seqs.size === 1 && only !== '' && (g.items.length > 1 || /^[一二三四五六七八九十]+$/.test(only))) {
      g.seq = g.seq || only;
      for (const i of g.items) i.seq = '';
    }
  }
  t.baseTenths = 0;
  t.bonusTenths = 0;
  for (const g of t.groups) {
    const { base, bonus } = groupSums(g);
    t.baseTenths += base;
    t.bonusTenths += bonus;
    if (g.statedTenths !== null && g.statedTenths !== base) {
      t.warnings.push(`“${g.content}”写明 ${pointsText(g.statedTenths)}，其中各项基础分合计 ${pointsText(base)}`);
    }
    if (g.statedBonusTenths !== null && g.statedBonusTenths !== bonus) {
      t.warnings.push(`“${g.content}”写明奖励分 ${pointsText(g.statedBonusTenths)}，其中各奖励项合计 ${pointsText(bonus)}`);
    }
  }
  const stated = t.statedTotalTenths;
  if (stated !== null && stated !== t.baseTenths && stated !== t.baseTenths + t.bonusTenths) {
    const withBonus = t.bonusTenths > 0 ? `（另有奖励分 ${pointsText(t.bonusTenths)}）` : '';
    t.warnings.push(`合计行写明 ${pointsText(stated)}，各项基础分合计 ${pointsText(t.baseTenths)}${withBonus}`);
  }
}
