/**
 * Reading requisitions: the month's list (every open clinic, with or without one, and a closed
 * clinic that has one) and one clinic's requisition with its lines and live D3 figures.
 */
import { essentialShare } from '../../../../shared/rules/essentialShare';
import { onHandDayFor, sharePercent } from '../../../../shared/rules/requisitionMonths';
import type { RequisitionDetail, RequisitionRow, RequisitionStatus } from '../../../../shared/schemas/requisitions';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';
import { clinicFigures, drugsOnFirst } from './figures';

export interface RequisitionHead {
  id: number;
  clinic_id: number;
  month: string;
  status: Exclude<RequisitionStatus, 'none'>;
  total_fen: number;
  outside_fen: number;
  total_items: number;
  outside_items: number;
  submitted_at: string | null;
  submitted_by: string;
  approved_at: string | null;
  approved_by: string;
  approval_reason: string;
}

export function requisitionHead(db: Db, clinicId: number, month: string): RequisitionHead | undefined {
  return stmt(db, 'SELECT * FROM requisitions WHERE clinic_id = ? AND month = ?').get(clinicId, month) as RequisitionHead | undefined;
}

export function clinicName(db: Db, clinicId: number): { name: string; code: string; status: string } {
  const c = stmt(db, "SELECT name, coalesce(code, '') AS code, status FROM clinics WHERE id = ?").get(clinicId) as
    { name: string; code: string; status: string } | undefined;
  if (!c) throw new AppError('NOT_FOUND', '没有这个村卫生室，请刷新后重新选择');
  return c;
}

/** D4/D9: once the month's delivery to the clinic started (a 配送单, or a line recorded short), the requisition is what was served. */
export function requisitionDelivered(db: Db, head: Pick<RequisitionHead, 'id' | 'clinic_id' | 'month'>): boolean {
  return (
    stmt(
      db,
      `SELECT EXISTS (SELECT 1 FROM deliveries WHERE clinic_id = @clinic AND month = @month)
           OR EXISTS (SELECT 1 FROM drug_shortages s JOIN requisition_lines l ON l.id = s.requisition_line_id WHERE l.requisition_id = @id)`,
    )
      .pluck()
      .get({ clinic: head.clinic_id, month: head.month, id: head.id }) === 1
  );
}

export function listRequisitions(db: Db, month: string): RequisitionRow[] {
  const rows = stmt(
    db,
    `SELECT c.id AS clinicId, c.name AS clinicName, coalesce(c.code, '') AS clinicCode, r.id AS requisitionId,
            coalesce(r.status, 'none') AS status, r.total_fen, r.outside_fen, r.total_items, r.outside_items,
            coalesce(r.approved_by, '') AS approvedBy, coalesce(r.approval_reason, '') AS approvalReason,
            (SELECT count(*) FROM requisition_lines l WHERE l.requisition_id = r.id) AS lines
       FROM clinics c LEFT JOIN requisitions r ON r.clinic_id = c.id AND r.month = ?
      WHERE c.status = 'open' OR r.id IS NOT NULL
      ORDER BY coalesce(c.code, ''), c.name, c.id`,
  ).all(month) as (Omit<
    RequisitionRow,
    'totalFen' | 'outsideFen' | 'totalItems' | 'outsideItems' | 'valuePercent' | 'itemPercent' | 'over'
  > &
    Record<'total_fen' | 'outside_fen' | 'total_items' | 'outside_items', number | null>)[];
  const limits = shareLimits(db);
  return rows.map(({ total_fen, outside_fen, total_items, outside_items, ...r }) => {
    const totalFen = total_fen ?? 0;
    const outsideFen = outside_fen ?? 0;
    const totalItems = total_items ?? 0;
    const outsideItems = outside_items ?? 0;
    return {
      ...r,
      totalFen,
      outsideFen,
      totalItems,
      outsideItems,
      valuePercent: sharePercent(outsideFen, totalFen),
      itemPercent: sharePercent(outsideItems, totalItems),
      over: storedShare(db, r.requisitionId, limits).over,
    };
  });
}

export function shareLimits(db: Db): { maxValueShare: number; maxItemShare: number } {
  const s = readSettings(db);
  return { maxValueShare: s.nonEssentialMaxValueShare, maxItemShare: s.nonEssentialMaxItemShare };
}

/** D3 on a stored requisition's lines, by the rule itself (each line's flag and price as saved). */
function storedShare(db: Db, requisitionId: number | null, limits: ReturnType<typeof shareLimits>) {
  const lines =
    requisitionId === null
      ? []
      : (stmt(
          db,
          'SELECT drug_id AS drugId, essential, packs * price_fen AS amountFen FROM requisition_lines WHERE requisition_id = ?',
        ).all(requisitionId) as { drugId: number; essential: number; amountFen: number }[]);
  return essentialShare(
    lines.map((l) => ({ drugId: l.drugId, essential: l.essential === 1, amountFen: l.amountFen })),
    limits,
  );
}

interface StoredLine {
  drug_id: number;
  packs: number;
  price_fen: number;
  essential: number;
  on_hand: number;
  used_3m: number;
  suggested: number;
  note: string;
}

export function getRequisition(ctx: ServiceContext, clinicId: number, month: string): RequisitionDetail {
  const db = ctx.db;
  const clinic = clinicName(db, clinicId);
  const head = requisitionHead(db, clinicId, month);
  const stored = head
    ? (stmt(db, 'SELECT * FROM requisition_lines WHERE requisition_id = ? ORDER BY id').all(head.id) as StoredLine[])
    : [];
  const drugs = drugsOnFirst(
    ctx,
    month,
    stored.map((l) => l.drug_id),
  );
  const lines = stored.map((l) => {
    const d = drugs.get(l.drug_id);
    if (!d) throw new AppError('NOT_FOUND', `没有找到药品（编号 ${l.drug_id}）`);
    // A draft shows today's figures (what submitting will fix); a submitted one the figures fixed then.
    if (head?.status === 'draft') {
      return { ...d, ...clinicFigures(db, clinicId, month, l.drug_id), packs: l.packs, amountFen: l.packs * d.priceFen, note: l.note };
    }
    return {
      ...d,
      priceFen: l.price_fen,
      essential: l.essential === 1,
      onHand: l.on_hand,
      used3m: l.used_3m,
      suggested: l.suggested,
      packs: l.packs,
      amountFen: l.packs * l.price_fen,
      note: l.note,
    };
  });
  const limits = shareLimits(db);
  const {
    valueShare: _v,
    itemShare: _i,
    ...share
  } = essentialShare(
    lines.map((l) => ({ drugId: l.drugId, essential: l.essential, amountFen: l.amountFen })),
    limits,
  );
  return {
    clinicId,
    clinicName: clinic.name,
    month,
    requisitionId: head?.id ?? null,
    status: head?.status ?? 'none',
    lines,
    share,
    limits,
    onHandAsOf: onHandDayFor(month),
    submittedAt: head?.submitted_at ?? null,
    submittedBy: head?.submitted_by ?? '',
    approvedAt: head?.approved_at ?? null,
    approvedBy: head?.approved_by ?? '',
    approvalReason: head?.approval_reason ?? '',
    delivered: head ? requisitionDelivered(db, head) : false,
  };
}
