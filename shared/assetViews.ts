/** Column definitions of the asset lists (on screen and in their exports). */
import { categoryLabels } from './rules/assetCategories';
import { assetStatusLabels, fundingLabels } from './schemas/assets';
import type { ViewDef } from './views';

export const assetView: ViewDef = {
  title: '固定资产台账',
  columns: [
    { id: 'code', header: '资产编号', kind: 'text', width: 11, filterable: true },
    { id: 'name', header: '资产名称', kind: 'text', width: 14, filterable: true },
    { id: 'category', header: '资产类别', kind: 'enum', labels: categoryLabels, width: 14, filterable: true },
    { id: 'model', header: '规格型号', kind: 'text', width: 12, filterable: true },
    { id: 'holderName', header: '所在单位', kind: 'text', width: 13, filterable: true },
    { id: 'quantity', header: '数量', kind: 'int', width: 5 },
    { id: 'unit', header: '单位', kind: 'text', width: 5 },
    { id: 'valueFen', header: '原值(元)', kind: 'money', width: 11 },
    { id: 'accumulatedFen', header: '累计折旧(元)', kind: 'money', width: 11 },
    { id: 'bookValueFen', header: '净值(元)', kind: 'money', width: 11 },
    { id: 'status', header: '状态', kind: 'enum', labels: assetStatusLabels, width: 8, filterable: true },
    { id: 'funding', header: '资金来源', kind: 'enum', labels: fundingLabels, width: 8, filterable: true },
    { id: 'acquiredOn', header: '购置日期', kind: 'date', width: 10 },
    { id: 'custodianName', header: '保管人', kind: 'text', width: 8, filterable: true },
    { id: 'location', header: '存放地点', kind: 'text', width: 12, filterable: true },
    { id: 'lastStocktakeOn', header: '最近盘点', kind: 'date', width: 10 },
  ],
};
