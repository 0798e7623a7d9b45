/**
 * A return's parameters on the command line: --as-of, --from/--to, --clinic (a clinic's name,
 * short name or code, or 卫生院本部), --stocktake (its number or title), --month (2026-11),
 * --quarter (2026Q3). Checked with the same
 * rules as the app's call (shared/schemas/app.ts returnParamProblems), each message naming
 * its option; names are looked up once the database is open.
 */
import { returnParamProblems, returnParams, type ReturnName, type ReturnParamValues } from '../../shared/schemas/app';
import { isoDate, isoMonth, isoQuarter } from '../../shared/schemas/common';
import { halfKey, parseHalf } from '../../shared/rules/half';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { findHolder } from '../domains/assets/import/lookups';
import { listStocktakes } from '../domains/assets/stocktakes';
import { makeContext } from '../db/context';
import type { ReturnKey } from '../app/returns';
import type { CliArgs } from './args';

const OPTION: Record<keyof ReturnParamValues, string> = {
  asOf: '--as-of',
  from: '--from',
  to: '--to',
  clinicId: '--clinic',
  stocktakeId: '--stocktake',
  month: '--month',
  quarter: '--quarter',
  half: '--half',
  poolYuan: '--pool',
  fundName: '--fund',
};

interface ReturnArgs {
  dates: Pick<ReturnParamValues, 'asOf' | 'from' | 'to' | 'month' | 'quarter' | 'half' | 'poolYuan' | 'fundName'>;
  clinic?: string;
  stocktake?: string;
}

function dateArg(args: CliArgs, option: string): string | undefined {
  const v = args.values[option];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !isoDate.safeParse(v).success)
    throw new AppError('BAD_REQUEST', `--${option} 应为有效日期，格式 年-月-日，如 2026-03-05（实际是“${String(v)}”）`);
  return v;
}

function periodArg(args: CliArgs, option: 'month' | 'quarter'): string | undefined {
  const v = args.values[option];
  if (v === undefined) return undefined;
  const ok = (option === 'month' ? isoMonth : isoQuarter).safeParse(typeof v === 'string' ? v.trim().toUpperCase() : v);
  if (!ok.success)
    throw new AppError(
      'BAD_REQUEST',
      option === 'month'
        ? `--month 应为 年-月，如 2026-11（实际是“${String(v)}”）`
        : `--quarter 应为 年Q季，如 2026Q3（实际是“${String(v)}”）`,
    );
  return ok.data;
}

/** P4: the re-check's half-year, 2026H2 (also 2026h2, 2026下半年). */
function halfArg(args: CliArgs): string | undefined {
  const v = args.values.half;
  if (v === undefined) return undefined;
  const h = typeof v === 'string' ? parseHalf(v) : null;
  if (!h) throw new AppError('BAD_REQUEST', `--half 应为 年H半，如 2026H2（下半年）（实际是“${String(v)}”）`);
  return halfKey(h);
}

function textArg(args: CliArgs, option: string): string | undefined {
  const v = args.values[option];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('BAD_REQUEST', `--${option} 不能为空`);
  return v.trim();
}

const isContractReturn = (name: string): name is ReturnName => Object.prototype.hasOwnProperty.call(returnParams, name);

/** Reads and checks the options before the database is opened. */
export function returnArgs(args: CliArgs, name: ReturnKey): ReturnArgs {
  const dates = {
    asOf: dateArg(args, 'as-of'),
    from: dateArg(args, 'from'),
    to: dateArg(args, 'to'),
    month: periodArg(args, 'month'),
    quarter: periodArg(args, 'quarter'),
    half: halfArg(args),
    // P7: the pool in 元 and the fund's name (report allocation --quarter Q --pool 元 [--fund 名称]).
    poolYuan: textArg(args, 'pool'),
    fundName: textArg(args, 'fund'),
  };
  const clinic = textArg(args, 'clinic');
  const stocktake = textArg(args, 'stocktake');
  if (isContractReturn(name)) {
    // Placeholders for what is looked up later: here only whether it was given counts.
    const problems = returnParamProblems(name, {
      ...dates,
      clinicId: clinic === undefined ? undefined : null,
      stocktakeId: stocktake === undefined ? undefined : 1,
    });
    if (problems.length > 0) throw new AppError('BAD_REQUEST', problems.map((p) => `${p.message}（${OPTION[p.path]}）`).join('；'));
  }
  return { dates, ...(clinic === undefined ? {} : { clinic }), ...(stocktake === undefined ? {} : { stocktake }) };
}

function stocktakeId(db: Db, written: string): number {
  // Oldest first, as the numbers were given.
  const all = listStocktakes(makeContext(db)).reverse();
  const found = /^\d+$/.test(written) ? all.find((s) => s.id === Number(written)) : all.find((s) => s.title === written);
  if (found) return found.id;
  const list = all.length === 0 ? '目前没有任何盘点' : `现有盘点：${all.map((s) => `${s.id}（${s.title}，${s.startedOn}）`).join('、')}`;
  throw new AppError('NOT_FOUND', `没有编号或名称为“${written}”的盘点（--stocktake）。${list}`);
}

/** The parameters with the clinic and the stocktake found in the database. */
export function resolveReturnArgs(db: Db, a: ReturnArgs): ReturnParamValues {
  const out: ReturnParamValues = Object.fromEntries(Object.entries(a.dates).filter(([, v]) => v !== undefined));
  if (a.clinic !== undefined) {
    const holder = findHolder(db, a.clinic);
    if (!holder.ok) throw new AppError('NOT_FOUND', `${holder.message}（--clinic）`);
    out.clinicId = holder.id;
  }
  if (a.stocktake !== undefined) out.stocktakeId = stocktakeId(db, a.stocktake);
  return out;
}
