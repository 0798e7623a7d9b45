/**
 * P6: each clinic's quarter — the months supervised (final visits only; a 草稿 counts nowhere),
 * the mean rounded half up to one decimal, grade and pass by the settings; months without a
 * final visit listed as 未督导, never 0. P5: a failed quarter is a failed assessment for every
 * doctor posted at the clinic at any time during the quarter (assignments overlapping it).
 */
import { quarterScore, roundHalfUpTenths, type AssessmentRule } from '../../../../shared/rules/scoring';
import { monthsOfQuarter, quarterFirstDay, quarterKey, quarterLastDay, type Quarter } from '../../../../shared/rules/quarter';
import type { P5Flag, QuarterResults, QuarterRow } from '../../../../shared/schemas/visits';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { clinicDoctorCountSql } from '../../people/sql';

export function assessmentRuleOf(s: Settings): AssessmentRule {
  return { passLine: s.assessmentPassLine, gradeExcellent: s.gradeExcellent, gradeGood: s.gradeGood };
}

interface MonthTotal {
  clinicId: number;
  month: string;
  totalTenths: number;
  vetoed: number;
}

/** Final visits of the months, one per clinic and month (P2; the table keeps one). */
function finalVisits(db: Db, fromMonth: string, toMonth: string): MonthTotal[] {
  return stmt(
    db,
    `SELECT clinic_id AS clinicId, month, total_tenths AS totalTenths, veto_triggered AS vetoed FROM visits
      WHERE month BETWEEN ? AND ? AND status = 'final'`,
  ).all(fromMonth, toMonth) as MonthTotal[];
}

interface ClinicInfo {
  id: number;
  code: string;
  name: string;
  servicePopulation: number;
  doctors: number;
}

/** Clinics open at some time in the quarter, or with a visit in it. */
function clinicsOfQuarter(db: Db, q: Quarter): ClinicInfo[] {
  const months = monthsOfQuarter(q);
  return stmt(
    db,
    `SELECT c.id, c.code, c.name, c.service_population AS servicePopulation, ${clinicDoctorCountSql('c.id')} AS doctors FROM clinics c
      WHERE c.status = 'open' OR c.closed_on >= @from OR EXISTS (SELECT 1 FROM visits v WHERE v.clinic_id = c.id AND v.month BETWEEN @m1 AND @m3)
      ORDER BY c.code, c.id`,
  ).all({ from: quarterFirstDay(q), asOf: quarterLastDay(q), m1: months[0], m3: months[2] }) as ClinicInfo[];
}

export function quarterRows(db: Db, q: Quarter, rule: AssessmentRule): QuarterRow[] {
  const months = monthsOfQuarter(q);
  const visits = finalVisits(db, months[0] ?? '', months[2] ?? '');
  const byClinic = new Map<number, Map<string, MonthTotal>>();
  for (const v of visits) {
    const m = byClinic.get(v.clinicId) ?? new Map<string, MonthTotal>();
    m.set(v.month, v);
    byClinic.set(v.clinicId, m);
  }
  return clinicsOfQuarter(db, q).map((c) => {
    const mine = byClinic.get(c.id);
    const cells = months.map((month) => {
      const v = mine?.get(month);
      return { month, totalTenths: v ? v.totalTenths : null, vetoed: v?.vetoed === 1 };
    });
    const score = quarterScore(cells, rule);
    return {
      clinicId: c.id,
      clinicCode: c.code,
      clinicName: c.name,
      months: cells,
      scoreTenths: score.scoreTenths,
      grade: score.grade,
      passed: score.passed,
      unsupervisedMonths: score.unsupervisedMonths,
      servicePopulation: c.servicePopulation,
      doctors: c.doctors,
    };
  });
}

export interface QuarterOutcome {
  clinicId: number;
  quarter: string;
  year: number;
  passed: boolean;
  first: string;
  last: string;
}

/**
 * Every assessed clinic quarter that has ended by `asOf` (an unfinished quarter is not yet an
 * assessment), from all final visits at once. SQLite adds up each clinic quarter's months
 * (a year of visits for a large township is tens of thousands of rows; the sums are a few
 * thousand), and the quarter's score is then the P6 rule's own rounding of that mean
 * (shared/rules/scoring.ts roundHalfUpTenths, as quarterScore does).
 */
