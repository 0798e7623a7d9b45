/**
 * The roster import's row checks one by one, each reported with its sheet row number and the
 * sheet's own column name: 身份证号 (check digit, impossible date, twice in the file, 15 digits
 * matched to the 18-digit number on file), 性别/出生日期 against the 身份证号, unreadable dates,
 * closed and unknown clinics, and what the people services would refuse — a second head for a
 * clinic (C2), a post overlapping the person's current one — found in the preview, not at commit.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { AppError } from '../../electron/db/errors';
import { createClinic } from '../../electron/domains/clinics/service';
import { saveRecord } from '../../electron/domains/people/records';
import { personRecord } from '../../shared/schemas/people';
import { clinicInput } from '../../shared/schemas/clinics';
import type { Db } from '../../electron/db/open';
import { clinic } from '../helpers/calls';
import { dumpDb } from '../helpers/tempDb';
import type { Cell } from './messy';
import { freshDb } from './support';
import { idFor, writeRoster } from './messyRoster';

const HEADER = [
  '姓名',
  '公民身份号码',
  '性别',
  '出生日期',
  '所在村卫生室',
  '职务',
  '资格类别',
  '证书编号',
  '发证日期',
  '合同开始',
  '合同结束',
  '聘用形式',
];
const TODAY = '2026-03-05';

async function preview(db: Db, dir: string, rows: Cell[][], header = HEADER) {
  const file = await writeRoster(
    path.join(dir, 'r.xlsx'),
    header,
    rows.map((cells, i) => ({ row: 4 + i, cells })),
    { groups: false },
  );
  return { file, p: previewImport(db, 'roster', await readSheetGrid({ file }), TODAY) };
}

const idOf = (db: Db, name: string) => String(db.prepare('SELECT id_number FROM people WHERE name = ?').pluck().get(name));

describe('roster import: row errors', () => {
  it('checks the 身份证号 and what is typed beside it', async () => {
    const { db, dir } = await freshDb();
    const a = idFor('1980-01-01', 11, 'M');
    const { p } = await preview(db, dir, [
      ['甲', '410823198002301234', '', '', '', '', '', '', '', '', '', ''],
      ['乙', a, '', '1980-01-02', '', '', '', '', '', '', '', ''],
      ['丙', idFor('1981-01-01', 12, 'F'), '', '', '', '', '', '', '2019.13.01', '', '', ''],
      ['丁', a.toLowerCase(), '', '', '', '', '', '', '', '', '', ''],
      ['戊', idFor('1982-01-01', 13, 'M'), '', '', '', '', '', '', '明年', '', '', ''],
      ['己', idFor('1983-01-01', 14, 'M'), '', '', '', '村医', '', '', '', '', '', ''],
      ['庚', 410823198401010000, '', '', '', '', '', '', '', '', '', ''],
    ]);
    expect(p.errors.map((e) => [e.row, e.columns])).toEqual([
      [4, ['公民身份号码']],
      [5, ['出生日期']],
      [6, ['发证日期']],
      [7, ['公民身份号码']],
      [8, ['发证日期']],
      [9, ['所在村卫生室']],
      [10, ['公民身份号码']],
    ]);
    expect(p.errors[0]?.message).toContain('身份证号中的出生日期 19800230 不是有效日期');
    expect(p.errors[1]?.message).toContain('出生日期与身份证号不符（身份证号显示为 1980年1月1日）');
    expect(p.errors[2]?.message).toContain('不是有效的日期：2019年13月1日');
    expect(p.errors[3]?.message).toContain(`与第 5 行重复（${a}）`);
    expect(p.errors[4]?.message).toContain('应填日期');
    expect(p.errors[5]?.message).toContain('填写了岗位，请同时填写所在村卫生室');
    expect(p.errors[6]?.message).toContain('被 Excel 存成了数字（4.10823e+17），15 位以后的数字已丢失；请把这一列设为“文本”后重新填写');
    expect(p.create).toEqual([]);
  });

  it('matches a 15-digit 身份证号 to the 18-digit one on file and compares a birth month', async () => {
    const { db, dir } = await freshDb();
    const zhang = idOf(db, '张建国'); // 410822 19680312 003 X
    const legacy = zhang.slice(0, 6) + zhang.slice(8, 17);
    const { p } = await preview(db, dir, [
      ['张建国', legacy, '男', '1968.03', '张庄村卫生室', '负责人', '', '', '', '', '', ''],
      ['新人', idFor('1990-02-02', 15, 'F'), '', '1990.03', '', '', '', '', '', '', '', ''],
    ]);
    expect(p.unchanged.map((r) => r.row)).toEqual([4]);
    expect(p.errors.map((e) => e.message)).toEqual(['第 5 行：“出生日期”：出生年月与身份证号不符（身份证号显示为 1990年2月）']);
  });

  it('refuses closed and unknown clinics, naming the column', async () => {
    const { db, dir } = await freshDb();
    const { p } = await preview(db, dir, [
      ['甲', idFor('1980-01-01', 21, 'M'), '', '', '沈洼村卫生室', '', '', '', '', '', '', ''],
      ['乙', idFor('1980-01-01', 22, 'M'), '', '', '张庄', '', '', '', '', '', '', ''],
      ['丙', idFor('1980-01-01', 23, 'M'), '', '', '张庄村医务室', '', '', '', '', '', '', ''],
    ]);
    expect(p.errors.map((e) => e.message)).toEqual([
      '第 4 行：“所在村卫生室”：“沈洼村卫生室”已于 2025-12-31 撤销，不能再安排岗位',
      '第 6 行：“所在村卫生室”：没有名为“张庄村医务室”的村卫生室，请核对名称，或先在“村卫生室”中新增或导入该卫生室',
    ]);
    // 张庄 is how clerks shorten 张庄村卫生室. No 到岗时间 and no contract: the post's start is unknown (起始日期不详).
    expect(p.create[0]?.values).toMatchObject({ clinicName: '张庄村卫生室', role: 'doctor', postStart: null });
    expect(p.create[0]?.changes).toContain('新增岗位（张庄村卫生室 村医，起始日期不详）');
  });

  it('finds a second head (C2) and a clash with the person’s current post before anything is written', async () => {
    const { db, ctx, dir } = await freshDb();
    const fresh = createClinic(ctx, clinicInput.parse(clinic({ code: 'XN-01', name: '新村卫生室', headName: '' })));
    const { file, p } = await preview(db, dir, [
      ['甲', idFor('1980-01-01', 31, 'M'), '', '', '张庄村卫生室', '负责人', '', '', '', '', '', ''],
      ['乙', idFor('1980-01-01', 32, 'M'), '', '', fresh.name, '负责人', '', '', '', '', '', ''],
      ['丙', idFor('1980-01-01', 33, 'M'), '', '', fresh.name, '负责人', '', '', '', '', '', ''],
      ['李明', idOf(db, '李明'), '', '', '张庄村卫生室', '村医', '', '', '', '', '', ''],
      ['张丽华', idOf(db, '张丽华'), '', '', '张庄村卫生室', '负责人', '', '', '', '', '', ''],
    ]);
    expect(p.errors.map((e) => [e.row, e.columns])).toEqual([
      [4, ['职务']],
      [6, ['职务']],
      [7, ['所在村卫生室']],
      [8, ['所在村卫生室', '职务']],
    ]);
    expect(p.errors[0]?.message).toContain('“张庄村卫生室”已有负责人张建国，一个卫生室只能有一名负责人（C2）');
    expect(p.errors[1]?.message).toContain('与第 5 行同为“新村卫生室”的负责人');
    expect(p.errors[2]?.message).toContain('此人目前在“李营村卫生室”任村医');
    expect(p.create.map((r) => r.row)).toEqual([5]);
    const before = dumpDb(db);
    await expect(importWorkbook(ctx, 'roster', { file })).rejects.toThrow(/有 4 行有错误/);
    expect(dumpDb(db)).toBe(before);
  });

  it('gives every row of a vertically merged 所在村卫生室 cell its clinic, as clerks merge them', async () => {
    const { db, dir } = await freshDb();
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.getRow(1).values = ['姓名', '身份证号', '所在村卫生室', '岗位'];
    ws.getRow(2).values = ['甲', idFor('1980-01-01', 51, 'M'), '韩坪村卫生室', '村医'];
    ws.getRow(3).values = ['乙', idFor('1980-01-01', 52, 'F'), '', '村医'];
    ws.mergeCells('C2:C3');
    const file = path.join(dir, 'merged.xlsx');
    await wb.xlsx.writeFile(file);
    const p = previewImport(db, 'roster', await readSheetGrid({ file }), TODAY);
    expect(p.errors).toEqual([]);
    expect(p.create.map((r) => r.values)).toEqual([
      expect.objectContaining({ clinicName: '韩坪村卫生室' }),
      expect.objectContaining({ clinicName: '韩坪村卫生室' }),
    ]);
  });

  it('checks again at commit: a head named after the preview makes the commit fail on that row, writing nothing', async () => {
    const { db, ctx, dir } = await freshDb();
    const fresh = createClinic(ctx, clinicInput.parse(clinic({ code: 'XN-02', name: '新村卫生室', headName: '' })));
    const { file, p } = await preview(db, dir, [
      ['乙', idFor('1980-01-01', 61, 'M'), '', '', fresh.name, '负责人', '', '', '', '', '', ''],
    ]);
    expect(p.errors).toEqual([]);
    // Meanwhile the clerk appoints a head in the app.
    const zhou = Number(db.prepare("SELECT id FROM people WHERE name = '周磊'").pluck().get());
    db.prepare("UPDATE assignments SET end_date = '2026-03-04' WHERE person_id = ?").run(zhou);
    saveRecord(ctx, zhou, undefined, personRecord.parse({ table: 'assignments', clinicId: fresh.id, role: 'head', startDate: TODAY }));
    const before = dumpDb(db);
    const err = await importWorkbook(ctx, 'roster', { file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).extra.row).toBe(4);
    expect((err as AppError).message).toContain('第 4 行：“职务”：“新村卫生室”已有负责人周磊');
    expect(dumpDb(db)).toBe(before);
  });

  it('reads a contract from separate start and end columns, month-only periods and refuses an end before the start', async () => {
    const { db, dir } = await freshDb();
    const { p } = await preview(db, dir, [
      [
        '甲',
        idFor('1980-01-01', 41, 'M'),
        '',
        '',
        '韩坪村卫生室',
        '',
        '乡村医生',
        'XC1',
        '2019-05-01',
        '2024.07.01',
        '2027.06.30',
        '乡聘村用',
      ],
      ['乙', idFor('1980-01-01', 42, 'M'), '', '', '', '', '', '', '', '2024.07.01', '2023.06.30', ''],
    ]);
    expect(p.create[0]?.values).toMatchObject({
      contractStart: '2024-07-01',
      contractEnd: '2027-06-30',
      employmentKind: 'township_hired',
      postStart: '2024-07-01',
    });
    expect(p.errors.map((e) => e.message)).toEqual(['第 5 行：“合同结束”：合同结束日期 2023-06-30 早于开始日期 2024-07-01']);

    const month = await preview(
      db,
      dir,
      [['丙', idFor('1980-01-01', 43, 'M'), '', '', '', '', '', '', '', '2023.06-2026.05']],
      ['姓名', '身份证号', '性别', '出生日期', '卫生室', '岗位', '执业类别', '证书编号', '发证日期', '合同起止'],
    );
    expect(month.p.create[0]?.values).toMatchObject({
      contractStart: '2023-06-01',
      contractEnd: '2026-05-31',
      employmentKind: 'township_hired',
    });
  });
});
