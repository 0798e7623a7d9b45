/**
 * Column definitions of every list, shared by the grid on screen and by "export this view to
 * Excel", so a column has one Chinese header and one way of showing its value.
 */
import { chineseDate, chineseDateTime, fenToAmount } from './format';
import { coverageLabels } from './rules/coverage';
import { clinicStatusLabels, propertyLabels } from './schemas/clinics';
import { altCoverageLabels } from './schemas/villages';

type ColumnKind = 'text' | 'int' | 'decimal' | 'bool' | 'enum' | 'date' | 'datetime' | 'money';

export interface ViewColumn {
  id: string;
  header: string;
  kind: ColumnKind;
  labels?: Record<string, string>;
  /** Width in characters, for the grid and the sheet. */
  width: number;
  filterable?: boolean;
}

export interface ViewDef {
  title: string;
  columns: ViewColumn[];
}

export const villageView: ViewDef = {
  title: '行政村名册',
  columns: [
    { id: 'name', header: '村名', kind: 'text', width: 12, filterable: true },
    { id: 'coverageKind', header: '覆盖方式', kind: 'enum', labels: coverageLabels, width: 11, filterable: true },
    { id: 'clinicNames', header: '服务的卫生室', kind: 'text', width: 22, filterable: true },
    { id: 'residentPopulation', header: '户籍人口', kind: 'int', width: 9 },
    { id: 'servicePopulation', header: '服务人口', kind: 'int', width: 9 },
    { id: 'isCenterSeat', header: '卫生院驻地', kind: 'bool', width: 9, filterable: true },
    { id: 'distanceKm', header: '距卫生院(公里)', kind: 'decimal', width: 11 },
    { id: 'altCoverage', header: '其他覆盖方式', kind: 'enum', labels: altCoverageLabels, width: 10, filterable: true },
    { id: 'patrolVisitsPerMonth', header: '每月巡诊', kind: 'int', width: 8 },
    { id: 'note', header: '备注', kind: 'text', width: 18, filterable: true },
  ],
};

export const clinicView: ViewDef = {
  title: '村卫生室名册',
  columns: [
    { id: 'code', header: '机构编码', kind: 'text', width: 12, filterable: true },
    { id: 'name', header: '卫生室名称', kind: 'text', width: 16, filterable: true },
    { id: 'status', header: '状态', kind: 'enum', labels: clinicStatusLabels, width: 7, filterable: true },
    { id: 'villageNames', header: '服务的村', kind: 'text', width: 22, filterable: true },
    { id: 'servicePopulation', header: '服务人口', kind: 'int', width: 9 },
    { id: 'requiredDoctors', header: '应配村医', kind: 'int', width: 8 },
    { id: 'actualDoctors', header: '实有村医', kind: 'int', width: 8 },
    { id: 'headName', header: '负责人', kind: 'text', width: 9, filterable: true },
    { id: 'property', header: '产权', kind: 'enum', labels: propertyLabels, width: 9, filterable: true },
    { id: 'buildingArea', header: '业务用房(㎡)', kind: 'decimal', width: 10 },
    { id: 'insurancePoint', header: '医保定点', kind: 'bool', width: 8, filterable: true },
    { id: 'address', header: '地址', kind: 'text', width: 20, filterable: true },
    { id: 'closedOn', header: '撤销日期', kind: 'date', width: 11 },
  ],
};

const auditActionLabels: Record<string, string> = {
  create: '新增',
  update: '修改',
  close: '撤销',
  reopen: '恢复',
  import: '导入',
  restore: '恢复备份',
  backup: '备份',
  delete: '删除',
  deny: '拒绝',
  exit: '退出',
  transfer: '调拨',
  value_change: '原值变动',
  status: '状态变更',
  dispose: '处置',
  reverse: '冲销更正',
  password: '密码',
  signIn: '登录',
  signOut: '退出登录',
  lock: '锁定',
  correct: '更正',
  approve: '审批',
  'stock.use': '登记使用',
  'stock.return': '退回中心',
  'stock.transfer': '调剂',
  'stock.adjust': '盘点调整',
  'stock.dispose': '过期销毁',
};
const auditEntityLabels: Record<string, string> = {
  village: '行政村',
  clinic: '村卫生室',
  settings: '设置',
  center: '单位信息',
  database: '数据库',
  person: '人员',
  qualifications: '资格证书',
  assignments: '岗位',
  employments: '聘用',
  trainings: '培训进修',
  leaves: '请假与离岗',
  asset: '固定资产',
  stocktake: '资产盘点',
  receipt: '采购入库',
  delivery: '药品配送',
  user: '账号',
  exit_decisions: '留用说明',
  drug: '药品',
  essential_list: '基本药物目录',
  requisition: '药品请领',
  purchase_plan: '采购计划',
  drug_batch: '药品批次',
  stock_use: '药品使用',
  drug_disposal: '过期药品销毁',
  supervision_template: '考核细则',
  responsibility_letter: '目标责任书',
  visits: '月度督导',
  quarter_locks: '季度锁定',
  rechecks: '县级复核',
  allocations: '绩效资金分配',
};

export const auditView: ViewDef = {
  title: '操作记录',
  columns: [
    { id: 'at', header: '时间', kind: 'datetime', width: 20 },
    { id: 'actor', header: '操作人', kind: 'text', width: 10, filterable: true },
    { id: 'actorLogin', header: '登录名', kind: 'text', width: 10, filterable: true },
    { id: 'action', header: '操作', kind: 'enum', labels: auditActionLabels, width: 8, filterable: true },
    { id: 'entity', header: '对象', kind: 'enum', labels: auditEntityLabels, width: 9, filterable: true },
    { id: 'summary', header: '内容', kind: 'text', width: 40, filterable: true },
  ],
};

/** The text a cell shows, on screen and in an exported sheet. */
export function displayValue(col: ViewColumn, value: unknown): string | number {
  if (value === null || value === undefined) return '';
  switch (col.kind) {
    case 'bool':
      return value ? '是' : '否';
    case 'enum':
      return col.labels?.[String(value)] ?? String(value);
    case 'int':
    case 'decimal':
      return typeof value === 'number' ? value : Number(value);
    case 'money':
      return Number(value) / 100;
    case 'datetime':
      return chineseDateTime(String(value));
    default:
      return String(value);
  }
}

/** Counts, measures and money: right-aligned in tabular figures on screen, numbers in a sheet. */
export function isNumberKind(kind: ViewColumn['kind']): boolean {
  return kind === 'int' || kind === 'decimal' || kind === 'money';
}

const groupedInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const groupedDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * The text a cell shows on screen: displayValue, with a date in Chinese (2026年6月19日; a datetime
 * is already chineseDateTime there) and every number in the one on-screen style —
 * thousands separated (22,600), money in 元 with two decimals (1,234.50), measures to two places
 * at most. The sheet keeps real numbers (displayValue) and formats them itself.
 */
export function screenText(col: ViewColumn, value: unknown): string {
  // Dates are ISO in storage and in the sheet (a real Excel date), Chinese on screen: 2026年6月19日.
  if (col.kind === 'date') return typeof value === 'string' ? chineseDate(value) : '';
  const shown = displayValue(col, value);
  if (typeof shown !== 'number') return shown;
  if (!Number.isFinite(shown)) return '';
  if (col.kind === 'money') return fenToAmount(Number(value));
  return col.kind === 'int' ? groupedInt.format(shown) : groupedDecimal.format(shown);
}
