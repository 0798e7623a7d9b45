/**
 * Importing the clerk's existing 固定资产台账 into the demo township (issue 4, item 6): a messy
 * workbook (merged title, group row, shuffled and unknown columns, amounts and dates every way)
 * with three bad rows. The preview lists exactly those rows with Chinese reasons naming the
 * sheet's column; a refused commit changes nothing at all; a clean commit opens exactly the
 * expected cards (values in 分, categories guessed from the clerk's words or the name, holders
 * from 使用单位 or 使用科室), and importing the same file again changes nothing. A card already
 * on file is matched by its old code: its descriptive fields are updated, while 原值 and the
 * holder, which only movements may change (A3), must agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personInput } from '../../shared/schemas/people';
import { movementInput } from '../../shared/schemas/assets';
import { AppError } from '../../electron/db/errors';
import type { Db } from '../../electron/db/open';
import { importWorkbook, readSheetGrid } from '../../electron/app/importKinds';
import { assetKind } from '../../electron/domains/assets/import/kind';
import { planImport } from '../../electron/excel/import/plan';
import type { SheetGrid } from '../../electron/excel/import/read';
import { recordMovement } from '../../electron/domains/assets/movements';
import { createPerson } from '../../electron/domains/people/write';
import { call } from '../helpers/calls';
import { idNumberFor, openSessionAt } from '../helpers/people';
import { dumpDb, tempDir } from '../helpers/tempDb';
import { ASSET_HEADER, expectedCards, goodAssetRows, messyAssetLedger, writeAssetLedger, type AssetSheetRow } from './messyAssets';
import { countRows, freshDb } from './support';

const TODAY = '2026-03-05';

/** The plan with the asset row's values typed. */
function preview(db: Db, grid: SheetGrid) {
  return planImport(db, assetKind, grid, TODAY);
}

function imported(db: Db): Record<string, Record<string, unknown>> {
  const rows = db
    .prepare(
      `SELECT a.old_code, a.code, a.name, a.category, a.value_fen, a.quantity, a.funding, a.acquired_on, a.in_service_on, a.life_months, a.location,
        c.name AS holder, p.name AS custodian FROM assets a LEFT JOIN clinics c ON c.id = a.holder_clinic_id LEFT JOIN people p ON p.id = a.custodian_id
      WHERE a.old_code <> '' ORDER BY a.id`,
    )
    .all() as Record<string, unknown>[];
  return Object.fromEntries(rows.map(({ old_code, ...r }) => [String(old_code), r]));
}

/** The good rows with one row's cells changed. */
function edited(row: number, changes: Record<number, AssetSheetRow['cells'][number]>): AssetSheetRow[] {
  return goodAssetRows.map((r) => (r.row === row ? { row: r.row, cells: r.cells.map((c, i) => (i in changes ? changes[i] : c)) } : r));
}

