import { describe, expect, it } from 'vitest';
import { footerKind } from '../../electron/excel/import/footer';

// Issue 12 item 3: rows after a 合计/小计/填表说明 block are not data.
describe("where a sheet's data ends", () => {
  it.each([
    [['', '合计', 24, 11]],
    [[null, '合 计', 24]],
    [['合计：24人']],
    [['', '全乡镇合计', 3]],
    [['总计', '', 5]],
    [['填报人：李会计', '', '审核人：']],
    [['填表说明：1. 本表按年度填报']],
    [['注：人数以在岗为准']],
    [['说明：']],
    [['单位负责人：王院长']],
  ])('%j ends the table', (cells) => {
    expect(footerKind(cells)).toBe('end');
  });

  it.each([[['', '小计', 7]], [['', '村卫生室小计', 12]], [['小计：3']]])('%j is a subtotal, passed over', (cells) => {
    expect(footerKind(cells)).toBe('subtotal');
  });

  it.each([
    [[1, '合计村', 900]], // a numbered row is data whatever its name says
    [['', '张庄村', 900]],
    [['', '注射用头孢曲松钠', '1.0g']],
    [['', '审', '']],
    [[]],
    [['', '', '']],
    [[3, '小计村卫生室']],
  ])('%j is data (or blank)', (cells) => {
    expect(footerKind(cells)).toBeNull();
  });
});
