/**
 * The returns (报表) the county asks for (rule R1): what the core can build, how each is built
 * as data, and how it is written as a county workbook. Adding a return: a builder in returns/,
 * its key in `returnKeys` (returns/types.ts), an entry in `allReturns` and in `builders` below,
 * and its name in the contract's `returnNames` (shared/schemas/app.ts) for the app to offer it.
 */
import { todayIso } from '../../shared/format';
import { returnNames, type ReturnName } from '../../shared/schemas/app';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../core/context';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { countyWorkbookBuffer, writeCountyWorkbookFile } from './countyWorkbook';
import { exportFileName } from './exportView';
import { XLSX_MIME } from './load';
import { buildClinicRosterReport, CLINIC_ROSTER_TITLE } from './returns/clinicRoster';
import { reportSheets } from './returns/render';
import { buildRosterReport, ROSTER_TITLE } from './returns/roster';
import { buildStaffingReport, STAFFING_TITLE } from './returns/staffing';
import type { ReportData, ReportWhen, ReturnKey } from './returns/types';

export type { ReportData } from './returns/types';
export type { ReturnKey } from './returns/types';

export interface ReturnEntry {
  name: ReturnKey;
  title: string;
  description: string;
  /** Whether the figures can be taken as of another day than today (--as-of). */
  asOf: boolean;
}

export const allReturns: ReturnEntry[] = [
  {
    name: 'clinic-roster',
    title: CLINIC_ROSTER_TITLE,
    description: '每个村卫生室的服务村、服务人口、应配村医、产权、面积、医保定点和负责人；每个行政村的覆盖方式与空白点',
    asOf: false,
  },
  {
    name: 'roster',
    title: ROSTER_TITLE,
    description: '在岗乡村医生和派驻人员一人一行：基本情况、最高执业资格与证书编号、所在卫生室与岗位、聘用形式与合同起止、养老/工伤/医疗责任保险',
    asOf: true,
  },
  {
    name: 'staffing',
    title: STAFFING_TITLE,
    description: '每个运行中的村卫生室：应配与实有村医、缺口、女性、执业（助理）医师人数与占比、本年培训达标人数、年龄结构，全乡镇合计，以及全部预警事项及其规则编号',
    asOf: true,
  },
];

function inContract(entry: ReturnEntry): entry is ReturnEntry & { name: ReturnName } {
  return (returnNames as readonly string[]).includes(entry.name);
}

/**
 * What the app's 上报报表 page offers: the returns the contract names. A return built here but
 * not yet named in shared/schemas/app.ts is offered by the command line only.
 */
export const returnCatalog: (ReturnEntry & { name: ReturnName })[] = allReturns.filter(inContract);

const builders: Record<ReturnKey, (db: Db, when: ReportWhen) => ReportData> = {
  'clinic-roster': buildClinicRosterReport,
  roster: buildRosterReport,
  staffing: buildStaffingReport,
};

export function isReturnName(name: string): name is ReturnKey {
  return Object.prototype.hasOwnProperty.call(builders, name);
}

/** Builds a return as data; `asOf` (ISO) defaults to today in China, which the app always uses. */
export function buildReport(ctx: ServiceContext, name: ReturnKey, asOf?: string): ReportData {
  const build = builders[name];
  if (!build) throw new AppError('NOT_FOUND', `没有“${String(name)}”这张报表`);
  const today = todayIso(ctx.now());
  return build(ctx.db, { today, asOf: asOf ?? today });
}

function dataRows(report: ReportData): number {
  return report.tables.reduce((n, t) => n + t.rows.length, 0);
}

export async function exportReturnFile(ctx: ServiceContext, name: ReturnKey, asOf?: string): Promise<FileResult> {
  const report = buildReport(ctx, name, asOf);
  const { buffer } = await countyWorkbookBuffer(reportSheets(report));
  return {
    fileName: exportFileName(report.title, report.asOf),
    mime: XLSX_MIME,
    base64: buffer.toString('base64'),
    rowCount: dataRows(report),
  };
}

/** For the command line: the same workbook, written to a file. */
export async function writeReturnFile(ctx: ServiceContext, name: ReturnKey, file: string, asOf?: string): Promise<ReportData> {
  const report = buildReport(ctx, name, asOf);
  await writeCountyWorkbookFile(file, reportSheets(report));
  return report;
}
