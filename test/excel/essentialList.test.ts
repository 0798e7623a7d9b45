/**
 * D8: editions of the essential list loaded from workbooks laid out as the national list, each
 * catalog drug matched to them (name, name + form of the entry's group, never by similarity),
 * the doubtful ones listed and settled by hand, and the status in force on a date.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, readSheetGrid } from '../../electron/app/importKinds';
import type { ServiceContext } from '../../electron/db/context';
import type { Db } from '../../electron/db/open';
import { getDrug, listDrugs, listEditions } from '../../electron/domains/drugs/catalog';
import { loadEdition, previewEdition } from '../../electron/domains/drugs/essential/load';
import { drugsToSettle, settleDrug } from '../../electron/domains/drugs/essential/settle';
import { drugListQuery } from '../../shared/schemas/drugs';
import { dumpDb } from '../helpers/tempDb';
import { essentialList, mergedEntryList, platformA } from './drugFixtures';
import { freshDb } from './support';

function statusOn(ctx: ServiceContext, code: string, asOf: string): string | undefined {
  return listDrugs(ctx, drugListQuery.parse({ asOf })).rows.find((r) => r.platformCode === code)?.essential;
}

const idOf = (db: Db, code: string) => Number(db.prepare('SELECT id FROM drugs WHERE platform_code = ?').pluck().get(code));

async function twoEditions(dir: string, ctx: ServiceContext): Promise<void> {
  const e2018 = await essentialList(path.join(dir, '2018.xlsx'), '国家基本药物目录（2018年版）', [
    ['阿莫西林', '口服常释剂型', '0.25g'],
    ['头孢克洛', '口服常释剂型、颗粒剂', '0.25g'],
    ['二甲双胍', '口服常释剂型', '0.5g'],
    ['硝苯地平', '口服常释剂型', '10mg'],
  ]);
  const e2026 = await essentialList(path.join(dir, '2026.xlsx'), '国家基本药物目录（2026年版）', [
    ['阿莫西林', '口服常释剂型', '0.25g'],
    ['二甲双胍', '口服常释剂型', '0.5g'],
    ['硝苯地平', '缓释控释剂型', '20mg'],
    ['中成药', '', ''],
    ['六味地黄丸', '丸剂', '每8丸相当于原药材3g'],
  ]);
  loadEdition(ctx, await readSheetGrid({ file: e2018 }), { effectiveOn: '2018-11-01' });
  loadEdition(ctx, await readSheetGrid({ file: e2026 }), { effectiveOn: '2026-09-01' });
}

describe('essential list editions', () => {
  it('reads sections, 序号 and names merged over their 剂型 rows; entries are data', async () => {
    const { db, dir } = await freshDb(false);
    const grid = await readSheetGrid({ file: await mergedEntryList(path.join(dir, 'm.xlsx')) });
    const p = previewEdition(db, grid, { effectiveOn: '2018-11-01' });
    expect(p.name).toBe('国家基本药物目录（2018年版）');
    expect(p.entries).toBe(5);
    expect(p.sections).toEqual(['一、化学药品和生物制品']);
    expect(p.errors).toEqual([]);
  });

  it('matches by name or name + form of the group; 头孢克肟 is not 头孢克洛; doubtful ones listed, the platform mark combined', async () => {
    const { ctx, dir } = await freshDb(false);
    await importWorkbook(ctx, 'drugs', { file: await platformA(path.join(dir, 'a.xlsx')) });
    await twoEditions(dir, ctx);
    const on = '2026-03-01';
    expect(statusOn(ctx, 'HD0001', on)).toBe('essential'); // 阿莫西林胶囊 ← 阿莫西林 口服常释剂型
    expect(statusOn(ctx, 'HD0003', on)).toBe('essential'); // 头孢克洛胶囊, the platform's 是 agrees
    expect(statusOn(ctx, 'HD0002', on)).toBe('not_essential'); // 头孢克肟 is not 头孢克洛, and blank mark
    expect(statusOn(ctx, 'HD0004', on)).toBe('doubtful'); // 盐酸二甲双胍片: a salt the list does not name
    expect(statusOn(ctx, 'HD0005', on)).toBe('doubtful'); // 硝苯地平缓释片: 2018 lists 口服常释 only
    const toSettle = drugsToSettle(ctx);
    // 头孢克洛 is not on the 2026 list, but the platform marks it 是: a conflict, for the clerk.
    expect(toSettle.map((r) => [r.editionName, r.genericName, r.how])).toEqual([
      ['国家基本药物目录（2026年版）', '头孢克洛胶囊', '仅平台标记为基药'],
      ['国家基本药物目录（2026年版）', '盐酸二甲双胍片', '名称多了酸根或盐基'],
      ['国家基本药物目录（2018年版）', '盐酸二甲双胍片', '名称多了酸根或盐基'],
      ['国家基本药物目录（2018年版）', '硝苯地平缓释片', '剂型不在目录所列剂型内'],
    ]);
    expect(listEditions(ctx).map((e) => [e.effectiveOn, e.entries])).toEqual([
      ['2018-11-01', 4],
      ['2026-09-01', 4],
    ]);
  });

  it('the status in force on a date: the 2018 list before 2026-09-01, the 2026 list from it', async () => {
    const { db, ctx, dir } = await freshDb(false);
    await importWorkbook(ctx, 'drugs', { file: await platformA(path.join(dir, 'a.xlsx')) });
    expect(statusOn(ctx, 'HD0001', '2026-03-01')).toBe('platform_yes'); // no edition loaded: the platform's mark
    await twoEditions(dir, ctx);
    // 头孢克洛: on the 2018 list, not on the 2026 one (the platform still marks it 是: a conflict).
    expect(statusOn(ctx, 'HD0003', '2026-08-31')).toBe('essential');
    expect(statusOn(ctx, 'HD0003', '2026-09-01')).toBe('doubtful');
    // 硝苯地平缓释片: 2018 lists only 口服常释剂型, 2026 the 缓释控释剂型.
    expect(statusOn(ctx, 'HD0005', '2026-08-31')).toBe('doubtful');
    expect(statusOn(ctx, 'HD0005', '2026-09-01')).toBe('essential');
    expect(statusOn(ctx, 'HD0001', '2018-10-31')).toBe('platform_yes');
    const detail = getDrug(ctx, idOf(db, 'HD0005'), '2026-09-01');
    expect(detail.editions.map((e) => [e.effectiveOn, e.status, e.entry])).toEqual([
      ['2018-11-01', 'doubtful', ''],
      ['2026-09-01', 'essential', '硝苯地平（缓释控释剂型）'],
    ]);
  });

  it('a drug settled by hand keeps its status through a reload and a re-import; the decision is audited', async () => {
    const { db, ctx, dir } = await freshDb(false);
    const a = await platformA(path.join(dir, 'a.xlsx'));
    await importWorkbook(ctx, 'drugs', { file: a });
    await twoEditions(dir, ctx);
    const list2018 = listEditions(ctx)[0]!.id;
    settleDrug(ctx, { drugId: idOf(db, 'HD0004'), listId: list2018, essential: true, note: '凡例：未标注盐基的均为目录药品' });
    expect(statusOn(ctx, 'HD0004', '2026-08-31')).toBe('essential');
    expect(db.prepare("SELECT summary FROM audit_log WHERE entity = 'drug' ORDER BY id DESC").pluck().get()).toContain(
      '核定盐酸二甲双胍片',
    );
    const e2018 = await essentialList(path.join(dir, '2018b.xlsx'), '国家基本药物目录（2018年版）', [
      ['阿莫西林', '口服常释剂型', '0.25g'],
    ]);
    const p = loadEdition(ctx, await readSheetGrid({ file: e2018 }), { effectiveOn: '2018-11-01' });
    expect(p.replaces).toBe('国家基本药物目录（2018年版）');
    await importWorkbook(ctx, 'drugs', { file: a });
    expect(statusOn(ctx, 'HD0004', '2026-08-31')).toBe('essential');
    expect(statusOn(ctx, 'HD0003', '2026-08-31')).toBe('doubtful'); // 头孢克洛 is gone from the reloaded 2018 list
  });

  it('a bad list row is named and nothing is loaded', async () => {
    const { db, ctx, dir } = await freshDb(false);
    const file = await essentialList(path.join(dir, 'bad.xlsx'), '目录', [['阿莫西林', '口服常释剂型', '0.25g']]);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    ws.insertRow(5, [null, null, null, '注射剂', '1g']);
    await wb.xlsx.writeFile(file);
    const before = dumpDb(db);
    expect(() => loadEdition(ctx, { source: 'x', sheetName: 'Sheet1', rows: [] }, { effectiveOn: '2018-11-01' })).toThrow();
    const grid = await readSheetGrid({ file });
    expect(previewEdition(db, grid, { effectiveOn: '2018-11-01' }).errors[0]?.message).toContain('第 5 行：缺少“品种名称”');
    expect(() => loadEdition(ctx, grid, { effectiveOn: '2018-11-01' })).toThrow(/1 行有错误，未载入/);
    expect(dumpDb(db)).toBe(before);
  });
});