export function endedQuarterOutcomes(db: Db, rule: AssessmentRule, asOf: string, onlyYear?: number): QuarterOutcome[] {
  const rows = stmt(
    db,
    `SELECT clinic_id, CAST(substr(month, 1, 4) AS INTEGER) AS year, (CAST(substr(month, 6, 2) AS INTEGER) + 2) / 3 AS q,
            sum(total_tenths) AS total, count(*) AS months
       FROM visits WHERE status = 'final' AND month >= @from AND month <= @to
      GROUP BY clinic_id, year, q`,
  )
    .raw()
    .all({ from: onlyYear === undefined ? '0000-00' : `${onlyYear}-01`, to: onlyYear === undefined ? '9999-99' : `${onlyYear}-12` }) as [
    clinicId: number,
    year: number,
    q: number,
    total: number,
    months: number,
  ][];
  const out: QuarterOutcome[] = [];
  for (const [clinicId, year, q, total, months] of rows) {
    const quarter = { year, q };
    const last = quarterLastDay(quarter);
    if (last > asOf) continue;
    const passed = roundHalfUpTenths(total, months) >= rule.passLine * 10;
    out.push({ clinicId, quarter: quarterKey(quarter), year, passed, first: quarterFirstDay(quarter), last });
  }
  return out;
}

/**
 * P5: per person, the assessments (quarters ended by `asOf`) of the clinics they were posted at
 * during each quarter. A person posted at two clinics in one quarter carries each clinic's result.
 */
export function assessmentsByPerson(
  db: Db,
  rule: AssessmentRule,
  asOf: string,
  onlyYear?: number,
  /** Only failed quarters: all the S11 trigger counts (a passed quarter never raises it). */
  failedOnly = false,
): Map<number, (QuarterOutcome & { personId: number })[]> {
  const ended = endedQuarterOutcomes(db, rule, asOf, onlyYear);
  const outcomes = failedOnly ? ended.filter((o) => !o.passed) : ended;
  const out = new Map<number, (QuarterOutcome & { personId: number })[]>();
  if (outcomes.length === 0) return out;
  const posts = stmt(
    db,
    'SELECT person_id AS personId, clinic_id AS clinicId, start_date AS startDate, end_date AS endDate FROM assignments',
  ).all() as {
    personId: number;
    clinicId: number;
    startDate: string;
    endDate: string | null;
  }[];
  const postsByClinic = new Map<number, typeof posts>();
  for (const p of posts) {
    const list = postsByClinic.get(p.clinicId);
    if (list) list.push(p);
    else postsByClinic.set(p.clinicId, [p]);
  }
  for (const o of outcomes) {
    const seen = new Set<number>();
    for (const p of postsByClinic.get(o.clinicId) ?? []) {
      if (p.startDate > o.last || (p.endDate !== null && p.endDate < o.first) || seen.has(p.personId)) continue;
      seen.add(p.personId);
      const mine = out.get(p.personId);
      if (mine) mine.push({ ...o, personId: p.personId });
      else out.set(p.personId, [{ ...o, personId: p.personId }]);
    }
  }
  return out;
}

/** P5 flags of a year: people with two or more failed quarters (ended by `asOf`) in it. */
export function p5Flags(db: Db, rule: AssessmentRule, year: number, asOf: string): P5Flag[] {
  const byPerson = assessmentsByPerson(db, rule, asOf, year);
  const flagged = [...byPerson.entries()]
    .map(([personId, list]) => ({ personId, failed: list.filter((o) => !o.passed) }))
    .filter((x) => new Set(x.failed.map((f) => f.quarter)).size >= 2);
  if (flagged.length === 0) return [];
  const names = new Map(
    (stmt(db, 'SELECT id, name FROM people').all() as { id: number; name: string }[]).map((p) => [p.id, p.name] as const),
  );
  const clinicNames = new Map(
    (stmt(db, 'SELECT id, name FROM clinics').all() as { id: number; name: string }[]).map((c) => [c.id, c.name] as const),
  );
  return flagged.map((x) => ({
    personId: x.personId,
    name: names.get(x.personId) ?? '',
    year,
    failedQuarters: [...new Set(x.failed.map((f) => f.quarter))].sort(),
    clinics: [...new Set(x.failed.map((f) => clinicNames.get(f.clinicId) ?? ''))].join('、'),
  }));
}

export function quarterResults(db: Db, q: Quarter, rule: AssessmentRule, asOf: string): QuarterResults {
  return {
    quarter: quarterKey(q),
    months: monthsOfQuarter(q),
    rule,
    rows: quarterRows(db, q, rule),
    p5: p5Flags(db, rule, q.year, asOf),
    lock:
      (stmt(db, 'SELECT locked_at AS at, locked_by AS by, note FROM quarter_locks WHERE quarter = ?').get(quarterKey(q)) as
        { at: string; by: string; note: string } | undefined) ?? null,
  };
}
