/**
 * CLI commands on workbooks:
 *   import <类别> FILE --db DB [--dry-run] [--format json] [--month YYYY-MM]
 *   export <return|villages|clinics|audit> --db DB --out FILE.xlsx [--as-of DATE] [--from DATE --to DATE] [--clinic 名称] [--stocktake 盘点]
 *   report <return> --db DB [the same options] [--format json]
 * A return's options are checked by the rules of the app's call (returnArgs.ts).
 * A bad import row makes the command fail (exit 1, errors on stderr) with nothing written; a
 * dry run prints the same preview, errors included, and never writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { auditView, clinicView, villageView, type ViewDef } from '../../shared/views';
import { makeContext } from '../db/context';
import { cliActor } from './actor';
import { todayIso } from '../../shared/format';
import { isoMonth } from '../../shared/schemas/common';
import { importKindOptions, type ImportKindName } from '../../shared/schemas/import';
import { AppError } from '../db/errors';
import { iterateList, type ListSource } from '../db/listQuery';
import { writeCountyWorkbookFile } from '../excel/countyWorkbook';
import { viewSheet } from '../excel/exportView';
import { reportingUnit } from '../domains/settings/service';
import { importKinds, importWorkbook, isImportKind } from '../app/importKinds';
import { describePreview } from '../excel/import/describe';
import { allReturns, buildReport, isReturnName, writeReturnFile } from '../app/returns';
import { auditSelect, auditSource, mapAudit } from '../domains/audit/service';
import { clinicSelect, clinicSource, mapClinic } from '../domains/clinics/service';
import { mapVillage, villageSelect, villageSource } from '../domains/villages/service';
import { withDb } from './db';
import { requireString, type CliArgs } from './args';
import { resolveReturnArgs, returnArgs } from './returnArgs';
import { cmdImportDrugs, cmdImportEssentialList } from './drugs';
import { cmdImportTemplate } from './templates';

const ACTOR = cliActor();

interface ListExport {
  view: ViewDef;
  source: ListSource;
  select: string;
  map: (r: Record<string, unknown>) => object;
}

const lists: Record<string, ListExport> = {
  villages: { view: villageView, source: villageSource, select: villageSelect, map: mapVillage },
  clinics: { view: clinicView, source: clinicSource, select: clinicSelect, map: mapClinic },
  audit: { view: auditView, source: auditSource, select: auditSelect, map: mapAudit },
};

function jsonFormat(args: CliArgs): boolean {
  const f = args.values.format;
  if (f === undefined) return false;
  if (f !== 'json') throw new AppError('BAD_REQUEST', `不支持的输出格式“${String(f)}”，目前只支持 --format json`);
  return true;
}

/** `--month YYYY-MM`, checked before the database is opened. */
function monthOption(args: CliArgs): string | undefined {
  const v = args.values.month;
  if (v === undefined) return undefined;
  const parsed = isoMonth.safeParse(v);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `--month 应为 年-月，如 2026-11（实际是“${String(v)}”）`);
  return parsed.data;
}

export async function cmdImport(args: CliArgs): Promise<string> {
  const [kind, file] = args.positionals;
  if (file && kind === 'template') return withDb(args, (db) => cmdImportTemplate(db, ACTOR, args, file, jsonFormat(args)));
  if (file && (kind === 'drugs' || kind === 'essential-list')) {
    const json = jsonFormat(args);
    return withDb(args, (db) => (kind === 'drugs' ? cmdImportDrugs : cmdImportEssentialList)(db, ACTOR, args, file, json));
  }
  if (!kind || !isImportKind(kind)) throw new AppError('BAD_REQUEST', `请指明要导入的类别。\n${importHelp()}`);
  if (!file) throw new AppError('BAD_REQUEST', '请给出要导入的 Excel 文件，例如：import villages 行政村.xlsx --db township.sqlite');
  const dryRun = Boolean(args.values['dry-run']);
  const json = jsonFormat(args);
  return withDb(args, async (db) => {
    // --sheet takes effect once cli/args.ts declares it; until then parseArgs refuses it.
    const sheet = typeof args.values.sheet === 'string' ? args.values.sheet : undefined;
    const month = monthOption(args);
    const result = await importWorkbook(makeContext(db, ACTOR), kind, { file }, { dryRun, sheet, ...(month ? { month } : {}) });
    if (json) return JSON.stringify({ dryRun, ...result }, null, 2);
    const text = describePreview(result.preview, dryRun);
    return dryRun ? text : `${text}\n已导入：新增 ${result.created} 个，更新 ${result.updated} 个${importKinds[kind].title}`;
  });
}

function checkOut(args: CliArgs): string {
  const out = requireString(args, 'out', '导出的 .xlsx 文件');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new AppError('BAD_REQUEST', '--out 的文件名应以 .xlsx 结尾');
  if (fs.existsSync(out)) throw new AppError('CONFLICT', `${out} 已存在，请换一个文件名，以免覆盖`);
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new AppError('NOT_FOUND', `文件夹 ${path.dirname(path.resolve(out))} 不存在`);
  return out;
}