describe('asset import: preview', () => {
  it('finds the header under the title and group rows, matches the clerk’s column names and lists unknown columns', async () => {
    const { db, dir } = await freshDb();
    const p = preview(db, await readSheetGrid({ file: await messyAssetLedger(path.join(dir, '台账.xlsx')) }));
    expect(p.title).toBe('固定资产台账');
    expect(p.headerRow).toBe(4);
    expect(p.unknownColumns).toEqual([
      { column: 'P', header: '累计折旧' },
      { column: 'Q', header: '使用状况' },
    ]);
    const field = (header: string) => p.columns.find((c) => c.header === header)?.field;
    expect([
      field('卡片编号'),
      field('使用单位'),
      field('金额（元）'),
      field('类别'),
      field('单位'),
      field('投入使用日期'),
      field('折旧年限'),
      field('经费来源'),
      field('使用科室'),
      field('责任人'),
    ]).toEqual(['oldCode', 'clinic', 'valueFen', 'category', 'unit', 'inServiceOn', 'lifeYears', 'funding', 'location', 'custodian']);
  });

  it('lists exactly the three bad rows, each with its column and a Chinese reason', async () => {
    const { db, dir } = await freshDb();
    const p = preview(db, await readSheetGrid({ file: await messyAssetLedger(path.join(dir, '台账.xlsx')) }));
    expect(p.errors.map((e) => [e.row, e.columns])).toEqual([
      [11, ['使用单位']],
      [12, ['金额（元）']],
      [13, ['资产名称']],
    ]);
    expect(p.errors[0]?.message).toMatch(/^第 11 行：“使用单位”：没有名为“幸福村卫生室”的村卫生室/);
    expect(p.errors[1]?.message).toBe('第 12 行：“金额（元）”：应填金额（如 12300、12,300.00、¥12,300.00、1.23万），实际是“一千二百元”');
    expect(p.errors[2]?.message).toBe('第 13 行：“资产名称”：新增时必须填写');
    expect(p.create.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    expect([p.update, p.unchanged]).toEqual([[], []]);
    // The 合计 row and the signature line.
    expect(p.skippedRows).toBe(2);
    expect(p.create[0]?.label).toBe('ZZ-001 心电图机（医疗设备，张庄村卫生室，原值 12,300.00 元）');
    const values = Object.fromEntries(p.create.map((r) => [r.row, r.values]));
    // ¥12,300.00, 8,500, 35.2万元, a numeric 1600, a numeric 299.29 and 1.23万, all in 分.
    expect([5, 6, 7, 8, 9, 10].map((r) => values[r]?.valueFen)).toEqual([1_230_000, 850_000, 35_200_000, 160_000, 29_929, 1_230_000]);
    // The category from the clerk's word, or from the name when the cell is blank (办公电脑, 血糖仪).
    expect([5, 6, 7, 8, 9, 10].map((r) => values[r]?.category)).toEqual([
      'medical',
      'computer_office',
      'special_other',
      'furniture',
      'medical',
      'electrical',
    ]);
    // 张庄 for 张庄村卫生室; 卫生院本部 is the center; 李营村卫生室药房 in 使用科室 names the clinic.
    expect([5, 6, 7, 8].map((r) => [values[r]?.holderName, values[r]?.holderFrom])).toEqual([
      ['张庄村卫生室', 'clinic'],
      ['张庄村卫生室', 'clinic'],
      ['卫生院本部', 'clinic'],
      ['李营村卫生室', 'location'],
    ]);
  });

  it('reads a column headed in 万元 as 万元, and says what is wrong with bad amounts, custodians and categories', async () => {
    const { db, ctx, dir } = await freshDb();
    ctx.db.transaction(() => {
      for (const seq of [1, 2])
        createPerson(ctx, personInput.parse({ name: '王芳', idNumber: idNumberFor('1980-01-01', 'F', seq), category: 'village_doctor' }));
    })();
    const header = ['资产编号', '资产名称', '原值（万元）', '购置日期', '所在卫生室', '保管人', '资产类别'];
    const file = await writeAssetLedger(
      path.join(dir, '万元.xlsx'),
      [
        { row: 5, cells: ['A-1', '救护车', 28, '2020-01-01', '卫生院', '', ''] },
        { row: 6, cells: ['A-2', '电脑', '12300元', '2020-01-01', '张庄村卫生室', '', ''] },
        { row: 7, cells: ['A-3', '电脑', '-500', '2020-01-01', '张庄村卫生室', '', ''] },
        { row: 8, cells: ['A-4', '电脑', 1.2345678, '2020-01-01', '张庄村卫生室', '', ''] },
        { row: 9, cells: ['A-5', '电脑', 0.5, '2020-01-01', '张庄村卫生室', '王芳', ''] },
        { row: 10, cells: ['A-6', '电脑', 0.5, '2020-01-01', '张庄村卫生室', '查无此人', ''] },
        { row: 11, cells: ['A-7', '玉米', 0.5, '2020-01-01', '张庄村卫生室', '', '杂项'] },
        { row: 12, cells: ['A-8', '电脑', 0.5, '2027-01-01', '沈洼村卫生室', '', ''] },
      ],
      header,
    );
    const p = preview(db, await readSheetGrid({ file }));
    expect(p.columns.find((c) => c.header === '原值（万元）')?.field).toBe('valueWan');
    expect(p.create.map((r) => [r.row, r.values.valueFen, r.values.category, r.values.holderClinicId])).toEqual([
      [5, 28_000_000, 'vehicle', null],
      [6, 1_230_000, 'computer_office', expect.any(Number)],
    ]);
    expect(Object.fromEntries(p.errors.map((e) => [e.row, e.message]))).toEqual({
      7: '第 7 行：“原值（万元）”：金额不能为负数，实际是“-500”',
      8: '第 8 行：“原值（万元）”：以万元为单位时最多六位小数（精确到分），实际是“1.2345678”',
      9: '第 9 行：“保管人”：人员档案中有 2 人名叫“王芳”，无法确定是哪一位；请清空此格，导入后在资产卡片上选择保管人',
      10: '第 10 行：“保管人”：人员档案中没有“查无此人”，请核对姓名，或先在“人员档案”中登记此人（也可清空此格，导入后再在资产卡片上选择保管人）',
      11: '第 11 行：“资产类别”：无法识别资产类别“杂项”（如 医疗设备、计算机及办公设备、电气设备、车辆、家具、房屋（砖混、砖木结构））',
      12: '第 12 行：“购置日期”：2027年1月1日 晚于今天（2026年3月5日）；“所在卫生室”：“沈洼村卫生室”已撤销，不能再存放资产',
    });
  });
});

describe('asset import: commit', () => {
  it('refuses the file with bad rows and changes nothing, audit log included', async () => {
    const { db, ctx, dir } = await freshDb();
    const file = await messyAssetLedger(path.join(dir, '台账.xlsx'));
    const before = dumpDb(db);
    const err = await importWorkbook(ctx, 'assets', { file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/^固定资产台账表中有 3 行有错误，未导入任何数据/);
    expect((err as AppError).extra.row).toBe(11);
    expect(dumpDb(db)).toBe(before);
  });

  it('opens exactly the expected cards with their 入账 movements, and a second import changes nothing', async () => {
    const { db, ctx, dir } = await freshDb();
    const file = await messyAssetLedger(path.join(dir, '台账.xlsx'), false);
    const [cards, movements] = [countRows(db, 'assets'), countRows(db, 'asset_movements')];
    const r = await importWorkbook(ctx, 'assets', { file });
    expect([r.created, r.updated]).toEqual([6, 0]);
    expect(countRows(db, 'assets') - cards).toBe(6);
    expect(countRows(db, 'asset_movements') - movements).toBe(6);
    const got = imported(db);
    expect(Object.keys(got).sort()).toEqual(Object.keys(expectedCards).sort());
    for (const [oldCode, want] of Object.entries(expectedCards)) expect(got[oldCode], oldCode).toMatchObject(want);
    // Our codes by the holder's prefix; the clerk's number is kept beside them.
    const zhangCode = String(db.prepare("SELECT code FROM clinics WHERE name = '张庄村卫生室'").pluck().get());
    expect(String(got['ZZ-001']?.code)).toMatch(new RegExp(`^${zhangCode}-\\d{5}$`));
    expect(String(got['WSY-OLD-01']?.code)).toMatch(/^WSY-\d{5}$/);
    const acquire = db
      .prepare(
        `SELECT m.moved_on, m.value_fen, m.reason FROM asset_movements m JOIN assets a ON a.id = m.asset_id WHERE a.old_code = 'ZZ-001'`,
      )
      .all();
    expect(acquire).toEqual([{ moved_on: '2019-05-10', value_fen: 1_230_000, reason: '导入原有台账（原编号 ZZ-001）' }]);
    const log = db.prepare("SELECT summary FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1").pluck().get();
    expect(log).toBe('从“台账.xlsx”（工作表“固定资产台账”）导入固定资产台账：新增 6 个，更新 0 个，无变化 0 个');

    const before = dumpDb(db);
    const again = await importWorkbook(ctx, 'assets', { file });
    expect([again.created, again.updated, again.preview.unchanged.length]).toEqual([0, 0, 6]);
    expect(dumpDb(db)).toBe(before);
  });

  it('updates a matched card’s descriptive fields, and refuses a changed 原值 or holder: those are movements', async () => {
    const { db, ctx, dir } = await freshDb();
    await importWorkbook(ctx, 'assets', { file: await messyAssetLedger(path.join(dir, '台账.xlsx'), false) });

    const renamed = await writeAssetLedger(path.join(dir, '改.xlsx'), edited(5, { 4: 'ECG-1200A', 13: '处置室' }));
    const r = await importWorkbook(ctx, 'assets', { file: renamed });
    expect([r.created, r.updated, r.preview.unchanged.length]).toEqual([0, 1, 5]);
    expect(r.preview.update.map((u) => [u.row, u.changes])).toEqual([[5, ['规格型号', '存放地点']]]);
    expect(imported(db)['ZZ-001']).toMatchObject({ location: '处置室', value_fen: 1_230_000 });

    const revalued = await writeAssetLedger(path.join(dir, '值.xlsx'), edited(6, { 5: '9,000' }));
    const p = preview(db, await readSheetGrid({ file: revalued }));
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^第 6 行：“金额（元）”：表中原值 9,000.00 元，账面（[\w-]+-\d{5}）为 8,500.00 元；已入账资产的原值只能通过“原值变动”登记$/,
      ),
    ]);

    // 血糖仪 moves to 张庄 in the app; the old sheet still says 李营.
    const id = Number(db.prepare("SELECT id FROM assets WHERE old_code = 'LY-002'").pluck().get());
    const zhang = Number(db.prepare("SELECT id FROM clinics WHERE name = '张庄村卫生室'").pluck().get());
    recordMovement(
      ctx,
      movementInput.parse({
        kind: 'transfer',
        assetId: id,
        date: '2026-03-01',
        toClinicId: zhang,
        reason: '调剂',
        sentBy: '李秀英',
        receivedBy: '张建国',
      }),
    );
    const stale = preview(db, await readSheetGrid({ file: await messyAssetLedger(path.join(dir, '旧.xlsx'), false) }));
    expect(stale.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^第 9 行：“使用单位”：表中为“李营村卫生室”，账面（[\w-]+-\d{5}）在“张庄村卫生室”；资产只能通过调拨改变存放单位$/,
      ),
    ]);
  });

  it('matches a row by our own code too, so the app’s exported ledger reads back as unchanged', async () => {
    const { db, ctx, dir } = await freshDb();
    const card = db.prepare("SELECT code, name FROM assets WHERE status = 'in_use' AND old_code = '' ORDER BY id LIMIT 1").get() as {
      code: string;
      name: string;
    };
    const file = await writeAssetLedger(
      path.join(dir, '本系统.xlsx'),
      [{ row: 5, cells: [1, card.name, card.code] }],
      ASSET_HEADER.slice(0, 3),
    );
    const r = await importWorkbook(ctx, 'assets', { file });
    expect([r.created, r.updated, r.preview.unchanged.map((u) => u.row)]).toEqual([0, 0, [5]]);
  });
});

