/**
 * CLI commands of the assessment's sign-off and its corrections (P4), on the app's own services:
 *   quarter lock --db DB --quarter 2026Q3 [--note 说明]
 *   correct --db DB --clinic 卫生室 --month YYYY-MM --reason 理由
 *           [--item 序号或考核内容 (--score 分 | --veto 是/否) [--note 扣分说明]] [--date YYYY-MM-DD]
 * `quarter lock` is `quarters.lock` (lockQuarter: an ended quarter with no 草稿 left; audited;
 * the app has no unlock, so neither has the command line). `correct` is `visits.correct`
 * (correctVisit: one reason, one `corrections` row per changed field, the total recomputed,
 * audited), so a locked visit changes from here exactly as it does on the form: with the same
 * refusals in Chinese, naming the option, and nothing written when refused. The item is named
 * as the county's sheets and the score import name it (序号 or content, never by similarity).
 */
import type { z } from 'zod';
import { correctionInput, type CorrectionRow } from '../../shared/schemas/corrections';
import { isoMonth } from '../../shared/schemas/common';
import { quarterLockInput } from '../../shared/schemas/visits';
import { monthLabel, parseQuarter, quarterKey, quarterLabel } from '../../shared/rules/quarter';
import { formatTenths, parsePointsToTenths } from '../../shared/rules/scoring';
import { zodToError } from '../app/zodIssues';
import { makeContext } from '../db/context';
import { AppError } from '../db/errors';
import { correctVisit } from '../domains/supervision/corrections/apply';
import { listCorrections } from '../domains/supervision/corrections/list';
import { lockQuarter } from '../domains/supervision/quarters/lock';
import { getVisitForm, visitHead } from '../domains/supervision/visits/read';
import { matchItem } from '../domains/supervision/visits/import/itemMatch';
import { cliActor } from './actor';
import { requireString, type CliArgs } from './args';
import { clinicOf, withDb } from './db';

export const quarterUsage = ['quarter lock --db FILE --quarter 2026Q3 [--note 说明]           锁定季度考核结果（P4，锁定后只能更正）'];

export const correctUsage = [
  'correct --db FILE --clinic 卫生室 --month 年-月 --reason 更正原因 --item 序号 --score 分   更正已锁定季度的督导得分（P4）',
  '        [--veto 是|否（一票否决项）] [--note 扣分说明] [--date 督导日期]',
];

/** The command line's names for the contract's fields, so a refusal names what was typed. */
const optionOf: Record<string, string> = {
  reason: '--reason',
  month: '--month',
  visitedOn: '--date',
  scores: '--item',
  scoreTenths: '--score',
  note: '--note',
  quarter: '--quarter',
};

/** A zod refusal as the app words it (zodIssues.ts), prefixed with the option it concerns. */
function refusal(e: z.ZodError): AppError {
  const body = zodToError(e);
  const leaf = (body.field ?? '')
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .pop();
  const option = leaf ? optionOf[leaf] : undefined;
  return new AppError('VALIDATION', option ? `${option}：${body.message}` : body.message, { field: body.field });
}

function optional(args: CliArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export async function cmdQuarter(args: CliArgs): Promise<string> {
  const [action] = args.positionals;
  if (action !== 'lock') throw new AppError('BAD_REQUEST', `请指明 quarter 的操作：\n  ${quarterUsage.join('\n  ')}`);
  const written = requireString(args, 'quarter', '要锁定的季度，如 --quarter 2026Q3');
  const q = parseQuarter(written);
  if (!q) throw new AppError('BAD_REQUEST', `--quarter 应为 年Q季，如 2026Q3（实际是“${written}”）`);
  const parsed = quarterLockInput.safeParse({ quarter: quarterKey(q), note: optional(args, 'note') ?? '' });
  if (!parsed.success) throw refusal(parsed.error);
  return withDb(args, (db) => {
    const r = lockQuarter(makeContext(db, cliActor()), parsed.data.quarter, parsed.data.note);
    const assessed = r.rows.filter((x) => x.passed !== null);
    const failed = assessed.filter((x) => x.passed === false);
    return [
      `已锁定${quarterLabel(q)}考核结果：${r.rows.length} 个村卫生室，合格 ${assessed.length - failed.length} 个，不合格 ${failed.length} 个，未考核 ${r.rows.length - assessed.length} 个`,
      ...failed.map((x) => `  不合格：${x.clinicName} ${formatTenths(x.scoreTenths ?? 0)} 分`),
      '锁定后督导记录只能更正（correct 命令或程序中的“更正…”），每次更正都要填写原因并留下记录',
    ].join('\n');
  });
}

function monthOf(args: CliArgs): string {
  return requireString(args, 'month', '督导月份，如 --month 2026-09').trim();
}

/** `--veto 是/否`: a veto item is ticked or not; anything else is named. */
function vetoOf(raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['是', '否决', 'yes', 'y', 'true', '1'].includes(v)) return true;
  if (['否', '不否决', 'no', 'n', 'false', '0'].includes(v)) return false;
  throw new AppError('BAD_REQUEST', `--veto 应为“是”或“否”（实际是“${raw}”）`);
}

