/**
 * The columns of a provincial platform's catalog export (D9), with the names platforms give
 * them. Headers are scored against these (excel/import/headerScore.ts), so a variant the lists
 * do not spell (挂网采购价格（元/盒）) still finds its field.
 */
import type { FieldDef } from '../../../excel/import/types';

/** How platforms write the essential mark; a blank cell in a marked column is 否 (drugs' kind). */
const marks = {
  是: 'yes',
  国基: 'yes',
  基药: 'yes',
  国家基药: 'yes',
  基本药物: 'yes',
  国家基本药物: 'yes',
  '★': 'yes',
  '☆': 'yes',
  '√': 'yes',
  Y: 'yes',
  否: 'no',
  非基药: 'no',
  非基: 'no',
  非基本药物: 'no',
  无: 'no',
  '×': 'no',
  N: 'no',
  省基: 'no',
  省增补: 'no',
};

export const drugFields: readonly FieldDef[] = [
  {
    key: 'platformCode',
    label: '平台编码',
    synonyms: [
      '药品编码',
      '产品编码',
      '平台药品编码',
      '挂网编码',
      '产品ID',
      '药品ID',
      '采购平台编码',
      '药品流水号',
      '产品代码',
      '药品代码',
    ],
    type: 'code',
    requiredColumn: true,
    requiredValue: true,
  },
  {
    key: 'nationalCode',
    label: '国家药品代码',
    synonyms: ['国家医保药品代码', '医保药品编码', '国家医保编码', '国家药品编码', '药品本位码', '本位码', 'YPID', '医保代码'],
    type: 'code',
  },
  {
    key: 'genericName',
    label: '通用名',
    synonyms: ['通用名称', '药品通用名', '药品名称', '药品通用名称', '品名', '产品名称'],
    type: 'text',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'tradeName', label: '商品名', synonyms: ['商品名称', '商品名称（品牌）'], type: 'text' },
  { key: 'form', label: '剂型', synonyms: ['药品剂型', '剂型名称'], type: 'text' },
  { key: 'spec', label: '规格', synonyms: ['药品规格', '制剂规格', '规格包装', '包装规格'], type: 'text' },
  { key: 'packUnit', label: '包装单位', synonyms: ['最小包装单位', '单位', '计价单位'], type: 'text' },
  {
    key: 'maker',
    label: '生产企业',
    synonyms: ['生产厂家', '厂家', '生产企业名称', '厂商', '生产单位', '上市许可持有人'],
    type: 'text',
  },
  {
    key: 'priceFen',
    label: '挂网价（每包装）',
    synonyms: [
      '挂网价',
      '挂网价格',
      '平台价格',
      '采购价',
      '采购价格',
      '中标价',
      '最小包装价格',
      '最小包装单价',
      '包装价格',
      '价格',
      '单价',
    ],
    type: 'money',
    requiredColumn: true,
    requiredValue: true,
  },
  {
    key: 'unitPrice',
    label: '最小单位价格',
    synonyms: ['最小制剂单位价格', '最小使用单位价格', '最小单位价', '制剂单价', '单位价格', '最小计量单位价格'],
    type: 'text',
  },
  {
    key: 'platformMark',
    label: '基药标识',
    synonyms: ['是否基药', '基本药物', '国家基药', '基药', '基药标志', '基药属性', '是否基本药物', '基药类别'],
    type: 'enum',
    choices: marks,
  },
  { key: 'vbpBatch', label: '集采批次', synonyms: ['带量采购批次', '集中带量采购', '集采', '国家集采批次', '集采属性'], type: 'text' },
  { key: 'insuranceClass', label: '医保类别', synonyms: ['医保类型', '医保甲乙类', '医保分类', '医保'], type: 'text' },
];
