/**
 * Qualifications, posts, employment, training and leave of one person: one save and one remove
 * for all five, each checked against its rules, kept in the person's history and the audit log.
 */
import { qualificationLabels, type QualificationKind } from '../../../shared/rules/qualifications';
import {
  employmentKindLabels,
  establishmentLabels,
  leaveKindLabels,
  trainingKindLabels,
  type PersonRecord,
  type RecordTable,
} from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import type { ServiceContext } from '../../db/context';
import { AppError, invalid, notFound } from '../../db/errors';
import { audit } from '../../db/audit';
import { getPerson } from './detail';
import { recordHistory } from './history';
import { stmt } from '../../db/stmt';
import type { ImportWrite } from './write';

export const tableLabels: Record<RecordTable, string> = {
  qualifications: '资格证书',
  assignments: '岗位',
  employments: '聘用',
  trainings: '培训进修',
  leaves: '请假与离岗',
};

type Row = Record<string, string | number | null>;

function toRow(r: PersonRecord): Row {
  switch (r.table) {
    case 'qualifications':
      return { kind: r.kind, cert_number: r.certNumber, scope: r.scope, issued_on: r.issuedOn, valid_until: r.validUntil, note: r.note };
    case 'assignments':
      return {
        clinic_id: r.clinicId,
        role: r.role,
        start_date: r.startDate,
        end_date: r.endDate,
        note: r.note,
        start_unknown: r.startUnknown ? 1 : 0,
      };
    case 'employments':
      return {
        kind: r.kind,
        establishment: r.kind === 'township_hired' ? r.establishment : '',
        start_date: r.startDate,
        end_date: r.endDate,
        pension: r.pension ? 1 : 0,
        work_injury: r.workInjury ? 1 : 0,
        liability: r.liability ? 1 : 0,
        assessment: r.assessment,
        note: r.note,
        start_unknown: r.startUnknown ? 1 : 0,
      };
    case 'trainings':
      return { kind: r.kind, title: r.title, place: r.place, start_date: r.startDate, end_date: r.endDate, days: r.days };
    case 'leaves':
      return {
        kind: r.kind,
        start_date: r.startDate,
        end_date: r.endDate,
        stand_in_id: r.standInId,
        approved: r.approved ? 1 : 0,
        approver: r.approver,
        reason: r.reason,
      };
  }
}

/** A short Chinese description for history lines. */
export function describeRecord(table: RecordTable, row: Row): string {
  const span = row.start_date ? `${row.start_date} 至 ${row.end_date ?? '今'}` : '';
  switch (table) {
    case 'qualifications':
      return [
        qualificationLabels[row.kind as QualificationKind] ?? row.kind,
        row.cert_number,
        row.scope ? `范围：${row.scope}` : '',
        row.issued_on ? `发证 ${row.issued_on}` : '',
        row.valid_until ? `有效期至 ${row.valid_until}` : '',
        row.note,
      ]
        .filter(Boolean)
        .join(' ');
    case 'assignments':
      return `${row.role === 'head' ? '负责人' : '村医'} ${row.start_unknown ? `起始日期不详 至 ${row.end_date ?? '今'}` : span}`;
    case 'employments':
      return [
        employmentKindLabels[row.kind as keyof typeof employmentKindLabels] ?? row.kind,
        row.establishment ? establishmentLabels[row.establishment as keyof typeof establishmentLabels] : '',
        row.start_unknown ? `起始日期不详 至 ${row.end_date ?? '今'}` : span,
        `养老保险${row.pension ? '有' : '无'}`,
        `工伤保险${row.work_injury ? '有' : '无'}`,
        `责任险${row.liability ? '有' : '无'}`,
        row.assessment ? `考核：${row.assessment}` : '',
        row.note,
      ]
        .filter(Boolean)
        .join(' ');
    case 'trainings':
      return [trainingKindLabels[row.kind as keyof typeof trainingKindLabels] ?? row.kind, row.title, row.place, span, `（${row.days} 天）`]
        .filter(Boolean)
        .join(' ');
    case 'leaves':
      return `${leaveKindLabels[row.kind as keyof typeof leaveKindLabels] ?? row.kind} ${span}`;
  }
}

const overlap = `start_date <= coalesce(@end, '9999-12-31') AND coalesce(end_date, '9999-12-31') >= @start`;

