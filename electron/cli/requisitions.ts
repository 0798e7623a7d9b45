/**
 * CLI commands of the monthly requisitions (D1, D3):
 *   requisition list --db DB --month YYYY-MM [--format json]
 *   requisition approve --db DB --month YYYY-MM --clinic 卫生室 --reason 理由
 *   requisition reopen --db DB --month YYYY-MM --clinic 卫生室
 *   purchase upload --db DB --month YYYY-MM --out FILE.xlsx   the platform upload file (setting purchasePlanColumns)
 *   purchase show --db DB --month YYYY-MM [--format json]     the month's purchase plan
 * `approve` is the reviewer's decision on a requisition held over the non-essential share; it
 * is refused in Chinese when there is no such requisition, it is not held, or no reason is
 * given, and then changes nothing. The clinic is named as clerks write it (clinics/lookup.ts).
 */
import fs from 'node:fs';
import { isoMonth } from '../../shared/schemas/common';
import { requisitionStatusLabels } from '../../shared/schemas/requisitions';
import { fenToYuan } from '../../shared/format';
import { makeContext } from '../db/context';
import { AppError } from '../db/errors';
import { purchasePlan } from '../domains/drugs/purchase/plan';
import { purchaseUploadBuffer } from '../domains/drugs/purchase/upload';
import path from 'node:path';
import { listRequisitions } from '../domains/drugs/requisitions/read';
import { approveRequisition, reopenRequisition } from '../domains/drugs/requisitions/write';
import { cliActor } from './actor';
import { requireString, type CliArgs } from './args';
import { clinicOf, withDb } from './db';

export const requisitionUsage = [
  'requisition list --db FILE --month 年-月 [--format json]             药品请领单一览',
  'requisition approve --db FILE --month 年-月 --clinic 卫生室 --reason 理由   审批超出非基药份额的请领单（D3）',
  'requisition reopen --db FILE --month 年-月 --clinic 卫生室          撤回请领单为草稿（未配送时）',
];

function monthOf(args: CliArgs): string {
  const v = requireString(args, 'month', '请领月份，如 --month 2026-11');
  const parsed = isoMonth.safeParse(v.trim());
  if (!parsed.success) throw new AppError('BAD_REQUEST', `--month 应为 年-月，如 2026-11（实际是“${v}”）`);
  return parsed.data;
}

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

export async function cmdRequisition(args: CliArgs): Promise<string> {
  const [action] = args.positionals;
  if (action === 'list') {
    const month = monthOf(args);
    const json = args.values.format === 'json';
    if (args.values.format !== undefined && !json) throw new AppError('BAD_REQUEST', '目前只支持 --format json');
    return withDb(args, (db) => {
      const rows = listRequisitions(db, month);
      if (json) return JSON.stringify({ month, rows }, null, 2);
      return [
        `${month} 药品请领单（${rows.length} 个村卫生室）：`,
        ...rows.map(
          (r) =>
            `  ${r.clinicName}：${requisitionStatusLabels[r.status]}${r.status === 'none' ? '' : `，${r.lines} 种，${fenToYuan(r.totalFen)}，非基药金额 ${pct(r.valuePercent)}、品种 ${pct(r.itemPercent)}${r.over ? '（超出份额）' : ''}${r.approvedBy ? `，审批：${r.approvedBy}` : ''}`}`,
        ),
      ].join('\n');
    });
  }
  if (action === 'approve' || action === 'reopen') {
    const month = monthOf(args);
    const reason = action === 'approve' ? String(args.values.reason ?? '') : '';
    if (action === 'approve' && reason.trim() === '') {
      throw new AppError('BAD_REQUEST', '缺少 --reason（审批理由：为什么同意超出非基药份额）');
    }
    return withDb(args, (db) => {
      const ctx = makeContext(db, cliActor());
      const clinicId = clinicOf(db, args);
      const r = action === 'approve' ? approveRequisition(ctx, { clinicId, month, reason }) : reopenRequisition(ctx, { clinicId, month });
      return action === 'approve'
        ? `已批准 ${r.clinicName} ${month} 的请领单（${r.lines.length} 种，${fenToYuan(r.share.totalFen)}）：${r.approvalReason}`
        : `已撤回 ${r.clinicName} ${month} 的请领单为草稿`;
    });
  }
  throw new AppError('BAD_REQUEST', `请指明 requisition 的操作：\n  ${requisitionUsage.join('\n  ')}`);
}

export const purchaseUsage = [
  'purchase show --db FILE --month 年-月 [--format json]                采购计划（已批准请领单汇总加卫生院自购）',
  'purchase upload --db FILE --month 年-月 --out FILE.xlsx              导出平台上传文件（列顺序见设置）',
];

export async function cmdPurchase(args: CliArgs): Promise<string> {
  const [action] = args.positionals;
  if (action === 'show') {
    const month = monthOf(args);
    return withDb(args, (db) => {
      const plan = purchasePlan(makeContext(db, cliActor()), month);
      if (args.values.format === 'json') return JSON.stringify(plan, null, 2);
      return [
        `${month} 采购计划：${plan.totals.drugs} 种，${plan.totals.packs} 个包装，${fenToYuan(plan.totals.amountFen)}（已批准请领单 ${plan.totals.clinics} 份）`,
        ...plan.rows.map((r) => `  ${r.platformCode} ${r.genericName} ${r.spec}：${r.packs} ${r.packUnit}，${fenToYuan(r.amountFen)}`),
        ...(plan.held.length ? [`未计入（待审批）：${plan.held.join('、')}`] : []),
        ...(plan.drafts.length ? [`未计入（草稿）：${plan.drafts.join('、')}`] : []),
      ].join('\n');
    });
  }
  if (action === 'upload') {
    const month = monthOf(args);
    const out = requireString(args, 'out', '导出的 .xlsx 文件');
    if (!out.toLowerCase().endsWith('.xlsx')) throw new AppError('BAD_REQUEST', '--out 的文件名应以 .xlsx 结尾');
    if (fs.existsSync(out)) throw new AppError('CONFLICT', `${out} 已存在，请换一个文件名，以免覆盖`);
    return withDb(args, async (db) => {
      const { buffer, rowCount } = await purchaseUploadBuffer(makeContext(db, cliActor()), month);
      fs.writeFileSync(out, buffer);
      return `已导出 ${month} 采购计划上传文件到 ${path.resolve(out)}（${rowCount} 种药品）`;
    });
  }
  throw new AppError('BAD_REQUEST', `请指明 purchase 的操作：\n  ${purchaseUsage.join('\n  ')}`);
}
