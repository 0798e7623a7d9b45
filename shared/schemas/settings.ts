import { z } from 'zod';
import { categoryInfo, type AssetCategory } from '../rules/assetCategories';
import type { TrainingProgressRule } from '../rules/yearly';
import { text } from './common';
import { defaultPurchaseColumns, purchaseColumnsSetting } from './requisitions';

function intSetting(label: string, min: number, max: number) {
  return z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
}

function ratioSetting(label: string) {
  return z
    .number({ error: `${label}必须是数字` })
    .min(0, `${label}不能小于 0%`)
    .max(1, `${label}不能大于 100%`);
}

/**
 * Every parameter DOMAIN.md calls a setting, with its documented default and the rule it
 * serves. The settings page is generated from `settingFields`, so a new setting is one
 * entry here and one in the schema.
 */
export const settingsSchema = z.object({
  centerName: text('卫生院名称', 60),
  county: text('所属县（区）', 60),
  operatorName: text('填报人', 30),
  reviewerName: text('审核人', 30),
  directorName: text('单位负责人', 30),
  // S1: one village doctor per this many people of service population.
  staffingPopulationPerDoctor: intSetting('每名村医服务人口', 100, 10_000),
  // C1: villages under this service population may go without a clinic of their own.
  c1SmallVillagePopulation: intSetting('可不设卫生室的人口上限', 0, 100_000),
  // S4: the licensed/assistant physician share target and its year.
  qualifiedRatioTarget: ratioSetting('执业（助理）医师占比目标'),
  qualifiedRatioTargetYear: intSetting('占比目标年份', 2000, 2100),
  // S5: warning ages.
  pensionWarnAge: intSetting('退休提醒年龄', 40, 80),
  headAgeLimit: intSetting('负责人年龄上限', 40, 90),
  // S6 / S14: how far ahead contract and certificate ends are announced.
  contractWarnDays: intSetting('合同到期提前提醒天数', 0, 730),
  certificateWarnDays: intSetting('证书到期提前提醒天数', 0, 730),
  // S7: minimum dispatch length in months; S8: minimum county-hired service in months.
  dispatchMinMonths: intSetting('派驻最短期限', 0, 60),
  countyHiredMinMonths: intSetting('县聘乡用最短服务期', 0, 120),
  // S9: which published training variant applies, and its numbers.
  trainingVariant: z.enum(['jiaozuo', 'sichuan']),
  practiceStintsPerYear: intSetting('每年临床进修次数', 0, 20),
  practiceStintMinDays: intSetting('每次进修最少天数', 0, 60),
  trainingsPerYear: intSetting('每年培训次数', 0, 20),
  trainingTotalMinDays: intSetting('培训累计最少天数', 0, 120),
  // S9a: from this month of the year on, a training shortfall of what is done is an alert.
  trainingAlertMonth: intSetting('培训未达标预警起始月份', 1, 12),
  // S11: unauthorised absence days in one year that trigger exit.
  absenceExitDays: intSetting('擅自离岗退出天数', 1, 365),
  // D3: non-essential drug share allowed in a requisition, by value and by items.
  nonEssentialMaxValueShare: ratioSetting('非基本药物金额占比上限'),
  nonEssentialMaxItemShare: ratioSetting('非基本药物品种占比上限'),
  // D5: near-expiry warning window in days.
  nearExpiryDays: intSetting('近效期提醒天数', 0, 730),
  // D6: a 集采 drug at a clinic covering fewer months of its recent use than this is flagged.
  vbpMinCoverMonths: intSetting('集采药品最低保障月数', 0, 24),
  // Issue 10 part 3: the columns of the platform's purchase-plan upload file, in its order (edited on the 采购计划 page).
  purchasePlanColumns: purchaseColumnsSetting,
  // P6: quarter pass line and grade thresholds in points (the line itself passes); P7: the weight base.
  assessmentPassLine: intSetting('考核合格分数线', 0, 200),
  gradeExcellent: intSetting('优秀分数线', 0, 200),
  gradeGood: intSetting('良好分数线', 0, 200),
  allocationBasis: z.enum(['population', 'doctors', 'equal']),
  // Data safety: how many automatic backups are kept.
  backupKeep: intSetting('自动备份保留份数', 1, 100),
  // Accounts: minutes without any action after which the signed-in user must sign in again.
  idleTimeoutMinutes: intSetting('闲置自动退出时间', 1, 720),
  // A4: default useful life in years by category (the guide's minimum lives), for new cards.
  lifeBuildingConcrete: intSetting('钢结构、钢筋混凝土结构房屋使用年限', 1, 100),
  lifeBuildingBrick: intSetting('砖混、砖木结构房屋使用年限', 1, 100),
  lifeBuildingSimple: intSetting('简易房及附属设施使用年限', 1, 100),
  lifeComputerOffice: intSetting('计算机及办公设备使用年限', 1, 100),
  lifeVehicle: intSetting('车辆使用年限', 1, 100),
  lifeElectrical: intSetting('电气设备使用年限', 1, 100),
  lifeGeneralOther: intSetting('其他通用设备使用年限', 1, 100),
  lifeMedical: intSetting('医疗设备使用年限', 1, 100),
  lifeSpecialOther: intSetting('其他专用设备使用年限', 1, 100),
  lifeFurniture: intSetting('家具使用年限', 1, 100),
  lifeFixtures: intSetting('用具、装具使用年限', 1, 100),
});
export type Settings = z.infer<typeof settingsSchema>;

