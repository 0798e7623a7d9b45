/**
 * The app's open leaves the whole-file quick_check until just after the first page (db/open.ts
 * `integrity: 'later'`, app/session.ts): a file whose header and schema read fine but whose
 * data pages are damaged opens, is found out by the check a moment later, and from then on
 * takes no save — reads still answer, the app shows why, and the command line (which checks
 * before anything) refuses the file outright.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/db/errors';
import { openDatabase } from '../../electron/db/open';
import { call, callFails } from '../helpers/calls';
import { openSession, tempDbPath, withRawDb } from '../helpers/tempDb';

const PAGE = 4096;

/** Our database with a table of 5,000 padding rows at the end of the file, whose last pages are then overwritten. */
async function damagedDataPages(): Promise<string> {
  const file = tempDbPath();
  (await openDatabase(file)).db.close();
  withRawDb(file, (db) => {
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE padding (x BLOB)');
    db.exec(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO padding SELECT randomblob(100) FROM n',
    );
  });
  const bytes = fs.readFileSync(file);
  expect(bytes.length % PAGE).toBe(0);
  // Two pages before the end: inside the padding table, far from the header and the schema.
  const at = bytes.length - 3 * PAGE;
  Buffer.alloc(PAGE, 0x5a).copy(bytes, at);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the integrity check after opening', () => {
  it('opens a sound file and finds nothing', async () => {
    const s = await openSession();
    await s.integrityChecked;
    expect(s.integrityError).toBe('');
    expect((await call(s, 'app.info', {})).integrityError).toBe('');
  });

  it('finds damaged data pages just after opening, then refuses every save and says how to restore', async () => {
    const file = await damagedDataPages();
    const s = await openSession(file);
    await s.integrityChecked;
    expect(s.integrityError).toContain('检查未通过');
    expect(s.integrityError).toContain('restore');
    expect((await call(s, 'app.info', {})).integrityError).toBe(s.integrityError);
    const refused = await callFails(s, 'villages.create', { name: '新村', population: 100 });
    expect(refused.code).toBe('DB_CORRUPT');
    expect(refused.message).toContain('已停止保存');
    // Reading what is still readable goes on.
    expect((await call(s, 'villages.list', {})).rows).toEqual([]);
  });

  it('the command line checks before anything and refuses the same file', async () => {
    const file = await damagedDataPages();
    const e = await openDatabase(file).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('DB_CORRUPT');
    expect((e as AppError).message).toContain('已停止打开');
  });
});
