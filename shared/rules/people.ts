/**
 * Rules on people (S1, S2, S5, S6, S7, S8, S9, S11, S14), as pure functions of records and a
 * date. The alert service feeds them from the database; the UI and the returns use the same.
 * What "this year" means for S9 and S11 (S9a / S11a) is in yearly.ts.
 */
import { addDays, addMonths, daysWithinYear } from './dates';

/** S2: a clinic with two or more doctors should have at least one woman (a warning). */
export function lacksWoman(sexes: readonly ('M' | 'F')[]): boolean {
  return sexes.length >= 2 && !sexes.includes('F');
}

/**
 * S5: the latest birth date of someone at least `age` years old on `date`: ageOn(b, date) >= age
 * exactly when b <= bornBy(date, age) (ISO dates compare as strings; 29 February included).
 */
export function bornBy(date: string, age: number): string {
  return `${String(Number(date.slice(0, 4)) - age).padStart(4, '0')}${date.slice(4)}`;
}

/**
 * S5: the ages a doctor reaches within the next `months` months, among the watched ones, for
 * everyone on one day: the cut-off birth dates are worked out once, not per person.
 */
export function agesReachedWithinOn(asOf: string, watched: readonly number[], months = 12): (birthDate: string) => number[] {
  const then = addMonths(asOf, months);
  const cuts = watched.map((age) => ({ age, now: bornBy(asOf, age), then: bornBy(then, age) }));
  return (birthDate) => {
    const out: number[] = [];
    for (const c of cuts) if (birthDate > c.now && birthDate <= c.then) out.push(c.age);
    return out;
  };
}

/** S5: the ages a doctor reaches within the next `months` months, among the watched ones. */
export function agesReachedWithin(birthDate: string, asOf: string, watched: readonly number[], months = 12): number[] {
  return agesReachedWithinOn(asOf, watched, months)(birthDate);
}

/** S5: a head at or past the age limit without a current county-approved extension. */
export function headOverAge(birthDate: string, asOf: string, limit: number, extensionUntil: string | null, mayExtend: boolean): boolean {
  if (birthDate > bornBy(asOf, limit)) return false;
  return !(mayExtend && extensionUntil !== null && extensionUntil >= asOf);
}

/** S6 / S14: end dates within the warning window from `asOf` (that day included, past dates excluded). */
export function endsWithinOn(asOf: string, days: number): (endDate: string | null) => boolean {
  const limit = addDays(asOf, days);
  return (endDate) => !!endDate && endDate >= asOf && endDate <= limit;
}

/** S6 / S14: an end date within the warning window (today included, past dates excluded). */
export function endsWithin(endDate: string | null, asOf: string, days: number): boolean {
  return endsWithinOn(asOf, days)(endDate);
}

/**
 * S7 (6 months) and S8 (12 months): a fixed period shorter than the minimum. The end date is the
 * last day served (as contracts are written: 2026-03-01 to 2026-08-31 is six whole months).
 */
export function shorterThanMonths(start: string, end: string | null, months: number): boolean {
  if (!end) return false;
  return addDays(end, 1) < addMonths(start, months);
}

/** S9: a training or clinical-practice record; its year is the year it starts in (see yearly.ts, S9a). */
export interface TrainingRecord {
  kind: 'clinical_practice' | 'training';
  startDate: string;
  endDate: string;
  days: number;
}

/**
 * S9: Jiaozuo — at least 2 stints of clinical practice at the center, each at least a week;
 * Sichuan — at least 2 free trainings, together at least 2 weeks. Both are settings.
 */
export interface TrainingRule {
  variant: 'jiaozuo' | 'sichuan';
  practiceStintsPerYear: number;
  practiceStintMinDays: number;
  trainingsPerYear: number;
  trainingTotalMinDays: number;
}

/**
 * S11: unauthorised absence days falling in the year; the exit trigger fires at `limit`. With
 * `upTo` (rule S11a), only the days up to that day count: a period running past it counts its
 * days up to the day, a period starting after it none.
 */
export function absenceDaysInYear(periods: readonly { startDate: string; endDate: string }[], year: number, upTo?: string): number {
  let days = 0;
  for (const p of periods) {
    const end = upTo !== undefined && upTo < p.endDate ? upTo : p.endDate;
    if (end >= p.startDate) days += daysWithinYear(p.startDate, end, year);
  }
  return days;
}

export function absenceTriggersExit(days: number, limit = 30): boolean {
  return days >= limit;
}

/** S11 / P5: two failed assessments in one year. Fed by the supervision module's results. */
export function failedAssessmentsTriggerExit(results: readonly { year: number; passed: boolean }[], year: number): boolean {
  return results.filter((r) => r.year === year && !r.passed).length >= 2;
}
