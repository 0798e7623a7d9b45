/** Column definitions of the 集采药品 lists (on screen and in their exports). */
import type { ViewDef } from './views';

export const vbpCoverView: ViewDef = {
  title: '集采药品库存保障',
  columns: [
    { id: 'genericName', header: '通用名', kind: 'text', width: 16, filterable: true },
    { id: 'spec', header: '规格', kind: 'text', width: 14 },
    { id: 'vbpBatch', header: '集采批次', kind: 'text', width: 10, filterable: true },
    { id: 'placeName', header: '村卫生室', kind: 'text', width: 14, filterable: true },
    { id: 'onHand', header: '现有库存', kind: 'int', width: 8 },
    { id: 'used3m', header: '近三月用量', kind: 'int', width: 10 },
    { id: 'monthsOfCover', header: '可用月数', kind: 'decimal', width: 8 },
    { id: 'low', header: '保障不足', kind: 'bool', width: 8, filterable: true },
  ],
};

export const vbpVolumeView: ViewDef = {
  title: '集采药品约定采购量完成进度',
  columns: [
    { id: 'genericName', header: '通用名', kind: 'text', width: 16, filterable: true },
    { id: 'spec', header: '规格', kind: 'text', width: 14 },
    { id: 'vbpBatch', header: '集采批次', kind: 'text', width: 10, filterable: true },
    { id: 'annualPacks', header: '约定年采购量', kind: 'int', width: 10 },
    { id: 'receivedPacks', header: '本年已入库', kind: 'int', width: 10 },
    { id: 'progress', header: '完成进度(%)', kind: 'decimal', width: 10 },
    { id: 'yearElapsed', header: '时间进度(%)', kind: 'decimal', width: 10 },
    { id: 'behind', header: '进度落后', kind: 'bool', width: 8, filterable: true },
  ],
};