// Strict: a misspelt key is an error, not a silent no-op.
export const settingsPatch = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const defaultSettings: Settings = {
  centerName: '',
  county: '',
  operatorName: '',
  reviewerName: '',
  directorName: '',
  staffingPopulationPerDoctor: 1000,
  c1SmallVillagePopulation: 800,
  qualifiedRatioTarget: 0.45,
  qualifiedRatioTargetYear: 2025,
  pensionWarnAge: 60,
  headAgeLimit: 65,
  contractWarnDays: 90,
  certificateWarnDays: 90,
  dispatchMinMonths: 6,
  countyHiredMinMonths: 12,
  trainingVariant: 'jiaozuo',
  practiceStintsPerYear: 2,
  practiceStintMinDays: 7,
  trainingsPerYear: 2,
  trainingTotalMinDays: 14,
  trainingAlertMonth: 10,
  absenceExitDays: 30,
  nonEssentialMaxValueShare: 0.1,
  nonEssentialMaxItemShare: 0.1,
  nearExpiryDays: 90,
  vbpMinCoverMonths: 1,
  purchasePlanColumns: defaultPurchaseColumns,
  assessmentPassLine: 60,
  gradeExcellent: 90,
  gradeGood: 80,
  allocationBasis: 'population',
  backupKeep: 10,
  idleTimeoutMinutes: 30,
  lifeBuildingConcrete: categoryInfo.building_concrete.lifeYears,
  lifeBuildingBrick: categoryInfo.building_brick.lifeYears,
  lifeBuildingSimple: categoryInfo.building_simple.lifeYears,
  lifeComputerOffice: categoryInfo.computer_office.lifeYears,
  lifeVehicle: categoryInfo.vehicle.lifeYears,
  lifeElectrical: categoryInfo.electrical.lifeYears,
  lifeGeneralOther: categoryInfo.general_other.lifeYears,
  lifeMedical: categoryInfo.medical.lifeYears,
  lifeSpecialOther: categoryInfo.special_other.lifeYears,
  lifeFurniture: categoryInfo.furniture.lifeYears,
  lifeFixtures: categoryInfo.fixtures.lifeYears,
};

/** A4: the setting holding each depreciated category's default life; land, relics and books have none (not depreciated). */
export const lifeSettingOf: Record<AssetCategory, SettingKey | null> = {
  land: null,
  building_concrete: 'lifeBuildingConcrete',
  building_brick: 'lifeBuildingBrick',
  building_simple: 'lifeBuildingSimple',
  computer_office: 'lifeComputerOffice',
  vehicle: 'lifeVehicle',
  electrical: 'lifeElectrical',
  general_other: 'lifeGeneralOther',
  medical: 'lifeMedical',
  special_other: 'lifeSpecialOther',
  furniture: 'lifeFurniture',
  fixtures: 'lifeFixtures',
  relics_books: null,
};

