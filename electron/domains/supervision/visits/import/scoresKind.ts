/**
 * `import scores FILE` (P2, P6, P8): the sheet clerks fill after the visits — one row per item
 * scored: 村卫生室, 督导日期, the item by 序号 or by 考核内容, 得分 (or 扣分), 扣分原因, 一票否决
 * 是/否, 督导人. Rows of one clinic and month make one visit, scored against the template in
 * force for the month; a visit is saved 已完成 and must then have every base item scored (from
 * this sheet or an earlier save). A score outside [0, the item's maximum] is refused naming the
 * item; a locked quarter (P4) refuses its rows. Bad rows are named; nothing is written on error.
 */
import { z } from 'zod';
import { formatTenths, itemScoreProblem } from '../../../../../shared/rules/scoring';
import { monthLabel } from '../../../../../shared/rules/quarter';
import type { TemplateItem } from '../../../../../shared/schemas/visits';
import type { Db } from '../../../../db/open';
import { stmt } from '../../../../db/stmt';
import type { FieldDef, FieldProblem, FieldValues, ImportKind, PlannedRow } from '../../../../excel/import/types';
import { findClinic } from '../../../people/import/records';
import { isMonthLocked } from '../read';
import { templateForMonth, templateItems, type TemplateInForce } from '../templateForMonth';
import { matchItem } from './itemMatch';
import { saveScoreRow } from './saveScoreRow';

export const scoreRow = z.object({
  clinicId: z.number().int().positive(),
  month: z.string(),
  visitedOn: z.string(),
  itemId: z.number().int().positive(),
  scoreTenths: z.number().int().min(0).nullable(),
  vetoed: z.boolean(),
  note: z.string(),
  supervisors: z.string(),
});
export type ScoreRow = z.infer<typeof scoreRow>;

const fields: readonly FieldDef[] = [
  {
    key: 'clinic',
    label: '村卫生室',
    synonyms: ['被考核单位', '卫生室名称', '单位名称', '卫生室'],
    type: 'text',
    requiredColumn: true,
    requiredValue: true,
  },
  {
    key: 'visitedOn',
    label: '督导日期',
    synonyms: ['考核日期', '检查日期', '日期'],
    type: 'date',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'seq', label: '序号', synonyms: ['项目序号', '条目序号', '编号'], type: 'text' },
  { key: 'content', label: '考核内容', synonyms: ['考核项目', '项目内容', '考核指标'], type: 'text' },
  { key: 'score', label: '得分', synonyms: ['实得分', '考核得分', '评分'], type: 'number' },
  { key: 'deduction', label: '扣分', synonyms: ['扣分数', '扣减分'], type: 'number' },
  { key: 'note', label: '扣分原因', synonyms: ['扣分原因及说明', '说明', '备注', '存在问题'], type: 'text' },
  { key: 'veto', label: '一票否决', synonyms: ['是否一票否决', '否决'], type: 'bool' },
  { key: 'supervisors', label: '督导人', synonyms: ['督导人员', '考核人', '检查人'], type: 'text' },
];

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

function toTenths(n: number): number | null {
  const t = Math.round(n * 10);
  return Math.abs(t - n * 10) < 1e-6 ? t : null;
}

function templateOf(db: Db, month: string, memo: Map<string, unknown>): { template: TemplateInForce; items: TemplateItem[] } | string {
  const key = `scores:template:${month}`;
  const hit = memo.get(key) as { template: TemplateInForce; items: TemplateItem[] } | string | undefined;
  if (hit !== undefined) return hit;
  let out: { template: TemplateInForce; items: TemplateItem[] } | string;
  try {
    const template = templateForMonth(db, month);
    out = { template, items: templateItems(db, template.id) };
  } catch (e) {
    out = e instanceof Error ? e.message : String(e);
  }
  memo.set(key, out);
  return out;
}

function resolve(
  db: Db,
  values: FieldValues,
  memo: Map<string, unknown>,
): { input: Partial<ScoreRow>; item?: TemplateItem; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const input: Partial<ScoreRow> = { note: str(values.note) ?? '', supervisors: str(values.supervisors) ?? '' };
  const clinicText = str(values.clinic);
  if (clinicText) {
    const c = findClinic(db, clinicText, memo);
    if (c.ok) input.clinicId = c.id;
    else problems.push({ key: 'clinic', message: c.message });
  }
  const day = str(values.visitedOn);
  if (!day) return { input, problems };
  input.visitedOn = day;
  input.month = day.slice(0, 7);
  if (isMonthLocked(db, input.month)) {
    problems.push({
      key: 'visitedOn',
      message: `${monthLabel(input.month)}所在季度的考核已锁定（P4），不能导入；如有错误请通过“更正”修改`,
    });
    return { input, problems };
  }
  const t = templateOf(db, input.month, memo);
  if (typeof t === 'string') {
    problems.push({ key: 'visitedOn', message: t });
    return { input, problems };
  }
  const m = matchItemFor(t.items, values);
  if (!m.ok) {
    problems.push({ key: str(values.seq) ? 'seq' : 'content', message: m.message });
    return { input, problems };
  }
  const item = m.item;
  input.itemId = item.id;
  const name = `${item.seq ? `${item.seq} ` : ''}${item.content}`;
  const veto = values.veto === true;
  if (item.isVeto) {
    input.vetoed = veto;
    input.scoreTenths = null;
    return { input, item, problems };
  }
  input.vetoed = false;
  if (veto) problems.push({ key: 'veto', message: `“${name}”不是一票否决项，“一票否决”只能填“否”或留空` });
  const score = values.score;
  const deduction = values.deduction;
  let tenths: number | null = null;
  if (typeof score === 'number') tenths = toTenths(score);
  else if (typeof deduction === 'number') {
    const d = toTenths(deduction);
    tenths = d === null ? null : item.maxTenths - d;
  } else if (!item.isBonus) {
    problems.push({ key: 'score', message: `“${name}”没有填写得分（或扣分）` });
    return { input, item, problems };
  }
  if ((typeof score === 'number' || typeof deduction === 'number') && tenths === null)
    problems.push({ key: typeof score === 'number' ? 'score' : 'deduction', message: `“${name}”的分数最多保留一位小数` });
  else if (tenths !== null) {
    const p = itemScoreProblem(name, tenths, item.maxTenths);
    if (p) problems.push({ key: typeof score === 'number' ? 'score' : 'deduction', message: p });
  }
  input.scoreTenths = tenths;
  return { input, item, problems };
}