const RETURN_ONLY = ['as-of', 'from', 'to', 'clinic', 'stocktake', 'month', 'quarter', 'half'] as const;

export async function cmdExport(args: CliArgs): Promise<string> {
  const [name] = args.positionals;
  if (!name || !(isReturnName(name) || name in lists)) throw new AppError('BAD_REQUEST', `请指明要导出的报表或名册。\n${exportHelp()}`);
  const given = RETURN_ONLY.find((o) => args.values[o] !== undefined);
  if (!isReturnName(name) && given) throw new AppError('BAD_REQUEST', `名册导出的是当前数据，不能指定 --${given}`);
  const request = isReturnName(name) ? returnArgs(args, name) : undefined;
  const out = checkOut(args);
  return withDb(args, async (db) => {
    if (isReturnName(name) && request) {
      const report = await writeReturnFile(makeContext(db, ACTOR), name, out, resolveReturnArgs(db, request));
      const rows = report.tables.map((t) => `${t.sheetName} ${t.rows.length} 行`).join('，');
      const when = report.period
        ? `，${report.period.split('\u3000')[0] ?? ''}`
        : report.asOf === report.date
          ? ''
          : `，统计日期 ${report.asOf}`;
      return `已导出“${report.title}”到 ${path.resolve(out)}（${rows}${when}）`;
    }
    const list = lists[name] as ListExport;
    const rows = Array.from(iterateList(db, list.source, list.select, {}, { asOf: todayIso() }), list.map);
    const [count] = await writeCountyWorkbookFile(out, [viewSheet(reportingUnit(db), list.view, rows)]);
    return `已导出“${list.view.title}”到 ${path.resolve(out)}（${count ?? 0} 行）`;
  });
}

export async function cmdReport(args: CliArgs): Promise<string> {
  const [name] = args.positionals;
  if (!name || !isReturnName(name)) throw new AppError('BAD_REQUEST', `请指明报表。\n${exportHelp()}`);
  jsonFormat(args);
  const request = returnArgs(args, name);
  return withDb(args, async (db) => JSON.stringify(buildReport(makeContext(db, ACTOR), name, resolveReturnArgs(db, request)), null, 2));
}

export function importHelp(): string {
  const kinds = Object.entries(importKinds).map(([name, k]) => {
    const month = importKindOptions[name as ImportKindName]?.includes('month') ? '；须加 --month 年-月' : '';
    return `  ${name.padEnd(14)}${k.title}：${k.fields.map((f) => `${f.label}${f.requiredColumn ? '*' : ''}`).join('、')}${month}`;
  });
  return [
    '可导入的类别（import <类别> FILE）：',
    ...kinds,
    '  （* 为必需的列；列的顺序不限，常见的别名也能识别；已有的村按村名、卫生室按机构编码、人员按身份证号更新，资产按原资产编号匹配、不会重复入账）',
    '  essential-list 基本药物目录（一个版本）：序号、品种名称*、剂型*、规格，分节行照录；须加 --effective 执行日期，可加 --name 目录名称',
    '  template       考核细则（一个版本）：序号、考核项目、考核内容*、分值（或写在项目、内容末尾的“（N分）”）、考核方法、评分标准；可加 --effective 年-月（默认本月）、--name 细则名称',
    '  药品目录的价格变化另记一条价格记录，自导入之日（或 --effective 日期）起执行，不覆盖旧价。',
    '  资产的原值可写作 12300、12,300.00、¥12,300.00、1.23万；已入账资产的原值和所在单位只能在程序中登记原值变动或调拨。',
    '  先加 --dry-run 预览：列出将新增、更新的行和有错误的行，不写入任何数据；',
    '  正式导入时只要有一行有错误，就整批拒绝，不写入任何数据。加 --format json 输出 JSON。',
  ].join('\n');
}

const PARAM_HELP = {
  asOf: '可加 --as-of 年-月-日，默认今天',
  period: '须加 --from 年-月-日 --to 年-月-日',
  clinic: '可加 --clinic 卫生室名称或机构编码（“卫生院本部”为本部），默认全乡镇',
  stocktake: '须加 --stocktake 盘点编号或名称',
  month: '须加 --month 年-月，如 2026-11',
  quarter: '须加 --quarter 年Q季，如 2026Q3',
  pool: '须加 --pool 资金总额（元），可加 --fund 资金名称（不得为基本药物补助，M3）',
  half: '须加 --half 年H半，如 2026H2（下半年），并用 --clinic 指定村卫生室',
} as const;

export function exportHelp(): string {
  const returns = allReturns.map(
    (r) => `  ${r.name.padEnd(24)}${r.title}${r.params.length ? `（${r.params.map((p) => PARAM_HELP[p]).join('；')}）` : ''}`,
  );
  return [
    '可导出的上报报表（export <报表> --out FILE.xlsx；report <报表> --format json 输出同样的数字，资产金额以分为单位）：',
    ...returns,
    '可导出的名册（export <名册> --out FILE.xlsx）：',
    ...Object.entries(lists).map(([name, l]) => `  ${name.padEnd(24)}${l.view.title}`),
  ].join('\n');
}