describe('asset import through the wizard’s operations', () => {
  it('previews a ledger sent as base64, commits it, and offers nothing the second time', async () => {
    const s = await openSessionAt(TODAY);
    const names = ['张庄', '李营'];
    for (const [i, n] of names.entries()) {
      const v = await call(s, 'villages.create', {
        name: `${n}村`,
        residentPopulation: 1000,
        servicePopulation: 1000,
        isCenterSeat: false,
        distanceKm: 3,
        altCoverage: 'none',
        patrolVisitsPerMonth: 0,
        note: '',
      });
      await call(s, 'clinics.create', {
        code: `0${i + 1}`,
        name: `${n}村卫生室`,
        address: '',
        property: 'public',
        buildingArea: 80,
        insurancePoint: true,
        headName: '',
        hostVillageIds: [v.id],
        extensionVillageIds: [],
        note: '',
      });
    }
    // Without 张建国 on file, the first row names a custodian nobody has: cleared here.
    const rows = goodAssetRows.map((r) => (r.row === 5 ? { row: 5, cells: r.cells.map((c, i) => (i === 14 ? '' : c)) } : r));
    const file = await writeAssetLedger(path.join(tempDir(), '台账.xlsx'), rows);
    const input = { kind: 'assets' as const, fileName: '台账.xlsx', base64: fs.readFileSync(file).toString('base64') };
    const p = await call(s, 'import.preview', input);
    expect(p).toMatchObject({ kind: 'assets', title: '固定资产台账', headerRow: 4, errors: [] });
    expect(p.create.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(await call(s, 'import.commit', input)).toEqual({ kind: 'assets', title: '固定资产台账', created: 6, updated: 0, unchanged: 0 });
    const again = await call(s, 'import.preview', input);
    expect([again.create.length, again.update.length, again.unchanged.length]).toEqual([0, 0, 6]);
  });
});
