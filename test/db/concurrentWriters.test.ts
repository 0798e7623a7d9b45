/**
 * Issue 9, point 2: with two app instances one save in five was refused, and a CLI import
 * failed every time while the app saved (with an English stack trace). Three programs now
 * write one file at once — two app sessions saving through the dispatcher and a CLI import —
 * and every save is acknowledged and present at the end; the import commits whole.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCliFailure, writeCliLog } from '../../electron/cli/errors';
import { openDatabase } from '../../electron/db/open';
import { writeVillageBook } from '../../scripts/villageBook';
import { startDbChild } from '../helpers/children';
import { tempDir, withRawDb } from '../helpers/tempDb';

const SAVES = 120;
const IMPORTED = 3000;
const root = path.resolve(__dirname, '..', '..');

function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  p.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => p.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('two app sessions and a CLI import writing one file at once', () => {
  it('refuse nothing and lose nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'township.sqlite');
    (await openDatabase(file)).db.close();
    const book = path.join(dir, '行政村.xlsx');
    await writeVillageBook(book, IMPORTED);

    const a = startDbChild('save', file, 'a', String(SAVES));
    const b = startDbChild('save', file, 'b', String(SAVES));
    // The import starts once both are saving, so its long write transaction meets theirs.
    await Promise.all([a.waitFor(/^ok a-5$/, 30_000), b.waitFor(/^ok b-5$/, 30_000)]);
    const imported = runCli('import', 'villages', book, '--db', file);
    await Promise.all([a.waitFor(/^done$/, 120_000), b.waitFor(/^done$/, 120_000)]);
    const cliRun = await imported;

    expect(cliRun.stderr).toBe('');
    expect(cliRun.code).toBe(0);
    expect(cliRun.stdout).toContain(`已导入：新增 ${IMPORTED} 个`);
    const refused = [...a.lines, ...b.lines].filter((l) => l.startsWith('refused'));
    expect(refused).toEqual([]);
    const acknowledged = [...a.lines, ...b.lines].filter((l) => l.startsWith('ok ')).map((l) => l.slice(3));
    expect(acknowledged).toHaveLength(2 * SAVES);

    const names = new Set(withRawDb(file, (db) => db.prepare('SELECT name FROM villages').pluck().all() as string[]));
    expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
    expect([...names].filter((n) => n.startsWith('导入村'))).toHaveLength(IMPORTED);
    expect(withRawDb(file, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
  }, 180_000);
});

describe('the CLI on an unexpected failure', () => {
  it('says one Chinese sentence and where the details went; the stack goes to logs/ beside the database, 0600', () => {
    const dir = tempDir();
    const db = path.join(dir, 'township.sqlite');
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const when = new Date(2026, 2, 5, 10, 0);
    const { message, exitCode } = describeCliFailure(busy, ['import', 'villages', 'x.xlsx', '--db', db], when);
    const log = path.join(dir, 'logs', 'cli-2026-03-05.log');
    expect(exitCode).toBe(1);
    expect(message).toBe(
      `错误：数据库正忙：另一个程序（程序窗口、浏览器模式或另一条命令）长时间占着写入，本次操作没有生效，请稍后重试。详细信息已记入 ${log}，请把它交给技术人员`,
    );
    expect(message).not.toMatch(/database is locked|at /);
    expect(fs.readFileSync(log, 'utf8')).toContain('database is locked');
    expect(fs.readFileSync(log, 'utf8')).toMatch(/\n\s+at /);
    if (process.platform !== 'win32') {
      expect(fs.statSync(log).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(log)).mode & 0o777).toBe(0o700);
    }
  });

  it('without a database path, logs to the OS temp folder', () => {
    const log = writeCliLog(['help'], new Error('boom'));
    expect(log).toContain(path.join('township-health-desk', 'logs'));
    expect(fs.readFileSync(log ?? '', 'utf8')).toContain('boom');
  });

  it('a real internal error of the command line prints no English stack trace', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'township.sqlite');
    (await openDatabase(db)).db.close();
    // A table gone from a file that is otherwise sound: SQLite's own error, not an AppError.
    withRawDb(db, (d) => d.exec('DROP VIEW IF EXISTS villages_view; PRAGMA foreign_keys = OFF; DROP TABLE villages'));
    const r = await runCli('export', 'villages', '--db', db, '--out', path.join(dir, 'v.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：程序内部错误，命令没有完成。详细信息已记入 .*cli-\d{4}-\d{2}-\d{2}\.log，请把它交给技术人员\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at |Error|no such table/);
    expect(fs.readFileSync(path.join(dir, 'logs', fs.readdirSync(path.join(dir, 'logs'))[0] ?? ''), 'utf8')).toContain('no such table');
  });
});
