/**
 * SQL pieces shared by the people list, the clinic list and the returns: who holds a post on a
 * date, and a person's highest valid qualification (ranked as in shared/rules/qualifications).
 * Every piece takes the as-of date as the named parameter `@asOf`.
 */
import { qualificationRank } from '../../../shared/rules/qualifications';

const rankCase = `CASE q.kind ${qualificationRank.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE 99 END`;

/** The kind of a person's highest qualification valid on @asOf, or NULL. */
export const highestQualificationSql = (person: string) => `(SELECT q.kind FROM qualifications q
  WHERE q.person_id = ${person} AND (q.valid_until IS NULL OR q.valid_until >= @asOf)
  ORDER BY ${rankCase} LIMIT 1)`;

/** A post held on @asOf. */
export const onDuty = (a: string) => `${a}.start_date <= @asOf AND (${a}.end_date IS NULL OR ${a}.end_date >= @asOf)`;

export const currentAssignmentSql = (person: string, column: 'clinic' | 'role') =>
  column === 'clinic'
    ? `(SELECT c.name FROM assignments a JOIN clinics c ON c.id = a.clinic_id WHERE a.person_id = ${person} AND ${onDuty('a')} ORDER BY a.start_date DESC LIMIT 1)`
    : `(SELECT a.role FROM assignments a WHERE a.person_id = ${person} AND ${onDuty('a')} ORDER BY a.start_date DESC LIMIT 1)`;

export const currentEmploymentSql = (person: string, column: 'kind' | 'end_date') =>
  `(SELECT e.${column} FROM employments e WHERE e.person_id = ${person} AND ${onDuty('e')} ORDER BY e.start_date DESC LIMIT 1)`;

/** The clinic's head on @asOf (C2), by name. */
export const clinicHeadSql = (clinic: string) =>
  `(SELECT p.name FROM assignments a JOIN people p ON p.id = a.person_id WHERE a.clinic_id = ${clinic} AND a.role = 'head' AND ${onDuty('a')} LIMIT 1)`;

/** Doctors (head included) at the clinic on @asOf. */
export const clinicDoctorCountSql = (clinic: string) =>
  `(SELECT count(DISTINCT a.person_id) FROM assignments a
    WHERE a.clinic_id = ${clinic} AND ${onDuty('a')})`;