function check(ctx: ServiceContext, personId: number, r: PersonRecord, id: number | undefined): void {
  const db = { prepare: (sql: string) => stmt(ctx.db, sql) };
  if (r.table === 'assignments') {
    const clinic = db.prepare('SELECT name, status FROM clinics WHERE id = ?').get(r.clinicId) as
      { name: string; status: string } | undefined;
    if (!clinic) throw invalid('clinicId', '所选的村卫生室不存在，请刷新后重选');
    if (clinic.status !== 'open' && id === undefined) throw invalid('clinicId', `“${clinic.name}”已撤销，不能再安排岗位`);
    const params = { start: r.startDate, end: r.endDate, person: personId, id: id ?? null, clinic: r.clinicId };
    const mine = db
      .prepare(
        `SELECT c.name FROM assignments a JOIN clinics c ON c.id = a.clinic_id WHERE a.person_id = @person AND a.id IS NOT @id AND ${overlap.replace(/start_date|end_date/g, (m) => `a.${m}`)}`,
      )
      .pluck()
      .get(params);
    if (mine) throw invalid('startDate', `这段时间此人已在“${String(mine)}”任职；调动前请先填写原岗位的结束日期（变更执业注册）`);
    if (r.role === 'head') {
      const head = db
        .prepare(
          `SELECT p.name FROM assignments a JOIN people p ON p.id = a.person_id WHERE a.clinic_id = @clinic AND a.role = 'head' AND a.id IS NOT @id AND ${overlap.replace(/start_date|end_date/g, (m) => `a.${m}`)}`,
        )
        .pluck()
        .get(params);
      if (head)
        throw invalid('role', `“${clinic.name}”这段时间的负责人是${String(head)}，一个卫生室只能有一名负责人（C2）；请先结束其负责人岗位`);
    }
  }
  if (r.table === 'leaves' && r.standInId !== null) {
    if (r.standInId === personId) throw invalid('standInId', '顶岗人员不能是本人');
    if (!db.prepare(`SELECT 1 FROM people WHERE id = ? AND status = 'active'`).get(r.standInId))
      throw invalid('standInId', '所选的顶岗人员不存在或已退出');
  }
  if (r.table === 'trainings' && r.days > (Date.parse(r.endDate) - Date.parse(r.startDate)) / 86_400_000 + 1) {
    throw invalid('days', '天数不能超过开始到结束之间的天数');
  }
}

/** Marks the person's file as changed (the list's 更新时间). */
function touch(ctx: ServiceContext, personId: number): void {
  stmt(ctx.db, 'UPDATE people SET updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), personId);
}

/**
 * A new record inside the caller's transaction, without answering the whole file. An import
 * writes three per row; it leaves `updated_at` to the person's own insert or update, and with
 * `imported` (see ImportWrite) the checks its plan made and the audit row its summary replaces.
 */
export function insertRecord(ctx: ServiceContext, personId: number, r: PersonRecord, opts: ImportWrite = {}): void {
  let name = '';
  if (!opts.imported) {
    const person = stmt(ctx.db, 'SELECT name, status FROM people WHERE id = ?').get(personId) as
      { name: string; status: string } | undefined;
    if (!person) throw notFound('人员');
    if (person.status === 'exited' && r.table === 'assignments') throw new AppError('CONFLICT', `${person.name} 已退出，不能再安排岗位`);
    check(ctx, personId, r, undefined);
    name = person.name;
  }
  const row = toRow(r);
  const cols = Object.keys(row);
  const label = tableLabels[r.table];
  const described = describeRecord(r.table, row);
  stmt(ctx.db, `INSERT INTO ${r.table} (person_id, ${cols.join(', ')}) VALUES (@person_id, ${cols.map((c) => `@${c}`).join(', ')})`).run({
    ...row,
    person_id: personId,
  });
  recordHistory(ctx, personId, label, '', described);
  if (!opts.imported) audit(ctx, { action: 'create', entity: r.table, entityId: personId, summary: `${name}：新增${label} ${described}` });
}

export function saveRecord(ctx: ServiceContext, personId: number, id: number | undefined, r: PersonRecord): PersonDetail {
  ctx.db
    .transaction(() => {
      if (id === undefined) {
        insertRecord(ctx, personId, r);
        touch(ctx, personId);
        return;
      }
      const person = getPerson(ctx, personId);
      check(ctx, personId, r, id);
      const row = toRow(r);
      const cols = Object.keys(row);
      const label = tableLabels[r.table];
      const before = ctx.db.prepare(`SELECT * FROM ${r.table} WHERE id = ? AND person_id = ?`).get(id, personId) as Row | undefined;
      if (!before) throw notFound(label);
      // Saving without a change writes nothing, so the history only shows real changes.
      if (cols.every((c) => (before[c] ?? null) === (row[c] ?? null))) return;
      ctx.db.prepare(`UPDATE ${r.table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...row, id });
      recordHistory(ctx, personId, label, describeRecord(r.table, before), describeRecord(r.table, row));
      audit(ctx, {
        action: 'update',
        entity: r.table,
        entityId: personId,
        summary: `${person.name}：修改${label} ${describeRecord(r.table, row)}`,
      });
      touch(ctx, personId);
    })
    .immediate();
  return getPerson(ctx, personId);
}

export function removeRecord(ctx: ServiceContext, personId: number, table: RecordTable, id: number): PersonDetail {
  ctx.db
    .transaction(() => {
      const person = getPerson(ctx, personId);
      const before = ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ? AND person_id = ?`).get(id, personId) as Row | undefined;
      if (!before) throw notFound(tableLabels[table]);
      ctx.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      recordHistory(ctx, personId, tableLabels[table], describeRecord(table, before), '（已删除）');
      audit(ctx, {
        action: 'delete',
        entity: table,
        entityId: personId,
        summary: `${person.name}：删除${tableLabels[table]} ${describeRecord(table, before)}`,
        before,
      });
    })
    .immediate();
  return getPerson(ctx, personId);
}
