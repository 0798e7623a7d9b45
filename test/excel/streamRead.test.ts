/**
 * The streaming read (issue 9.3) gives the import engine what the whole-workbook read gave, on
 * the cells where exceljs's streaming reader on its own goes wrong: Chinese text split between
 * two unpacked chunks (exceljs #2063), LibreOffice's TRUE() and a VLOOKUP's #N/A (read as 1
 * and NaN), a formula's date, a phonetic guide in a shared string, merged title cells. The
 * workbook is written by hand (test/fixtures/importBombs.ts) so each cell is exactly as Excel
 * or LibreOffice writes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readSheetGrid } from '../../electron/excel/import/read';
import { workbookParts } from '../fixtures/importBombs';
import { writeZip } from '../fixtures/rawFiles';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Style 1 is Excel's built-in date format 14 (m/d/yyyy). */
const STYLES =
  `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** Enough names (about 150 KB of shared strings) that many fall across a chunk boundary. */
const NAMES = Array.from({ length: 3000 }, (_, i) => `石门乡第${i}村卫生室（合建）`);

it('reads what the whole-workbook reader read, where the streaming reader alone would not', async () => {
  const strings =
    `<sst xmlns="${MAIN}"><si><t>乡村医生花名册</t></si>` +
    '<si><t>张三</t><rPh sb="0" eb="2"><t>ちょう</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>' +
    '<si><t>第一行_x000D_第二行</t></si>' +
    `${NAMES.map((n) => `<si><t>${n}</t></si>`).join('')}</sst>`;
  const rows = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="b"><f>TRUE()</f><v>1</v></c><c r="C2" t="e"><f>NA()</f><v>#N/A</v></c>' +
      '<c r="D2"><f>1-1</f><v>0</v></c><c r="E2" t="b"><f>FALSE()</f><v>0</v></c><c r="F2" s="1"><f>DATE(2020,1,2)</f><v>43832</v></c>' +
      '<c r="G2" s="1"><v>43586</v></c><c r="H2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
    '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"/></row>',
    '<row r="4" ht="20" customHeight="1"/>',
    ...NAMES.map((_, i) => `<row r="${i + 10}"><c r="A${i + 10}" t="s"><v>${i + 3}</v></c><c r="B${i + 10}"><v>${i}</v></c></row>`),
  ];
  const file = path.join(dir, 'cells.xlsx');
  await writeZip(
    file,
    workbookParts(
      [{ name: '花名册', rows: rows.join(''), after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' }],
      strings,
      {
        styles: STYLES,
      },
    ),
  );
  const grid = await readSheetGrid({ file });
  expect(grid.sheetName).toBe('花名册');
  expect(grid.rows.slice(0, 3)).toEqual([
    { number: 1, cells: ['乡村医生花名册', '乡村医生花名册', '乡村医生花名册'] },
    {
      number: 2,
      cells: ['张三', true, '#N/A', 0, false, new Date(Date.UTC(2020, 0, 2)), new Date(Date.UTC(2019, 4, 1)), 'ab'],
    },
    // _x000D_ is a line break (a clerk's Alt+Enter); a row of formatting alone (row 4) is no row;
    // a styled empty cell (B3) is no cell.
    { number: 3, cells: ['第一行\n第二行'] },
  ]);
  const names = grid.rows.slice(3);
  expect(names).toHaveLength(NAMES.length);
  expect(names.filter((r, i) => r.number !== i + 10 || r.cells[0] !== NAMES[i] || r.cells[1] !== i)).toEqual([]);
});