function describeRow(c: CorrectionRow): string {
  return `  ${c.label}：${c.oldText || '（空）'} → ${c.newText || '（空）'}`;
}

export async function cmdCorrect(args: CliArgs): Promise<string> {
  if (args.positionals.length > 0)
    throw new AppError('BAD_REQUEST', `correct 不需要“${args.positionals.join(' ')}”：\n  ${correctUsage.join('\n  ')}`);
  const month = monthOf(args);
  const itemWritten = optional(args, 'item');
  const scoreWritten = optional(args, 'score');
  const vetoWritten = optional(args, 'veto');
  const date = optional(args, 'date');
  if (itemWritten === undefined && (scoreWritten !== undefined || vetoWritten !== undefined || args.values.note !== undefined))
    throw new AppError('BAD_REQUEST', '缺少 --item（要更正的考核项目：序号或考核内容）');
  if (itemWritten === undefined && date === undefined)
    throw new AppError('BAD_REQUEST', `请说明要更正什么：--item 与 --score（或 --veto），或 --date。\n  ${correctUsage.join('\n  ')}`);
  if (itemWritten !== undefined && scoreWritten === undefined && vetoWritten === undefined && args.values.note === undefined)
    throw new AppError('BAD_REQUEST', `缺少 --score（“${itemWritten}”更正后的得分，如 --score 8.5）`);
  return withDb(args, (db) => {
    const clinicId = clinicOf(db, args);
    const request: Record<string, unknown> = { clinicId, month, reason: optional(args, 'reason') ?? '' };
    if (date !== undefined) request.visitedOn = date.trim();
    // The visit as stored: the item's row is sent in full (score, veto, note), as the app's form sends it.
    // Without a visit, correctVisit itself refuses (没有督导记录), naming the clinic and month.
    const form = isoMonth.safeParse(month).success && visitHead(db, clinicId, month) ? getVisitForm(db, clinicId, month) : null;
    if (itemWritten !== undefined && form) {
      const found = matchItem(form.items, itemWritten, itemWritten);
      if (!found.ok) throw new AppError('VALIDATION', `--item：${found.message}`, { field: 'scores.0' });
      const item = found.item;
      const stored = form.visit?.scores.find((s) => s.itemId === item.id);
      let scoreTenths = stored?.scoreTenths ?? null;
      let vetoed = stored?.vetoed ?? false;
      if (scoreWritten !== undefined) {
        const t = parsePointsToTenths(scoreWritten);
        if (t === null)
          throw new AppError('VALIDATION', `--score 应为分数，最多一位小数，如 8.5（实际是“${scoreWritten}”）`, { field: 'scores.0' });
        scoreTenths = t;
      }
      if (vetoWritten !== undefined) vetoed = vetoOf(vetoWritten);
      const note = optional(args, 'note') ?? stored?.note ?? '';
      request.scores = [{ itemId: item.id, scoreTenths, vetoed, note }];
    }
    const parsed = correctionInput.safeParse(request);
    if (!parsed.success) throw refusal(parsed.error);
    const before = new Set(listCorrections(db, { month, clinicId }).map((c) => c.id));
    const out = correctVisit(makeContext(db, cliActor()), parsed.data);
    const made = out.corrections.filter((c) => !before.has(c.id));
    return [
      `已更正 ${out.form.clinic.name} ${monthLabel(month)}督导记录 ${made.length} 处（原记录保留在更正记录中）：`,
      ...made.map(describeRow),
      `更正原因：${parsed.data.reason}`,
    ].join('\n');
  });
}
