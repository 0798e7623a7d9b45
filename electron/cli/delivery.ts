/**
 * `deliver --db DB --month YYYY-MM --date YYYY-MM-DD [--dry-run] [--format json]`: the month's
 * approved requisition lines served FEFO from the center's store on that day (issue 10 part 5,
 * D9, D4), as the 配送 page's 确认配送 does — one transaction; a dry run prints the plan only.
 */
import { fenToAmount } from '../../shared/format';
import { isoDate, isoMonth } from '../../shared/schemas/common';
import type { DeliveryPlan } from '../../shared/schemas/deliveries';
import { makeContext } from '../db/context';
import { AppError } from '../db/errors';
import { computePlan } from '../domains/drugs/delivery/plan';
import { runDelivery } from '../domains/drugs/delivery/run';
import { cliActor } from './actor';
import { requireString, type CliArgs } from './args';
import { withDb } from './db';

export const deliverUsage = 'deliver --db FILE --month 年-月 --date 年-月-日 [--dry-run]     按先到期先出配送当月已批准的需求计划';

function option(args: CliArgs, name: 'month' | 'date'): string {
  const example = name === 'month' ? '2026-12' : '2026-12-05';
  const what = name === 'month' ? '需求计划的月份' : '配送日期';
  const v = requireString(args, name, `${what}，如 --${name} ${example}`);
  const parsed = (name === 'month' ? isoMonth : isoDate).safeParse(v);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `--${name} 应为${what}，如 ${example}，实际是“${v}”`);
  return parsed.data;
}

function describePlan(p: DeliveryPlan, dryRun: boolean): string {
  const lines = [`${p.month} 需求计划，配送日期 ${p.deliveredOn}${dryRun ? '（预览，未写入）' : ''}：`];
  for (const c of p.clinics) {
    lines.push(
      `  ${c.clinicName}：配送 ${c.servedPacks} 个包装，金额 ${fenToAmount(c.amountFen)} 元${c.shortPacks ? `，短缺 ${c.shortPacks} 个包装` : ''}`,
    );
    for (const l of c.lines.filter((x) => x.shortPacks > 0))
      lines.push(`    短缺：${l.genericName} ${l.spec} ${l.shortPacks} ${l.packUnit || '个包装'}（${l.shortReason}）`);
  }
  lines.push(
    `合计：${p.clinics.length} 个卫生室，配送 ${p.servedPacks} 个包装，金额 ${fenToAmount(p.amountFen)} 元，短缺 ${p.shortPacks} 个包装`,
  );
  if (p.notApproved > 0) lines.push(`另有 ${p.notApproved} 份需求计划待审批或未提交，批准后才能配送`);
  return lines.join('\n');
}

export async function cmdDeliver(args: CliArgs): Promise<string> {
  const month = option(args, 'month');
  const date = option(args, 'date');
  const json = args.values.format === 'json';
  if (args.values.format !== undefined && !json)
    throw new AppError('BAD_REQUEST', `不支持的输出格式“${String(args.values.format)}”，目前只支持 --format json`);
  return withDb(args, (db) => {
    if (args.values['dry-run']) {
      const { plan } = computePlan(db, month, date);
      return json ? JSON.stringify({ dryRun: true, plan }, null, 2) : describePlan(plan, true);
    }
    const out = runDelivery(makeContext(db, cliActor()), month, date);
    return json
      ? JSON.stringify({ dryRun: false, ...out }, null, 2)
      : `${describePlan(out.plan, false)}\n已配送：${out.deliveryIds.length} 张配送单，登记短缺 ${out.shortages} 项`;
  });
}
