/**
 * Workbooks as clerks really send them, built in the test with exceljs's full writer: merged
 * title rows, a 填报单位 line, columns shuffled, an unknown column, numbers typed as text with
 * separators, rich text, formula results, blank rows, a 合计 row and a signature line.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';

export type Cell = ExcelJS.CellValue;

export const VILLAGE_HEADER = [
  '序号',
  '服务人口\n（人）',
  '*村名',
  '联系电话',
  '户籍人口',
  '是否卫生院驻地',
  '距离（公里）',
  '覆盖方式',
  '每月巡诊次数',
  '备注',
];

/** Good rows: 新安村, 河湾村, 东岭村 are new; 张庄村 is in the demo and is updated. */
export const goodVillageRows: { row: number; cells: Cell[] }[] = [
  { row: 4, cells: [1, '1,250', '新安村', '13800000000', 1300, '否', 3.2, '', '', '新建村'] },
  { row: 5, cells: [2, 2300, '张庄村', '', { richText: [{ text: '2,' }, { text: '400' }] }, '×', '3.5', '', '', '卫生室在村委旁'] },
  { row: 9, cells: [6, { formula: 'B4+100', result: 1350 }, '河湾村', '', '１，４００', '', '9.5', '巡诊', '4', ''] },
  { row: 11, cells: [7, 900, '东岭村', '', 950, '否', 12, '派驻', '', ''] },
];

/** Bad rows: an unreadable number, a missing name, a 是/否 that is neither. */
export const badVillageRows: { row: number; cells: Cell[] }[] = [
  { row: 6, cells: [3, '一千', '坏数村', '', 1000, '否', 2, '', '', ''] },
  { row: 7, cells: [4, 800, '', '', 900, '否', 1, '', '', '没有村名'] },
  { row: 8, cells: [5, 600, '山后村', '', 650, '也许', 7, '巡诊', 2, ''] },
];

function titleRows(ws: ExcelJS.Worksheet, title: string, width: number): void {
  ws.getCell(1, 1).value = title;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(2, 1).value = '填报单位：河阳镇中心卫生院';
  if (width < 7) return;
  ws.mergeCells(2, 1, 2, 5);
  ws.getCell(2, 6).value = '填报日期：2026年3月5日';
  ws.mergeCells(2, 6, 2, width);
}

export async function writeWorkbook(
  file: string,
  header: readonly string[],
  rows: readonly { row: number; cells: Cell[] }[],
  opts: { title?: string; footer?: boolean } = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  titleRows(ws, opts.title ?? '河阳镇行政村基本情况表', header.length);
  ws.getRow(3).values = [...header];
  let last = 3;
  for (const r of rows) {
    ws.getRow(r.row).values = r.cells;
    last = Math.max(last, r.row);
  }
  if (opts.footer !== false) {
    ws.getRow(last + 1).values = ['合计', 99999, '', '', 99999];
    ws.getRow(last + 3).values = ['填报人：张三        审核人：李四'];
  }
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

export function messyVillages(file: string, withBadRows = true): Promise<string> {
  return writeWorkbook(file, VILLAGE_HEADER, withBadRows ? [...goodVillageRows, ...badVillageRows] : goodVillageRows);
}

export const CLINIC_HEADER = ['机构编码', '名称', '所在村', '延伸村', '产权', '面积', '是否医保定点', '负责人', '地址', '电话'];

export const clinicRows: { row: number; cells: Cell[] }[] = [
  // Known code: updates the demo's 张庄村卫生室 (area 120 → 130).
  { row: 4, cells: ['HY001-01', '张庄村卫生室', '张庄村', '', '公有', '130', '是', '张建国', '河阳县河阳镇张庄村', ''] },
  // 合建 of two villages, one written without 村; an extension village in its own column.
  { row: 5, cells: ['XA-01', '王赵联合卫生室', '王屯、赵坡村', '褚河村', '', 80, '否', '王五', '', ''] },
  // The app's own export marks extension villages with （延伸）.
  { row: 6, cells: ['XA-03', '李营延伸点', '李营村（延伸）', '', '集体', '', '√', '', '', ''] },
  // A code typed as a number.
  { row: 7, cells: [1001, '吴岗村第二卫生室', '吴岗村', '', '公有产权', '66.5', '否', '吴六', '', ''] },
];

export const badClinicRows: { row: number; cells: Cell[] }[] = [
  { row: 8, cells: ['XA-02', '幽灵卫生室', '不存在村', '', '', 50, '是', '', '', ''] },
  { row: 9, cells: ['坏 编码', '编码错的卫生室', '孙楼村', '', '', 50, '是', '', '', ''] },
];

export function messyClinics(file: string, withBadRows = true): Promise<string> {
  return writeWorkbook(file, CLINIC_HEADER, withBadRows ? [...clinicRows, ...badClinicRows] : clinicRows, { title: '村卫生室名册' });
}
