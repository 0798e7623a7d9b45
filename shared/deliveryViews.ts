/** Column definitions of the 采购入库, 配送 and 短缺 lists (on screen and in their exports). */
import type { ViewDef } from './views';

export const receiptView: ViewDef = {
  title: '采购入库记录',
  columns: [
    { id: 'receivedOn', header: '入库日期', kind: 'date', width: 11 },
    { id: 'genericName', header: '药品名称', kind: 'text', width: 16, filterable: true },
    { id: 'spec', header: '规格', kind: 'text', width: 14, filterable: true },
    { id: 'lotNo', header: '批号', kind: 'text', width: 12, filterable: true },
    { id: 'expiresOn', header: '有效期至', kind: 'date', width: 11 },
    { id: 'packs', header: '数量', kind: 'int', width: 7 },
    { id: 'packUnit', header: '单位', kind: 'text', width: 4 },
    { id: 'priceFen', header: '单价(元)', kind: 'money', width: 9 },
    { id: 'amountFen', header: '金额(元)', kind: 'money', width: 10 },
    { id: 'warnings', header: '提示', kind: 'text', width: 24 },
    { id: 'inStore', header: '中心库现存', kind: 'int', width: 9 },
    { id: 'supplier', header: '供货单位', kind: 'text', width: 16, filterable: true },
    { id: 'invoiceNo', header: '发票号', kind: 'text', width: 12, filterable: true },
    { id: 'producedOn', header: '生产日期', kind: 'date', width: 11 },
    { id: 'platformPriceFen', header: '当日挂网价(元)', kind: 'money', width: 11 },
    { id: 'priceDiffers', header: '价格不同', kind: 'bool', width: 8, filterable: true },
    { id: 'nearExpiry', header: '近效期', kind: 'bool', width: 7, filterable: true },
    { id: 'reversed', header: '已冲销', kind: 'bool', width: 7, filterable: true },
    { id: 'platformCode', header: '平台编码', kind: 'text', width: 12, filterable: true },
  ],
};

export const deliveryView: ViewDef = {
  title: '配送记录',
  columns: [
    { id: 'number', header: '配送单号', kind: 'text', width: 13, filterable: true },
    { id: 'month', header: '需求月份', kind: 'text', width: 9, filterable: true },
    { id: 'deliveredOn', header: '配送日期', kind: 'date', width: 11 },
    { id: 'clinicName', header: '村卫生室', kind: 'text', width: 16, filterable: true },
    { id: 'lines', header: '品种数', kind: 'int', width: 7 },
    { id: 'packs', header: '数量合计', kind: 'int', width: 9 },
    { id: 'amountFen', header: '金额(元)', kind: 'money', width: 11 },
    { id: 'shortLines', header: '短缺品种', kind: 'int', width: 8 },
    { id: 'deliveredBy', header: '经办人', kind: 'text', width: 10, filterable: true },
  ],
};

export const shortageView: ViewDef = {
  title: '短缺药品登记',
  columns: [
    { id: 'recordedOn', header: '登记日期', kind: 'date', width: 11 },
    { id: 'month', header: '需求月份', kind: 'text', width: 9, filterable: true },
    { id: 'clinicName', header: '村卫生室', kind: 'text', width: 16, filterable: true },
    { id: 'genericName', header: '药品名称', kind: 'text', width: 16, filterable: true },
    { id: 'spec', header: '规格', kind: 'text', width: 14 },
    { id: 'packs', header: '短缺数量', kind: 'int', width: 9 },
    { id: 'packUnit', header: '单位', kind: 'text', width: 5 },
    { id: 'reason', header: '短缺原因', kind: 'text', width: 12, filterable: true },
    { id: 'deliveryNumber', header: '配送单号', kind: 'text', width: 13 },
    { id: 'platformCode', header: '平台编码', kind: 'text', width: 12 },
  ],
};
