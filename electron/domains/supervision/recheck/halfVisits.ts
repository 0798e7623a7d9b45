/**
 * What the re-check reads of one clinic's half-year (P4): its visits, and the corrections made
 * to them, their scores or their findings — however the correction path recorded the row
 * (by the visit, or by the corrected row's own id).
 */
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';

export interface HalfScope {
  clinicId: number;
  from: string;
  to: string;
}

const halfVisitIds = `SELECT id FROM visits WHERE clinic_id = @clinicId AND month BETWEEN @from AND @to`;

/** Corrections of the clinic's visits in the months: `k` is the correction row. */
export const halfCorrectionsWhere = `(k.visit_id IN (${halfVisitIds})
   OR (k.entity = 'visits' AND k.entity_id IN (${halfVisitIds}))
   OR (k.entity = 'visit_scores' AND k.entity_id IN (SELECT id FROM visit_scores WHERE visit_id IN (${halfVisitIds})))
   OR (k.entity = 'findings' AND k.entity_id IN (SELECT id FROM findings WHERE visit_id IN (${halfVisitIds}))))`;

export interface HalfCounts {
  visits: number;
  drafts: number;
  findings: number;
  corrections: number;
}

export function halfCounts(db: Db, scope: HalfScope): HalfCounts {
  const v = stmt(
    db,
    `SELECT coalesce(sum(status = 'final'), 0) AS visits, coalesce(sum(status = 'draft'), 0) AS drafts,
            (SELECT count(*) FROM findings f WHERE f.visit_id IN (${halfVisitIds})) AS findings
       FROM visits WHERE clinic_id = @clinicId AND month BETWEEN @from AND @to`,
  ).get(scope) as Omit<HalfCounts, 'corrections'>;
  const corrections = stmt(db, `SELECT count(*) FROM corrections k WHERE ${halfCorrectionsWhere}`).pluck().get(scope) as number;
  return { ...v, corrections };
}
