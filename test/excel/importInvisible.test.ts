/**
 * Issue 9 point 5 for imports: a cell's text is cleaned as a typed field is (zero-width, format
 * and control characters out, NFC, trimmed; line breaks kept only in notes), so a real .xlsx
 * whose names carry invisible characters matches the stored rows instead of planning
 * duplicates, an export → import round trip plans nothing new, and a lone surrogate in a cell is
 * an error of its row naming the column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { planImport } from '../../electron/excel/import/plan';
import { convertCell } from '../../electron/excel/import/convert';
import { villageKind } from '../../electron/domains/villages/importKind';
import { call, clinic, village } from '../helpers/calls';
import { openSession } from '../helpers/tempDb';

type Cell = string | number;

async function xlsxBase64(header: readonly string[], rows: readonly Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell(1, 1).value = '河阳镇行政村基本情况表';
  ws.addRow([]);
  ws.getRow(3).values = [...header];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function township(): Promise<Session> {
  const s = await openSession();
  await call(s, 'villages.create', village({ name: '测试村', residentPopulation: 1200, servicePopulation: 1000 }));
  await call(s, 'villages.create', village({ name: '张庄村', residentPopulation: 900, servicePopulation: 800 }));
  return s;
}

const VILLAGE_HEADER = ['村名', '户籍人口', '服务人口', '备注'];

describe('import of cells with invisible characters', () => {
  it('plans no duplicates against the stored villages, and commits cleaned names with the note’s line break', async () => {
    const s = await township();
    const base64 = await xlsxBase64(VILLAGE_HEADER, [
      ['测试村\u200b', 1200, 1000, ''],
      ['\ufeff张庄\u2060村', 900, 850, ''],
      ['李营\u200d村\u00ad', 700, 600, '第一行\r\n第二行\u200b'],
    ]);
    const input = { kind: 'villages' as const, fileName: '行政村\u200b.xlsx', base64 };
    const p = await call(s, 'import.preview', input);
    expect(p.errors).toEqual([]);
    expect(p.fileName).toBe('行政村.xlsx');
    expect(p.unchanged.map((r) => r.label)).toEqual(['测试村']);
    expect(p.update.map((r) => [r.label, r.changes])).toEqual([['张庄村', ['服务人口']]]);
    expect(p.create.map((r) => r.label)).toEqual(['李营村']);
    await call(s, 'import.commit', input);
    const rows = s.db.prepare('SELECT name, note FROM villages ORDER BY id').all();
    expect(rows).toEqual([
      { name: '测试村', note: '' },
      { name: '张庄村', note: '' },
      { name: '李营村', note: '第一行\n第二行' },
    ]);
  });

  it('sees one village written twice in the file, once with a zero-width space', async () => {
    const s = await township();
    const base64 = await xlsxBase64(VILLAGE_HEADER, [
      ['新村', 100, 100, ''],
      ['新村\u200b', 100, 100, ''],
    ]);
    const p = await call(s, 'import.preview', { kind: 'villages', fileName: 'a.xlsx', base64 });
    expect(p.errors.map((e) => e.message)).toEqual(['第 5 行：与第 4 行重复（新村），同一条记录只能出现一次']);
  });

  it('an export → import round trip plans nothing new, whatever the names were typed with', async () => {
    const s = await township();
    await call(s, 'villages.create', village({ name: '\u200b河\u0001湾村\ufeff', note: '渡口\r\n旁\u0007' }));
    const exported = await call(s, 'villages.export', {});
    const p = await call(s, 'import.preview', { kind: 'villages', fileName: exported.fileName, base64: exported.base64 });
    expect(p.errors).toEqual([]);
    expect(p.create).toEqual([]);
    expect(p.unchanged.map((r) => r.label).sort()).toEqual(['张庄村', '测试村', '河湾村'].sort());
  });

  it('matches a clinic by a code written with invisible characters', async () => {
    const s = await township();
    await call(s, 'clinics.create', clinic({ code: 'HY-01', name: '测试村卫生室', headName: '' }));
    const base64 = await xlsxBase64(
      ['机构编码', '名称', '产权', '面积', '是否医保定点'],
      [['\u200bHY-01\u2060', '测试村卫生室', '公有产权', 80, '是']],
    );
    const p = await call(s, 'import.preview', { kind: 'clinics', fileName: 'c.xlsx', base64 });
    expect(p.errors).toEqual([]);
    expect(p.create).toEqual([]);
    expect([...p.update, ...p.unchanged].map((r) => r.label)).toHaveLength(1);
  });
});

describe('a lone surrogate in a cell', () => {
  // An .xlsx cannot carry one (its XML is written as UTF-8, where half a pair becomes U+FFFD),
  // but a reader may hand one over: the engine refuses it rather than store the text without it.
  it('is an error of its row naming the column, never a stored value', async () => {
    const s = await township();
    const grid = {
      source: 'x.xlsx',
      sheetName: 'Sheet1',
      rows: [
        { number: 3, cells: ['村名', '户籍人口', '服务人口'] },
        { number: 4, cells: ['测试\ud800村', 10, 10] },
        { number: 5, cells: ['好村', 10, 10] },
      ],
    };
    const p = planImport(s.db, villageKind, grid);
    expect(p.errors).toEqual([
      { row: 4, columns: ['村名'], message: '第 4 行：“村名”：含有无法识别的字符（不成对的代理项），请在表格中重新输入这一格' },
    ]);
    expect(p.create.map((r) => r.label)).toEqual(['好村']);
  });

  it('is refused by every text-like conversion', () => {
    for (const type of ['text', 'code', 'list', 'enum'] as const) {
      const r = convertCell({ key: 'x', label: 'X', synonyms: [], type, choices: { 是: 'yes' } }, '是\udc00');
      expect(r.ok).toBe(false);
    }
    expect(convertCell({ key: 'note', label: '备注', synonyms: [], type: 'text', multiline: true }, '一\r\n二\u200b')).toEqual({
      ok: true,
      value: '一\n二',
    });
    expect(convertCell({ key: 'name', label: '村名', synonyms: [], type: 'text' }, '一\n二')).toEqual({ ok: true, value: '一 二' });
  });
});
