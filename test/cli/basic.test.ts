/**
 * The command line's database commands as child processes: backup, restore and check make a
 * round trip; help lists the import kinds and returns; a wrong command exits 2.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpFile, tempDir } from '../helpers/tempDb';
import { messyVillages } from '../excel/messy';
import { cli, cliOk } from './run';

describe('cli: database commands', () => {
  it('backs up, changes, restores and checks: the restored file is the backed-up one, plus the restore in its 操作记录', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'township.sqlite');
    cliOk('init', '--db', db, '--center', '河阳镇中心卫生院');
    cliOk('seed', '--db', db, '--demo');
    const saved = path.join(dir, 'saved.sqlite');
    expect(cliOk('backup', '--db', db, '--out', saved)).toContain('已校验');
    const atBackup = dumpFile(db);
    expect(dumpFile(saved)).toBe(atBackup);

    cliOk('import', 'villages', await messyVillages(path.join(dir, 'v.xlsx'), false), '--db', db);
    expect(dumpFile(db)).not.toBe(atBackup);

    const read = <T>(file: string, sql: string, ...params: unknown[]): T[] => {
      const h = new Database(file, { readonly: true });
      try {
        return h.prepare(sql).all(...params) as T[];
      } finally {
        h.close();
      }
    };
    const auditAtBackup = read<{ n: number }>(saved, 'SELECT max(id) AS n FROM audit_log')[0]?.n ?? 0;
    expect(cliOk('restore', '--db', db, '--from', saved)).toContain('原文件已另存为');
    expect(dumpFile(db, auditAtBackup)).toBe(atBackup);
    const added = read<{ action: string; summary: string }>(db, 'SELECT action, summary FROM audit_log WHERE id > ?', auditAtBackup);
    expect(added).toHaveLength(1);
    expect(added[0]?.action).toBe('restore');
    expect(added[0]?.summary).toContain('saved.sqlite');
    expect(cliOk('check', '--db', db)).toContain('检查通过');
  });

  it('refuses to restore from a file that is not a database of this app', () => {
    const dir = tempDir();
    const db = path.join(dir, 'township.sqlite');
    cliOk('init', '--db', db, '--center', '卫生院');
    const bogus = path.join(dir, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'not sqlite at all');
    const r = cli('restore', '--db', db, '--from', bogus);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：/);
    expect(cliOk('check', '--db', db)).toContain('检查通过');
  });

  it('prints help with the import kinds and the returns', () => {
    const out = cliOk('--help');
    expect(out).toContain('import <类别> FILE --db FILE [--dry-run]');
    expect(out).toMatch(/villages\s+行政村：村名\*/);
    expect(out).toMatch(/clinics\s+村卫生室：机构编码、卫生室名称\*/);
    expect(out).toMatch(/clinic-roster\s*村卫生室及覆盖情况统计表/);
  });

  it('exits 2 on an unknown command, with the help on stderr', () => {
    const r = cli('frobnicate', '--db', 'x.sqlite');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有“frobnicate”这个命令');
    expect(r.stderr).toContain('用法：npm run cli');
    expect(r.stdout).toBe('');
  });

  it('exits 2 on an unknown option', () => {
    const r = cli('check', '--verbose');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('命令参数有误');
  });
});
