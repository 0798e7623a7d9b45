/** Loads what the people alerts need, as plain records keyed by person, in a handful of queries. */
import type { HeldQualification, QualificationKind } from '../../../shared/rules/qualifications';
import type { TrainingRecord } from '../../../shared/rules/people';
import type { Db } from '../../db/open';
import { onDuty } from './sql';

export interface PersonFacts {
  id: number;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  category: string;
  headExtensionUntil: string | null;
  ruralWorkStart: string | null;
  exitDate: string | null;
  status: string;
  quals: (HeldQualification & { certNumber: string; issuedOn: string | null })[];
  posts: { clinicId: number; role: string; startDate: string; endDate: string | null }[];
  employments: { kind: string; startDate: string; endDate: string | null }[];
  trainings: TrainingRecord[];
  absences: { startDate: string; endDate: string }[];
}

function group<T>(rows: (T & { person_id: number })[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.person_id) ?? [];
    list.push(r);
    m.set(r.person_id, list);
  }
  return m;
}

export function loadPeopleFacts(db: Db): PersonFacts[] {
  const people = db.prepare('SELECT id, name, sex, birth_date, category, head_extension_until, rural_work_start, exit_date, status FROM people ORDER BY id').all() as Record<string, unknown>[];
  const quals = group(db.prepare('SELECT person_id, kind, valid_until AS validUntil, cert_number AS certNumber, issued_on AS issuedOn FROM qualifications').all() as (PersonFacts['quals'][number] & { person_id: number })[]);
  const posts = group(db.prepare('SELECT person_id, clinic_id AS clinicId, role, start_date AS startDate, end_date AS endDate FROM assignments').all() as (PersonFacts['posts'][number] & { person_id: number })[]);
  const emps = group(db.prepare('SELECT person_id, kind, start_date AS startDate, end_date AS endDate FROM employments').all() as (PersonFacts['employments'][number] & { person_id: number })[]);
  const trainings = group(db.prepare('SELECT person_id, kind, start_date AS startDate, end_date AS endDate, days FROM trainings').all() as (TrainingRecord & { person_id: number })[]);
  const absences = group(db.prepare(`SELECT person_id, start_date AS startDate, end_date AS endDate FROM leaves WHERE kind = 'absence'`).all() as (PersonFacts['absences'][number] & { person_id: number })[]);
  return people.map((p) => {
    const id = Number(p.id);
    return {
      id,
      name: String(p.name),
      sex: p.sex as 'M' | 'F',
      birthDate: String(p.birth_date),
      category: String(p.category),
      headExtensionUntil: (p.head_extension_until as string | null) ?? null,
      ruralWorkStart: (p.rural_work_start as string | null) ?? null,
      exitDate: (p.exit_date as string | null) ?? null,
      status: String(p.status),
      quals: (quals.get(id) ?? []).map((q) => ({ ...q, kind: q.kind as QualificationKind })),
      posts: posts.get(id) ?? [],
      employments: emps.get(id) ?? [],
      trainings: trainings.get(id) ?? [],
      absences: absences.get(id) ?? [],
    };
  });
}

export interface ClinicFacts {
  id: number;
  name: string;
  requiredDoctors: number;
}

export function loadOpenClinics(db: Db): ClinicFacts[] {
  return db.prepare(`SELECT id, name, required_doctors AS requiredDoctors FROM clinics WHERE status = 'open' ORDER BY code`).all() as ClinicFacts[];
}

export function postOn(p: PersonFacts, date: string): PersonFacts['posts'][number] | undefined {
  return p.posts.find((a) => a.startDate <= date && (a.endDate === null || a.endDate >= date));
}

/** S11 / P5 will be fed by the supervision module's assessment results; none are recorded yet. */
export function loadAssessmentResults(_db: Db): Map<number, { year: number; passed: boolean }[]> {
  return new Map();
}

export { onDuty };
