/**
 * Importing requisitions (`import requisitions FILE --month M`, the 导入 page with its month):
 * either one sheet of rows naming their clinic, or one sheet per clinic named after it. Each
 * sheet's rows are read and checked by the framework with the line kind; here they are gathered
 * per clinic — the same drug twice for one clinic is an error naming both rows — and each
 * clinic's requisition of the month is created or replaced and submitted as on the form (D3:
 * within the share approved by D3 自动, over it held for approval). A clinic whose requisition is
 * approved and already being delivered is an error of its rows. All clinics or none.
 */
import { essentialShare } from '../../../../../shared/rules/essentialShare';
import { todayIso, yuanText } from '../../../../../shared/format';
import { requisitionStatusLabels } from '../../../../../shared/schemas/requisitions';
import type { ServiceContext } from '../../../../db/context';
import { makeContext } from '../../../../db/context';
import { audit } from '../../../../db/audit';
import { AppError } from '../../../../db/errors';
import type { Db } from '../../../../db/open';
import { describeErrors, type ImportResult } from '../../../../excel/import/commit';
import { findHeader } from '../../../../excel/import/headers';
import { planImport } from '../../../../excel/import/plan';
import type { ImportSource, SheetGrid } from '../../../../excel/import/read';
import type { ImportPreview, PlannedRow } from '../../../../excel/import/types';
import { lookupClinic } from '../../../clinics/lookup';
import { drugsOnFirst } from '../figures';
import { requisitionDelivered, requisitionHead, shareLimits } from '../read';
import { writeRequisition } from '../write';
import { requisitionFields } from './fields';
import { requisitionLineKind, type ImportLine, type SheetClinic } from './lineKind';
import { readAllSheets } from './sheets';

const TITLE = '药品请领单';

export interface ClinicPlan {
  clinicId: number;
  clinicName: string;
  lines: { drugId: number; packs: number; note: string }[];
}

interface Located {
  sheet: string;
  row: number;
  line: ImportLine & { clinicId: number; drugId: number };
}

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);

/** The clinic a sheet is named after (张庄村, 张庄卫生室 …), or why not. */
function sheetClinicOf(db: Db, name: string, memo: Map<string, unknown>): SheetClinic | string {
  const found = lookupClinic(db, name, memo);
  if (found.ok && found.clinic.status === 'open') return { id: found.clinic.id, name: found.clinic.name };
  if (found.ok) return `工作表“${name}”是已撤销的“${found.clinic.name}”，不能再请领药品`;
  return `工作表“${name}”没有“村卫生室”列，表名也不是卫生室的名称：请加一列“村卫生室”，或把工作表改名为卫生室的名称`;
}

export function planRequisitionWorkbook(db: Db, grids: readonly SheetGrid[], month: string, today: string): ImportPreview<ClinicPlan> {
  const many = grids.length > 1;
  const at = (sheet: string) => (many ? `工作表“${sheet}”` : '');
  const out: ImportPreview<ClinicPlan> = {
    kind: 'requisitions',
    title: TITLE,
    sheetName: grids.map((g) => g.sheetName).join('、'),
    headerRow: 0,
    columns: [],
    unknownColumns: [],
    create: [],
    update: [],
    unchanged: [],
    errors: [],
    skippedRows: 0,
    notices: [],
  };
  const memo = new Map<string, unknown>();
  const located: Located[] = [];
  for (const grid of grids) {
    let header;
    try {
      header = findHeader(grid.rows, requisitionFields, TITLE);
    } catch (e) {
      if (!many || !(e instanceof AppError)) throw e;
      out.notices.push(`${at(grid.sheetName)}不是请领单（${e.message.replace(/。未导入任何数据$/, '')}），未读取`);
      continue;
    }
    let sheetClinic: SheetClinic | undefined;
    if (!header.columns.some((c) => c.field === 'clinic')) {
      const c = sheetClinicOf(db, grid.sheetName, memo);
      if (typeof c === 'string') {
        out.errors.push({ row: header.row, columns: [], message: c });
        continue;
      }
      sheetClinic = c;
    }
    const p = planImport(db, requisitionLineKind({ month }, sheetClinic), grid, today);
    if (out.headerRow === 0) Object.assign(out, { headerRow: p.headerRow, columns: p.columns });
    out.unknownColumns.push(...p.unknownColumns.filter((u) => !out.unknownColumns.some((k) => k.header === u.header)));
    out.skippedRows += p.skippedRows;
    for (const e of p.errors) {
      const err = { ...e, message: `${at(grid.sheetName)}${e.message}` };
      out.errors.push(err);
    }
    for (const r of [...p.create, ...p.update, ...p.unchanged]) {
      const { clinicId, drugId } = r.values;
      if (clinicId !== undefined && drugId !== undefined)
        located.push({ sheet: grid.sheetName, row: r.row, line: { ...r.values, clinicId, drugId } });
    }
  }
  gather(db, month, located, out, at);
  return out;
}

