/**
 * How the settings page shows each setting: label, group, the rule it serves, unit, kind of
 * input and help — in display order. The page and the error messages naming a setting read it;
 * the values themselves and their checks are in settings.ts.
 */
import { categoryInfo, type AssetCategory } from '../rules/assetCategories';
import { lifeSettingOf, type SettingKey } from './settings';

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
