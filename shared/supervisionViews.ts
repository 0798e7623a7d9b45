/**
 * Columns of the supervision foundation's lists, for the screen and for “导出到 Excel” alike:
 * the year's responsibility letters (P1) and a template's items (P6).
 */
import type { ViewDef } from './views';

export const letterStatusLabels: Record<string, string> = { none: '未建立', unsigned: '未签', signed: '已签' };

export function letterView(year: number): ViewDef {
  return {
    title: `${year}年村卫生室目标管理责任书签订情况`,
    columns: [
      { id: 'clinicCode', header: '机构编码', kind: 'text', width: 12 },
      { id: 'clinicName', header: '村卫生室', kind: 'text', width: 18 },
      { id: 'headName', header: '负责人', kind: 'text', width: 10 },
      { id: 'status', header: '签订状态', kind: 'enum', labels: letterStatusLabels, width: 10 },
      { id: 'targets', header: '目标项数', kind: 'int', width: 9 },
      { id: 'signedOn', header: '签订日期', kind: 'date', width: 12 },
      { id: 'centerSigner', header: '甲方签字人', kind: 'text', width: 10 },
      { id: 'clinicSigner', header: '乙方签字人', kind: 'text', width: 10 },
    ],
  };
}

export const templateItemView = (title: string): ViewDef => ({
  title,
  columns: [
    { id: 'seq', header: '序号', kind: 'text', width: 6 },
    { id: 'group', header: '考核项目', kind: 'text', width: 16 },
    { id: 'content', header: '考核内容', kind: 'text', width: 36 },
    { id: 'points', header: '分值', kind: 'text', width: 9 },
    { id: 'method', header: '考核方法', kind: 'text', width: 18 },
    { id: 'standard', header: '评分标准', kind: 'text', width: 30 },
    { id: 'ruleRef', header: '依据', kind: 'text', width: 6 },
  ],
});
