/**
 * Loads what the people alerts need, as plain records keyed by person, in a handful of queries.
 * Rows are read as arrays (better-sqlite3's `raw()`) and put straight onto each person: naming
 * every column of every row in the driver and grouping afterwards cost more than the reading.
 */
import type { HeldQualification, QualificationKind } from '../../../shared/rules/qualifications';
import type { TrainingRecord } from '../../../shared/rules/people';
import { LAST_YEAR_SHORTFALL_UNTIL_MONTH, type ExitDecisionFact, type ExitTriggerRule } from '../../../shared/rules/yearly';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { onDuty } from './sql';
// P5: the quarter results of the supervision module (issue 11) — its rule, its rounding.
import { assessmentRuleOf } from '../supervision/quarters/results';
import { roundHalfUpTenths, type AssessmentRule } from '../../../shared/rules/scoring';
import { quarterFirstDay, quarterKey, quarterLastDay } from '../../../shared/rules/quarter';
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
 * The start dates [from, to) of the training S9 / S9a look at on `asOf`: this year's progress,
 * and last year's final shortfall only until the end of March (LAST_YEAR_SHORTFALL_UNTIL_MONTH).
 * From April on last year's records are not read — on a large township they are half the table.
 */
export function trainingYears(asOf: string): [from: string, to: string] {
  const year = Number(asOf.slice(0, 4));
  const first = Number(asOf.slice(5, 7)) <= LAST_YEAR_SHORTFALL_UNTIL_MONTH ? year - 1 : year;
  return [`${first}-01-01`, `${year + 1}-01-01`];
}

/**
 * Everyone with their records. With `asOf`, only the training S9 / S9a look at on that day is
 * read (trainingYears).
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
  const years = asOf === undefined ? [] : trainingYears(asOf);
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
  return stmt(
    db,
    `SELECT id, name, service_population AS servicePopulation, required_doctors AS requiredDoctors FROM clinics
       WHERE status = 'open' ORDER BY code IS NULL, code, id`,
  ).all() as ClinicFacts[];
}

export function postOn(p: PersonFacts, date: string): PersonFacts['posts'][number] | undefined {
  return p.posts.find((a) => a.startDate <= date && (a.endDate === null || a.endDate >= date));
}

export interface FailedQuarter {
  clinicId: number;
  quarter: string;
  year: number;
  first: string;
  last: string;
}

/**
 * P5 / P6: the clinic quarters that ended by `asOf` and failed — all the S11 trigger counts (a
 * passed quarter never raises it). SQLite sums each clinic quarter's final visits (a 草稿 counts
 * nowhere) and keeps only the sums that fail the P6 rule — mean of the supervised months rounded
 * half up to tenths below the pass line, i.e. (2·sum + n) / (2n) < line in whole tenths, the
 * same integer arithmetic as roundHalfUpTenths — so a large township's thousands of passed
 * quarters never reach JavaScript; the rule's own function then decides each row it returns.
 * Months after `asOf`'s month cannot belong to an ended quarter and are not read.
 */
export function failedQuarters(db: Db, rule: AssessmentRule, asOf: string): FailedQuarter[] {
  const line = rule.passLine * 10;
  const rows = stmt(
    db,
    `SELECT clinic_id, CAST(substr(month, 1, 4) AS INTEGER) AS year, (CAST(substr(month, 6, 2) AS INTEGER) + 2) / 3 AS q,
            sum(total_tenths) AS total, count(*) AS months
       FROM visits WHERE status = 'final' AND month <= @to
      GROUP BY clinic_id, year, q
     HAVING (2 * sum(total_tenths) + count(*)) / (2 * count(*)) < @line`,
  )
    .raw()
    .all({ to: asOf.slice(0, 7), line }) as [clinicId: number, year: number, q: number, total: number, months: number][];
  const out: FailedQuarter[] = [];
  for (const [clinicId, year, q, total, months] of rows) {
    const quarter = { year, q };
    const last = quarterLastDay(quarter);
    if (last > asOf || roundHalfUpTenths(total, months) >= line) continue; // not ended yet; passed
    out.push({ clinicId, quarter: quarterKey(quarter), year, first: quarterFirstDay(quarter), last });
  }
  return out;
}

/**
 * P5: a failed quarter of a clinic counts against every doctor posted there at any time during
 * it (posts overlapping the quarter), once per clinic quarter. Matched against the posts already
 * loaded with the people, so the assignments are not read a second time.
 */
export function failedQuartersByPerson(
  failed: readonly FailedQuarter[],
  people: readonly Pick<PersonFacts, 'id' | 'posts'>[],
): Map<number, { year: number; passed: boolean }[]> {
  const out = new Map<number, { year: number; passed: boolean }[]>();
  if (failed.length === 0) return out;
  const byClinic = new Map<number, FailedQuarter[]>();
  for (const f of failed) {
    const list = byClinic.get(f.clinicId);
    if (list) list.push(f);
    else byClinic.set(f.clinicId, [f]);
  }
  for (const p of people) {
    let seen: Set<string> | null = null;
    for (const post of p.posts) {
      for (const f of byClinic.get(post.clinicId) ?? []) {
        if (post.startDate > f.last || (post.endDate !== null && post.endDate < f.first)) continue;
        const key = `${f.clinicId} ${f.quarter}`;
        seen ??= new Set();
        if (seen.has(key)) continue; // two posts at one clinic in one quarter: one assessment
        seen.add(key);
        const mine = out.get(p.id);
        if (mine) mine.push({ year: f.year, passed: false });
        else out.set(p.id, [{ year: f.year, passed: false }]);
      }
    }
  }
  return out;
}

/** The P5 assessment rule in force (settings). */
export function assessmentRule(db: Db): AssessmentRule {
  return assessmentRuleOf(readSettings(db));
}

/**
 * S11 / P5, fed by the supervision module (issue 11): each person's failed quarters that ended
 * by `asOf` — a failed quarter of a clinic counts against every doctor posted there during it.
 * `people` with their posts: everyone's for the alerts, one person's for the person's file.
 */
export function loadAssessmentResults(
  db: Db,
  asOf: string,
  people: readonly Pick<PersonFacts, 'id' | 'posts'>[],
): Map<number, { year: number; passed: boolean }[]> {
  const failed = failedQuarters(db, assessmentRule(db), asOf);
  if (failed.length === 0) return new Map();
  return failedQuartersByPerson(failed, people);
}

export { onDuty };