/** A new card's default life in months: the category's setting (A4), 0 for what is not depreciated. */
export function defaultLifeMonthsFrom(settings: Settings, category: AssetCategory): number {
  const key = lifeSettingOf[category];
  return key === null ? 0 : Number(settings[key]) * 12;
}

/** S9 / S9a: the training rule in force — the chosen variant, its numbers and the alert month. */
export function trainingRuleOf(s: Settings): TrainingProgressRule {
  return {
    variant: s.trainingVariant,
    practiceStintsPerYear: s.practiceStintsPerYear,
    practiceStintMinDays: s.practiceStintMinDays,
    trainingsPerYear: s.trainingsPerYear,
    trainingTotalMinDays: s.trainingTotalMinDays,
    alertFromMonth: s.trainingAlertMonth,
  };
}

export type SettingKey = keyof Settings;

export interface SettingField {
  key: SettingKey;
  label: string;
  group: string;
  rule?: string;
  unit?: string;
  kind: 'text' | 'int' | 'ratio' | 'choice';
  choices?: { value: string; label: string }[];
  help?: string;
}

/** Labels, groups and rule citations for the settings page, in display order. */
export const settingFields: SettingField[] = [
  { key: 'centerName', label: '卫生院名称', group: '单位信息', kind: 'text' },
  { key: 'county', label: '所属县（区）', group: '单位信息', kind: 'text' },
  { key: 'operatorName', label: '填报人', group: '单位信息', kind: 'text', help: '报表签字栏使用' },
  { key: 'reviewerName', label: '审核人', group: '单位信息', kind: 'text' },
  { key: 'directorName', label: '单位负责人', group: '单位信息', kind: 'text' },
  {
    key: 'staffingPopulationPerDoctor',
    label: '每名村医服务人口',
    group: '村卫生室与人员',
    rule: 'S1',
    unit: '人',
    kind: 'int',
    help: '每千服务人口配备 1 名村医，不足千人按 1 名',
  },
  {
    key: 'c1SmallVillagePopulation',
    label: '可不设卫生室的人口上限',
    group: '村卫生室与人员',
    rule: 'C1',
    unit: '人',
    kind: 'int',
    help: '服务人口低于此数的村可由巡诊、派驻或邻村延伸覆盖',
  },
  { key: 'qualifiedRatioTarget', label: '执业（助理）医师占比目标', group: '村卫生室与人员', rule: 'S4', unit: '%', kind: 'ratio' },
  { key: 'qualifiedRatioTargetYear', label: '占比目标年份', group: '村卫生室与人员', rule: 'S4', unit: '年', kind: 'int' },
  { key: 'pensionWarnAge', label: '退休提醒年龄', group: '村卫生室与人员', rule: 'S5', unit: '岁', kind: 'int' },
  { key: 'headAgeLimit', label: '负责人年龄上限', group: '村卫生室与人员', rule: 'S5', unit: '岁', kind: 'int' },
  { key: 'contractWarnDays', label: '合同到期提前提醒', group: '村卫生室与人员', rule: 'S6', unit: '天', kind: 'int' },
  { key: 'certificateWarnDays', label: '证书到期提前提醒', group: '村卫生室与人员', rule: 'S14', unit: '天', kind: 'int' },
  { key: 'dispatchMinMonths', label: '派驻最短期限', group: '村卫生室与人员', rule: 'S7', unit: '个月', kind: 'int' },
  { key: 'countyHiredMinMonths', label: '县聘乡用最短服务期', group: '村卫生室与人员', rule: 'S8', unit: '个月', kind: 'int' },
  {
    key: 'trainingVariant',
    label: '培训考核口径',
    group: '培训',
    rule: 'S9',
    kind: 'choice',
    choices: [
      { value: 'jiaozuo', label: '临床进修：每年至少 2 次、每次不少于 1 周（焦作）' },
      { value: 'sichuan', label: '免费培训：每年至少 2 次、累计不少于 2 周（四川）' },
    ],
  },
  { key: 'practiceStintsPerYear', label: '每年临床进修次数', group: '培训', rule: 'S9', unit: '次', kind: 'int' },
  { key: 'practiceStintMinDays', label: '每次进修最少天数', group: '培训', rule: 'S9', unit: '天', kind: 'int' },
  { key: 'trainingsPerYear', label: '每年培训次数', group: '培训', rule: 'S9', unit: '次', kind: 'int' },
  { key: 'trainingTotalMinDays', label: '培训累计最少天数', group: '培训', rule: 'S9', unit: '天', kind: 'int' },
  {
    key: 'trainingAlertMonth',
    label: '培训未达标预警起始月份',
    group: '培训',
    rule: 'S9a',
    unit: '月',
    kind: 'int',
    help: '此前只显示进度（已完成/应完成/已安排），已完成加已安排仍不够时才预警；自该月起已完成不足即预警。上年度未达标提示到次年 3 月底',
  },
  { key: 'absenceExitDays', label: '擅自离岗退出天数', group: '培训', rule: 'S11', unit: '天', kind: 'int' },
  { key: 'nonEssentialMaxValueShare', label: '非基本药物金额占比上限', group: '药品', rule: 'D3', unit: '%', kind: 'ratio' },
  { key: 'nonEssentialMaxItemShare', label: '非基本药物品种占比上限', group: '药品', rule: 'D3', unit: '%', kind: 'ratio' },
  { key: 'nearExpiryDays', label: '近效期提醒', group: '药品', rule: 'D5', unit: '天', kind: 'int' },
  {
    key: 'vbpMinCoverMonths',
    label: '集采药品最低保障',
    group: '药品',
    rule: 'D6',
    unit: '个月',
    kind: 'int',
    help: '村卫生室的集采药品库存按近三个月的平均月用量计算，可用月数低于此值即提醒',
  },
  {
    key: 'assessmentPassLine',
    label: '季度考核合格分数线',
    group: '督导考核',
    rule: 'P6',
    unit: '分',
    kind: 'int',
    help: '季度得分（各督导月平均，四舍五入到一位小数）达到此分即合格，60.0 分合格',
  },
  { key: 'gradeExcellent', label: '优秀分数线', group: '督导考核', rule: 'P6', unit: '分', kind: 'int' },
  { key: 'gradeGood', label: '良好分数线', group: '督导考核', rule: 'P6', unit: '分', kind: 'int' },
  {
    key: 'allocationBasis',
    label: '绩效资金分配权重',
    group: '督导考核',
    rule: 'P7',
    kind: 'choice',
    choices: [
      { value: 'population', label: '季度得分 × 服务人口' },
      { value: 'doctors', label: '季度得分 × 村医人数' },
      { value: 'equal', label: '只按季度得分（不计人口）' },
    ],
  },
  { key: 'backupKeep', label: '自动备份保留份数', group: '数据安全', unit: '份', kind: 'int' },
  {
    key: 'idleTimeoutMinutes',
    label: '闲置自动退出时间',
    group: '数据安全',
    unit: '分钟',
    kind: 'int',
    help: '这么久没有任何操作，须重新登录（正在填写的内容保留，登录后可继续保存）',
  },
  ...(Object.entries(lifeSettingOf) as [AssetCategory, SettingKey | null][])
    .filter((e): e is [AssetCategory, SettingKey] => e[1] !== null)
    .map(([category, key], i): SettingField => ({
      key,
      label: categoryInfo[category].label,
      group: '固定资产折旧年限',
      rule: 'A4',
      unit: '年',
      kind: 'int',
      ...(i === 0
        ? { help: '新建资产卡片时的默认使用年限（政府会计准则第3号应用指南的最低年限）；已建卡片不受影响。土地、图书档案和文物不提折旧' }
        : {}),
    })),
];
