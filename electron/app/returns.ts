/**
 * The returns (报表) the county asks for (rule R1): what the core can build, how each is built
 * as data, and how it is written as a county workbook. Adding a return: a builder in its
 * domain's folder (electron/domains/<d>/returns…), its name and parameters in the contract's
 * `returnNames` and `returnParams` (shared/schemas/app.ts), and an entry in `allReturns` and in
 * `builders` below (the typecheck fails while one is missing).
 */
import { todayIso } from '../../shared/format';
import {
  returnNames,
  returnParamProblems,
  returnParams,
  type ReturnName,
  type ReturnParamKind,
  type ReturnParamValues,
} from '../../shared/schemas/app';
import type { FileResult } from '../../shared/schemas/common';
import { reportData, type ReportDataOut } from '../../shared/schemas/returns';
import type { ServiceContext } from '../db/context';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { countyWorkbookBuffer, writeCountyWorkbookFile } from '../excel/countyWorkbook';
import { exportFileName } from '../excel/exportView';
import { XLSX_MIME } from '../excel/load';
import { ASSET_CHANGES_TITLE, buildAssetChangesReport } from '../domains/assets/returns/changes';
import { ASSET_LEDGER_TITLE, buildAssetLedgerReport } from '../domains/assets/returns/ledger';
import { buildClinicRosterReport, CLINIC_ROSTER_TITLE } from '../domains/clinics/returns';
import { buildStockReport, STOCK_TITLE } from '../domains/drugs/stock/returns/stockReturn';
import { BATCHES_TITLE, buildBatchesReport, buildExpiryReport, EXPIRY_TITLE } from '../domains/drugs/stock/returns/batchReturns';
import { buildDisposalsReport, DISPOSALS_TITLE } from '../domains/drugs/stock/returns/disposalReturn';
import { buildVbpSupplyReport, VBP_SUPPLY_TITLE } from '../domains/drugs/watch/vbpReturn';
import { reportSheets } from '../excel/returns/render';
import { buildRosterReport, ROSTER_TITLE } from '../domains/people/returns/roster';
import { buildStaffingReport, STAFFING_TITLE } from '../domains/people/returns/staffing';
import { buildDiscrepancyReport, DISCREPANCY_TITLE } from '../domains/assets/returns/stocktakeDiscrepancies';
import { buildPurchasePlanReport, PURCHASE_PLAN_TITLE } from '../domains/drugs/purchase/planReturn';
import { buildEssentialShareReport, ESSENTIAL_SHARE_TITLE } from '../domains/drugs/requisitions/shareReturn';
import type { ReportData as BaseReport, ReportWhen } from '../excel/returns/types';
import { buildShortagesReport, SHORTAGES_TITLE } from '../domains/drugs/delivery/shortageReturn';
import type { ChangesDetail, DiscrepancyDetail, LedgerDetail } from '../domains/assets/returns/types';
import { maskPersonal } from '../../shared/masking';
// Supervision (issue 11): the quarter's results and the pool shared by score.
import { ALLOCATION_TITLE, buildAllocationReport, buildQuarterReport, QUARTER_TITLE } from '../domains/supervision/quarters/returns';
import { buildFindingsReport, FINDINGS_TITLE } from '../domains/supervision/quarters/findingsReturn';
import { buildRecheckReport, RECHECK_TITLE } from '../domains/supervision/recheck/pack';

/**
 * Every return the core can build. The app's 上报报表 page offers those the contract also
 * names (shared/schemas/app.ts `returnNames`); the command line offers all of them.
 */
/** The returns are the contract's (shared/schemas/app.ts `returnNames`): one list, not two kept in step. */
export const returnKeys = returnNames;
export type ReturnKey = (typeof returnKeys)[number];

/** A return as data, with the detail the asset returns add (every figure in 分, per asset, holder and category). */
export type ReportData = BaseReport & { ledger?: LedgerDetail; changes?: ChangesDetail; discrepancies?: DiscrepancyDetail };

interface ReturnEntry {
  name: ReturnKey;
  title: string;
  description: string;
  /** What it can be asked for (shared/schemas/app.ts returnParams): a day, a period, a clinic, a stocktake. */
  params: readonly ReturnParamKind[];
}

