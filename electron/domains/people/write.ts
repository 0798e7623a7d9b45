/**
 * Creating, changing and exiting a person. The 身份证号 decides birth date and sex (GB 11643);
 * every later change of a field is kept in the person's history, and every write in the audit log
 * (an import's writes in its one summary row: see `ImportWrite`).
 */
import type { z } from 'zod';
import { parseIdCard } from '../../../shared/rules/idCard';
import {
  exitReasonLabels,
  personCategoryLabels,
  personInput,
  personLabels,
  sexLabels,
  type personExit,
} from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import type { ServiceContext } from '../../db/context';
import { AppError, invalid } from '../../db/errors';
import { audit } from '../../db/audit';
import { getPerson } from './detail';
import { recordHistory } from './history';
import { stmt } from '../../db/stmt';
import { pinyinSearchKey, pinyinSortKey } from '../../db/pinyin';

type PersonValues = z.output<typeof personInput>;
type ExitValues = z.output<typeof personExit>;

interface Columns {
  name: string;
  id_number: string;
  sex: 'M' | 'F';
  birth_date: string;
  phone: string;
  education: string;
  ethnicity: string;
  rural_work_start: string | null;
  category: string;
  head_extension_until: string | null;
  note: string;
}

const fieldLabels: Record<keyof Columns, string> = {
  name: personLabels.name,
  id_number: personLabels.idNumber,
  sex: personLabels.sex,
  birth_date: personLabels.birthDate,
  phone: personLabels.phone,
  education: personLabels.education,
  ethnicity: personLabels.ethnicity,
  rural_work_start: personLabels.ruralWorkStart,
  category: personLabels.category,
  head_extension_until: personLabels.headExtensionUntil,
  note: personLabels.note,
};

function columnsOf(v: PersonValues): Columns {
  const id = parseIdCard(v.idNumber);
  if (!id.ok) throw invalid('idNumber', id.message);
  return {
    name: v.name,
    id_number: id.info.number,
    sex: id.info.sex,
    birth_date: id.info.birthDate,
    phone: v.phone,
    education: v.education,
    ethnicity: v.ethnicity,
    rural_work_start: v.ruralWorkStart,
    category: v.category,
    head_extension_until: v.headExtensionUntil,
    note: v.note,
  };
}

/**
 * `imported`: the write is one row of an import that has checked it already, inside the same
 * transaction (the 身份证号 looked up and unique in the file, C2 and overlapping posts, the
 * clinic open), and that writes one audit row for the whole import naming everyone it created
 * or updated. So the write skips those checks and its own audit row; the person's history is
 * kept exactly as for the form. The forms' services never pass it.
 */
export interface ImportWrite {
  imported?: boolean;
}

function assertIdFree(ctx: ServiceContext, idNumber: string, exceptId?: number): void {
  const other = stmt(ctx.db, 'SELECT name FROM people WHERE id_number = ? AND id IS NOT ?')
    .pluck()
    .get(idNumber, exceptId ?? null);
  if (other)
    throw new AppError('CONFLICT', `身份证号 ${idNumber} 已登记为“${String(other)}”，同一人不能重复建档`, {
      field: 'idNumber',
      fields: { idNumber: '该身份证号已登记' },
    });
}