function gather(db: Db, month: string, located: Located[], out: ImportPreview<ClinicPlan>, at: (s: string) => string): void {
  const ctx = makeContext(db, '导入');
  const limits = shareLimits(db);
  const byClinic = new Map<number, Located[]>();
  for (const l of located) {
    const list = byClinic.get(l.line.clinicId) ?? [];
    const same = list.find((x) => x.line.drugId === l.line.drugId);
    if (same) {
      out.errors.push({
        row: l.row,
        columns: [],
        message: `${at(l.sheet)}第 ${l.row} 行：${l.line.drugLabel} 与${at(same.sheet)}第 ${same.row} 行是同一种药品（${l.line.clinicName}），请合并为一行`,
      });
      continue;
    }
    list.push(l);
    byClinic.set(l.line.clinicId, list);
  }
  for (const [clinicId, rows] of byClinic) {
    const first = rows[0] as Located;
    const name = first.line.clinicName;
    const head = requisitionHead(db, clinicId, month);
    if (head?.status === 'approved' && requisitionDelivered(db, head)) {
      for (const r of rows)
        out.errors.push({
          row: r.row,
          columns: [],
          message: `${at(r.sheet)}第 ${r.row} 行：${name} ${month} 的请领单已批准并开始配送，不能再导入替换`,
        });
      continue;
    }
    const drugs = drugsOnFirst(
      ctx,
      month,
      rows.map((r) => r.line.drugId),
    );
    const share = essentialShare(
      rows.map((r) => ({
        drugId: r.line.drugId,
        essential: drugs.get(r.line.drugId)?.essential ?? false,
        amountFen: r.line.packs * (drugs.get(r.line.drugId)?.priceFen ?? 0),
      })),
      limits,
    );
    const plan: PlannedRow<ClinicPlan> = {
      row: first.row,
      label: `${at(first.sheet)}${name}：${rows.length} 种，${yuanText(share.totalFen)}`,
      values: { clinicId, clinicName: name, lines: rows.map((r) => ({ drugId: r.line.drugId, packs: r.line.packs, note: r.line.note })) },
      existingId: head?.id ?? null,
      changes: [
        head ? `替换原请领单（${requisitionStatusLabels[head.status]}）` : '新建',
        share.over ? '超出份额待审批' : '份额内自动批准',
        `非基药金额 ${pct(share.valueShare)}、品种 ${share.outsideItems}/${share.totalItems}`,
      ],
    };
    (head ? out.update : out.create).push(plan);
    out.notices.push(`${name}：${plan.changes.join('，')}`);
  }
  out.errors.sort((a, b) => a.row - b.row);
}

export async function previewRequisitionWorkbook(
  ctx: ServiceContext,
  source: ImportSource,
  month: string,
  sheet?: string,
): Promise<ImportPreview<ClinicPlan>> {
  const grids = await readAllSheets(source, sheet);
  return planRequisitionWorkbook(ctx.db, grids, month, todayIso(ctx.now()));
}

/** Plans again inside the write transaction and writes every clinic's requisition, or nothing. */
export async function importRequisitionWorkbook(
  ctx: ServiceContext,
  source: ImportSource,
  month: string,
  opts: { dryRun?: boolean; sheet?: string } = {},
): Promise<ImportResult<ClinicPlan>> {
  const grids = await readAllSheets(source, opts.sheet);
  const today = todayIso(ctx.now());
  if (opts.dryRun) return { preview: planRequisitionWorkbook(ctx.db, grids, month, today), created: 0, updated: 0 };
  const file = grids[0]?.source ?? '';
  return ctx.db
    .transaction(() => {
      const preview = planRequisitionWorkbook(ctx.db, grids, month, today);
      if (preview.errors.length > 0) {
        throw new AppError(
          'VALIDATION',
          `${TITLE}中有 ${preview.errors.length} 行有错误，未导入任何数据。请改正后重新导入：\n${describeErrors(preview.errors)}`,
          { row: preview.errors[0]?.row },
        );
      }
      const plans = [...preview.create, ...preview.update];
      for (const p of plans)
        writeRequisition(ctx, p.values.clinicId, month, p.values.lines, { submit: true, replaceApproved: true, source: `导入“${file}”：` });
      if (plans.length > 0) {
        audit(ctx, {
          action: 'import',
          entity: 'requisition',
          summary: `从“${file}”导入 ${month} 药品请领单：新建 ${preview.create.length} 份，替换 ${preview.update.length} 份`,
          after: { clinics: preview.notices },
        });
      }
      return { preview, created: preview.create.length, updated: preview.update.length };
    })
    .immediate();
}
