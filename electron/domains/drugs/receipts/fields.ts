/**
 * The columns of a supplier's delivery note (随货同行单) or the clerk's 入库登记表, with the
 * names they go by. A drug is named by its platform code, or by name and spec (and maker when
 * two makers share both); 有效期 may be a month (2027-06: through the end of June).
 */
import type { FieldDef } from '../../../excel/import/types';

export const receiptFields: readonly FieldDef[] = [
  {
    key: 'platformCode',
    label: '平台编码',
    synonyms: ['药品编码', '产品编码', '平台药品编码', '挂网编码', '药品代码', '产品代码', '采购平台编码'],
    type: 'code',
  },
  {
    key: 'drugName',
    label: '药品名称',
    synonyms: ['通用名', '通用名称', '药品通用名', '品名', '产品名称', '药名', '商品名称'],
    type: 'text',
  },
  { key: 'spec', label: '规格', synonyms: ['药品规格', '规格型号', '包装规格', '制剂规格'], type: 'text' },
  { key: 'maker', label: '生产企业', synonyms: ['生产厂家', '厂家', '生产单位', '厂商', '上市许可持有人'], type: 'text' },
  {
    key: 'lotNo',
    label: '批号',
    synonyms: ['生产批号', '产品批号', '药品批号', '批次号'],
    type: 'code',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'producedOn', label: '生产日期', synonyms: ['生产时间', '制造日期'], type: 'date' },
  {
    key: 'expiresOn',
    label: '有效期至',
    synonyms: ['有效期', '失效日期', '效期', '有效日期', '有效期限', '到期日期'],
    type: 'month',
    requiredColumn: true,
    requiredValue: true,
  },
  {
    key: 'packs',
    label: '数量',
    synonyms: ['入库数量', '实收数量', '到货数量', '验收数量', '件数', '数量（盒）', '入库数'],
    type: 'number',
    requiredColumn: true,
    requiredValue: true,
  },
  {
    key: 'priceFen',
    label: '单价',
    synonyms: ['进价', '采购单价', '购进单价', '购进价', '采购价', '单价（元）', '含税单价'],
    type: 'money',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'amountFen', label: '金额', synonyms: ['金额（元）', '采购金额', '购进金额', '含税金额', '合计金额'], type: 'money' },
  { key: 'invoiceNo', label: '发票号', synonyms: ['发票号码', '发票编号', '票号'], type: 'code' },
  { key: 'supplier', label: '供货单位', synonyms: ['供应商', '配送企业', '配送单位', '供货企业', '配送商'], type: 'text' },
  {
    key: 'receivedOn',
    label: '入库日期',
    synonyms: ['到货日期', '验收日期', '收货日期', '入库时间', '日期'],
    type: 'date',
    requiredColumn: true,
    requiredValue: true,
  },
];
