/**
 * The columns of a clinic's monthly use sheet (药品使用/销售月报) as clerks keep it: the clinic,
 * the drug (platform code, or name and spec), packs used and the price sold at; 金额 and a 日期
 * when the sheet has them. Drug columns are named as on the receipts (receipts/fields.ts).
 */
import type { FieldDef } from '../../../../excel/import/types';

export const consumptionFields: readonly FieldDef[] = [
  {
    key: 'clinic',
    label: '村卫生室',
    synonyms: ['卫生室', '卫生室名称', '村卫生室名称', '单位', '单位名称', '机构名称', '机构'],
    type: 'text',
    requiredColumn: true,
    requiredValue: true,
  },
  {
    key: 'platformCode',
    label: '平台编码',
    synonyms: ['药品编码', '产品编码', '平台药品编码', '挂网编码', '药品代码', '采购平台编码'],
    type: 'code',
  },
  { key: 'drugName', label: '药品名称', synonyms: ['通用名', '通用名称', '药品通用名', '品名', '药名', '商品名称'], type: 'text' },
  { key: 'spec', label: '规格', synonyms: ['药品规格', '规格型号', '包装规格', '制剂规格'], type: 'text' },
  { key: 'maker', label: '生产企业', synonyms: ['生产厂家', '厂家', '生产单位', '厂商'], type: 'text' },
  {
    key: 'packs',
    label: '使用数量',
    synonyms: ['数量', '销售数量', '本月使用', '本月使用数量', '使用量', '用量', '出库数量', '本月销售'],
    type: 'number',
    requiredColumn: true,
    requiredValue: true,
  },
  {
    key: 'salePriceFen',
    label: '销售单价',
    synonyms: ['单价', '售价', '销售价', '零售价', '零售单价', '销售价格', '单价（元）'],
    type: 'money',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'amountFen', label: '金额', synonyms: ['销售金额', '金额（元）', '使用金额', '合计金额'], type: 'money' },
  { key: 'movedOn', label: '日期', synonyms: ['使用日期', '销售日期', '出库日期'], type: 'date' },
];
