/**
 * Importing a month's use (`consumption`, --month) from a sheet as a clerk keeps it: a merged
 * title, a 填报单位 line, 序号, clinics written short (张庄村 or 张庄 for 张庄村卫生室), drugs by platform code
 * or by name and spec written another way, prices in 元, a 合计 row and a 填报人 line. Bad rows
 * are named — D2 (a sale price unlike the purchase price), more than the clinic holds, a clinic
 * or a drug not found, a date outside the month — and nothing is written; the cleaned sheet
 * imports FEFO at month end, and the same sheet again is refused row by row.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { makeContext } from '../../electron/db/context';
import { addClinic, clockAt, openSessionAt } from '../helpers/people';
import { addBatch, addDrug, deliver, receive } from '../helpers/stock';
import { dumpDb, tempDir } from '../helpers/tempDb';

type Cell = string | number | null;

async function useSheet(file: string, rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2月使用');
  ws.addRow(['河阳镇村卫生室药品使用月报（2026年2月）']);
  ws.mergeCells(1, 1, 1, 8);
  ws.addRow(['填报单位：河阳镇中心卫生院', null, null, null, null, '单位：盒、元']);
  ws.addRow(['序号', '卫生室', '药品编码', '药品名称', '规格', '本月使用数量', '零售价', '金额']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.addRow(['合计', null, null, null, null, rows.reduce((n, r) => n + Number(r[4] ?? 0), 0), null, null]);
  ws.addRow(['填报人：王会计', null, null, '审核人：李院长']);
  await wb.xlsx.writeFile(file);
  return file;
}

async function setUp() {
  const s = await openSessionAt('2026-03-05');
  const ctx = makeContext(s.db, '测试', clockAt('2026-03-05'));
  const east = await addClinic(s, '张庄', 800, 'C01');
  const west = await addClinic(s, '李营', 900, 'C02');
  const amox = addDrug(s.db, 'P001', '阿莫西林胶囊', 1250, '0.25g*24粒', '盒');
  const para = addDrug(s.db, 'P002', '对乙酰氨基酚片', 330, '0.5g*12片', '板');
  const a1 = addBatch(s.db, amox, 'A1', '2027-06-30', 1250);
  const p1 = addBatch(s.db, para, 'P1', '2027-01-31', 330);
  receive(ctx, a1, 50, '2026-01-05');
  receive(ctx, p1, 50, '2026-01-05');
  deliver(ctx, a1, east, 10, '2026-02-03');
  deliver(ctx, p1, east, 20, '2026-02-03');
  deliver(ctx, a1, west, 6, '2026-02-03');
  return { s, ctx, east, west, amox, para };
}

describe('import consumption (a month’s use)', () => {
  it('names every bad row and writes nothing; the clean sheet imports FEFO on the month’s last day', async () => {
    const { s, ctx, east } = await setUp();
    const dir = tempDir();
    const file = await useSheet(path.join(dir, '使用.xlsx'), [
      ['张庄村', 'P001', '阿莫西林胶囊', '0.25g*24粒', 4, 12.5, 50],
      ['张庄村卫生室', null, '对乙酰氨基酚片', '0.5克×12片', 6, 3.3, 19.8],
      ['李营', 'P001', null, null, 2, 13.5, 27],
      ['李营', null, '对乙酰氨基酚片', '0.5g*12片', 1, 3.3, 3.3],
      ['李营', 'P001', null, null, 7, 12.5, 87.5],
      ['北岗村', 'P001', null, null, 1, 12.5, 12.5],
      ['张庄村', null, '布洛芬缓释胶囊', null, 1, 8, 8],
    ]);
    const grid = await readSheetGrid({ file });
    const p = previewImport(s.db, 'consumption', grid, '2026-03-05', { month: '2026-02' });
    expect(p.headerRow).toBe(3);
    expect(p.notices[0]).toBe('使用记为 2026-02 月，日期 2026-02-28；按先到期先用从该卫生室的批次中扣减');
    expect(p.create.map((r) => r.row)).toEqual([4, 5]);
    expect(p.errors.map((e) => [e.row, e.columns, e.message.replace(/^第 \d+ 行：“[^”]+”：/, '')])).toEqual([
      [
        6,
        ['零售价'],
        '销售价 13.50 元 与进价 12.50 元 不符（零加成，D2）：阿莫西林胶囊（0.25g*24粒） 按先到期先用取自批号 A1，销售价必须等于进价',
      ],
      [7, ['本月使用数量'], '使用数量超过库存：对乙酰氨基酚片（0.5g*12片） 本卫生室在 2026年2月28日 结存 0 板，登记使用 1 板'],
      [8, ['本月使用数量'], '使用数量超过库存：阿莫西林胶囊（0.25g*24粒） 本卫生室在 2026年2月28日 结存 6 盒，登记使用 7 盒'],
      [9, ['卫生室'], '没有名为“北岗村”的村卫生室，请核对名称，或先在“村卫生室”中新增或导入该卫生室'],
      [10, ['药品名称'], '药品目录中没有“布洛芬缓释胶囊”（按通用名或商品名查找），请核对名称或填写平台编码'],
    ]);
    const before = dumpDb(s.db);
    await expect(importWorkbook(ctx, 'consumption', { file }, { month: '2026-02' })).rejects.toThrow('有 5 行有错误');
    expect(dumpDb(s.db)).toBe(before);
    await expect(importWorkbook(ctx, 'consumption', { file })).rejects.toThrow('导入村卫生室药品使用须指明月份');

    const clean = await useSheet(path.join(dir, '使用-改好.xlsx'), [
      ['张庄村', 'P001', '阿莫西林胶囊', '0.25g*24粒', 4, 12.5, 50],
      ['张庄村卫生室', null, '对乙酰氨基酚片', '0.5克×12片', 6, 3.3, 19.8],
      ['李营', 'P001', null, null, 2, 12.5, 25],
    ]);
    const r = await importWorkbook(ctx, 'consumption', { file: clean }, { month: '2026-02' });
    expect(r.created).toBe(3);
    const uses = s.db
      .prepare(
        "SELECT clinic_id AS place, moved_on AS day, packs, sale_price_fen AS sale FROM stock_movements WHERE kind = 'use' ORDER BY id",
      )
      .all();
    expect(uses).toEqual([
      { place: east, day: '2026-02-28', packs: -4, sale: 1250 },
      { place: east, day: '2026-02-28', packs: -6, sale: 330 },
      expect.objectContaining({ day: '2026-02-28', packs: -2, sale: 1250 }),
    ]);
    const again = previewImport(s.db, 'consumption', await readSheetGrid({ file: clean }), '2026-03-05', { month: '2026-02' });
    expect(again.create).toEqual([]);
    expect(again.errors[0]?.message).toContain(
      '张庄村卫生室 2026-02 月已登记使用此药 4 个包装（销售价 12.50 元），不能重复导入；如需更正请在“药品库存”中做盘点调整',
    );
  });
});
