/**
 * P6: the template (考核细则) version a month is scored against — the latest whose
 * `effective_from` is on or before the month (ties: the later loaded). Read straight from the
 * template tables S1's migration 10 defines; items in the sheet's order, each with its group.
 */
import type { TemplateItem } from '../../../../shared/schemas/visits';
import type { Db } from '../../../db/open';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';

export interface TemplateInForce {
  id: number;
  name: string;
  version: number;
  baseTotalTenths: number;
  bonusCapTenths: number;
}

export function templateForMonth(db: Db, month: string): TemplateInForce {
  const t = stmt(
    db,
    `SELECT id, name, version, base_total_tenths AS baseTotalTenths, bonus_cap_tenths AS bonusCapTenths
       FROM supervision_templates WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1`,
  ).get(month) as TemplateInForce | undefined;
  if (!t) {
    throw new AppError(
      'VALIDATION',
      `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月没有适用的考核细则：请先在“考核细则”页导入县里的细则（生效月份不晚于该月），或使用系统自带的默认细则`,
      { field: 'month' },
    );
  }
  return t;
}

export function templateById(db: Db, id: number): TemplateInForce {
  const t = stmt(
    db,
    `SELECT id, name, version, base_total_tenths AS baseTotalTenths, bonus_cap_tenths AS bonusCapTenths FROM supervision_templates WHERE id = ?`,
  ).get(id) as TemplateInForce | undefined;
  if (!t) throw new AppError('NOT_FOUND', '找不到该版考核细则');
  return t;
}

interface ItemRow {
  id: number;
  groupName: string | null;
  seq: string;
  content: string;
  maxTenths: number;
  isBonus: number;
  isVeto: number;
  method: string;
  standard: string;
}

/** The scorable items of a template (groups are headings, not items), in the sheet's order. */
export function templateItems(db: Db, templateId: number): TemplateItem[] {
  const rows = stmt(
    db,
    `SELECT i.id, g.content AS groupName, i.seq, i.content, i.max_tenths AS maxTenths, i.is_bonus AS isBonus, i.is_veto AS isVeto,
            i.method, i.standard
       FROM supervision_items i LEFT JOIN supervision_items g ON g.id = i.parent_id
      WHERE i.template_id = ? AND i.kind = 'item' ORDER BY i.position`,
  ).all(templateId) as ItemRow[];
  return rows.map((r) => ({
    id: r.id,
    groupName: r.groupName ?? '',
    seq: r.seq,
    content: r.content,
    maxTenths: r.maxTenths,
    isBonus: r.isBonus === 1,
    isVeto: r.isVeto === 1,
    method: r.method,
    standard: r.standard,
  }));
}
