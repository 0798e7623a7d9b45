/**
 * `import scores` (issue 11 part 3): the sheet clerks fill after the month's visits, as a county
 * sheet looks — a merged title, a unit row, 序号, items by 序号 or by content (written with its
 * points （10分） or a space), 得分 or 扣分, 一票否决 是/否, a 合计 row and a signature line. Rows
 * of one clinic make one visit scored against the template in force; bad rows are named with
 * the item and nothing is written; a clean sheet commits one visit per clinic with its total.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { call } from '../helpers/calls';
import { addClinic, openSessionAt } from '../helpers/people';
import { dumpDb, tempDir } from '../helpers/tempDb';
import { addTemplate } from '../helpers/visits';

type Cell = string | number | null;
const HEADER = ['序号', '村卫生室', '督导日期', '项目序号', '考核内容', '分值', '得分', '扣分', '扣分原因', '一票否决'];

const good: Cell[][] = [
  [1, '东坡村卫生室', '2026.9.8', 1, '规章制度上墙，岗位职责明确', 10, 10, null, null, '否'],
  [2, '东坡', '2026.9.8', 2, null, 10, 8.5, null, '例会缺席一次', null],
  [3, '东坡村卫生室', '2026.9.8', null, '处方书写规范 合理用药（30分）', 30, null, 4, '处方未写诊断', null],
  [4, '东坡村卫生室', '2026.9.8', '4', '药品零差率销售，进销存账物相符', 30, 28, null, null, null],
  [5, '东坡村卫生室', '2026.9.8', '5.', '居民健康档案建档及更新', 20, 17, null, null, null],
  [6, '东坡村卫生室', '2026.9.8', 7, '发生重大医疗事故', null, null, null, null, '否'],
  [7, '西沟村卫生室', '2026年9月9日', 1, null, 10, 9, null, null, null],
  [8, '西沟村卫生室', '2026年9月9日', 2, null, 10, 9, null, null, null],
  [9, '西沟村卫生室', '2026年9月9日', 3, null, 30, 25, null, null, null],
  [10, '西沟村卫生室', '2026年9月9日', 4, null, 30, 25, null, null, null],
  [11, '西沟村卫生室', '2026年9月9日', 5, null, 20, 15, null, null, null],
  [12, '西沟村卫生室', '2026年9月9日', 7, null, null, null, null, '发生医疗事故', '是'],
];

async function sheet(file: string, rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('督导评分');
  ws.addRow(['2026年9月村卫生室督导考核评分表']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(['填报单位：青石镇卫生院', null, null, null, null, null, null, null, '单位：分']);
  ws.mergeCells(2, 1, 2, 4);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.addRow(['合计', null, null, null, null, rows.reduce((s, r) => s + Number(r[5] ?? 0), 0)]);
  ws.addRow(['督导人：王芳', null, null, null, '审核：']);
  await wb.xlsx.writeFile(file);
  return file;
}

async function setUp() {
  const s = await openSessionAt('2026-09-30');
  addTemplate(s.db, '2026-01');
  const a = await addClinic(s, '东坡', 1000, 'C01');
  const b = await addClinic(s, '西沟', 900, 'C02');
  return { s, a, b, dir: tempDir() };
}

describe('score import', () => {
  it('reads the county sheet below its title: items by 序号 or content, 扣分 to a score; one visit per clinic', async () => {
    const { s, dir } = await setUp();
    const file = await sheet(path.join(dir, 'scores.xlsx'), good);
    const p = previewImport(s.db, 'scores', await readSheetGrid({ file }), '2026-09-30');
    expect(p.headerRow).toBe(3);
    expect(p.errors).toEqual([]);
    expect(p.create).toHaveLength(12);
    await importWorkbook(s.ctx, 'scores', { file });
    const month = await call(s, 'visits.month', { month: '2026-09' });
    // 东坡 10 + 8.5 + (30 − 4) + 28 + 17 = 89.5; 西沟 83 vetoed → 0.
    expect(month.map((r) => [r.clinicName, r.status, r.visitedOn, r.totalTenths, r.vetoed])).toEqual([
      ['东坡村卫生室', 'final', '2026-09-08', 895, false],
      ['西沟村卫生室', 'final', '2026-09-09', 0, true],
    ]);
    const again = previewImport(s.db, 'scores', await readSheetGrid({ file }), '2026-09-30');
    expect(again.create).toHaveLength(0);
    expect(again.update).toHaveLength(0);
  });

  it('names every bad row and writes nothing', async () => {
    const { s, dir } = await setUp();
    const bad: Cell[][] = good.map((r) => [...r]);
    (bad[2] as Cell[])[7] = null; // 东坡 item 3: neither score nor deduction
    (bad[3] as Cell[])[6] = 31; // above the maximum of 30
    (bad[6] as Cell[])[1] = '北山村卫生室'; // no such clinic
    (bad[7] as Cell[])[3] = 9; // no item 9
    (bad[8] as Cell[])[6] = 25.25; // two decimals
    (bad[9] as Cell[])[9] = '是'; // veto on an item that is not a veto item
    const file = await sheet(path.join(dir, 'bad.xlsx'), bad);
    const before = dumpDb(s.db);
    const p = previewImport(s.db, 'scores', await readSheetGrid({ file }), '2026-09-30');
    const byRow = new Map(p.errors.map((e) => [e.row, e.message]));
    expect(byRow.get(6)).toContain('“3 处方书写规范，合理用药”没有填写得分（或扣分）');
    expect(byRow.get(7)).toContain('“4 药品零差率销售，进销存账物相符”的得分 31.0 超过该项分值 30.0 分');
    expect(byRow.get(10)).toContain('北山村卫生室');
    expect(byRow.get(11)).toContain('没有序号为“9”的项目');
    expect(byRow.get(12)).toContain('最多保留一位小数');
    expect(byRow.get(13)).toContain('不是一票否决项');
    await expect(importWorkbook(s.ctx, 'scores', { file })).rejects.toThrow(/行有错误，未导入任何数据/);
    expect(dumpDb(s.db)).toBe(before);
  });
});
