/**
 * Writing requisitions (D1, D3; D9 is the flow): saved as a draft, submitted — within the
 * share it is approved at once by `D3 自动`, over the share it is held — approved with a reason
 * (access 'approve'), and reopened for editing only while nothing of it was delivered. Each
 * write is one IMMEDIATE transaction and audited; a refused one changes nothing.
 */
import { essentialShare, type ShareResult } from '../../../../shared/rules/essentialShare';
import { AUTO_APPROVER, type RequisitionDetail } from '../../../../shared/schemas/requisitions';
import type { ServiceContext } from '../../../db/context';
import { audit } from '../../../db/audit';
import { AppError } from '../../../db/errors';
import { stmt } from '../../../db/stmt';
import { lineFiguresFor } from './figures';
import { clinicName, getRequisition, requisitionDelivered, requisitionHead, shareLimits } from './read';

export interface LineWrite {
  drugId: number;
  packs: number;
  note?: string;
}

export interface WriteOptions {
  submit: boolean;
  /** The import replaces an approved requisition (not yet delivered); the form must reopen it first. */
  replaceApproved?: boolean;
  /** Written in the audit summary: 请领单 saved from the form, or 导入 from a file. */
  source?: string;
}

export type WriteOutcome = 'draft' | 'approved' | 'held';

export const outcomeLabels: Record<WriteOutcome, string> = { draft: '保存草稿', approved: '份额内自动批准', held: '超出份额待审批' };

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);

function shareText(s: ShareResult): string {
  return `非基药金额占比 ${pct(s.valueShare)}、品种占比 ${pct(s.itemShare)}（${s.outsideItems}/${s.totalItems} 种）`;
}

