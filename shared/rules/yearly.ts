/**
 * S9a / S11a — what "this year" means (DOMAIN.md; a product decision, the documents say "every
 * year"): a calendar year, and only what has happened by the day counts as done. Training dated
 * later shows as planned (已安排), never as done; absence counts only its days up to the day. A
 * training shortfall is progress until it cannot be made up or the alert month comes; last year's
 * final shortfall stays on the list until the end of March; an S11 exit trigger, once reached,
 * stays open — into later years too — until the person exits or a decision (留用说明) is recorded.
 */
import { chineseDate } from '../format';
import { absenceDaysInYear, failedAssessmentsTriggerExit, type TrainingRecord, type TrainingRule } from './people';

// rule S9a: last year's final shortfall is shown until the end of this month (31 March yes, 1 April no).
// A constant, not a setting: DOMAIN.md fixes "until the end of March", while the month from which a
// shortfall of this year is an alert is a setting (trainingAlertMonth, default October).
export const LAST_YEAR_SHORTFALL_UNTIL_MONTH = 3;

export interface TrainingTally {
  count: number;
  days: number;
}

export type TrainingState = 'ok' | 'progress' | 'alert';

export interface TrainingProgressRule extends TrainingRule {
  /** rule S9a: from this month (1–12) of the year on, a shortfall of done is an alert. */
  alertFromMonth: number;
}

export interface TrainingProgress {
  year: number;
  variant: TrainingRule['variant'];
  /** Counted records that have ended by the day. */
  done: TrainingTally;
  /** Counted records of the year that have not ended by the day (entered ahead, or running). */
  planned: TrainingTally;
  /** Jiaozuo: `count` stints (each of at least the minimum days; `days` 0); Sichuan: `count` trainings and `days` in all. */
  required: TrainingTally;
  status: TrainingState;
  /** ok: done meets the norm; on_track: done + planned can; unreachable: even done + planned cannot; late: the alert month (or the year's end) has come and done is short. */
  reason: 'met' | 'on_track' | 'unreachable' | 'late';
  /** The norm in words, e.g. 临床进修 2 次、每次不少于 7 天. */
  needed: string;
}

const year = (iso: string) => Number(iso.slice(0, 4));
const month = (iso: string) => Number(iso.slice(5, 7));

/**
 * rule S9a (for S9, either variant): a person's training of `forYear` as of `asOf`. A record
 * belongs to the year it starts in (S9); it counts as done once its end date is on or before
 * `asOf`, and until then as planned. Jiaozuo counts clinical-practice stints of at least the
 * minimum days; Sichuan counts trainings and their days. Status:
 * - ok when done meets the norm;
 * - alert when even done + planned cannot reach it (so with nothing planned a shortfall is an
 *   alert from 1 January), or when done is short and the day is in or after the alert month of
 *   `forYear` (or in a later year);
 * - progress otherwise.
 */
export function trainingProgress(
  records: readonly TrainingRecord[],
  forYear: number,
  asOf: string,
  rule: TrainingProgressRule,
): TrainingProgress {
  const jiaozuo = rule.variant === 'jiaozuo';
  const from = `${forYear}-01-01`;
  const to = `${forYear + 1}-01-01`;
  const done: TrainingTally = { count: 0, days: 0 };
  const planned: TrainingTally = { count: 0, days: 0 };
  for (const r of records) {
    if (r.startDate < from || r.startDate >= to) continue;
    if (jiaozuo ? r.kind !== 'clinical_practice' || r.days < rule.practiceStintMinDays : r.kind !== 'training') continue;
    const t = r.endDate <= asOf ? done : planned;
    t.count++;
    t.days += r.days;
  }
  const required: TrainingTally = jiaozuo
    ? { count: rule.practiceStintsPerYear, days: 0 }
    : { count: rule.trainingsPerYear, days: rule.trainingTotalMinDays };
  const needed = jiaozuo
    ? `临床进修 ${rule.practiceStintsPerYear} 次、每次不少于 ${rule.practiceStintMinDays} 天`
    : `培训 ${rule.trainingsPerYear} 次、累计不少于 ${rule.trainingTotalMinDays} 天`;
  let status: TrainingState = 'progress';
  let reason: TrainingProgress['reason'] = 'on_track';
  if (done.count >= required.count && done.days >= required.days) {
    status = 'ok';
    reason = 'met';
  } else if (done.count + planned.count < required.count || done.days + planned.days < required.days) {
    status = 'alert';
    reason = 'unreachable';
  } else if (asOf >= to || (asOf >= from && month(asOf) >= rule.alertFromMonth)) {
    status = 'alert';
    reason = 'late';
  }
  return { year: forYear, variant: rule.variant, done, planned, required, status, reason, needed };
}

/**
 * rule S9a: last year's final shortfall, shown from 1 January to the end of March. Last year's
 * records are looked at as of the day, so a stint begun in late December counts once it ends.
 * Null when there is nothing to show (met, or April or later).
 */
