/**
 * Issue 8's sheets end to end, on the demo township: a clinic list whose villages column is
 * headed 覆盖行政村 (it was listed as unknown and every village came out 空白点), and a roster
 * with 乡聘村用（编外）, 乡聘村用(余编) and 乡村医生执业证 (they were errors). The preview says
 * how it read them; a value that means nothing names its row, lists every accepted value, and
 * the commit writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { makeContext } from '../../electron/db/context';
import { seedDemo } from '../../electron/demo/seed';
import { describePreview } from '../../electron/excel/import/describe';
import { call } from '../helpers/calls';
import { dumpDb, openSession, tempDir } from '../helpers/tempDb';
import { writeWorkbook } from './messy';
import { idFor, writeRoster } from './messyRoster';
import { freshDb } from './support';

const TODAY = '2026-03-05';

describe('import of variant headers and values (issue 8)', () => {
  it('reads a 覆盖行政村 column as the villages served, so the village is covered', async () => {
    const { db, ctx, dir } = await freshDb();
    const coverage = () => db.prepare("SELECT coverage_kind FROM villages WHERE name = '沈洼村'").pluck().get();
    expect(coverage()).toBe('none');
    const file = await writeWorkbook(
      path.join(dir, 'clinics.xlsx'),
      ['机构编码', '村卫生室名称', '覆盖行政村', '服务人口', '负责人'],
      [{ row: 4, cells: ['XB-01', '沈洼新卫生室', '沈洼村', 450, '沈新'] }],
      { title: '村卫生室名册', footer: false },
    );
    const p = previewImport(db, 'clinics', await readSheetGrid({ file }), TODAY);
    expect(p.columns.find((c) => c.header === '覆盖行政村')).toMatchObject({ field: 'hostVillageIds', note: '按“所在村”读取' });
    expect(p.unknownColumns).toEqual([{ column: 'D', header: '服务人口' }]);
    expect(p.errors).toEqual([]);
    expect(describePreview(p, true)).toContain('覆盖行政村（C列，按“所在村”读取）');
    await importWorkbook(ctx, 'clinics', { file });
    expect(coverage()).toBe('own_clinic');
  });

  it('imports 乡聘村用（编外）, 乡聘村用(余编) and 乡村医生执业证, saying how each was read', async () => {
    const { db, ctx, dir } = await freshDb();
    const a = idFor('1986-04-01', 71, 'M');
    const b = idFor('1987-04-01', 72, 'F');
    const file = await writeRoster(
      path.join(dir, 'roster.xlsx'),
      ['姓名', '身份证号码', '所在村卫生室', '职务', '执业类别', '证书编号', '用工形式', '合同起止时间'],
      [
        { row: 4, cells: ['甲', a, '韩坪村卫生室', '村医', '乡村医生执业证', 'XC71', '乡聘村用（编外）', '2024.07.01-2027.06.30'] },
        { row: 5, cells: ['乙', b, '韩坪村卫生室', '村医', '执业助理医师资格证', 'ZY72', '乡聘村用(余编)', '2024.07.01-2027.06.30'] },
      ],
      { groups: false },
    );
    const p = previewImport(db, 'roster', await readSheetGrid({ file }), TODAY);
    expect(p.errors).toEqual([]);
    expect(p.create.map((r) => r.notes)).toEqual([
      ['“执业类别”：“乡村医生执业证”理解为“乡村医生执业证书”', '“用工形式”：“乡聘村用（编外）”理解为“乡聘村用”，“编制”为“编外”'],
      ['“执业类别”：“执业助理医师资格证”理解为“执业助理医师”', '“用工形式”：“乡聘村用(余编)”理解为“乡聘村用”，“编制”为“编内（余编）”'],
    ]);
    expect(describePreview(p, true)).toContain('    说明：“用工形式”：“乡聘村用（编外）”理解为“乡聘村用”，“编制”为“编外”');
    await importWorkbook(ctx, 'roster', { file });
    const rows = db
      .prepare(
        `SELECT p.name, q.kind AS qual, e.kind AS employment, e.establishment FROM people p
         JOIN qualifications q ON q.person_id = p.id JOIN employments e ON e.person_id = p.id WHERE p.id_number IN (?, ?) ORDER BY p.name`,
      )
      .all(a, b);
    expect(rows).toEqual([
      { name: '乙', qual: 'assistant_physician', employment: 'township_hired', establishment: 'spare' },
      { name: '甲', qual: 'village_doctor_cert', employment: 'township_hired', establishment: 'off' },
    ]);
  });

  it('names the row of a value that means nothing, lists every accepted value, and writes nothing', async () => {
    const { db, ctx, dir } = await freshDb();
    const file = await writeRoster(
      path.join(dir, 'bad.xlsx'),
      ['姓名', '身份证号', '执业资格类别', '聘用形式', '合同起止'],
      [
        { row: 4, cells: ['甲', idFor('1986-04-01', 73, 'M'), '乡村医生执业证', '乡聘村用（编外）', '2024.07.01-2027.06.30'] },
        { row: 5, cells: ['乙', idFor('1987-04-01', 74, 'F'), '乡医', '乡聘村用', '2024.07.01-2027.06.30'] },
      ],
      { groups: false },
    );
    const p = previewImport(db, 'roster', await readSheetGrid({ file }), TODAY);
    expect(p.errors.map((e) => [e.row, e.columns])).toEqual([[5, ['执业资格类别']]]);
    expect(p.errors[0]?.message).toContain('应为以下之一：执业医师（临床执业医师、中医执业医师、医师）；执业助理医师（');
    expect(p.errors[0]?.message).toContain('乡村医生执业证书（乡村医生、乡村医生证、村医证），实际是“乡医”');
    const before = dumpDb(db);
    await expect(importWorkbook(ctx, 'roster', { file })).rejects.toThrow(/有 1 行有错误/);
    expect(dumpDb(db)).toBe(before);
  });

  it('sends the notes and the columns’ readings through import.preview, as the contract allows', async () => {
    const s = await openSession();
    seedDemo(makeContext(s.db, '测试'), { scale: 1 });
    const file = await writeRoster(
      path.join(tempDir(), '花名册.xlsx'),
      ['姓名', '身份证号', '类别', '用工形式', '合同起止'],
      [{ row: 4, cells: ['甲', idFor('1986-04-01', 75, 'M'), '乡村医生', '乡聘村用（编外）', '2024.07.01-2027.06.30'] }],
      { groups: false },
    );
    const p = await call(s, 'import.preview', {
      kind: 'roster',
      fileName: '花名册.xlsx',
      base64: fs.readFileSync(file).toString('base64'),
    });
    // 聘用形式 is the 用工形式 column's already, so not offered.
    expect(p.columns.find((c) => c.header === '类别')).toMatchObject({
      field: 'category',
      alternatives: ['执业类别', '编制'],
      note: '也可能是“执业类别”或“编制”，按“人员类别”读取',
    });
    expect(p.create[0]?.notes).toEqual(['“用工形式”：“乡聘村用（编外）”理解为“乡聘村用”，“编制”为“编外”']);
  });
});
