/**
 * P4: `visits.corrections` — the corrections of a quarter, a month, or one clinic's visit:
 * when, who, what (the item or field in words), the original → the corrected value, and the
 * reason, oldest first. Raw stored values stay beside the words (oldValue/newValue) so an
 * export (the county re-check pack) can carry both.
 */
import { chineseDate } from '../../../../shared/format';
import { monthsOfQuarter, parseQuarter } from '../../../../shared/rules/quarter';
import { formatTenths } from '../../../../shared/rules/scoring';
import type { CorrectionEntity, CorrectionRow } from '../../../../shared/schemas/corrections';
import type { Db } from '../../../db/open';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';

const fieldLabels: Record<CorrectionEntity, Record<string, string>> = {
  visits: {
    visited_on: '督导日期',
    supervisors: '督导人',
    clinic_signer: '村卫生室负责人',
    note: '备注',
    total_tenths: '本月总分',
    veto_triggered: '一票否决',
  },
  visit_scores: { item_id: '补录评分项目', score_tenths: '得分', vetoed: '否决', note: '扣分说明' },
  findings: { item_id: '涉及项目', text: '发现问题', owner: '整改责任人', due_on: '整改期限' },
};

/** A stored value (text) as the clerk reads it. */
function shown(entity: CorrectionEntity, field: string, value: string | null, itemName: (id: number) => string): string {
  if (value === null || value === '') return '（空）';
  if (field === 'score_tenths' || field === 'total_tenths') return formatTenths(Number(value));
  if (field === 'vetoed' || field === 'veto_triggered') return value === '1' ? '是' : '否';
  if (field === 'visited_on' || field === 'due_on') return chineseDate(value);
  if (field === 'item_id') return entity === 'visit_scores' ? '补录' : itemName(Number(value));
  return value;
}

interface Stored {
  id: number;
  at: string;
  by: string;
  reason: string;
  visitId: number;
  clinicId: number;
  clinicCode: string;
  clinicName: string;
  month: string;
  entity: CorrectionEntity;
  entityId: number | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  itemId: number | null;
  itemSeq: string | null;
  itemContent: string | null;
  findingText: string | null;
}

export interface CorrectionFilter {
  quarter?: string | undefined;
  month?: string | undefined;
  clinicId?: number | undefined;
}

export function listCorrections(db: Db, f: CorrectionFilter): CorrectionRow[] {
  let from: string;
  let to: string;
  if (f.quarter !== undefined) {
    const q = parseQuarter(f.quarter);
    if (!q) throw new AppError('VALIDATION', '季度格式应为 年Q季，如 2026Q3', { field: 'quarter' });
    const months = monthsOfQuarter(q);
    [from, to] = [months[0] ?? '', months[2] ?? ''];
  } else if (f.month !== undefined) {
    [from, to] = [f.month, f.month];
  } else {
    throw new AppError('VALIDATION', '请指定季度或月份', { field: 'quarter' });
  }
  // A score row added by a correction names its item in the correction's new value (write.ts).
  const rows = stmt(
    db,
    `SELECT c.id, c.at, c.by, c.reason, c.visit_id AS visitId, v.clinic_id AS clinicId, cl.code AS clinicCode, cl.name AS clinicName,
            v.month, c.entity, c.entity_id AS entityId, c.field, c.old_value AS oldValue, c.new_value AS newValue,
            i.id AS itemId, i.seq AS itemSeq, i.content AS itemContent, fd.text AS findingText
       FROM visits v
       JOIN corrections c ON c.visit_id = v.id
       JOIN clinics cl ON cl.id = v.clinic_id
       LEFT JOIN visit_scores s ON c.entity = 'visit_scores' AND s.id = c.entity_id
       LEFT JOIN supervision_items i ON c.entity = 'visit_scores'
            AND i.id = coalesce(s.item_id, CASE WHEN c.field = 'item_id' THEN CAST(c.new_value AS INTEGER) END)
       LEFT JOIN findings fd ON c.entity = 'findings' AND fd.id = c.entity_id
      WHERE v.month BETWEEN @from AND @to AND (@clinicId IS NULL OR v.clinic_id = @clinicId)
      ORDER BY c.id`,
  ).all({ from, to, clinicId: f.clinicId ?? null }) as Stored[];
  const itemNames = new Map<number, string>();
  const itemName = (id: number): string => {
    let n = itemNames.get(id);
    if (n === undefined) {
      const it = stmt(db, 'SELECT seq, content FROM supervision_items WHERE id = ?').get(id) as
        { seq: string; content: string } | undefined;
      n = it ? `${it.seq ? `${it.seq} ` : ''}${it.content}` : `项目 ${id}`;
      itemNames.set(id, n);
    }
    return n;
  };
  return rows.map((r) => {
    const fieldLabel = fieldLabels[r.entity][r.field] ?? r.field;
    const what =
      r.entity === 'visit_scores'
        ? `${r.itemSeq ? `${r.itemSeq} ` : ''}${r.itemContent ?? ''} · ${fieldLabel}`
        : r.entity === 'findings'
          ? r.field === 'text'
            ? fieldLabel
            : `问题“${r.findingText ?? ''}” · ${fieldLabel}`
          : fieldLabel;
    return {
      id: r.id,
      at: r.at,
      by: r.by,
      reason: r.reason,
      visitId: r.visitId,
      clinicId: r.clinicId,
      clinicCode: r.clinicCode,
      clinicName: r.clinicName,
      month: r.month,
      entity: r.entity,
      entityId: r.entityId,
      field: r.field,
      itemId: r.entity === 'visit_scores' ? r.itemId : null,
      label: what,
      oldValue: r.oldValue,
      newValue: r.newValue,
      oldText: shown(r.entity, r.field, r.oldValue, itemName),
      newText: shown(r.entity, r.field, r.newValue, itemName),
    };
  });
}
