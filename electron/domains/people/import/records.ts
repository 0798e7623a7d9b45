/**
 * The records a roster row brings besides the person: a certificate, a post at a clinic and a
 * contract. Each is created only when the person does not have it already — the same kind and
 * certificate number; the same clinic and role, still open; the same kind and start date — so
 * importing the same 花名册 twice changes nothing. Read with cached statements: a roster may
 * have 10,000 rows.
 */
import { qualificationLabels } from '../../../../shared/rules/qualifications';
import { employmentKindLabels, type PersonRecord } from '../../../../shared/schemas/people';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { lookupClinic } from '../../clinics/lookup';
import { POST_START_UNKNOWN_FLOOR } from '../../../db/migrations/0005-import-tolerance';
import type { RosterValues } from './schema';
import { chineseDate } from '../../../../shared/format';

type Qualification = Extract<PersonRecord, { table: 'qualifications' }>;
type Assignment = Extract<PersonRecord, { table: 'assignments' }>;
type Employment = Extract<PersonRecord, { table: 'employments' }>;

export interface RowRecords {
  qualification?: Qualification;
  assignment?: Assignment;
  employment?: Employment;
}

const roleNames: Record<string, string> = { doctor: '村医', head: '负责人' };

export type ClinicMatch = { ok: true; id: number; name: string } | { ok: false; message: string };

/**
 * The clinic a row names, among the township's clinics: the exact name, or the name as clerks
 * shorten it (张庄村 / 张庄 / 张庄卫生室 for 张庄村卫生室). Only an open clinic can take a post.
 */
export function findClinic(db: Db, written: string, memo?: Map<string, unknown>): ClinicMatch {
  const found = lookupClinic(db, written, memo);
  if (found.ok) {
    const c = found.clinic;
    if (c.status !== 'open') return { ok: false, message: `“${c.name}”已于 ${c.closedOn ?? ''} 撤销，不能再安排岗位` };
    return { ok: true, id: c.id, name: c.name };
  }
  if (found.candidates.length > 1)
    return { ok: false, message: `“${written}”可能是 ${found.candidates.map((c) => `“${c.name}”`).join('、')}，请写出卫生室的全称` };
  return { ok: false, message: `没有名为“${written}”的村卫生室，请核对名称，或先在“村卫生室”中新增或导入该卫生室` };
}

/** What saving the row would add for the person (`personId` null: a new person, so all of it). */
export function plannedRecords(db: Db, personId: number | null, v: RosterValues, today: string): RowRecords {
  const out: RowRecords = {};
  if (v.qualKind !== null) {
    const held =
      personId !== null &&
      stmt(db, 'SELECT 1 FROM qualifications WHERE person_id = ? AND kind = ? AND cert_number = ?').get(personId, v.qualKind, v.certNumber);
    if (!held) {
      out.qualification = {
        table: 'qualifications',
        kind: v.qualKind,
        certNumber: v.certNumber,
        scope: v.scope,
        issuedOn: v.issuedOn,
        validUntil: v.validUntil,
        note: '',
      };
    }
  }
  if (v.clinicId !== null) {
    const open = `SELECT 1 FROM assignments WHERE person_id = ? AND clinic_id = ? AND role = ? AND (end_date IS NULL OR end_date >= ?)`;
    const holds = personId !== null && stmt(db, open).get(personId, v.clinicId, v.role, today);
    if (!holds) {
      const unknown = v.postStart === null;
      const startDate = v.postStart ?? POST_START_UNKNOWN_FLOOR;
      out.assignment = {
        table: 'assignments',
        clinicId: v.clinicId,
        role: v.role,
        startDate,
        endDate: null,
        note: '',
        startUnknown: unknown,
      };
    }
  }
  if (v.employmentKind !== null) {
    const startDate = v.contractStart ?? POST_START_UNKNOWN_FLOOR;
    const has =
      personId !== null &&
      stmt(db, 'SELECT 1 FROM employments WHERE person_id = ? AND kind = ? AND start_date = ?').get(personId, v.employmentKind, startDate);
    if (!has) {
      out.employment = {
        table: 'employments',
        kind: v.employmentKind,
        establishment: v.employmentKind === 'township_hired' ? v.establishment : '',
        startDate,
        startUnknown: v.contractStart === null,
        endDate: v.contractEnd,
        pension: v.pension,
        workInjury: v.workInjury,
        liability: v.liability,
        assessment: '',
        note: '',
      };
    }
  }
  return out;
}

/** The preview's words for what a row adds. */
export function describeRecords(r: RowRecords, clinicName: string): string[] {
  const out: string[] = [];
  if (r.qualification)
    out.push(
      `新增资格证书（${qualificationLabels[r.qualification.kind]}${r.qualification.certNumber ? ` ${r.qualification.certNumber}` : ''}）`,
    );
  if (r.assignment)
    out.push(
      `新增岗位（${clinicName} ${roleNames[r.assignment.role] ?? r.assignment.role}，${r.assignment.startUnknown ? '起始日期不详' : `自 ${chineseDate(r.assignment.startDate)}`}）`,
    );
  if (r.employment) {
    const from = r.employment.startUnknown ? '起始日期不详' : chineseDate(r.employment.startDate);
    out.push(
      `新增聘用（${employmentKindLabels[r.employment.kind]} ${from} 至 ${r.employment.endDate ? chineseDate(r.employment.endDate) : '长期'}）`,
    );
  }
  return out;
}

/** Posts of the person that a new post from `start` on would overlap (what saveRecord refuses). */
export function overlappingPost(db: Db, personId: number, start: string): { clinic: string; role: string; startDate: string } | undefined {
  const sql = `SELECT c.name AS clinic, a.role, a.start_date AS startDate FROM assignments a JOIN clinics c ON c.id = a.clinic_id
    WHERE a.person_id = ? AND coalesce(a.end_date, '9999-12-31') >= ? ORDER BY a.start_date DESC LIMIT 1`;
  const r = stmt(db, sql).get(personId, start) as { clinic: string; role: string; startDate: string } | undefined;
  return r ? { ...r, role: roleNames[r.role] ?? r.role } : undefined;
}

/** The clinic's head on or after `start` other than this person (C2), by name. */
export function otherHead(db: Db, clinicId: number, personId: number | null, start: string): string | undefined {
  const sql = `SELECT p.name FROM assignments a JOIN people p ON p.id = a.person_id
    WHERE a.clinic_id = ? AND a.role = 'head' AND a.person_id IS NOT ? AND coalesce(a.end_date, '9999-12-31') >= ? LIMIT 1`;
  const name = stmt(db, sql).pluck().get(clinicId, personId, start);
  return name === undefined ? undefined : String(name);
}