export function lastYearShortfall(records: readonly TrainingRecord[], asOf: string, rule: TrainingProgressRule): TrainingProgress | null {
  if (month(asOf) > LAST_YEAR_SHORTFALL_UNTIL_MONTH) return null;
  const last = trainingProgress(records, year(asOf) - 1, asOf, rule);
  return last.status === 'ok' ? null : last;
}

/** rule S9a: 已完成 x / 应完成 y，已安排 z — stints for Jiaozuo, trainings and days for Sichuan. */
export function trainingProgressText(p: Pick<TrainingProgress, 'variant' | 'done' | 'planned' | 'required'>): string {
  if (p.variant === 'jiaozuo') return `已完成 ${p.done.count} / 应完成 ${p.required.count} 次，已安排 ${p.planned.count} 次`;
  const t = (x: TrainingTally) => `${x.count} 次 ${x.days} 天`;
  return `已完成 ${t(p.done)} / 应完成 ${t(p.required)}，已安排 ${t(p.planned)}`;
}

/** rule S9a: why a training shortfall is an alert, in words. */
export function trainingAlertReason(p: Pick<TrainingProgress, 'reason'>, alertFromMonth: number): string {
  return p.reason === 'unreachable' ? '已完成与已安排的合计仍达不到要求' : `已到 ${alertFromMonth} 月或年度已结束，已完成的仍不足`;
}

// ---- S11a: exit triggers -------------------------------------------------------------------

export const exitTriggerRules = ['S11-absence', 'S11-assessment'] as const;
export type ExitTriggerRule = (typeof exitTriggerRules)[number];

export interface ExitDecisionFact {
  rule: ExitTriggerRule;
  triggerYear: number;
  decidedOn: string;
}

export interface ExitTrigger {
  rule: ExitTriggerRule;
  year: number;
  /** S11-absence: the year's unauthorised absence days up to the day; S11-assessment: failed assessments that year. */
  count: number;
  /** open until the exit is recorded or a decision (留用说明) dated on or before the day closes it. */
  state: 'open' | 'decided' | 'exited';
  decidedOn: string | null;
}

export interface ExitTriggerFacts {
  absences: readonly { startDate: string; endDate: string }[];
  absenceLimit: number;
  assessments: readonly { year: number; passed: boolean }[];
  decisions: readonly ExitDecisionFact[];
  /** The recorded exit date, if any: a recorded exit closes every trigger. */
  exitDate: string | null;
}

/**
 * rule S11a: the S11 exit triggers a person has reached by `asOf`, in every year up to it, each
 * with its state. Absence: the unauthorised absence days of one calendar year, counted up to the
 * day only (a period running past the day counts its days up to the day), reaching the limit.
 * Assessment (P5): two failed assessments in one year. A reached trigger stays open — also into
 * the next years — until the exit is recorded or a decision for that rule and year, dated on or
 * before the day, is recorded. One decision closes one trigger (rule and year): absence added to
 * that year after the decision does not open it again.
 */
export function exitTriggers(f: ExitTriggerFacts, asOf: string): ExitTrigger[] {
  const out: ExitTrigger[] = [];
  if (f.absences.length === 0 && f.assessments.length === 0) return out;
  const last = year(asOf);
  const state = (rule: ExitTriggerRule, y: number): Pick<ExitTrigger, 'state' | 'decidedOn'> => {
    if (f.exitDate !== null) return { state: 'exited', decidedOn: null };
    const d = f.decisions.find((x) => x.rule === rule && x.triggerYear === y && x.decidedOn <= asOf);
    return d ? { state: 'decided', decidedOn: d.decidedOn } : { state: 'open', decidedOn: null };
  };
  const absenceYears = new Set<number>();
  for (const p of f.absences) {
    if (p.startDate > asOf) continue;
    for (let y = year(p.startDate); y <= Math.min(year(p.endDate), last); y++) absenceYears.add(y);
  }
  for (const y of [...absenceYears].sort((a, b) => a - b)) {
    const days = absenceDaysInYear(f.absences, y, asOf);
    if (days >= f.absenceLimit) out.push({ rule: 'S11-absence', year: y, count: days, ...state('S11-absence', y) });
  }
  const assessmentYears = [...new Set(f.assessments.map((a) => a.year))].filter((y) => y <= last).sort((a, b) => a - b);
  for (const y of assessmentYears) {
    if (failedAssessmentsTriggerExit(f.assessments, y))
      out.push({
        rule: 'S11-assessment',
        year: y,
        count: f.assessments.filter((a) => a.year === y && !a.passed).length,
        ...state('S11-assessment', y),
      });
  }
  return out;
}

/** rule S11a: a trigger in words, with what closed it (or that nothing has yet). */
export function exitTriggerText(t: ExitTrigger, absenceLimit: number): string {
  const what =
    t.rule === 'S11-absence'
      ? `${t.year} 年擅自离岗累计 ${t.count} 天（满 ${absenceLimit} 天应退出）`
      : `${t.year} 年考核不合格 ${t.count} 次（两次应退出）`;
  if (t.state === 'exited') return `${what}，已办理退出`;
  if (t.state === 'decided') return `${what}，已于 ${chineseDate(t.decidedOn)} 记录留用说明`;
  return `${what}，尚未办理退出或记录留用说明`;
}
