/** Column definitions of the requisition list and the purchase plan (on screen and in their exports). */
import { requisitionStatusLabels } from './schemas/requisitions';
import type { ViewDef } from './views';

export const requisitionView: ViewDef = {
  title: '药品请领汇总',
  columns: [
    { id: 'clinicCode', header: '机构编码', kind: 'text', width: 8, filterable: true },
    { id: 'clinicName', header: '村卫生室', kind: 'text', width: 12, filterable: true },
    { id: 'status', header: '状态', kind: 'enum', labels: requisitionStatusLabels, width: 6, filterable: true },
    { id: 'over', header: '超出份额', kind: 'bool', width: 6, filterable: true },
    { id: 'lines', header: '品种数', kind: 'int', width: 5 },
    { id: 'totalFen', header: '金额(元)', kind: 'money', width: 9 },
    { id: 'outsideItems', header: '非基药品种', kind: 'int', width: 7 },
    { id: 'itemPercent', header: '品种占比%', kind: 'decimal', width: 7 },
    { id: 'outsideFen', header: '非基药金额(元)', kind: 'money', width: 9 },
    { id: 'valuePercent', header: '金额占比%', kind: 'decimal', width: 7 },
    { id: 'approvedBy', header: '审批人', kind: 'text', width: 7, filterable: true },
    { id: 'approvalReason', header: '审批理由', kind: 'text', width: 20, filterable: true },
  ],
};

export const purchaseView: ViewDef = {
  title: '药品采购计划',
  columns: [
    { id: 'platformCode', header: '平台编码', kind: 'text', width: 9, filterable: true },
    { id: 'genericName', header: '通用名', kind: 'text', width: 13, filterable: true },
    { id: 'spec', header: '规格', kind: 'text', width: 11, filterable: true },
    { id: 'packs', header: '采购数量', kind: 'int', width: 6 },
    { id: 'priceFen', header: '单价(元)', kind: 'money', width: 7 },
    { id: 'amountFen', header: '金额(元)', kind: 'money', width: 9 },
    { id: 'requestedPacks', header: '卫生室请领', kind: 'int', width: 7 },
    { id: 'extraPacks', header: '卫生院自购', kind: 'int', width: 9 },
    { id: 'clinics', header: '请领卫生室数', kind: 'int', width: 8 },
    { id: 'essential', header: '基药', kind: 'bool', width: 4, filterable: true },
    { id: 'packUnit', header: '包装单位', kind: 'text', width: 6 },
    { id: 'form', header: '剂型', kind: 'text', width: 7, filterable: true },
    { id: 'maker', header: '生产企业', kind: 'text', width: 14, filterable: true },
    { id: 'note', header: '备注', kind: 'text', width: 12, filterable: true },
  ],
};
