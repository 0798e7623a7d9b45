/** Column definitions of the drug catalog (on screen and in its export). */
import { essentialOnDateLabels, platformMarkLabels } from './schemas/drugs';
import type { ViewDef } from './views';

export const drugView: ViewDef = {
  title: '药品目录',
  columns: [
    { id: 'platformCode', header: '平台编码', kind: 'text', width: 12, filterable: true },
    { id: 'genericName', header: '通用名', kind: 'text', width: 16, filterable: true },
    { id: 'spec', header: '规格', kind: 'text', width: 14, filterable: true },
    { id: 'form', header: '剂型', kind: 'text', width: 8, filterable: true },
    { id: 'essential', header: '基药（按日期）', kind: 'enum', labels: essentialOnDateLabels, width: 12, filterable: true },
    { id: 'priceFen', header: '挂网价(元)', kind: 'money', width: 10 },
    { id: 'vbpBatch', header: '集采批次', kind: 'text', width: 10, filterable: true },
    { id: 'maker', header: '生产企业', kind: 'text', width: 18, filterable: true },
    { id: 'packUnit', header: '包装单位', kind: 'text', width: 6 },
    { id: 'tradeName', header: '商品名', kind: 'text', width: 10, filterable: true },
    { id: 'insuranceClass', header: '医保类别', kind: 'text', width: 6, filterable: true },
    { id: 'platformMark', header: '平台基药标识', kind: 'enum', labels: platformMarkLabels, width: 8, filterable: true },
    { id: 'editionName', header: '依据目录', kind: 'text', width: 16 },
    { id: 'nationalCode', header: '国家药品代码', kind: 'text', width: 14, filterable: true },
  ],
};