/** Inside the caller's transaction: replaces the clinic's requisition of the month with these lines. */
export function writeRequisition(
  ctx: ServiceContext,
  clinicId: number,
  month: string,
  lines: readonly LineWrite[],
  opts: WriteOptions,
): WriteOutcome {
  const db = ctx.db;
  const clinic = clinicName(db, clinicId);
  const head = requisitionHead(db, clinicId, month);
  if (head?.status === 'approved') {
    if (requisitionDelivered(db, head)) {
      throw new AppError('CONFLICT', `${clinic.name} ${month} 的请领单已经开始配送，不能再修改；缺的药品请下月请领或由卫生院补录采购计划`);
    }
    if (!opts.replaceApproved) throw new AppError('CONFLICT', `${clinic.name} ${month} 的请领单已批准：要修改请先点“撤回修改”`);
  }
  if (!head && clinic.status !== 'open') throw new AppError('CONFLICT', `${clinic.name} 已撤销，不能再请领药品`);
  if (opts.submit && lines.length === 0) throw new AppError('VALIDATION', '请领单里没有药品：请至少添加一种药品再提交', { field: 'lines' });
  const seen = new Set<number>();
  for (const l of lines) {
    if (seen.has(l.drugId)) throw new AppError('VALIDATION', '同一种药品在请领单中出现了两次：请合并为一行', { field: 'lines' });
    seen.add(l.drugId);
  }
  const figures = lineFiguresFor(
    ctx,
    clinicId,
    month,
    lines.map((l) => l.drugId),
  );
  const rows = lines.map((l) => {
    const f = figures.get(l.drugId);
    if (!f) throw new AppError('NOT_FOUND', `没有找到药品（编号 ${l.drugId}）`);
    return { ...l, f };
  });
  const share = essentialShare(
    rows.map((r) => ({ drugId: r.drugId, essential: r.f.essential, amountFen: r.packs * r.f.priceFen })),
    shareLimits(db),
  );
  const outcome: WriteOutcome = !opts.submit ? 'draft' : share.over ? 'held' : 'approved';
  const now = ctx.now().toISOString();
  const id =
    head?.id ??
    Number(stmt(db, "INSERT INTO requisitions (clinic_id, month, status) VALUES (?, ?, 'draft')").run(clinicId, month).lastInsertRowid);
  stmt(db, 'DELETE FROM requisition_lines WHERE requisition_id = ?').run(id);
  const insert = stmt(
    db,
    `INSERT INTO requisition_lines (requisition_id, drug_id, packs, price_fen, essential, on_hand, used_3m, suggested, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows)
    insert.run(id, r.drugId, r.packs, r.f.priceFen, r.f.essential ? 1 : 0, r.f.onHand, r.f.used3m, r.f.suggested, r.note ?? '');
  stmt(
    db,
    `UPDATE requisitions SET status = @status, total_fen = @totalFen, outside_fen = @outsideFen, total_items = @totalItems,
       outside_items = @outsideItems, submitted_at = @submittedAt, submitted_by = @submittedBy,
       approved_at = @approvedAt, approved_by = @approvedBy, approval_reason = '' WHERE id = @id`,
  ).run({
    id,
    status: outcome,
    totalFen: share.totalFen,
    outsideFen: share.outsideFen,
    totalItems: share.totalItems,
    outsideItems: share.outsideItems,
    submittedAt: opts.submit ? now : null,
    submittedBy: opts.submit ? ctx.actor : '',
    approvedAt: outcome === 'approved' ? now : null,
    approvedBy: outcome === 'approved' ? AUTO_APPROVER : '',
  });
  audit(ctx, {
    action: head ? 'update' : 'create',
    entity: 'requisition',
    entityId: id,
    summary: `${opts.source ?? ''}${clinic.name} ${month} 药品请领单：${rows.length} 种，${outcomeLabels[outcome]}（${shareText(share)}）`,
    after: {
      status: outcome,
      lines: rows.map((r) => ({ drugId: r.drugId, packs: r.packs, priceFen: r.f.priceFen, essential: r.f.essential })),
    },
  });
  return outcome;
}

export function saveRequisition(
  ctx: ServiceContext,
  input: { clinicId: number; month: string; lines: LineWrite[]; submit: boolean },
): RequisitionDetail {
  ctx.db.transaction(() => writeRequisition(ctx, input.clinicId, input.month, input.lines, { submit: input.submit })).immediate();
  return getRequisition(ctx, input.clinicId, input.month);
}

function heldHead(ctx: ServiceContext, clinicId: number, month: string) {
  const clinic = clinicName(ctx.db, clinicId);
  const head = requisitionHead(ctx.db, clinicId, month);
  if (!head) throw new AppError('NOT_FOUND', `${clinic.name} 没有 ${month} 的请领单`);
  return { clinic, head };
}

/** D3: an over-share requisition approved with its reason, by a user with 'approve' (the dispatcher checks). */
export function approveRequisition(ctx: ServiceContext, input: { clinicId: number; month: string; reason: string }): RequisitionDetail {
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('VALIDATION', '请填写审批理由（为什么同意超出非基药份额）', { field: 'reason' });
  ctx.db
    .transaction(() => {
      const { clinic, head } = heldHead(ctx, input.clinicId, input.month);
      if (head.status !== 'held') {
        const now = head.status === 'approved' ? `已经批准（${head.approved_by}）` : '还是草稿，尚未提交';
        throw new AppError('CONFLICT', `${clinic.name} ${input.month} 的请领单${now}，不需要审批`);
      }
      stmt(ctx.db, "UPDATE requisitions SET status = 'approved', approved_at = ?, approved_by = ?, approval_reason = ? WHERE id = ?").run(
        ctx.now().toISOString(),
        ctx.actor,
        reason,
        head.id,
      );
      audit(ctx, {
        action: 'approve',
        entity: 'requisition',
        entityId: head.id,
        summary: `批准 ${clinic.name} ${input.month} 超出非基药份额的请领单（D3）：${reason}`,
        before: { status: 'held' },
        after: { status: 'approved', reason },
      });
    })
    .immediate();
  return getRequisition(ctx, input.clinicId, input.month);
}

/** Back to a draft for editing: refused once anything of it was delivered (or recorded short). */
export function reopenRequisition(ctx: ServiceContext, input: { clinicId: number; month: string }): RequisitionDetail {
  ctx.db
    .transaction(() => {
      const { clinic, head } = heldHead(ctx, input.clinicId, input.month);
      if (head.status === 'draft') return;
      if (requisitionDelivered(ctx.db, head)) {
        throw new AppError(
          'CONFLICT',
          `${clinic.name} ${input.month} 的请领单已经开始配送，不能撤回修改；缺的药品请下月请领或由卫生院补录采购计划`,
        );
      }
      stmt(
        ctx.db,
        "UPDATE requisitions SET status = 'draft', submitted_at = NULL, submitted_by = '', approved_at = NULL, approved_by = '', approval_reason = '' WHERE id = ?",
      ).run(head.id);
      audit(ctx, {
        action: 'reopen',
        entity: 'requisition',
        entityId: head.id,
        summary: `撤回 ${clinic.name} ${input.month} 的请领单为草稿（原为${head.status === 'held' ? '待审批' : `已批准，${head.approved_by}`}）`,
        before: { status: head.status, approvedBy: head.approved_by, reason: head.approval_reason },
        after: { status: 'draft' },
      });
    })
    .immediate();
  return getRequisition(ctx, input.clinicId, input.month);
}
