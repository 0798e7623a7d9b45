/**
 * The import wizard's operations through the real dispatcher, as both shells call them (with
 * output checked against the contract, THD_CHECK_OUTPUT=1): a roster previewed and committed
 * from base64; bad rows, bad base64, a file that is not a workbook, a wrong file name and an
 * oversize body each refused in Chinese with nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../electron/db/context';
import type { Session } from '../../electron/app/session';
import { seedDemo } from '../../electron/demo/seed';
import { todayIso } from '../../shared/format';
import { MAX_IMPORT_BASE64 } from '../../shared/schemas/import';
import { call, callFails, expectChinese } from '../helpers/calls';
import { dumpDb, openSession, tempDir } from '../helpers/tempDb';
import { messyRoster } from './messyRoster';

async function demoSession(): Promise<Session> {
  const s = await openSession();
  seedDemo(makeContext(s.db, '测试'), { scale: 1 });
  return s;
}

async function rosterBase64(s: Session, withBadRows: boolean): Promise<string> {
  const liMing = String(s.db.prepare("SELECT id_number FROM people WHERE name = '李明'").pluck().get());
  const file = await messyRoster(path.join(tempDir(), '花名册.xlsx'), liMing, todayIso().slice(0, 4), withBadRows);
  return fs.readFileSync(file).toString('base64');
}

describe('import.preview and import.commit', () => {
  it('previews a roster sent as base64 and commits it all at once', async () => {
    const s = await demoSession();
    const input = { kind: 'roster' as const, fileName: '花名册.xlsx', base64: await rosterBase64(s, false) };
    const p = await call(s, 'import.preview', input);
    expect(p).toMatchObject({
      kind: 'roster',
      title: '乡村医生花名册',
      fileName: '花名册.xlsx',
      sheetName: '花名册',
      headerRow: 4,
      errors: [],
    });
    expect(p.create.map((r) => r.row)).toEqual([5, 6, 8, 9]);
    expect(p.update.map((r) => [r.row, r.changes])).toEqual([[7, ['联系电话']]]);
    expect(p.unknownColumns.map((c) => c.header)).toEqual(['年龄', '家庭住址']);
    const people = Number(s.db.prepare('SELECT count(*) FROM people').pluck().get());
    expect(await call(s, 'import.commit', input)).toEqual({
      kind: 'roster',
      title: '乡村医生花名册',
      created: 4,
      updated: 1,
      unchanged: 0,
    });
    expect(Number(s.db.prepare('SELECT count(*) FROM people').pluck().get())).toBe(people + 4);
    const again = await call(s, 'import.preview', input);
    expect([again.create.length, again.update.length, again.unchanged.length]).toEqual([0, 0, 5]);
  });

  it('refuses a commit with bad rows, naming the first, and writes nothing', async () => {
    const s = await demoSession();
    const input = { kind: 'roster', fileName: '花名册.xlsx', base64: await rosterBase64(s, true) };
    const p = await call(s, 'import.preview', input as { kind: 'roster'; fileName: string; base64: string });
    expect(p.errors.map((e) => e.row)).toEqual([10, 11, 13]);
    const before = dumpDb(s.db);
    const err = await callFails(s, 'import.commit', input);
    expect(err).toMatchObject({ code: 'VALIDATION', row: 10 });
    expect(err.message).toMatch(/^乡村医生花名册表中有 3 行有错误，未导入任何数据/);
    expect(dumpDb(s.db)).toBe(before);
  });

  it('refuses bad base64, a file that is not a workbook, a wrong name and an oversize body, in Chinese', async () => {
    const s = await demoSession();
    const before = dumpDb(s.db);
    const bad = await callFails(s, 'import.commit', { kind: 'roster', fileName: 'a.xlsx', base64: '这不是base64!!' });
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'base64' });
    expect(bad.message).toContain('不是 base64');
    const notXlsx = await callFails(s, 'import.preview', {
      kind: 'villages',
      fileName: 'a.xlsx',
      base64: Buffer.from('不是工作簿').toString('base64'),
    });
    expect(notXlsx.code).toBe('BAD_REQUEST');
    expect(notXlsx.message).toContain('不是有效的 Excel 工作簿（.xlsx）');
    const xls = await callFails(s, 'import.preview', { kind: 'clinics', fileName: '旧表.xls', base64: 'AAAA' });
    expect(xls).toMatchObject({ code: 'VALIDATION', field: 'fileName' });
    expect(xls.message).toContain('另存为');
    const huge = await callFails(s, 'import.commit', { kind: 'roster', fileName: 'a.xlsx', base64: 'A'.repeat(MAX_IMPORT_BASE64 + 4) });
    expect(huge.message).toContain('4 MB');
    const kind = await callFails(s, 'import.preview', { kind: 'people', fileName: 'a.xlsx', base64: 'AAAA' });
    expect(kind.message).toContain('行政村、村卫生室、人员花名册、固定资产台账或药品目录');
    const empty = await callFails(s, 'import.preview', { kind: 'roster', fileName: 'a.xlsx', base64: '' });
    expect(empty.message).toContain('文件是空的');
    for (const e of [bad, notXlsx, xls, huge, kind, empty]) expectChinese(e.message);
    expect(dumpDb(s.db)).toBe(before);
  });
});
