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
 * serves. The settings page is generated from `settingFields` (settingFields.ts), so a new
 * setting is one entry in the schema here, its default below, and its line there.
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
