/**
 * P2, P8: reading visits — the month's list of clinics with their status (未督导 / 草稿 /
 * 已完成), one visit with its scores and findings, and the form: the template in force, this
 * month's visit if any, the previous visit (its scores and findings shown beside, P8) and the
 * open findings of earlier visits to re-check.
 */
import { monthScore } from '../../../../shared/rules/scoring';
import { quarterKey, quarterOf } from '../../../../shared/rules/quarter';
import type { FindingRow, VisitForm, VisitMonthRow, VisitRecord } from '../../../../shared/schemas/visits';
import type { Db } from '../../../db/open';
import { notFound } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { clinicHeadSql } from '../../people/sql';
import { templateById, templateForMonth, templateItems, type TemplateInForce } from './templateForMonth';

/**
 * Clinics open during the month, and any clinic that has a visit in it; `corrections` counts the
 * fields corrected after the quarter was locked (P4), so the list can flag 已更正 visits.
 */
export function listMonth(db: Db, month: string): VisitMonthRow[] {
  const rows = stmt(
    db,
    `SELECT c.id AS clinicId, c.code AS clinicCode, c.name AS clinicName, v.id AS visitId, v.status, v.visited_on AS visitedOn,
            coalesce(v.supervisors, '') AS supervisors, v.total_tenths AS totalTenths, coalesce(v.veto_triggered, 0) AS vetoed,
            (SELECT count(*) FROM findings f WHERE f.visit_id = v.id) AS findings,
            (SELECT count(*) FROM corrections k WHERE k.visit_id = v.id) AS corrections
       FROM clinics c LEFT JOIN visits v ON v.clinic_id = c.id AND v.month = @month
      WHERE v.id IS NOT NULL OR c.status = 'open' OR (c.closed_on IS NOT NULL AND c.closed_on >= @month || '-01')
      ORDER BY c.code, c.id`,
  ).all({ month }) as (Omit<VisitMonthRow, 'status' | 'vetoed'> & { status: 'draft' | 'final' | null; vetoed: number })[];
  return rows.map((r) => ({ ...r, status: r.status ?? 'none', vetoed: r.vetoed === 1, totalTenths: r.status ? r.totalTenths : null }));
}

interface VisitHead {
  id: number;
  month: string;
  visitedOn: string;
  supervisors: string;
  clinicSigner: string;
  status: 'draft' | 'final';
  note: string;
  totalTenths: number;
  vetoed: number;
  templateId: number;
}

const findingSelect = `SELECT f.id, f.visit_id AS visitId, v.month, f.item_id AS itemId, f.text, f.owner, f.due_on AS dueOn, f.status,
    f.rectified_on AS rectifiedOn, f.recheck_result AS recheckResult, rv.month AS recheckMonth
  FROM findings f JOIN visits v ON v.id = f.visit_id LEFT JOIN visits rv ON rv.id = f.recheck_visit_id`;

export function findingsOfVisit(db: Db, visitId: number): FindingRow[] {
  return stmt(db, `${findingSelect} WHERE f.visit_id = ? ORDER BY f.id`).all(visitId) as FindingRow[];
}

/** Findings of this clinic's visits before the month that are still open, or re-checked at this month's visit. */
function findingsToRecheck(db: Db, clinicId: number, month: string, visitId: number | null): FindingRow[] {
  return stmt(
    db,
    `${findingSelect} WHERE v.clinic_id = @clinicId AND v.month < @month AND (f.status = 'open' OR f.recheck_visit_id = @visitId)
      ORDER BY v.month, f.id`,
  ).all({ clinicId, month, visitId: visitId ?? -1 }) as FindingRow[];
}

export function loadVisit(db: Db, head: VisitHead): VisitRecord {
  const template = templateById(db, head.templateId);
  const items = templateItems(db, head.templateId);
  const scores = stmt(
    db,
    `SELECT item_id AS itemId, score_tenths AS scoreTenths, vetoed, note FROM visit_scores WHERE visit_id = ? ORDER BY item_id`,
  ).all(head.id) as { itemId: number; scoreTenths: number | null; vetoed: number; note: string }[];
  const byItem = new Map(scores.map((s) => [s.itemId, s]));
  const m = monthScore({
    items: items.map((i) => ({ maxTenths: i.maxTenths, scoreTenths: byItem.get(i.id)?.scoreTenths ?? null, bonus: i.isBonus })),
    bonusCapTenths: template.bonusCapTenths,
    vetoTriggered: head.vetoed === 1,
  });
  return {
    id: head.id,
    month: head.month,
    visitedOn: head.visitedOn,
    supervisors: head.supervisors,
    clinicSigner: head.clinicSigner,
    status: head.status,
    note: head.note,
    totalTenths: head.totalTenths,
    baseTenths: m.baseTenths,
    bonusTenths: m.bonusTenths,
    vetoed: head.vetoed === 1,
    scores: scores.map((s) => ({ itemId: s.itemId, scoreTenths: s.scoreTenths, vetoed: s.vetoed === 1, note: s.note })),
    findings: findingsOfVisit(db, head.id),
  };
}

const headSelect = `SELECT id, month, visited_on AS visitedOn, supervisors, clinic_signer AS clinicSigner, status, note,
    total_tenths AS totalTenths, veto_triggered AS vetoed, template_id AS templateId FROM visits`;

export function visitHead(db: Db, clinicId: number, month: string): VisitHead | undefined {
  return stmt(db, `${headSelect} WHERE clinic_id = ? AND month = ?`).get(clinicId, month) as VisitHead | undefined;
}

function previousHead(db: Db, clinicId: number, month: string): VisitHead | undefined {
  return stmt(db, `${headSelect} WHERE clinic_id = ? AND month < ? ORDER BY month DESC LIMIT 1`).get(clinicId, month) as
    VisitHead | undefined;
}

export function isMonthLocked(db: Db, month: string): boolean {
  return stmt(db, 'SELECT 1 FROM quarter_locks WHERE quarter = ?').get(quarterKey(quarterOf(month))) !== undefined;
}

export function clinicForVisit(db: Db, clinicId: number, asOf: string): VisitForm['clinic'] {
  const c = stmt(
    db,
    `SELECT id, name, code, coalesce(${clinicHeadSql('c.id')}, c.head_name) AS headName FROM clinics c WHERE id = @id`,
  ).get({
    id: clinicId,
    asOf,
  }) as VisitForm['clinic'] | undefined;
  if (!c) throw notFound('村卫生室');
  return c;
}

export function getVisitForm(db: Db, clinicId: number, month: string): VisitForm {
  const clinic = clinicForVisit(db, clinicId, `${month}-28`);
  const head = visitHead(db, clinicId, month);
  // A visit keeps the template it was scored against; a new one takes the version in force (P6).
  const template: TemplateInForce = head ? templateById(db, head.templateId) : templateForMonth(db, month);
  const prev = previousHead(db, clinicId, month);
  return {
    clinic,
    month,
    template,
    items: templateItems(db, template.id),
    visit: head ? loadVisit(db, head) : null,
    previous: prev ? loadVisit(db, prev) : null,
    openFindings: findingsToRecheck(db, clinicId, month, head?.id ?? null),
    locked: isMonthLocked(db, month),
  };
}
