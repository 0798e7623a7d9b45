/**
 * A 固定资产台账 as a clerk keeps it, built in the test with exceljs's full writer: a merged
 * title, a 填报单位 line, a group row above the column names, columns in their own order under
 * their own names with two the app does not know (累计折旧, 使用状况), amounts typed every way
 * (¥12,300.00, 8,500, 35.2万元, 1.23万, numeric cells), dates every way (2019.05.01, 2019/5/10,
 * 2020年3月1日, an Excel serial, a real date cell, 201805), a clinic named only in 使用科室,
 * three bad rows, a blank row, a 合计 row and a signature line.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Cell } from './messy';

export const ASSET_HEADER = [
  '序号',
  '资产名称',
  '卡片编号',
  '使用单位',
  '规格型号',
  '金额（元）',
  '类别',
  '数量',
  '单位',
  '购置日期',
  '投入使用日期',
  '折旧年限',
  '经费来源',
  '使用科室',
  '责任人',
  '累计折旧',
  '使用状况',
  '备注',
];

export type AssetSheetRow = { row: number; cells: Cell[] };

/** Six good rows (5–10): what they should become is in `expectedCards`. */
export const goodAssetRows: AssetSheetRow[] = [
  {
    row: 5,
    cells: [
      1,
      '心电图机',
      'ZZ-001',
      '张庄村卫生室',
      'ECG-1200',
      '¥12,300.00',
      '医疗设备',
      1,
      '台',
      '2019.05.01',
      '2019/5/10',
      '5年',
      '财政拨款',
      '诊室',
      '张建国',
      '9,000.00',
      '在用',
      '',
    ],
  },
  {
    row: 6,
    cells: [2, '办公电脑', 'ZZ-002', '张庄', '联想 M430', '8,500', '', 2, '台', '2020年3月1日', '', '', '自筹', '', '', '', '在用', '两台'],
  },
  {
    row: 7,
    cells: [
      3,
      '彩超',
      'WSY-OLD-01',
      '卫生院本部',
      'DC-40',
      '35.2万元',
      '专用设备',
      1,
      '台',
      43586,
      '',
      6,
      '上级调拨',
      '超声室',
      '',
      '',
      '在用',
      '',
    ],
  },
  {
    row: 8,
    cells: [
      4,
      '诊断床',
      'LY-001',
      '',
      '不锈钢',
      1600,
      '家具',
      1,
      '张',
      new Date(Date.UTC(2018, 5, 1)),
      '',
      '',
      '',
      '李营村卫生室药房',
      '',
      '',
      '',
      '',
    ],
  },
  { row: 9, cells: [5, '血糖仪', 'LY-002', '李营村卫生室', '', 299.29, '', 1, '台', '201805', '', '', '财政', '', '', '', '', ''] },
  {
    row: 10,
    cells: [
      6,
      '空调',
      'ZZ-003',
      '张庄村卫生室',
      '格力 1.5匹',
      '1.23万',
      '电气设备',
      1,
      '台',
      '2021-07-15',
      '2021-07-15',
      '',
      '自筹资金',
      '诊室',
      '',
      '',
      '',
      '',
    ],
  },
];

/** Bad rows: an unknown clinic (11), a garbled amount (12), no name (13). */
export const badAssetRows: AssetSheetRow[] = [
  { row: 11, cells: [7, '冰箱', 'XF-001', '幸福村卫生室', '', '2,400', '电气设备', 1, '台', '2022.01.01', '', '', '', '', '', '', '', ''] },
  {
    row: 12,
    cells: [8, '雾化器', 'ZZ-004', '张庄村卫生室', '', '一千二百元', '医疗设备', 1, '台', '2022.01.01', '', '', '', '', '', '', '', ''],
  },
  { row: 13, cells: [9, '', 'ZZ-005', '张庄村卫生室', '', '500', '家具', 1, '把', '2022.01.01', '', '', '', '', '', '', '', ''] },
];

/** What the good rows become: old code → card columns (value in 分). */
export const expectedCards: Record<string, Record<string, string | number | null>> = {
  'ZZ-001': {
    name: '心电图机',
    category: 'medical',
    value_fen: 1_230_000,
    quantity: 1,
    funding: 'fiscal',
    acquired_on: '2019-05-01',
    in_service_on: '2019-05-10',
    life_months: 60,
    location: '诊室',
    holder: '张庄村卫生室',
    custodian: '张建国',
  },
  'ZZ-002': {
    name: '办公电脑',
    category: 'computer_office',
    value_fen: 850_000,
    quantity: 2,
    funding: 'self',
    acquired_on: '2020-03-01',
    in_service_on: '2020-03-01',
    life_months: 72,
    location: '',
    holder: '张庄村卫生室',
    custodian: null,
  },
  'WSY-OLD-01': {
    name: '彩超',
    category: 'special_other',
    value_fen: 35_200_000,
    quantity: 1,
    funding: 'allocated',
    acquired_on: '2019-05-01',
    in_service_on: '2019-05-01',
    life_months: 72,
    location: '超声室',
    holder: null,
    custodian: null,
  },
  'LY-001': {
    name: '诊断床',
    category: 'furniture',
    value_fen: 160_000,
    quantity: 1,
    funding: 'other',
    acquired_on: '2018-06-01',
    in_service_on: '2018-06-01',
    life_months: 180,
    location: '李营村卫生室药房',
    holder: '李营村卫生室',
    custodian: null,
  },
  'LY-002': {
    name: '血糖仪',
    category: 'medical',
    value_fen: 29_929,
    quantity: 1,
    funding: 'fiscal',
    acquired_on: '2018-05-01',
    in_service_on: '2018-05-01',
    life_months: 60,
    location: '',
    holder: '李营村卫生室',
    custodian: null,
  },
  'ZZ-003': {
    name: '空调',
    category: 'electrical',
    value_fen: 1_230_000,
    quantity: 1,
    funding: 'self',
    acquired_on: '2021-07-15',
    in_service_on: '2021-07-15',
    life_months: 60,
    location: '诊室',
    holder: '张庄村卫生室',
    custodian: null,
  },
};

export async function writeAssetLedger(
  file: string,
  rows: readonly AssetSheetRow[],
  header: readonly string[] = ASSET_HEADER,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('固定资产台账');
  ws.getCell(1, 1).value = '河阳镇固定资产台账';
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(2, 1).value = '填报单位：河阳镇中心卫生院';
  ws.mergeCells(2, 1, 2, 8);
  ws.getCell(2, 10).value = '金额单位：元';
  ws.getCell(3, 2).value = '基本情况';
  ws.mergeCells(3, 2, 3, 5);
  ws.getCell(3, 6).value = '价值';
  ws.getRow(4).values = [...header];
  let last = 4;
  for (const r of rows) {
    ws.getRow(r.row).values = r.cells;
    last = Math.max(last, r.row);
  }
  ws.getRow(last + 2).values = ['合计', '', '', '', '', 12345];
  ws.getRow(last + 4).values = ['填报人：刘晓梅        审核人：王建华'];
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

export function messyAssetLedger(file: string, withBadRows = true): Promise<string> {
  return writeAssetLedger(file, withBadRows ? [...goodAssetRows, ...badAssetRows] : goodAssetRows);
}
