/**
 * The county workbook writer, read back with exceljs: layout (title, unit row, two-level
 * header merges, totals, summary, signature), print setup, fonts, numbers kept as numbers,
 * and a LibreOffice round trip when LibreOffice is installed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countyWorkbookBuffer, sheetName, writeCountyWorkbookFile, type CountySheet } from '../../electron/excel/countyWorkbook';
import { cleanValue } from '../../electron/excel/countySheet';
import { columnLetter, layoutHeader } from '../../electron/excel/headerLayout';
import { tempDir } from '../helpers/tempDb';
import { findRow, findRowStarting, merges, readBack, rowValues, sheet, zipEntry } from './support';

function sample(
  rows: (string | number | null)[][] = [
    [1, 'A01', '张庄村卫生室', 2100, 120.5],
    [2, 'A02', '李营村卫生室', 1500, 95],
    [3, 'A03', '王屯村卫生室', 980, null],
  ],
): CountySheet {
  return {
    name: '村卫生室',
    title: '村卫生室统计表',
    unit: '河阳镇中心卫生院',
    period: '填报日期：2026年3月5日',
    columns: [
      { header: '序号', width: 6, kind: 'center' },
      { header: '机构编码', group: '基本情况', width: 10, kind: 'text' },
      { header: '卫生室名称', group: '基本情况', width: 16, kind: 'text' },
      { header: '服务人口', group: '服务范围', width: 10, kind: 'int' },
      { header: '面积', width: 10, kind: 'decimal' },
    ],
    rows,
    totals: [null, null, rows.length, rows.reduce((s, r) => s + Number(r[3] ?? 0), 0), 215.5],
    summary: { title: '情况', header: ['项目', '个数'], kinds: ['text', 'int'], rows: [['运行', 3]] },
    signature: { operator: '刘晓梅', reviewer: '', director: '张卫东', date: '2026年3月5日' },
  };
}

describe('header layout', () => {
  it('merges a group across its columns and an ungrouped column down both rows', () => {
    const l = layoutHeader([
      { header: '序号' },
      { header: '编码', group: '基本' },
      { header: '名称', group: '基本' },
      { header: '人口', group: '范围' },
    ]);
    expect(l.rowCount).toBe(2);
    expect(l.merges).toEqual([
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
    ]);
    expect(layoutHeader([{ header: 'a' }, { header: 'b' }]).rowCount).toBe(1);
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('county workbook', () => {
  it('lays out title, unit, merged two-level header, data, totals, summary and signature', async () => {
    const { buffer, rowCounts } = await countyWorkbookBuffer([sample()]);
    expect(rowCounts).toEqual([3]);
    const ws = sheet(await readBack(buffer));
    expect(ws.name).toBe('村卫生室');
    expect(ws.getCell('A1').value).toBe('村卫生室统计表');
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.getCell('A2').value).toBe('填报单位：河阳镇中心卫生院');
    expect(ws.getCell('D2').value).toBe('填报日期：2026年3月5日');
    expect(merges(ws)).toEqual(['A1:E1', 'A14:E14', 'A2:C2', 'A3:A4', 'B3:C3', 'D2:E2', 'E3:E4'].sort());
    expect(rowValues(ws, 3)).toEqual(['序号', '基本情况', '基本情况', '服务范围', '面积']);
    expect(rowValues(ws, 4)).toEqual(['序号', '机构编码', '卫生室名称', '服务人口', '面积']);
    expect(rowValues(ws, 5)).toEqual([1, 'A01', '张庄村卫生室', 2100, 120.5]);
    const totals = findRow(ws, '合计');
    expect(totals).toBe(8);
    const sum = [5, 6, 7].reduce((s, r) => s + Number(ws.getRow(r).getCell(4).value), 0);
    expect(ws.getRow(totals).getCell(4).value).toBe(sum);
    expect(ws.getRow(totals).getCell(3).value).toBe(3);
    expect(ws.getRow(totals).getCell(3).numFmt).toBe('0"个"');
    expect(ws.getRow(totals).getCell(4).font).toMatchObject({ bold: true });
    expect(ws.getRow(findRow(ws, '项目', 2)).getCell(3).value).toBe('个数');
    const sign = String(ws.getCell('A14').value);
    expect(sign).toMatch(/^填报人：刘晓梅\s+审核人：_+\s+单位负责人：张卫东\s+填报日期：2026年3月5日$/);
  });

  it('sets up A4 printing one page wide, header rows repeated, panes frozen under the header', async () => {
    const wide = sample();
    wide.columns = wide.columns.map((c) => ({ ...c, width: 30 }));
    const wb = await readBack((await countyWorkbookBuffer([sample(), wide])).buffer);
    const [narrow, landscape] = [sheet(wb, 0), sheet(wb, 1)];
    expect(narrow.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:4',
    });
    expect(landscape.pageSetup.orientation).toBe('landscape');
    expect(landscape.name).toBe('村卫生室(2)');
    expect(narrow.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5 });
    expect(narrow.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(narrow.headerFooter.oddFooter).toContain('&P');
  });

  it('uses 宋体 for every written cell and for the Normal style, and keeps integers as numbers', async () => {
    const { buffer } = await countyWorkbookBuffer([sample()]);
    const ws = sheet(await readBack(buffer));
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.font?.name, cell.address).toBe('宋体')));
    expect(typeof ws.getCell('D5').value).toBe('number');
    expect(ws.getCell('D5').numFmt).toBe('0');
    expect(ws.getCell('A5').border?.top?.style).toBe('thin');
    expect(zipEntry(buffer, 'xl/styles.xml')).toMatch(/<fonts count="\d+"[^>]*><font>(?:(?!<\/font>).)*<name val="宋体"\/>/);
  });

  it('orders the sheet XML as the OOXML schema requires (Excel "repairs" files that do not)', async () => {
    const { buffer } = await countyWorkbookBuffer([sample()]);
    const xml = zipEntry(buffer, 'xl/worksheets/sheet1.xml');
    const schemaOrder = [
      'sheetPr',
      'dimension',
      'sheetViews',
      'sheetFormatPr',
      'cols',
      'sheetData',
      'sheetProtection',
      'autoFilter',
      'mergeCells',
      'conditionalFormatting',
      'dataValidations',
      'hyperlinks',
      'printOptions',
      'pageMargins',
      'pageSetup',
      'headerFooter',
    ];
    const tags = [...xml.matchAll(/<([A-Za-z]+)[\s>/]/g)].map((m) => m[1] as string).filter((t) => schemaOrder.includes(t));
    const positions = [...new Set(tags)].map((t) => schemaOrder.indexOf(t));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(tags).toEqual(expect.arrayContaining(['sheetPr', 'sheetViews', 'mergeCells', 'pageMargins', 'pageSetup', 'headerFooter']));
    expect(xml).not.toMatch(/NaN|undefined/);
    const book = zipEntry(buffer, 'xl/workbook.xml');
    expect(book).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;村卫生室&apos;!$3:$4</definedName>');
  });

  it('turns values Excel would reject into safe cells', () => {
    expect(cleanValue(Number.NaN)).toBeNull();
    expect(cleanValue(Infinity)).toBeNull();
    expect(cleanValue('')).toBeNull();
    expect(String(cleanValue('x'.repeat(40_000))).length).toBe(32_767);
    expect(cleanValue('a\uD800b')).toBe('ab');
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?[e]', taken)).toBe('abcde');
    expect(sheetName('很长的名字'.repeat(10), taken)).toHaveLength(31);
  });

  it('writes a file atomically and leaves nothing behind when writing fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.xlsx');
    await writeCountyWorkbookFile(file, [sample()]);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
    const bad = sample();
    bad.rows = (function* () {
      yield [1, 'A', 'B', 1, 1];
      throw new Error('数据读取失败');
    })();
    const second = path.join(dir, 'second.xlsx');
    await expect(writeCountyWorkbookFile(second, [bad])).rejects.toThrow('数据读取失败');
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
    await expect(writeCountyWorkbookFile(path.join(dir, 'missing', 'x.xlsx'), [sample()])).rejects.toThrow();
  });

  it('streams a long sheet with the signature at the end', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [i + 1, `C${i}`, `卫生室${i}`, i, i / 2]);
    const s = sample(rows);
    const { buffer, rowCounts } = await countyWorkbookBuffer([s]);
    expect(rowCounts).toEqual([5000]);
    const ws = sheet(await readBack(buffer));
    expect(rowValues(ws, 5004)).toEqual([5000, 'C4999', '卫生室4999', 4999, 2499.5]);
    expect(findRowStarting(ws, '填报人：')).toBeGreaterThan(5005);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

// LibreOffice is installed by `npm test` / .ci/run (Debian's libreoffice-calc); its absence is a failure.
describe('LibreOffice (a second, independent reader)', () => {
  it('opens the workbook and sees the same cells', async () => {
    expect(soffice, 'LibreOffice 未安装：apt-get install libreoffice-calc').toBeDefined();
    const dir = tempDir();
    const file = path.join(dir, 'return.xlsx');
    await writeCountyWorkbookFile(file, [sample()]);
    execFileSync(
      soffice as string,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/lo`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir',
        dir,
        file,
      ],
      {
        timeout: 60_000,
        stdio: 'ignore',
      },
    );
    const csv = fs.readFileSync(path.join(dir, 'return.csv'), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^村卫生室统计表/);
    expect(csv[4]).toBe('1,A01,张庄村卫生室,2100,120.5');
    expect(csv.some((l) => l.startsWith('合计,,3个,4580,215.5'))).toBe(true);
  }, 90_000);
});