function matchItemFor(items: readonly TemplateItem[], values: FieldValues) {
  return matchItem(items, str(values.seq), str(values.content));
}

export const scoresKind: ImportKind<ScoreRow> = {
  name: 'scores',
  title: '督导评分',
  entity: 'visits',
  fields,
  schema: scoreRow,
  defaults: {},
  keyOf(values) {
    const c = str(values.clinic);
    const d = str(values.visitedOn);
    const item = str(values.seq) ?? str(values.content);
    return c && d && item ? `${c}|${d.slice(0, 7)}|${item}` : undefined;
  },
  findExisting(db, _key, values, memo) {
    const r = resolve(db, values, memo);
    if (r.input.clinicId === undefined || r.input.itemId === undefined || r.input.month === undefined) return null;
    const row = stmt(
      db,
      `SELECT s.id, v.visited_on AS visitedOn, v.supervisors, s.score_tenths AS scoreTenths, s.vetoed, s.note FROM visit_scores s
         JOIN visits v ON v.id = s.visit_id WHERE v.clinic_id = ? AND v.month = ? AND s.item_id = ?`,
    ).get(r.input.clinicId, r.input.month, r.input.itemId) as
      { id: number; visitedOn: string; supervisors: string; scoreTenths: number | null; vetoed: number; note: string } | undefined;
    if (!row) return null;
    return {
      id: row.id,
      input: {
        clinicId: r.input.clinicId,
        month: r.input.month,
        visitedOn: row.visitedOn,
        itemId: r.input.itemId,
        scoreTenths: row.scoreTenths,
        vetoed: row.vetoed === 1,
        note: row.note,
        supervisors: r.input.supervisors === '' ? '' : row.supervisors,
      },
    };
  },
  toInput(db, values, _today, memo) {
    const r = resolve(db, values, memo);
    return { input: r.input, problems: r.problems };
  },
  describe(v) {
    return `${v.month} 第 ${v.itemId} 项：${v.scoreTenths === null ? (v.vetoed ? '一票否决' : '空') : formatTenths(v.scoreTenths)}`;
  },
  checkPlan(db, rows: readonly PlannedRow<ScoreRow>[]) {
    return checkVisits(db, rows);
  },
  save(ctx, values) {
    return saveScoreRow(ctx, values);
  },
};

/** Rows of one clinic and month are one visit: one date, and every base item scored once saved. */
function checkVisits(db: Db, rows: readonly PlannedRow<ScoreRow>[]): Map<number, FieldProblem[]> {
  const problems = new Map<number, FieldProblem[]>();
  const add = (row: number, p: FieldProblem) => problems.set(row, [...(problems.get(row) ?? []), p]);
  const groups = new Map<string, PlannedRow<ScoreRow>[]>();
  for (const r of rows)
    groups.set(`${r.values.clinicId}|${r.values.month}`, [...(groups.get(`${r.values.clinicId}|${r.values.month}`) ?? []), r]);
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    for (const r of group.slice(1))
      if (r.values.visitedOn !== first.values.visitedOn)
        add(r.row, {
          key: 'visitedOn',
          message: `同一卫生室同月只有一次督导：第 ${first.row} 行的日期是 ${first.values.visitedOn}，本行是 ${r.values.visitedOn}`,
        });
    const template = templateForMonth(db, first.values.month);
    const existing = stmt(
      db,
      `SELECT s.item_id FROM visit_scores s JOIN visits v ON v.id = s.visit_id WHERE v.clinic_id = ? AND v.month = ? AND s.score_tenths IS NOT NULL`,
    )
      .pluck()
      .all(first.values.clinicId, first.values.month) as number[];
    const scored = new Set([...existing, ...group.filter((r) => r.values.scoreTenths !== null).map((r) => r.values.itemId)]);
    const missing = templateItems(db, template.id).filter((i) => !i.isVeto && !i.isBonus && !scored.has(i.id));
    if (missing.length > 0)
      add(first.row, {
        key: '',
        message: `该卫生室 ${monthLabel(first.values.month)}的督导还缺 ${missing.length} 项得分（序号 ${missing
          .slice(0, 8)
          .map((i) => i.seq || i.content)
          .join('、')}${missing.length > 8 ? ' 等' : ''}）：请在表中补齐每一项`,
      });
  }
  return problems;
}
