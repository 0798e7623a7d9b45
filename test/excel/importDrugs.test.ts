/**
 * The platform's catalog export into the catalog: platforms that write the columns differently,
 * the essential mark in its many spellings, the per-pack price where a per-unit one stands
 * beside it, bad rows named with nothing written, and prices kept as a dated history.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { makeContext } from '../../electron/db/context';
import { importDrugs } from '../../electron/domains/drugs/importDrugs';
import { getDrug } from '../../electron/domains/drugs/catalog';
import { dumpDb } from '../helpers/tempDb';
import { platformA, platformB } from './drugFixtures';
import { countRows, freshDb, NOW } from './support';

const price = (db: import('../../electron/db/open').Db, code: string) =>
  db.prepare('SELECT price_fen FROM drugs WHERE platform_code = ?').pluck().get(code);

describe('catalog import from the platform export', () => {
  it('reads platform A below its title rows: marks 国基/是/★ as essential, 否 and blank as not, 元 as 分', async () => {
    const { db, ctx, dir } = await freshDb(false);
    const grid = await readSheetGrid({ file: await platformA(path.join(dir, 'a.xlsx')) });
    const p = previewImport(db, 'drugs', grid, '2026-03-05');
    expect(p.headerRow).toBe(3);
    expect(p.errors).toEqual([]);
    expect(p.create).toHaveLength(5);
    expect(p.columns.find((c) => c.field === 'priceFen')?.header).toBe('挂网价格（元）');
    const r = await importWorkbook(ctx, 'drugs', { file: path.join(dir, 'a.xlsx') });
    expect(r.created).toBe(5);
    const marks = db
      .prepare('SELECT platform_code, platform_mark, price_fen, vbp_batch, insurance_class FROM drugs ORDER BY id')
      .raw()
      .all();
    expect(marks).toEqual([
      ['HD0001', 'yes', 980, '', '甲类'],
      ['HD0002', 'no', 1250, '', '乙类'],
      ['HD0003', 'yes', 1530, '第三批', '乙类'],
      ['HD0004', 'yes', 406, '第一批', '甲类'],
      ['HD0005', 'no', 690, '', '甲类'],
    ]);
    expect(countRows(db, 'drug_prices')).toBe(5);
  });

  it('platform B: takes the per-pack price, says so, keeps the national code; no mark column is said too', async () => {
    const { db, ctx, dir } = await freshDb(false);
    const file = await platformB(path.join(dir, 'b.xlsx'));
    const p = previewImport(db, 'drugs', await readSheetGrid({ file }), '2026-03-05');
    expect(p.errors).toEqual([]);
    expect(p.columns.find((c) => c.field === 'priceFen')?.header).toBe('最小包装价格');
    expect(p.columns.find((c) => c.field === 'unitPrice')?.header).toBe('最小制剂单位价格');
    expect(p.columns.find((c) => c.field === 'nationalCode')?.header).toBe('国家医保药品代码');
    expect(p.notices.join('\n')).toContain('挂网价取每包装价格');
    expect(p.notices.join('\n')).toContain('没有基药标识列');
    await importWorkbook(ctx, 'drugs', { file });
    expect(price(db, 'P-77001')).toBe(1840);
    expect(db.prepare("SELECT national_code, platform_mark, vbp_batch FROM drugs WHERE platform_code = 'P-77002'").raw().get()).toEqual([
      'XC08CAF107A010010100283',
      '',
      '第一批',
    ]);
  });

  it('bad rows are named with their column and nothing is written', async () => {
    const { db, ctx, dir } = await freshDb(false);
    const file = await platformA(path.join(dir, 'bad.xlsx'), [
      ['HD0001', '阿莫西林胶囊', '', '胶囊剂', '0.25g*24粒', '盒', '珠海联邦制药', 9.8, '国基', '', '甲类'],
      ['HD0002', '', '', '胶囊剂', '0.1g*6粒', '盒', '广州白云山', 12.5, '', '', ''],
      ['HD0003', '头孢克洛胶囊', '', '胶囊剂', '0.25g', '盒', '苏州中化', '十五元', '是', '', ''],
      ['HD0004', '盐酸二甲双胍片', '', '片剂', '0.5g', '盒', '石药', 4.06, '也许', '', ''],
      ['HD0001', '阿莫西林胶囊', '', '胶囊剂', '0.25g*24粒', '盒', '珠海联邦制药', 9.8, '国基', '', ''],
    ]);
    const before = dumpDb(db);
    const p = previewImport(db, 'drugs', await readSheetGrid({ file }), '2026-03-05');
    expect(p.errors.map((e) => e.row)).toEqual([5, 6, 7, 8]);
    expect(p.errors[0]?.message).toContain('“通用名称”：新增时必须填写');
    expect(p.errors[1]?.message).toContain('“挂网价格（元）”');
    expect(p.errors[2]?.message).toContain('“是否基药”');
    expect(p.errors[3]?.message).toContain('与第 4 行重复');
    await expect(importWorkbook(ctx, 'drugs', { file })).rejects.toThrow(/4 行有错误，未导入任何数据/);
    expect(dumpDb(db)).toBe(before);
  });

  it('re-import: a changed price is a new dated price, the old kept; unchanged rows are 已存在（无变化）', async () => {
    const { db, ctx, dir } = await freshDb(false);
    await importWorkbook(ctx, 'drugs', { file: await platformA(path.join(dir, 'a.xlsx')) });
    const later = makeContext(db, '测试', () => new Date('2026-06-10T02:00:00Z'));
    const file = await platformA(path.join(dir, 'a2.xlsx'), [
      ['HD0001', '阿莫西林胶囊', '阿莫仙', '胶囊剂', '0.25g*24粒', '盒', '珠海联邦制药', 8.5, '国基', '', '甲类'],
      ['HD0002', '头孢克肟胶囊', '', '胶囊剂', '0.1g*6粒', '盒', '广州白云山', 12.5, '', '', '乙类'],
    ]);
    const p = previewImport(db, 'drugs', await readSheetGrid({ file }), '2026-06-10');
    expect(p.update.map((u) => u.changes)).toEqual([['挂网价 9.80 元 → 8.50 元']]);
    expect(p.unchanged.map((u) => u.row)).toEqual([5]);
    await importWorkbook(later, 'drugs', { file });
    const id = Number(db.prepare("SELECT id FROM drugs WHERE platform_code = 'HD0001'").pluck().get());
    expect(getDrug(later, id).prices.map((x) => [x.effectiveOn, x.priceFen])).toEqual([
      ['2026-06-10', 850],
      ['2026-03-05', 980],
    ]);
    expect(price(db, 'HD0001')).toBe(850);
    expect(() => db.prepare('UPDATE drug_prices SET price_fen = 1').run()).toThrow(/不能修改/);
    // --effective dates the new price: the same file again with another price from 07-01.
    const f3 = await platformA(path.join(dir, 'a3.xlsx'), [
      ['HD0001', '阿莫西林胶囊', '阿莫仙', '胶囊剂', '0.25g*24粒', '盒', '珠海联邦制药', 8.8, '国基', '', '甲类'],
    ]);
    const r = await importDrugs(later, { file: f3 }, { effectiveOn: '2026-07-01' });
    expect(r.updated).toBe(1);
    expect(getDrug(later, id).prices[0]).toMatchObject({ effectiveOn: '2026-07-01', priceFen: 880 });
    expect(NOW.getFullYear()).toBe(2026);
  });
});
