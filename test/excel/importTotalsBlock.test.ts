/**
 * Issue 12 item 3: a clerk's sheet (title, merged title row, 序号, a 小计 per group, 合计, then
 * the signature line and a 填表说明 block whose lines look like rows) imports only its data rows.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/calls';
import { openSession } from '../helpers/tempDb';

async function clerkSheet(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政村');
  ws.getCell('A1').value = '河阳镇行政村基本情况表';
  ws.mergeCells('A1:E1');
  ws.getRow(3).values = ['序号', '村名', '户籍人口', '服务人口', '备注'];
  ws.getRow(4).values = [1, '张庄村', 1200, 1100, ''];
  ws.getRow(5).values = [2, '李营村', 900, 850, ''];
  ws.getRow(6).values = ['', '东片小计', 2100, 1950, ''];
  ws.getRow(7).values = [3, '王湾村', 700, 650, ''];
  ws.getRow(8).values = ['', '合计', 2800, 2600, ''];
  ws.getRow(10).values = ['填报人：李会计', '', '审核人：王院长'];
  ws.getRow(11).values = ['填表说明：'];
  // Lines of the note that a reader row by row took for villages.
  ws.getRow(12).values = ['', '赵庄村', '', '', '已并入张庄村'];
  ws.getRow(13).values = ['', '周岗村', 'abc', '', '人口待核'];
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('rows under 合计 are not data', () => {
  it('reads the three villages, passes over 小计, stops at 合计 and says what it left', async () => {
    const s = await openSession();
    const p = await call(s, 'import.preview', { kind: 'villages', fileName: '行政村.xlsx', base64: await clerkSheet() });
    expect(p.errors).toEqual([]);
    expect(p.create.map((r) => r.label)).toEqual(['张庄村', '李营村', '王湾村']);
    expect(p.notices.join('')).toContain('第 8 行“合计”是表格的结尾');
    const done = await call(s, 'import.commit', { kind: 'villages', fileName: '行政村.xlsx', base64: await clerkSheet() });
    expect(done).toBeTruthy();
    const names = (await call(s, 'villages.list', { limit: 50 })).rows.map((v) => v.name);
    expect(names.sort()).toEqual(['张庄村', '李营村', '王湾村'].sort());
  });
});
