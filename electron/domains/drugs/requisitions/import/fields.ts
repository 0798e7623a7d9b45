/**
 * The columns of a requisition sheet (药品请领单/需求计划) as clerks keep it: the clinic (absent
 * on a sheet named after its clinic), the drug by platform code or by name and spec, the
 * quantity in packs ("10", "10盒"), the pack unit and a note. Drug columns are named as on the
 * receipts and the use sheets.
 */
import type { FieldDef } from '../../../../excel/import/types';

export const requisitionFields: readonly FieldDef[] = [
  {
    key: 'clinic',
    label: '村卫生室',
    synonyms: ['卫生室', '卫生室名称', '村卫生室名称', '请领单位', '申请单位', '单位名称', '机构名称', '村室'],
    type: 'text',
  },
  {
    key: 'platformCode',
    label: '平台编码',
    synonyms: ['药品编码', '产品编码', '平台药品编码', '挂网编码', '药品代码', '采购平台编码'],
    type: 'code',
  },
  { key: 'drugName', label: '药品名称', synonyms: ['通用名', '通用名称', '药品通用名', '品名', '药名'], type: 'text' },
  { key: 'spec', label: '规格', synonyms: ['药品规格', '规格型号', '包装规格', '制剂规格'], type: 'text' },
  { key: 'maker', label: '生产企业', synonyms: ['生产厂家', '厂家', '生产单位', '厂商'], type: 'text' },
  {
    key: 'packs',
    label: '请领数量',
    synonyms: ['数量', '申请数量', '需求数量', '计划数量', '请购数量', '申领数量', '本月请领'],
    // Text: "10盒" is read here, its unit checked against the drug's pack unit.
    type: 'text',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'unit', label: '包装单位', synonyms: ['单位', '计量单位', '包装'], type: 'text' },
  { key: 'note', label: '备注', synonyms: ['说明'], type: 'text' },
];
