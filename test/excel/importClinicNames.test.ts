/**
 * Clinics matched by name when the list has no 机构编码 (issue 8): the name however written
 * finds its clinic; where two clinics read alike (张庄村卫生室 and 张庄卫生室), the one written
 * exactly so is taken, and a name that could be either is an error of its row naming both —
 * never a third clinic made silently.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { call, clinic } from '../helpers/calls';
import { openSession } from '../helpers/tempDb';
import { writeSheet } from './clerkTownship';

describe('clinic import without codes: matching by name', () => {
  it('takes the exact name among look-alikes, refuses a name that could be either, and creates an unknown one', async () => {
    const s = await openSession();
    await call(s, 'clinics.create', clinic({ code: '', name: '张庄村卫生室', buildingArea: 80 }));
    await call(s, 'clinics.create', clinic({ code: '', name: '张庄卫生室', buildingArea: 60 }));
    await call(s, 'clinics.create', clinic({ code: '', name: '李营村卫生室', buildingArea: 50 }));
    const file = await writeSheet(path.join(path.dirname(s.dbPath), '卫生室.xlsx'), {
      title: '村卫生室一览表',
      header: ['序号', '卫生室名称', '业务用房面积', '是否医保定点', '负责人'],
      rows: [
        [1, '张庄卫生室', 65, '是', '张三'],
        [2, '张庄', 70, '是', '张三'],
        [3, '李 营 卫生室', 50, '是', '张三'],
        [4, '王屯村卫生室', 40, '否', ''],
        [5, '李营村', 55, '是', '张三'],
        [6, '王屯卫生室', 40, '否', ''],
      ],
    });
    const p = previewImport(s.db, 'clinics', await readSheetGrid({ file }), '2026-03-05');
    expect(p.update.map((r) => [r.row, r.label, r.changes])).toEqual([[4, '张庄卫生室', ['业务用房面积']]]);
    // 李 营 卫生室 is 李营村卫生室 written another way: found, and its name on file kept.
    expect(p.unchanged.map((r) => [r.row, r.label])).toEqual([[6, '李营村卫生室']]);
    expect(p.create.map((r) => [r.row, r.label])).toEqual([[7, '王屯村卫生室']]);
    expect(p.errors.map((e) => e.message)).toEqual([
      '第 5 行：“卫生室名称”：可能是 “张庄村卫生室”、“张庄卫生室” 中的一个，请写出卫生室的全称或填写机构编码',
      // The same clinic twice, on file (李营) or new (王屯), written two ways.
      '第 8 行：“卫生室名称”：与第 6 行是同一个卫生室（名称写法不同），同一卫生室只能出现一次',
      '第 9 行：“卫生室名称”：与第 7 行是同一个卫生室（名称写法不同），同一卫生室只能出现一次',
    ]);
  });
});
