/**
 * Importing requisitions (`import requisitions FILE --month M`, the 导入 page) from workbooks as
 * clerks make them. One sheet of rows: a merged title, a 填报单位 line, 序号, clinics written two
 * ways (张庄村卫生室 / 张庄村), drugs by platform code or by name and spec written another way,
 * quantities as 10 or "10盒", a 合计 row and a signature line; bad rows are named (an unknown
 * drug, a name two drugs share, a unit unlike the pack unit, the same drug twice for a clinic)
 * and nothing is written; the clean sheet submits each clinic's requisition with D3 deciding.
 * One sheet per clinic (named after it): the preview says 新建/替换 and the D3 outcome per
 * clinic; a clinic already being delivered is an error of its rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../electron/app/importKinds';
import { makeContext } from '../../electron/db/context';
import { writeRequisition } from '../../electron/domains/drugs/requisitions/write';
import { saveDrug } from '../../electron/domains/drugs/write';
import { drugInput } from '../../shared/schemas/drugs';
import { call, callFails } from '../helpers/calls';
import { ESSENTIAL, OUTSIDE, seedCatalog } from '../helpers/drugs';
import { addClinic, clockAt, openSessionAt } from '../helpers/people';
import { dumpDb, tempDir } from '../helpers/tempDb';

type Cell = string | number | null;
const MONTH = '2026-04';

async function rowSheet(file: string, rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('4月请领');
  ws.addRow(['河阳镇村卫生室药品请领汇总表（2026年4月）']);
  ws.mergeCells(1, 1, 1, 7);
  ws.addRow(['填报单位：河阳镇中心卫生院', null, null, null, null, '单位：盒']);
  ws.addRow(['序号', '卫生室', '药品编码', '药品名称', '规格', '申请数量', '备注']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.addRow(['合计', null, null, null, null, rows.reduce((n, r) => n + (Number.parseInt(String(r[4] ?? 0), 10) || 0), 0)]);
  ws.addRow(['填报人：刘晓梅', null, null, '审核人：王建华']);
  await wb.xlsx.writeFile(file);
  return file;
}

async function perClinic(file: string, sheets: Record<string, Cell[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const note = wb.addWorksheet('填表说明');
  note.addRow(['每个卫生室一张表，表名为卫生室名称']);
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${name}药品请领单`]);
    ws.mergeCells(1, 1, 1, 5);
    ws.addRow(['序号', '通用名', '规格', '请领数量', '单位']);
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  }
  await wb.xlsx.writeFile(file);
  return file;
}

async function setUp() {
  const s = await openSessionAt('2026-03-25');
  const ctx = makeContext(s.db, '测试', clockAt('2026-03-25'));
  const zhang = await addClinic(s, '张庄', 1200, 'C01');
  const li = await addClinic(s, '李营', 900, 'C02');
  const cat = seedCatalog(s);
  return { s, ctx, zhang, li, cat };
}

describe('import requisitions', () => {
  it('names every bad row and writes nothing; the clean sheet submits each clinic, D3 deciding', async () => {
    const { s, ctx, zhang, li, cat } = await setUp();
    // A second maker of 布洛芬片 0.25g*24: by name and spec alone it is ambiguous.
    s.db.transaction(() =>
      saveDrug(
        ctx,
        drugInput.parse({
          platformCode: 'YP0099',
          genericName: '布洛芬片',
          spec: '0.25g*24',
          packUnit: '盒',
          maker: '另一家药厂',
          priceFen: 900,
        }),
        null,
        '2026-01-01',
        '测试',
      ),
    )();
    const dir = tempDir();
    const good: Cell[][] = [
      ['张庄村卫生室', cat.code[ESSENTIAL[0] as string] ?? '', null, null, '10盒', null],
      ['张庄村', null, '对乙酰氨基酚片', '0.25克×24', 5, '发热病人多'],
      ['张庄村', null, OUTSIDE, '0.25g*24', 1, null],
      ['李营', null, OUTSIDE, '0.25g*24', '2 盒', null],
    ];
    const bad = await rowSheet(path.join(dir, '请领-有错.xlsx'), [
      ...good,
      ['李营', null, '不存在的药', null, 3, null],
      ['李营', null, '布洛芬片', '0.25g*24', 3, null],
      ['李营', null, '硝苯地平片', null, '3支', null],
      ['张庄村卫生室', null, ESSENTIAL[0] ?? '', '0.25g*24', 1, null],
      ['东山村', null, '甲硝唑片', null, 1, null],
    ]);
    const before = dumpDb(s.db);
    const preview = (await importWorkbook(ctx, 'requisitions', { file: bad }, { month: MONTH, dryRun: true })).preview;
    expect(preview.errors.map((e) => e.message)).toEqual([
      '第 8 行：“药品名称”：药品目录中没有“不存在的药”（按通用名或商品名查找），请核对名称或填写平台编码',
      expect.stringMatching(
        /^第 9 行：“规格”：“布洛芬片 0\.25g\*24”在目录中有 2 种：YP0002 布洛芬片 0\.25g\*24（某某制药有限公司）；YP0099 布洛芬片 0\.25g\*24（另一家药厂）/,
      ),
      '第 10 行：“申请数量”：单位“支”与目录中该药品的包装单位“盒”不同：请领数量按包装单位（盒）填写',
      '第 11 行：阿莫西林胶囊 0.25g*24 与第 4 行是同一种药品（张庄村卫生室），请合并为一行',
      '第 12 行：“卫生室”：没有名为“东山村”的村卫生室，请核对名称，或先在“村卫生室”中新增或导入该卫生室',
    ]);
    await expect(importWorkbook(ctx, 'requisitions', { file: bad }, { month: MONTH })).rejects.toThrow('有 5 行有错误，未导入任何数据');
    expect(dumpDb(s.db)).toBe(before);
    await expect(importWorkbook(ctx, 'requisitions', { file: bad }, {})).rejects.toThrow('导入药品请领单须指明月份');

    const clean = await rowSheet(path.join(dir, '请领.xlsx'), good);
    const r = await importWorkbook(ctx, 'requisitions', { file: clean }, { month: MONTH });
    expect(r.created).toBe(2);
    expect(r.preview.skippedRows).toBe(2);
    expect(r.preview.notices).toEqual([
      '张庄村卫生室：新建，超出份额待审批，非基药金额 6.3%、品种 1/3',
      '李营村卫生室：新建，超出份额待审批，非基药金额 100%、品种 1/1',
    ]);
    const zr = await call(s, 'requisitions.get', { clinicId: zhang, month: MONTH });
    expect(zr.lines.map((l) => [l.genericName, l.packs, l.note])).toEqual([
      ['阿莫西林胶囊', 10, ''],
      ['对乙酰氨基酚片', 5, '发热病人多'],
      [OUTSIDE, 1, ''],
    ]);
    expect(zr.status).toBe('held');
    expect((await call(s, 'requisitions.get', { clinicId: li, month: MONTH })).share.totalFen).toBe(2000);
  });

  it('reads one sheet per clinic named after it: 新建 or 替换 per clinic, a clinic being delivered is refused', async () => {
    const { s, ctx, zhang, li, cat } = await setUp();
    const amox = cat.id[ESSENTIAL[0] as string] ?? 0;
    writeRequisition(ctx, zhang, MONTH, [{ drugId: amox, packs: 4 }], { submit: true });
    const dir = tempDir();
    const sheets = {
      张庄村卫生室: ESSENTIAL.slice(0, 9).map((n): Cell[] => [n, '0.25g*24', 2, '盒']),
      李营村: [[ESSENTIAL[1] ?? '', '0.25g*24', 3, null] as Cell[]],
    };
    const file = await perClinic(path.join(dir, '分表.xlsx'), sheets);
    const upload = { kind: 'requisitions' as const, fileName: '分表.xlsx', base64: fs.readFileSync(file).toString('base64'), month: MONTH };
    const p = await call(s, 'import.preview', upload);
    expect(p.errors).toEqual([]);
    expect(p.update.map((u) => [u.label, u.changes])).toEqual([
      ['工作表“张庄村卫生室”张庄村卫生室：9 种，180.00 元', ['替换原请领单（已批准）', '份额内自动批准', '非基药金额 0%、品种 0/9']],
    ]);
    expect(p.create.map((u) => u.changes[0])).toEqual(['新建']);
    expect(p.notices[0]).toContain('工作表“填表说明”不是请领单');
    expect(await call(s, 'import.commit', upload)).toMatchObject({ created: 1, updated: 1 });
    expect((await call(s, 'requisitions.get', { clinicId: zhang, month: MONTH })).lines).toHaveLength(9);

    // Delivery of 李营's requisition began: importing it again is an error of its rows, nothing written.
    s.db.prepare("INSERT INTO deliveries (month, delivered_on, clinic_id, created_at) VALUES (?, '2026-04-02', ?, 'x')").run(MONTH, li);
    const before = dumpDb(s.db);
    const refused = await callFails(s, 'import.commit', upload);
    expect(refused.message).toContain('工作表“李营村”第 3 行：李营村卫生室 2026-04 的请领单已批准并开始配送，不能再导入替换');
    expect(dumpDb(s.db)).toBe(before);
  });
});
