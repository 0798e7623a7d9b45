/**
 * Loads what the people alerts need, as plain records keyed by person, in a handful of queries.
 * Rows are read as arrays (better-sqlite3's `raw()`) and put straight onto each person: naming
 * every column of every row in the driver and grouping afterwards cost more than the reading.
 */
import type { HeldQualification, QualificationKind } from '../../../shared/rules/qualifications';
import type { TrainingRecord } from '../../../shared/rules/people';
import type { ExitDecisionFact, ExitTriggerRule } from '../../../shared/rules/yearly';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { onDuty } from './sql';
// P5: the quarter results of the supervision module (issue 11).
import { assessmentRuleOf, assessmentsByPerson } from '../supervision/quarters/results';
import { readSettings } from '../settings/service';

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
  /** S11a: the decisions (留用说明) recorded for the person's exit triggers. */
  decisions: ExitDecisionFact[];
}

type PersonTuple = [number, string, 'M' | 'F', string, string, string | null, string | null, string | null, string];

/** Runs `sql` (person_id first) and hands each row to `put` with its person. */
function eachOf<T extends unknown[]>(
  db: Db,
  byId: Map<number, PersonFacts>,
  sql: string,
  put: (p: PersonFacts, row: [number, ...T]) => void,
  ...params: string[]
): void {
  for (const row of stmt(db, sql)
    .raw()
    .all(...params) as [number, ...T][]) {
    const p = byId.get(row[0]);
    if (p) put(p, row);
  }
}

/**
 * Everyone with their records. With `asOf`, only the training of that year and the year before is
 * read — all S9 / S9a look at (this year's progress, last year's final shortfall until March).
 */
export function loadPeopleFacts(db: Db, asOf?: string): PersonFacts[] {
  const rows = stmt(
    db,
    'SELECT id, name, sex, birth_date, category, head_extension_until, rural_work_start, exit_date, status FROM people ORDER BY id',
  )
    .raw()
    .all() as PersonTuple[];
  const byId = new Map<number, PersonFacts>();
  const people = rows.map(([id, name, sex, birthDate, category, headExtensionUntil, ruralWorkStart, exitDate, status]): PersonFacts => {
    const p: PersonFacts = {
      id,
      name,
      sex,
      birthDate,
      category,
      headExtensionUntil,
      ruralWorkStart,
      exitDate,
      status,
      quals: [],
      posts: [],
      employments: [],
      trainings: [],
      absences: [],
      decisions: [],
    };
    byId.set(id, p);
    return p;
  });
  eachOf<[QualificationKind, string | null, string, string | null]>(
    db,
    byId,
    'SELECT person_id, kind, valid_until, cert_number, issued_on FROM qualifications',
    (p, [, kind, validUntil, certNumber, issuedOn]) => p.quals.push({ kind, validUntil, certNumber, issuedOn }),
  );
  eachOf<[number, string, string, string | null]>(
    db,
    byId,
    'SELECT person_id, clinic_id, role, start_date, end_date FROM assignments',
    (p, [, clinicId, role, startDate, endDate]) => p.posts.push({ clinicId, role, startDate, endDate }),
  );
  eachOf<[string, string, string | null]>(
    db,
    byId,
    'SELECT person_id, kind, start_date, end_date FROM employments',
    (p, [, kind, startDate, endDate]) => p.employments.push({ kind, startDate, endDate }),
  );
  const years = asOf === undefined ? [] : [`${Number(asOf.slice(0, 4)) - 1}-01-01`, `${Number(asOf.slice(0, 4)) + 1}-01-01`];
  eachOf<[TrainingRecord['kind'], string, string, number]>(
    db,
    byId,
    `SELECT person_id, kind, start_date, end_date, days FROM trainings${asOf === undefined ? '' : ' WHERE start_date >= ? AND start_date < ?'}`,
    (p, [, kind, startDate, endDate, days]) => p.trainings.push({ kind, startDate, endDate, days }),
    ...years,
  );
  eachOf<[string, string]>(
    db,
    byId,
    `SELECT person_id, start_date, end_date FROM leaves WHERE kind = 'absence'`,
    (p, [, startDate, endDate]) => p.absences.push({ startDate, endDate }),
  );
  eachOf<[ExitTriggerRule, number, string]>(
    db,
    byId,
    'SELECT person_id, rule, trigger_year, decided_on FROM exit_decisions',
    (p, [, rule, triggerYear, decidedOn]) => p.decisions.push({ rule, triggerYear, decidedOn }),
  );
  return people;
}

export interface ClinicFacts {
  id: number;
  name: string;
  servicePopulation: number;
  requiredDoctors: number;
}

export function loadOpenClinics(db: Db): ClinicFacts[] {
  return db
    .prepare(
      `SELECT id, name, service_population AS servicePopulation, required_doctors AS requiredDoctors FROM clinics
       WHERE status = 'open' ORDER BY code IS NULL, code, id`,
    )
    .all() as ClinicFacts[];
}

export function postOn(p: PersonFacts, date: string): PersonFacts['posts'][number] | undefined {
  return p.posts.find((a) => a.startDate <= date && (a.endDate === null || a.endDate >= date));
}

/**
 * S11 / P5, fed by the supervision module (issue 11): each person's failed quarters that ended
 * by `asOf` — a failed quarter of a clinic counts against every doctor posted there during it.
 * Passed quarters are left out: the trigger counts failures only (rules/people.ts), and on a
 * large township matching every passed quarter to its doctors was most of the alerts' time.
 */
export function loadAssessmentResults(db: Db, asOf: string): Map<number, { year: number; passed: boolean }[]> {
  return assessmentsByPerson(db, assessmentRuleOf(readSettings(db)), asOf, undefined, true);
}

export { onDuty };
