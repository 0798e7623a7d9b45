/**
 * The columns of a clerk's own 固定资产台账, with the names they go by in township and county
 * sheets, and the words clerks write for the funding source.
 */
import type { FieldDef } from '../../../excel/import/types';

const fundings = {
  财政拨款: 'fiscal',
  财政: 'fiscal',
  财政资金: 'fiscal',
  财政补助: 'fiscal',
  财政投入: 'fiscal',
  政府投入: 'fiscal',
  项目资金: 'fiscal',
  专项资金: 'fiscal',
  自筹: 'self',
  自筹资金: 'self',
  单位自筹: 'self',
  自有资金: 'self',
  捐赠: 'donation',
  社会捐赠: 'donation',
  捐助: 'donation',
  受赠: 'donation',
  接受捐赠: 'donation',
  上级调拨: 'allocated',
  调拨: 'allocated',
  调入: 'allocated',
  无偿调拨: 'allocated',
  上级配发: 'allocated',
  配发: 'allocated',
  划拨: 'allocated',
  盘盈: 'surplus',
  其他: 'other',
  其它: 'other',
};

/** Columns whose key is not a schema key (valueWan, lifeYears, clinic, custodian) are turned into one in assets.ts toInput. */
export const assetFields: readonly FieldDef[] = [
  {
    key: 'oldCode',
    label: '原资产编号',
    synonyms: ['资产编号', '编号', '卡片编号', '原编号', '资产卡片编号', '固定资产编号', '资产代码', '资产卡片号'],
    type: 'code',
  },
  {
    key: 'name',
    label: '资产名称',
    synonyms: ['名称', '固定资产名称', '设备名称', '品名'],
    type: 'text',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'category', label: '资产类别', synonyms: ['类别', '分类', '资产分类', '资产类型', '类型', '资产大类'], type: 'text' },
  { key: 'model', label: '规格型号', synonyms: ['型号', '规格', '型号规格', '规格/型号', '品牌型号'], type: 'text' },
  { key: 'quantity', label: '数量', synonyms: ['台数', '件数'], type: 'number' },
  { key: 'unit', label: '计量单位', synonyms: ['单位'], type: 'text' },
  {
    key: 'valueFen',
    label: '原值',
    synonyms: ['原值(元)', '金额', '金额(元)', '价值', '价值(元)', '资产原值', '账面原值', '购置金额', '购置价格', '原价'],
    type: 'money',
  },
  // A column headed in 万元 (headers.ts keeps that unit when matching): 1.23 there is ¥12,300.
  {
    key: 'valueWan',
    label: '原值(万元)',
    synonyms: ['金额(万元)', '价值(万元)', '资产原值(万元)', '账面原值(万元)'],
    type: 'money',
    moneyUnit: 'wan',
    covers: ['valueFen'],
  },
  { key: 'funding', label: '资金来源', synonyms: ['经费来源', '资金性质', '来源'], type: 'enum', choices: fundings },
  {
    key: 'acquiredOn',
    label: '购置日期',
    synonyms: ['取得日期', '购买日期', '购入日期', '购置时间', '取得时间', '购买时间'],
    type: 'date',
  },
  {
    key: 'inServiceOn',
    label: '启用日期',
    synonyms: ['入账日期', '投入使用日期', '使用日期', '启用时间', '入账时间', '投入使用时间'],
    type: 'date',
  },
  {
    key: 'lifeYears',
    label: '使用年限',
    synonyms: ['折旧年限', '预计使用年限', '使用年限(年)', '折旧年限(年)'],
    type: 'text',
    covers: ['lifeMonths'],
  },
  {
    key: 'clinic',
    label: '所属卫生室',
    synonyms: ['使用单位', '所在卫生室', '所在单位', '所属单位', '存放单位', '卫生室', '村卫生室', '卫生室名称'],
    type: 'text',
    covers: ['holderClinicId'],
  },
  { key: 'location', label: '存放地点', synonyms: ['使用科室', '存放位置', '使用部门', '所在科室', '放置地点', '存放地址'], type: 'text' },
  {
    key: 'custodian',
    label: '保管人',
    synonyms: ['使用人', '责任人', '保管责任人', '管理人', '保管员'],
    type: 'text',
    covers: ['custodianId'],
  },
  { key: 'note', label: '备注', synonyms: ['说明'], type: 'text', multiline: true },
];
