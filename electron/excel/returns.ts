/**
 * The returns (报表) the county asks for (rule R1): what the app offers, how each is built as
 * data, and how it is written as a county workbook. Adding a return: a builder in returns/,
 * an entry in `returnNames` (shared/schemas/app.ts) and one in `builders` below.
 */
import { todayIso } from '../../shared/format';
import type { ReturnName } from '../../shared/schemas/app';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../core/context';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { countyWorkbookBuffer, writeCountyWorkbookFile } from './countyWorkbook';
import { exportFileName } from './exportView';
import { XLSX_MIME } from './load';
import { buildClinicRosterReport, CLINIC_ROSTER_TITLE } from './returns/clinicRoster';
import { reportSheets } from './returns/render';
import type { ReportData } from './returns/types';

export type { ReportData } from './returns/types';

export const returnCatalog: { name: ReturnName; title: string; description: string }[] = [
  {
    name: 'clinic-roster',
    title: CLINIC_ROSTER_TITLE,
    description: '每个村卫生室的服务村、服务人口、应配村医、产权、面积、医保定点和负责人；每个行政村的覆盖方式与空白点',
  },
];

const builders: Record<ReturnName, (db: Db, now: Date) => ReportData> = {
  'clinic-roster': buildClinicRosterReport,
};

export function isReturnName(name: string): name is ReturnName {
  return Object.prototype.hasOwnProperty.call(builders, name);
}

export function buildReport(ctx: ServiceContext, name: ReturnName): ReportData {
  const build = builders[name];
  if (!build) throw new AppError('NOT_FOUND', `没有“${String(name)}”这张报表`);
  return build(ctx.db, ctx.now());
}

function dataRows(report: ReportData): number {
  return report.tables.reduce((n, t) => n + t.rows.length, 0);
}

export async function exportReturnFile(ctx: ServiceContext, name: ReturnName): Promise<FileResult> {
  const report = buildReport(ctx, name);
  const { buffer } = await countyWorkbookBuffer(reportSheets(report));
  return {
    fileName: exportFileName(report.title, todayIso(ctx.now())),
    mime: XLSX_MIME,
    base64: buffer.toString('base64'),
    rowCount: dataRows(report),
  };
}

/** For the command line: the same workbook, written to a file. */
export async function writeReturnFile(ctx: ServiceContext, name: ReturnName, file: string): Promise<ReportData> {
  const report = buildReport(ctx, name);
  await writeCountyWorkbookFile(file, reportSheets(report));
  return report;
}
