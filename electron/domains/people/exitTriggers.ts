/**
 * rule S11a: one person's S11 exit triggers as of a day and the decisions (留用说明) recorded
 * for them — read by the person's file and by the service that records a decision.
 */
import { exitTriggers, exitTriggerText, type ExitDecisionFact, type ExitTrigger, type ExitTriggerRule } from '../../../shared/rules/yearly';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { loadAssessmentResults, type PersonFacts } from './alertData';

export interface ExitDecisionRow {
  id: number;
  rule: ExitTriggerRule;
  triggerYear: number;
  decidedOn: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export function exitDecisionsOf(db: Db, personId: number): ExitDecisionRow[] {
  return stmt(
    db,
    `SELECT id, rule, trigger_year AS triggerYear, decided_on AS decidedOn, reason, created_by AS createdBy, created_at AS createdAt
       FROM exit_decisions WHERE person_id = ? ORDER BY decided_on, id`,
  ).all(personId) as ExitDecisionRow[];
}

/** A person's unauthorised absences (S11), every year. */
export function absencesOf(db: Db, personId: number): { startDate: string; endDate: string }[] {
  return stmt(db, `SELECT start_date AS startDate, end_date AS endDate FROM leaves WHERE person_id = ? AND kind = 'absence'`).all(
    personId,
  ) as { startDate: string; endDate: string }[];
}

/** A person's S11 exit triggers as of a day, each with its state and in words. */
export function personExitTriggers(
  db: Db,
  personId: number,
  asOf: string,
  exitDate: string | null,
  absenceLimit: number,
  decisions: readonly ExitDecisionFact[],
): (ExitTrigger & { detail: string })[] {
  const absences = absencesOf(db, personId);
  // P5: failed quarters ended by the day (issue 11), matched to this person's posts only.
  const posts = stmt(
    db,
    'SELECT clinic_id AS clinicId, role, start_date AS startDate, end_date AS endDate FROM assignments WHERE person_id = ?',
  ).all(personId) as PersonFacts['posts'];
  const assessments = loadAssessmentResults(db, asOf, [{ id: personId, posts }]).get(personId) ?? [];
  return exitTriggers({ absences, absenceLimit, assessments, decisions, exitDate }, asOf).map((t) => ({
    ...t,
    detail: exitTriggerText(t, absenceLimit),
  }));
}
