/**
 * Where a sheet's data ends (issue 12 item 3). A county sheet — and every return this app
 * writes — puts under its table a 合计 row, then the signature line, notes (注：, 填表说明) and
 * sometimes a second block (the 人员配备 return's 预警事项, a 说明 list). None of that is data:
 * read as rows it became people named 合计 or alerts refused as bad rows. So:
 *
 * - a 小计 row (any text ending in 小计: 村卫生室小计) is passed over and reading goes on — a
 *   sheet may subtotal each group;
 * - a row opening with 合计/总计 (or ending in it: 全乡镇合计), a signature label, or a note
 *   label ends the table: every row below it is left unread.
 *
 * The row's first non-empty cell decides (序号 columns are blank on such rows), spaces ignored.
 */

export type FooterKind = 'subtotal' | 'end';

const SUBTOTAL = /^.{0,12}小计/;
const TOTAL = /^(.{0,12}(合计|总计))([:：(（].*)?$|^(合计|总计)/;
const END_LABEL =
  /^(填报人|填表人|审核人|审核|单位负责人|负责人签字|负责人|制表人|制表|统计人|填报日期|填表日期|填表说明|填报说明|说明[:：]|注[:：]|注\d|备注[:：]|附注)/;

function firstText(cells: readonly unknown[]): string | null {
  const first = cells.find((c) => c !== '' && c !== null && c !== undefined);
  return typeof first === 'string' ? first.replace(/\s/g, '') : null;
}

/** Whether the row is a subtotal, ends the table, or is neither (null). */
export function footerKind(cells: readonly unknown[]): FooterKind | null {
  const text = firstText(cells);
  if (text === null || text === '') return null;
  if (SUBTOTAL.test(text)) return 'subtotal';
  if (TOTAL.test(text) || END_LABEL.test(text)) return 'end';
  return null;
}
