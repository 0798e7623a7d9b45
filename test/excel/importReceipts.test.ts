/**
 * The supplier's delivery note imported as receipts (issue 10 part 4): a clerk-style sheet —
 * title rows, merged cells, 序号, a 合计 row — with dates in the forms clerks type (2026.3.1,
 * 2026年3月1日, 20260301, 2026/03/01, a real date cell) and expiries written as a month, prices
 * in 元; drugs by platform code or by name and spec. Bad rows are named and nothing is written;
 * warnings (a price unlike the platform's, near expiry) show in the preview and do not stop it.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { dumpDb } from '../helpers/tempDb';
import { catalogDrug } from '../helpers/delivery';
import { countRows, freshDb } from './support';
import type { Db } from '../../electron/db/open';

type Cell = string | number | Date | null;

const HEADER = [
  '序号',
  '药品编码',
  '品名',
  '规格',
  '生产厂家',
  '批号',
  '生产日期',
  '有效期至',
  '单位',
  '数量',
  '单价（元）',
  '金额（元）',
  '入库日期',
  '发票号码',
  '供货单位',
];
const SUPPLIER = '国药控股河东有限公司';

const good: Cell[][] = [
  [
    1,
    'HD0001',
    '阿莫西林胶囊',
    '0.25g*24粒',
    '珠海联邦',
    'A2401',
    '2025.9.1',
    '2027-06',
    '盒',
    20,
    9.8,
    196,
    '2026.3.1',
    'FP0001',
    SUPPLIER,
  ],
  [
    2,
    null,
    '阿莫西林胶囊',
    '0.25克×24粒/盒',
    '珠海联邦',
    'A2402',
    '2025年10月1日',
    '2027.08',
    '盒',
    10,
    '¥9.80',
    98,
    '2026年3月1日',
    'FP0001',
    SUPPLIER,
  ],
  [3, null, '二甲双胍片', '0.5g*48片', '石药欧意', 'M001', 20250501, '2026-05-30', '盒', 5, 4.5, 22.5, 20260301, 'FP0001', SUPPLIER],
  [4, 'HD0003', null, null, null, 'H77', '2025/06/01', '2028.12', '盒', 8, 15.3, 122.4, '2026/03/01', 'FP0001', SUPPLIER],
  [
    5,
    'HD0001',
    '阿莫西林胶囊',
    null,
    null,
    'A2403',
    null,
    '2027-12-31',
    '盒',
    2,
    9.8,
    19.6,
    new Date(Date.UTC(2026, 2, 1)),
    'FP0001',
    SUPPLIER,
  ],
];

async function note(file: string, rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('随货同行单');
  ws.addRow([`${SUPPLIER} 随货同行单`]);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(['购货单位：河阳镇中心卫生院', null, null, null, null, null, null, null, null, null, '单位：元']);
  ws.mergeCells(2, 1, 2, 5);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const total = rows.reduce((s, r) => s + (typeof r[11] === 'number' ? r[11] : 0), 0);
  ws.addRow(['合计', null, null, null, null, null, null, null, null, rows.reduce((s, r) => s + Number(r[9]), 0), null, total]);
  ws.addRow(['制表人：王芳', null, null, null, '收货人：', null, null, '审核：']);
  await wb.xlsx.writeFile(file);
  return file;
}

function catalog(db: Db): void {
  catalogDrug(db, 'HD0001', '阿莫西林胶囊', 980, '0.25g*24粒', '珠海联邦制药');
  catalogDrug(db, 'HD0002', '二甲双胍片', 406, '0.5g*48片', '石药欧意');
  catalogDrug(db, 'HD0003', '头孢克洛胶囊', 1530, '0.25g*12粒', '苏州中化');
  catalogDrug(db, 'HD0004', '二甲双胍片', 420, '0.5g*48片', '中美施贵宝');
  catalogDrug(db, 'HD0005', '硝苯地平缓释片', 690, '20mg*30片', '上海信谊');
}

describe('receipts import (part 4)', () => {
  it('reads a delivery note below its title rows: dates in five forms, month expiries to month end, 元 to 分; warns, then commits', async () => {
    const { db, ctx, dir } = await freshDb(false);
    catalog(db);
    const file = await note(path.join(dir, 'note.xlsx'), good);
    const p = previewImport(db, 'receipts', await readSheetGrid({ file }), '2026-03-05');
    expect(p.headerRow).toBe(3);
    expect(p.errors).toEqual([]);
    expect(p.create).toHaveLength(5);
    expect(p.notices.join()).toContain('按该月最后一天计');
    const byLot = new Map(p.create.map((r) => [(r.values as { lotNo: string }).lotNo, r]));
    expect(byLot.get('A2401')?.values).toMatchObject({
      expiresOn: '2027-06-30',
      producedOn: '2025-09-01',
      receivedOn: '2026-03-01',
      priceFen: 980,
    });
    expect(byLot.get('A2402')?.values).toMatchObject({ expiresOn: '2027-08-31', producedOn: '2025-10-01', receivedOn: '2026-03-01' });
    expect(byLot.get('M001')?.values).toMatchObject({ producedOn: '2025-05-01', receivedOn: '2026-03-01', priceFen: 450 });
    expect(byLot.get('H77')?.values).toMatchObject({ expiresOn: '2028-12-31', receivedOn: '2026-03-01' });
    expect(byLot.get('A2403')?.values).toMatchObject({ receivedOn: '2026-03-01', producedOn: null });
    // 二甲双胍片 0.5g*48片 by two makers: 石药欧意 settles it. Its price differs from 4.06 元; it expires in 90 days, within the window.
    expect(byLot.get('M001')?.label).toContain('二甲双胍片');
    expect(byLot.get('M001')?.changes.join()).toContain('与当日挂网价 4.06 元 不同');
    expect(byLot.get('M001')?.changes.join()).toContain('近效期');
    expect(byLot.get('A2401')?.changes).toEqual([]);

    const r = await importWorkbook(ctx, 'receipts', { file });
    expect(r.created).toBe(5);
    const batches = db
      .prepare(
        'SELECT d.platform_code, b.lot_no, b.supplier, b.invoice_no FROM drug_batches b JOIN drugs d ON d.id = b.drug_id ORDER BY b.id',
      )
      .raw()
      .all();
    expect(batches).toEqual([
      ['HD0001', 'A2401', SUPPLIER, 'FP0001'],
      ['HD0001', 'A2402', SUPPLIER, 'FP0001'],
      ['HD0002', 'M001', SUPPLIER, 'FP0001'],
      ['HD0003', 'H77', SUPPLIER, 'FP0001'],
      ['HD0001', 'A2403', SUPPLIER, 'FP0001'],
    ]);
    expect(db.prepare("SELECT sum(packs) FROM stock_movements WHERE kind = 'receipt' AND clinic_id IS NULL").pluck().get()).toBe(45);

    // The same note again adds nothing: every row is already on file.
    const again = previewImport(db, 'receipts', await readSheetGrid({ file }), '2026-03-05');
    expect(again.create).toHaveLength(0);
    expect(again.unchanged).toHaveLength(5);
  });

  it('names each bad row — expired, unknown drug, two makers, a spec not in the catalog, wrong amount, a day after today — and writes nothing', async () => {
    const { db, ctx, dir } = await freshDb(false);
    catalog(db);
    const bad: Cell[][] = [
      ...good.slice(0, 2),
      [6, null, '阿莫西林胶囊', '0.25g*24粒', null, 'OLD9', '2023.1.1', '2026.02', '盒', 3, 9.8, 29.4, '2026.3.1', 'FP0001', SUPPLIER],
      [7, null, '阿莫西林克拉维酸钾片', '0.375g*12片', null, 'X1', null, '2027.01', '盒', 3, 9.8, 29.4, '2026.3.1', 'FP0001', SUPPLIER],
      [8, null, '二甲双胍片', '0.5g*48片', null, 'Y1', null, '2027.01', '盒', 3, 4.06, 12.18, '2026.3.1', 'FP0001', SUPPLIER],
      [9, null, '硝苯地平缓释片', '10mg*30片', null, 'Z1', null, '2027.01', '盒', 3, 6.9, 20.7, '2026.3.1', 'FP0001', SUPPLIER],
      [10, 'HD0005', null, null, null, 'Z2', null, '2027.01', '盒', 3, 6.9, 30, '2026.3.1', 'FP0001', SUPPLIER],
      [11, 'HD0005', null, null, null, 'Z3', null, '2027.01', '盒', 3, 6.9, 20.7, '2026.3.9', 'FP0001', SUPPLIER],
    ];
    const file = await note(path.join(dir, 'bad.xlsx'), bad);
    const p = previewImport(db, 'receipts', await readSheetGrid({ file }), '2026-03-05');
    const byRow = new Map(p.errors.map((e) => [e.row, e.message]));
    expect([...byRow.keys()]).toEqual([6, 7, 8, 9, 10, 11]);
    expect(byRow.get(6)).toContain('已经过期');
    expect(byRow.get(6)).toContain('有效期至');
    expect(byRow.get(7)).toContain('药品目录中没有“阿莫西林克拉维酸钾片”');
    expect(byRow.get(8)).toContain('在目录中有 2 种');
    expect(byRow.get(8)).toContain('HD0002');
    expect(byRow.get(8)).toContain('HD0004');
    expect(byRow.get(9)).toContain('规格有 20mg*30片');
    expect(byRow.get(10)).toContain('金额');
    expect(byRow.get(11)).toContain('入库日期 2026年3月9日 晚于今天（2026年3月5日）');

    const before = dumpDb(db);
    await expect(importWorkbook(ctx, 'receipts', { file })).rejects.toThrow(/6 行有错误，未导入任何数据/);
    expect(dumpDb(db)).toBe(before);
    expect(countRows(db, 'drug_batches')).toBe(0);
  });
});
