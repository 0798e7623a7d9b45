/**
 * Importing the clerk's village sheet into the demo township: the preview sorts rows into
 * create / update / bad with their sheet row numbers; a commit with a bad row changes nothing
 * at all; a clean commit creates and updates exactly what the preview said, with audit rows.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/db/errors';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { auditCount, dumpDb } from '../helpers/tempDb';
import { countRows, freshDb } from './support';
import { messyVillages, writeWorkbook } from './messy';

describe('village import', () => {
  it('previews creates, updates, bad rows (with row numbers and column names) and unknown columns', async () => {
    const { db, dir } = await freshDb();
    const grid = await readSheetGrid({ file: await messyVillages(path.join(dir, '行政村.xlsx')) });
    const p = previewImport(db, 'villages', grid);
    expect(p.sheetName).toBe('Sheet1');
    expect(p.headerRow).toBe(3);
    expect(p.unknownColumns).toEqual([{ column: 'D', header: '联系电话' }]);
    expect(p.columns.map((c) => c.header)).toContain('服务人口 （人）');
    expect(p.errors.map((e) => e.row)).toEqual([6, 7, 8]);
    expect(p.errors[0]).toMatchObject({ columns: ['服务人口 （人）'] });
    expect(p.errors[0]?.message).toBe('第 6 行：“服务人口 （人）”：应填数字，实际是“一千”');
    expect(p.errors[1]?.message).toContain('“*村名”：新增时必须填写');
    expect(p.errors[2]?.message).toContain('“是否卫生院驻地”：应填“是”或“否”，实际是“也许”');
    expect(p.create.map((r) => [r.row, r.label])).toEqual([
      [4, '新安村'],
      [9, '河湾村'],
      [11, '东岭村'],
    ]);
    expect(p.update.map((r) => [r.row, r.label])).toEqual([[5, '张庄村']]);
    expect(p.update[0]?.changes).toEqual(['户籍人口', '服务人口', '备注']);
    expect(p.create[0]?.values).toMatchObject({
      servicePopulation: 1250,
      residentPopulation: 1300,
      distanceKm: 3.2,
      isCenterSeat: false,
      note: '新建村',
    });
    expect(p.create[1]?.values).toMatchObject({
      servicePopulation: 1350,
      residentPopulation: 1400,
      altCoverage: 'patrol',
      patrolVisitsPerMonth: 4,
    });
    expect(p.create[2]?.values).toMatchObject({ altCoverage: 'dispatch', patrolVisitsPerMonth: 0 });
    // The empty row, the 合计 row and the signature line are passed over.
    expect(p.skippedRows).toBe(2);
  });

  it('refuses the whole file when any row is bad, leaving the database exactly as it was', async () => {
    const { db, ctx, dir } = await freshDb();
    const file = await messyVillages(path.join(dir, '行政村.xlsx'));
    const before = dumpDb(db);
    const audits = auditCount(db);
    const err = await importWorkbook(ctx, 'villages', { file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/^行政村表中有 3 行有错误，未导入任何数据/);
    expect((err as AppError).message).toContain('第 7 行');
    expect((err as AppError).extra.row).toBe(6);
    expect(dumpDb(db)).toBe(before);
    expect(auditCount(db)).toBe(audits);
  });

  it('commits a clean file: exactly the new villages, the update, derived coverage and audit rows', async () => {
    const { db, ctx, dir } = await freshDb();
    const file = await messyVillages(path.join(dir, '行政村.xlsx'), false);
    const villages = countRows(db, 'villages');
    const audits = auditCount(db);
    const dry = await importWorkbook(ctx, 'villages', { file }, { dryRun: true });
    expect(countRows(db, 'villages')).toBe(villages);
    expect(dry.preview.errors).toEqual([]);

    const result = await importWorkbook(ctx, 'villages', { file });
    expect([result.created, result.updated]).toEqual([3, 1]);
    expect(countRows(db, 'villages')).toBe(villages + 3);
    const get = db.prepare(
      'SELECT name, service_population AS pop, resident_population AS res, coverage_kind AS kind, note FROM villages WHERE name = ?',
    );
    expect(get.get('新安村')).toEqual({ name: '新安村', pop: 1250, res: 1300, kind: 'none', note: '新建村' });
    expect(get.get('河湾村')).toMatchObject({ pop: 1350, kind: 'patrol' });
    expect(get.get('东岭村')).toMatchObject({ kind: 'dispatch' });
    expect(get.get('张庄村')).toMatchObject({ pop: 2300, res: 2400, kind: 'own_clinic', note: '卫生室在村委旁' });
    // The update reached the clinic figures (C4, S1) through the villages service.
    const clinic = db.prepare("SELECT service_population, required_doctors FROM clinics WHERE code = 'HY001-01'").get();
    expect(clinic).toEqual({ service_population: 2300, required_doctors: 3 });
    const log = db.prepare('SELECT action, entity, summary FROM audit_log WHERE id > ? ORDER BY id').all(audits) as {
      action: string;
      summary: string;
    }[];
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'create', 'create', 'import']);
    expect(log.at(-1)?.summary).toBe('从“行政村.xlsx”（工作表“Sheet1”）导入行政村：新增 3 个，更新 1 个，无变化 0 个');

    // The same file again changes nothing and says so.
    const again = await importWorkbook(ctx, 'villages', { file });
    expect([again.created, again.updated, again.preview.unchanged.length]).toEqual([0, 0, 4]);
    expect(auditCount(db)).toBe(audits + 5);
  });

  it('keeps stored values for blank cells and columns the sheet does not have', async () => {
    const { db, ctx, dir } = await freshDb();
    const file = await writeWorkbook(path.join(dir, 'v.xlsx'), ['村名', '服务人口'], [{ row: 4, cells: ['卫岭村', 530] }]);
    await importWorkbook(ctx, 'villages', { file });
    const v = db
      .prepare(
        "SELECT service_population, resident_population, alt_coverage, patrol_visits_per_month, note FROM villages WHERE name = '卫岭村'",
      )
      .get();
    expect(v).toEqual({
      service_population: 530,
      resident_population: 560,
      alt_coverage: 'patrol',
      patrol_visits_per_month: 4,
      note: '山区，卫生院每周巡诊',
    });
  });

  it('catches a name twice in the file and a second center seat', async () => {
    const { db, dir } = await freshDb();
    const header = ['村名', '户籍人口', '服务人口', '卫生院驻地'];
    const file = await writeWorkbook(path.join(dir, 'v.xlsx'), header, [
      { row: 4, cells: ['新村', 100, 100, '否'] },
      { row: 5, cells: ['新村', 200, 200, '否'] },
      { row: 6, cells: ['北村', 300, 300, '是'] },
    ]);
    const p = previewImport(db, 'villages', await readSheetGrid({ file }));
    expect(p.errors.map((e) => e.row)).toEqual([5, 6]);
    expect(p.errors[0]?.message).toContain('与第 4 行重复');
    expect(p.errors[1]?.message).toContain('卫生院驻地已是“河阳村”');
  });

  it('moves the center seat when the same file releases the old one', async () => {
    const { db, ctx, dir } = await freshDb();
    const header = ['村名', '户籍人口', '服务人口', '卫生院驻地'];
    const file = await writeWorkbook(path.join(dir, 'v.xlsx'), header, [
      { row: 4, cells: ['北村', 300, 300, '是'] },
      { row: 5, cells: ['河阳村', 3420, 3200, '否'] },
    ]);
    await importWorkbook(ctx, 'villages', { file });
    expect(db.prepare('SELECT name FROM villages WHERE is_center_seat = 1').pluck().all()).toEqual(['北村']);
  });

  it('tells the clerk what is wrong with a file that is not a workbook or has no such sheet', async () => {
    const { ctx, dir } = await freshDb();
    const notXlsx = path.join(dir, 'a.xlsx');
    (await import('node:fs')).writeFileSync(notXlsx, 'not a zip');
    await expect(importWorkbook(ctx, 'villages', { file: notXlsx })).rejects.toThrow(/不是有效的 Excel 工作簿/);
    await expect(importWorkbook(ctx, 'villages', { file: path.join(dir, 'none.xlsx') })).rejects.toThrow(/找不到文件/);
    const file = await messyVillages(path.join(dir, 'v.xlsx'));
    await expect(importWorkbook(ctx, 'villages', { file }, { sheet: '第二页' })).rejects.toThrow(/没有名为“第二页”的工作表；现有：Sheet1/);
    await expect(importWorkbook(ctx, 'people', { file })).rejects.toThrow(/不能导入“people”/);
  });
});

describe('village import from a workbook another program wrote', () => {
  it('reads the LibreOffice-saved fixture the same way', async () => {
    const { db } = await freshDb();
    const fixture = path.resolve(__dirname, '../fixtures/excel/villages-libreoffice.xlsx');
    const p = previewImport(db, 'villages', await readSheetGrid({ file: fixture }));
    expect(p.headerRow).toBe(3);
    expect(p.errors.map((e) => e.row)).toEqual([6, 7, 8]);
    expect(p.create.map((r) => r.label)).toEqual(['新安村', '河湾村', '东岭村']);
    expect(p.create[1]?.values).toMatchObject({ servicePopulation: 1350 });
    expect(p.update.map((r) => r.label)).toEqual(['张庄村']);
    expect(p.unknownColumns.map((c) => c.header)).toEqual(['联系电话']);
  });
});
