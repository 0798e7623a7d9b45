/**
 * Issue 9.3: a workbook made to exhaust memory is refused before it is parsed, in Chinese,
 * naming what is wrong, with nothing written, and the import stays under 300 MB. Each bomb
 * (test/fixtures/importBombs.ts, generated here, a few hundred KB to a few MB on disk, up to
 * hundreds of MB unpacked) is imported in a child process of its own through both of the app's
 * entries (the CLI's importWorkbook and the import page's previewUpload), which reports its
 * peak RSS. The old whole-workbook read took 1.4 GB for the first bomb and 1.5 GB for the second.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../electron/excel/import/read';
import { refuseNonZip } from '../../electron/excel/import/sniff';
import type { ChildReport } from '../fixtures/importBombChild';
import { writeImportBombs, writeNormalWorkbook, type ImportBomb } from '../fixtures/importBombs';
import { writeZip } from '../fixtures/rawFiles';

const root = path.resolve(__dirname, '..', '..');
const MAX_RSS_MB = 300;

/** What each refusal must say: the problem, in the clerk's words. */
const expected: Record<string, RegExp> = {
  'huge-shared-string': /共享字符串表.*解压后有 300 MB，超过导入上限/,
  'million-rows': /工作表“花名册”有 1,048,576 行数据，超过导入上限 50,000 行.*分批导入/,
  'huge-inline-cell': /工作表“花名册”第 2 行有一个单元格的内容超过 256 KB.*32,767 个字符/,
  'many-sheets': /里有 5,006 个部件，超过导入上限 1,000 个/,
  'big-total': /解压后共 480 MB，超过导入上限 300 MB/,
  'high-ratio-sheet': /xl\/worksheets\/sheet1\.xml 压缩比异常.*压缩炸弹/,
  'lying-directory': /已损坏.*xl\/sharedStrings\.xml 解压后超过目录记载的 1 KB/,
  'far-columns': /数据区域太大（约 655,360,000 个单元格，上限 3,000,000 个）.*删除表格右侧多余的列/,
  'huge-merge': /合并单元格 A1:XFD1048576 太大.*取消这处合并/,
  'many-merges': /工作表“花名册”的合并单元格超过 10,000 处（导入上限）/,
  'password-protected': /设置了打开密码.*文件 → 信息 → 保护工作簿 → 用密码进行加密.*清空密码框/,
  'old-xls': /旧的 Excel 97–2003 格式（\.xls）.*另存为.*\.xlsx/,
};

function importInChild(file: string, kind = 'roster'): ChildReport {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/fixtures/importBombChild.ts'), file, kind], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  // Exit without a crash: status 0, nothing on stderr, one line of JSON.
  expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  return JSON.parse(r.stdout.trim()) as ChildReport;
}

let dir: string;
let bombs: ImportBomb[];

// One folder for the whole file (the helpers' tempDir is removed after each test).
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-bombs-'));
  bombs = await writeImportBombs(dir);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import bombs', () => {
  it('are all generated, small on disk', () => {
    expect(bombs.map((b) => b.name).sort()).toEqual(Object.keys(expected).sort());
    for (const b of bombs) expect(fs.statSync(b.file).size, b.name).toBeLessThan(8 * 1024 * 1024);
  });

  it.each(Object.keys(expected))(
    '%s: refused in Chinese by both entries, nothing written, under 300 MB',
    (name) => {
      const bomb = bombs.find((b) => b.name === name) as ImportBomb;
      const report = importInChild(bomb.file);
      for (const entry of [report.cli, report.page]) {
        expect(entry.ok).toBe(false);
        expect(entry.code).not.toBe('CRASH');
        expect(entry.message).toMatch(expected[name] as RegExp);
        expect(entry.message).not.toMatch(/Error|at .*\.ts:\d+/);
      }
      expect(report.written).toBe(false);
      expect(report.peakRssMB, `${name}: peak RSS ${report.peakRssMB} MB`).toBeLessThan(MAX_RSS_MB);
    },
    120_000,
  );

  it('a small workbook written the same way imports: the bombs are refused for being bombs', async () => {
    const report = importInChild(await writeNormalWorkbook(path.join(dir, 'normal.xlsx')), 'villages');
    expect(report.cli).toEqual({ ok: true, message: '新增 2，更新 0' });
    expect(report.page.ok).toBe(true);
    expect(report.written).toBe(true);
    expect(report.peakRssMB).toBeLessThan(MAX_RSS_MB);
  }, 120_000);
});

describe('what a file that is not a .xlsx is', () => {
  const refusal = (bytes: Buffer) => {
    try {
      refuseNonZip(bytes, '花名册.xls');
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };

  it('names a web page, a PDF and anything else', () => {
    expect(refusal(Buffer.from('\ufeff<html><body><table><tr><td>张三</td></tr></table></body></html>'))).toMatch(
      /网页（HTML）格式.*另存为/,
    );
    expect(refusal(Buffer.from('%PDF-1.7\n'))).toMatch(/是 PDF 文件/);
    expect(refusal(Buffer.from('姓名,身份证号\n张三,1\n'))).toMatch(/不是有效的 Excel 工作簿（\.xlsx）/);
  });

  it('names a .xlsb, an .ods and a Word document', async () => {
    const file = (name: string) => path.join(dir, name);
    await writeZip(file('a.xlsb'), [{ name: 'xl/workbook.bin', body: 'x' }]);
    await writeZip(file('a.ods'), [
      { name: 'mimetype', body: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', body: '<x/>' },
    ]);
    await writeZip(file('a.docx'), [{ name: 'word/document.xml', body: '<x/>' }]);
    await expect(readSheetGrid({ file: file('a.xlsb') })).rejects.toThrow(/Excel 二进制工作簿（\.xlsb）/);
    await expect(readSheetGrid({ file: file('a.ods') })).rejects.toThrow(/OpenDocument 表格（\.ods）/);
    await expect(readSheetGrid({ file: file('a.docx') })).rejects.toThrow(/是 Word 文档/);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const big = path.join(dir, 'big.xlsx');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 21 * 1024 * 1024);
    await expect(readSheetGrid({ file: big })).rejects.toThrow(/文件有 21 MB，超过导入上限 20 MB/);
  });
});