/** Inserts inside the caller's transaction; used by the service, the importer and the demo. */
export function insertPerson(ctx: ServiceContext, v: PersonValues, opts: ImportWrite = {}): number {
  const c = columnsOf(v);
  if (!opts.imported) assertIdFree(ctx, c.id_number);
  const at = ctx.now().toISOString();
  // The pinyin keys come with the row: migration 13's trigger checks them and writes them only
  // if they are wrong, instead of a second write of every row (an import of 10,000, bench (d)).
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO people (name, id_number, sex, birth_date, phone, education, ethnicity, rural_work_start, category,
           status, head_extension_until, note, created_at, updated_at, name_py, name_order)
         VALUES (@name, @id_number, @sex, @birth_date, @phone, @education, @ethnicity, @rural_work_start, @category,
           'active', @head_extension_until, @note, @at, @at, @name_py, @name_order)`,
    ).run({ ...c, at, name_py: pinyinSearchKey(c.name), name_order: pinyinSortKey(c.name) }).lastInsertRowid,
  );
  if (!opts.imported) audit(ctx, { action: 'create', entity: 'person', entityId: id, summary: `新建人员档案：${c.name}`, after: c });
  return id;
}

export function createPerson(ctx: ServiceContext, v: PersonValues): PersonDetail {
  const id = ctx.db.transaction(() => insertPerson(ctx, v)).immediate();
  return getPerson(ctx, id);
}

/** Writes the changed fields only, each into the history. Returns how many changed. */
export function applyPersonUpdate(ctx: ServiceContext, id: number, v: PersonValues, opts: ImportWrite = {}): number {
  const before = stmt(ctx.db, 'SELECT * FROM people WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!before) throw new AppError('NOT_FOUND', '没有找到该人员，可能已被删除，请刷新后重试');
  const c = columnsOf(v);
  if (!opts.imported) assertIdFree(ctx, c.id_number, id);
  const changed = (Object.keys(c) as (keyof Columns)[]).filter((k) => (before[k] ?? null) !== c[k]);
  if (changed.length === 0) return 0;
  ctx.db
    .prepare(`UPDATE people SET ${changed.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`)
    .run({ ...Object.fromEntries(changed.map((k) => [k, c[k]])), at: ctx.now().toISOString(), id });
  const shown = (k: keyof Columns, v: unknown) => {
    const s = String(v ?? '');
    if (k === 'sex') return sexLabels[s as 'M' | 'F'] ?? s;
    if (k === 'category') return personCategoryLabels[s as keyof typeof personCategoryLabels] ?? s;
    return s;
  };
  for (const k of changed) recordHistory(ctx, id, fieldLabels[k], shown(k, before[k]), shown(k, c[k]));
  if (!opts.imported)
    audit(ctx, {
      action: 'update',
      entity: 'person',
      entityId: id,
      summary: `修改人员档案：${c.name}（${changed.map((k) => fieldLabels[k]).join('、')}）`,
    });
  return changed.length;
}

export function updatePerson(ctx: ServiceContext, id: number, v: PersonValues): PersonDetail {
  ctx.db.transaction(() => applyPersonUpdate(ctx, id, v)).immediate();
  return getPerson(ctx, id);
}

/** S11: exit ends the open post and the open contract on the exit date. */
export function exitPerson(ctx: ServiceContext, e: ExitValues): PersonDetail {
  ctx.db
    .transaction(() => {
      const p = getPerson(ctx, e.id);
      if (p.status === 'exited') throw new AppError('CONFLICT', `${p.name} 已于 ${p.exitDate ?? ''} 退出`);
      const db = ctx.db;
      const later = db
        .prepare(
          `SELECT 'assignments' AS t, start_date FROM assignments WHERE person_id = @id AND start_date > @d
                 UNION ALL SELECT 'employments', start_date FROM employments WHERE person_id = @id AND start_date > @d ORDER BY 2 LIMIT 1`,
        )
        .get({ id: e.id, d: e.exitDate }) as { t: string; start_date: string } | undefined;
      if (later) {
        throw invalid(
          'exitDate',
          `${p.name} 在退出日期之后还有${later.t === 'assignments' ? '岗位' : '聘用'}安排（自 ${later.start_date} 起），请先删除或改正该记录，再办理退出`,
        );
      }
      db.prepare(`UPDATE people SET status = 'exited', exit_date = ?, exit_reason = ?, exit_note = ?, updated_at = ? WHERE id = ?`).run(
        e.exitDate,
        e.reason,
        e.note,
        ctx.now().toISOString(),
        e.id,
      );
      const ended = ['assignments', 'employments']
        .map(
          (t) =>
            db
              .prepare(`UPDATE ${t} SET end_date = ? WHERE person_id = ? AND (end_date IS NULL OR end_date > ?) AND start_date <= ?`)
              .run(e.exitDate, e.id, e.exitDate, e.exitDate).changes,
        )
        .reduce((a, b) => a + b, 0);
      recordHistory(ctx, e.id, '状态', '在岗', `退出（${exitReasonLabels[e.reason]}，${e.exitDate}）`);
      audit(ctx, {
        action: 'exit',
        entity: 'person',
        entityId: e.id,
        summary: `人员退出：${p.name}（${exitReasonLabels[e.reason]}），结束岗位与合同 ${ended} 项`,
      });
    })
    .immediate();
  return getPerson(ctx, e.id);
}