export const allReturns: ReturnEntry[] = [
  {
    name: 'clinic-roster',
    title: CLINIC_ROSTER_TITLE,
    description: '每个村卫生室的服务村、服务人口、应配村医、产权、面积、医保定点和负责人；每个行政村的覆盖方式与空白点',
    params: returnParams['clinic-roster'],
  },
  {
    name: 'roster',
    title: ROSTER_TITLE,
    description:
      '在岗乡村医生和派驻人员一人一行：基本情况、最高执业资格与证书编号、所在卫生室与岗位、聘用形式与合同起止、养老/工伤/医疗责任保险',
    params: returnParams.roster,
  },
  {
    name: 'staffing',
    title: STAFFING_TITLE,
    description:
      '每个运行中的村卫生室：应配与实有村医、缺口、女性、执业（助理）医师人数与占比、本年培训达标人数、年龄结构，全乡镇合计，以及全部预警事项及其规则编号',
    params: returnParams.staffing,
  },
  {
    name: 'asset-ledger',
    title: ASSET_LEDGER_TITLE,
    description:
      '截至统计日期在账的每项固定资产：编号、名称、类别、规格型号、数量、资金来源、取得日期、原值、累计折旧、净值、存放单位、保管人、状态；全乡镇按单位小计，或只出一个卫生室；按资产大类汇总',
    params: returnParams['asset-ledger'],
  },
  {
    name: 'asset-changes',
    title: ASSET_CHANGES_TITLE,
    description:
      '统计期间内按资产类别（分大类小计）的期初、本期增加、本期减少、本期计提折旧和期末的原值、累计折旧与净值；全乡镇或一个卫生室（调入调出计为增减）',
    params: returnParams['asset-changes'],
  },
  {
    name: 'stocktake-discrepancies',
    title: DISCREPANCY_TITLE,
    description: '一次盘点的盘亏（未找到）和毁损资产及其原值、净值，盘盈资产及其估价，以及账实相符等项数',
    params: returnParams['stocktake-discrepancies'],
  },
  {
    name: 'shortages',
    title: SHORTAGES_TITLE,
    description: '一个月内登记的短缺药品（D4）：村卫生室、药品、规格、短缺数量、原因、日期，以及按药品汇总',
    params: returnParams.shortages,
  },
  {
    name: 'purchase-plan',
    title: PURCHASE_PLAN_TITLE,
    description: '一个月已批准请领单按药品汇总的采购数量、挂网单价和金额，加上卫生院自购，合计；待审批和草稿的请领单不计入并列出',
    params: returnParams['purchase-plan'],
  },
  {
    name: 'essential-share',
    title: ESSENTIAL_SHARE_TITLE,
    description:
      '每个村卫生室一个月的已批准请领单（配备）和实际使用（销售）中非基本药物的品种、金额及占比，对照 D3 上限标出超出，全乡镇合计',
    params: returnParams['essential-share'],
  },
  {
    name: 'stock',
    title: STOCK_TITLE,
    description: '一个月各村卫生室药品的期初、入库、出库、期末数量与金额，村卫生室小计、中心药库单列、全乡镇合计；指定卫生室则按药品逐行',
    params: returnParams.stock,
  },
  {
    name: 'batches',
    title: BATCHES_TITLE,
    description: '截至统计日期中心药库和各村卫生室按批号的药品库存：批号、有效期至、剩余天数、单价、数量、金额',
    params: returnParams.batches,
  },
  {
    name: 'expiry',
    title: EXPIRY_TITLE,
    description: '截至统计日期已过期和近效期（设置中的提醒天数内，D5）的药品批次，按存放地点列出剩余天数和金额',
    params: returnParams.expiry,
  },
  {
    name: 'disposals',
    title: DISPOSALS_TITLE,
    description: '历次过期药品集中销毁（D5）：销毁日期、方式、两名监销人，逐批号的数量和金额',
    params: returnParams.disposals,
  },
  {
    name: 'vbp-supply',
    title: VBP_SUPPLY_TITLE,
    description:
      '一个月每种集采药品（D6）：约定年采购量与本年累计入库进度、本月中心入库、配送到村和村卫生室使用、村卫生室月末库存与可用月数、保障不足的卫生室数；另一页按卫生室列出',
    params: returnParams['vbp-supply'],
  },
  {
    name: 'quarter',
    title: QUARTER_TITLE,
    description:
      '一个季度每个村卫生室各月督导得分（未督导、一票否决注明）、季度得分（已督导月份平均，四舍五入一位小数）、等级和是否合格（P6），以及两次考核不合格的村医（P5）',
    params: returnParams.quarter,
  },
  {
    name: 'allocation',
    title: ALLOCATION_TITLE,
    description:
      '一个季度的绩效考核资金按季度得分 × 服务人口（或村医人数、平均，见设置）分给考核合格的村卫生室，精确到分、合计等于总额（P7）；不得是基本药物制度补助（M3）',
    params: returnParams.allocation,
  },
  {
    name: 'findings',
    title: FINDINGS_TITLE,
    description:
      '一个季度督导发现的每个问题：村卫生室、督导日期、涉及项目、整改责任人和期限，以及复查结果（已整改、未整改、逾期未整改）（P8）',
    params: returnParams.findings,
  },
  {
    name: 'recheck',
    title: RECHECK_TITLE,
    description:
      '县级半年复核（P4）一个村卫生室的材料：六个月的督导情况和逐项得分（未督导月份注明）、发现问题及整改、锁定后的更正及原因（无更正注明）、两个季度的考核结果；打印的督导表在“县级复核”页另存为 PDF',
    params: returnParams.recheck,
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
  'asset-ledger': buildAssetLedgerReport,
  'asset-changes': buildAssetChangesReport,
  'stocktake-discrepancies': buildDiscrepancyReport,
  shortages: buildShortagesReport,
  'purchase-plan': buildPurchasePlanReport,
  'essential-share': buildEssentialShareReport,
  stock: buildStockReport,
  batches: buildBatchesReport,
  expiry: buildExpiryReport,
  disposals: buildDisposalsReport,
  'vbp-supply': buildVbpSupplyReport,
  quarter: buildQuarterReport,
  allocation: buildAllocationReport,
  findings: buildFindingsReport,
  recheck: buildRecheckReport,
};

export function isReturnName(name: string): name is ReturnKey {
  return Object.prototype.hasOwnProperty.call(builders, name);
}

/** What a return is asked for: its parameters, or (as before) the as-of day alone. */
type ReturnRequest = ReturnParamValues | string | undefined;

function paramsOf(request: ReturnRequest): ReturnParamValues {
  return typeof request === 'string' ? { asOf: request } : (request ?? {});
}

/**
 * Builds a return as data. Its parameters are checked as the app's call checks them (a period
 * for asset-changes, a stocktake for stocktake-discrepancies …); `asOf` (ISO) defaults to
 * today in China, and for a period to its last day.
 */
export function buildReport(ctx: ServiceContext, name: ReturnKey, request?: ReturnRequest): ReportData {
  const build = builders[name];
  if (!build) throw new AppError('NOT_FOUND', `没有“${String(name)}”这张报表`);
  const p = paramsOf(request);
  const problems = (returnNames as readonly string[]).includes(name) ? returnParamProblems(name as ReturnName, p) : [];
  const first = problems[0];
  if (first) throw new AppError('VALIDATION', problems.map((x) => x.message).join('；'), { field: first.path });
  const today = todayIso(ctx.now());
  const { asOf, ...rest } = p;
  return build(ctx.db, { ...rest, today, asOf: asOf ?? p.to ?? today });
}

function dataRows(report: ReportData): number {
  return report.tables.reduce((n, t) => n + t.rows.length, 0);
}

/**
 * A return as data for the print view (returns.data): the very object the workbook is written
 * from (buildReport, masked for 只读 as the workbook is), checked against the contract; the
 * asset returns' extra detail (ledger, changes …) stays with the command line's JSON.
 */
export function returnData(ctx: ServiceContext, name: ReturnKey, request?: ReturnRequest): ReportDataOut {
  const built = buildReport(ctx, name, request);
  return reportData.parse(ctx.maskPersonal ? maskPersonal(built) : built);
}

export async function exportReturnFile(ctx: ServiceContext, name: ReturnKey, request?: ReturnRequest): Promise<FileResult> {
  const built = buildReport(ctx, name, request);
  // 只读: the workbook masks 身份证号 and phone numbers as every other answer does (shared/masking.ts).
  const report = ctx.maskPersonal ? maskPersonal(built) : built;
  const { buffer } = await countyWorkbookBuffer(reportSheets(report));
  return {
    fileName: exportFileName(report.title, report.asOf),
    mime: XLSX_MIME,
    base64: buffer.toString('base64'),
    rowCount: dataRows(report),
  };
}

/** For the command line: the same workbook, written to a file. */
export async function writeReturnFile(ctx: ServiceContext, name: ReturnKey, file: string, request?: ReturnRequest): Promise<ReportData> {
  const report = buildReport(ctx, name, request);
  await writeCountyWorkbookFile(file, reportSheets(report));
  return report;
}
