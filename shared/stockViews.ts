/** Column definitions of the stock list (药品库存, on screen and in its export). */
import { expiryLabels } from './schemas/stock';
import type { ViewDef } from './views';

export const stockView: ViewDef = {
  title: '药品库存',
  columns: [
    { id: 'placeName', header: '存放地点', kind: 'text', width: 14, filterable: true },
    { id: 'platformCode', header: '平台编码', kind: 'text', width: 12, filterable: true },
    { id: 'genericName', header: '通用名', kind: 'text', width: 16, filterable: true },
    { id: 'spec', header: '规格', kind: 'text', width: 14, filterable: true },
    { id: 'packUnit', header: '单位', kind: 'text', width: 5 },
    { id: 'packs', header: '结存数量', kind: 'int', width: 9 },
    { id: 'amountFen', header: '结存金额(元)', kind: 'money', width: 11 },
    { id: 'batches', header: '批次数', kind: 'int', width: 7 },
    { id: 'firstExpiry', header: '最近有效期至', kind: 'date', width: 12 },
    { id: 'expiry', header: '效期状态', kind: 'enum', labels: expiryLabels, width: 9, filterable: true },
  ],
};
