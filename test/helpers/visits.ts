/**
 * Supervision test data: a small 考核细则 written straight into the template tables of
 * migration 10 (as S1's template import would leave them) and a visit's input built from
 * points per item, so tests read like a clerk's sheet.
 */
import type { Input } from '../../shared/contract';
import type { Db } from '../../electron/db/open';

export interface ItemSpec {
  group: string;
  seq: string;
  content: string;
  /** Maximum in points; 0 for a veto item. */
  max: number;
  bonus?: boolean;
  veto?: boolean;
}

/** 100 base points in three groups, a bonus item (cap 5) and a veto item. */
export const SMALL_TEMPLATE: ItemSpec[] = [
  { group: '一、组织管理（20分）', seq: '1', content: '规章制度上墙，岗位职责明确', max: 10 },
  { group: '一、组织管理（20分）', seq: '2', content: '按时参加卫生院例会', max: 10 },
  { group: '二、基本医疗（60分）', seq: '3', content: '处方书写规范，合理用药', max: 30 },
  { group: '二、基本医疗（60分）', seq: '4', content: '药品零差率销售，进销存账物相符', max: 30 },
  { group: '三、公共卫生（20分）', seq: '5', content: '居民健康档案建档及更新', max: 20 },
  { group: '四、奖励分', seq: '6', content: '受到县级以上表彰', max: 10, bonus: true },
  { group: '五、一票否决', seq: '7', content: '发生重大医疗事故', max: 0, veto: true },
];

/** Writes a template version effective from `month`; returns its id and item ids by 序号. */
export function addTemplate(
  db: Db,
  effectiveFrom: string,
  items: ItemSpec[] = SMALL_TEMPLATE,
  version = 1,
  bonusCap = 5,
): { id: number; items: Record<string, number> } {
  const baseTotal = items.filter((i) => !i.bonus && !i.veto).reduce((s, i) => s + i.max * 10, 0);
  const id = Number(
    db
      .prepare(
        `INSERT INTO supervision_templates (version, name, source, effective_from, base_total_tenths, bonus_cap_tenths, loaded_at)
         VALUES (?, ?, 'test', ?, ?, ?, '2026-01-01T00:00:00Z')`,
      )
      .run(version, `村卫生室考核细则（第${version}版）`, effectiveFrom, baseTotal, bonusCap * 10).lastInsertRowid,
  );
  const groups = new Map<string, number>();
  const ids: Record<string, number> = {};
  let position = 0;
  const insert = db.prepare(
    `INSERT INTO supervision_items (template_id, parent_id, kind, position, seq, content, max_tenths, is_bonus, is_veto)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const it of items) {
    let g = groups.get(it.group);
    if (g === undefined) {
      g = Number(insert.run(id, null, 'group', ++position, '', it.group, 0, 0, 0).lastInsertRowid);
      groups.set(it.group, g);
    }
    ids[it.seq] = Number(
      insert.run(id, g, 'item', ++position, it.seq, it.content, it.max * 10, it.bonus ? 1 : 0, it.veto ? 1 : 0).lastInsertRowid,
    );
  }
  return { id, items: ids };
}

export type VisitIn = Input<'visits.save'>;

/** A visit's input: points per 序号 (null = blank), the veto item ticked when `veto`. */
export function visitIn(
  clinicId: number,
  visitedOn: string,
  items: Record<string, number>,
  points: Record<string, number | null>,
  over: Partial<VisitIn> & { veto?: boolean } = {},
): VisitIn {
  const { veto, ...rest } = over;
  const scores = Object.entries(items).map(([seq, itemId]) =>
    seq === '7'
      ? { itemId, scoreTenths: null, vetoed: veto === true, note: '' }
      : {
          itemId,
          scoreTenths: points[seq] === null || points[seq] === undefined ? null : Math.round((points[seq] ?? 0) * 10),
          vetoed: false,
          note: '',
        },
  );
  return {
    clinicId,
    month: visitedOn.slice(0, 7),
    visitedOn,
    supervisors: '王芳、李强',
    clinicSigner: '',
    note: '',
    final: true,
    scores,
    findings: [],
    rechecks: [],
    ...rest,
  };
}

/** Base points filled in the sheet's order up to each maximum, so the month totals `total` (0–100). */
export function pointsTotalling(total: number): Record<string, number | null> {
  let left = Math.round(total * 10);
  const out: Record<string, number | null> = { '6': null };
  for (const [seq, max] of [
    ['1', 100],
    ['2', 100],
    ['3', 300],
    ['4', 300],
    ['5', 200],
  ] as const) {
    const take = Math.min(max, left);
    out[seq] = take / 10;
    left -= take;
  }
  return out;
}
