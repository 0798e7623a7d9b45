/**
 * Where an imported asset is (issue 8): a holder that names no clinic, or is blank, is an
 * error of its row — never silently 卫生院本部; only a ledger with no holder column at all
 * puts everything at the center, and the preview says so in words. On the demo township.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { writeSheet } from './clerkTownship';
import { freshDb } from './support';

async function preview(header: string[], rows: (string | number)[][]) {
  const { db, dir } = await freshDb();
  const file = await writeSheet(path.join(dir, '台账.xlsx'), { title: '固定资产登记表', header, rows });
  return previewImport(db, 'assets', await readSheetGrid({ file }), '2026-03-05');
}

describe('asset import: the holder', () => {
  it('a 所属卫生室 that names no clinic, or a blank one, is an error of its row', async () => {
    const p = await preview(
      ['序号', '资产名称', '原值', '购置日期', '所属卫生室'],
      [
        [1, '体温计', 30, '2024.1.1', '张庄'],
        [2, '血压计', 300, '2024.1.1', '幸福村卫生室'],
        [3, '听诊器', 80, '2024.1.1', ''],
        [4, '药柜', 900, '2024.1.1', '卫生院本部'],
      ],
    );
    expect(p.create.map((r) => [r.row, (r.values as { holderName: string }).holderName])).toEqual([
      [4, '张庄村卫生室'],
      [7, '卫生院本部'],
    ]);
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^第 5 行：“所属卫生室”：没有名为“幸福村卫生室”的村卫生室/),
      '第 6 行：“所属卫生室”：请填写所属卫生室（卫生院本部的资产写“卫生院本部”）',
    ]);
    expect(p.notices).toEqual([]);
  });

  it('a 存放地点 alone must name a clinic or the center', async () => {
    const p = await preview(
      ['序号', '资产名称', '原值', '购置日期', '存放地点'],
      [
        [1, '体温计', 30, '2024.1.1', '张庄村卫生室诊室'],
        [2, '血压计', 300, '2024.1.1', '药房'],
        [3, '听诊器', 80, '2024.1.1', ''],
      ],
    );
    expect(p.create.map((r) => r.row)).toEqual([4]);
    expect(p.errors.map((e) => e.message)).toEqual([
      '第 5 行：“存放地点”：“药房”没有写明是哪个村卫生室或卫生院本部，请写出卫生室名称（如“张庄村卫生室药房”），或加一列“所属卫生室”',
      '第 6 行：“存放地点”：请填写存放地点，写明是哪个村卫生室或卫生院本部',
    ]);
  });

  it('a ledger with no holder column goes to 卫生院本部, and the preview says so', async () => {
    const p = await preview(['序号', '资产名称', '资产类别', '原值', '购置日期'], [[1, '彩超', '医疗设备', 352_000, '2024.1.1']]);
    expect(p.errors).toEqual([]);
    expect(p.create.map((r) => (r.values as { holderName: string }).holderName)).toEqual(['卫生院本部']);
    expect(p.notices).toEqual([expect.stringContaining('全部资产将记在卫生院本部')]);
  });
});
