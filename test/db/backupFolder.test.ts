/**
 * Issue 12 item 10, 备份到…: a consistent copy (the CLI's online backup) to a folder the clerk
 * chooses, named with the center and the time; a missing or unwritable folder is refused in
 * Chinese saying what to do, and nothing is written; the restore looks into such a file first
 * (its date and counts) and then restores from its full path, keeping a safety copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackupFolder, folderBackupName } from '../../electron/db/backupToFolder';
import { readSettings } from '../../electron/domains/settings/service';
import { call, callFails, expectChinese, village } from '../helpers/calls';
import { auditCount, openSession, tempDbPath, withRawDb } from '../helpers/tempDb';

const dirs: string[] = [];
const tempFolder = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-usb-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    fs.chmodSync(d, 0o700);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

const villageNames = (file: string) =>
  withRawDb(file, (db) => db.prepare('SELECT name FROM villages ORDER BY id').pluck().all() as string[]);

describe('backup to a chosen folder', () => {
  it('writes one checked copy named with the center and time, which opens with the same counts; the restore shows them and takes it', async () => {
    const file = tempDbPath();
    const s = await openSession(file);
    await call(s, 'villages.create', village({ name: '甲村' }));
    await call(s, 'villages.create', village({ name: '乙村' }));
    const usb = tempFolder();
    const n0 = auditCount(s.db);

    const made = await call(s, 'backups.toFolder', { folder: usb });
    expect(path.dirname(made.file)).toBe(usb);
    const center = readSettings(s.db).centerName.replace(/\s/g, '') || '乡村卫生一体化管理';
    expect(path.basename(made.file)).toMatch(new RegExp(`^${center}-\\d{8}-\\d{9}-folder\\.sqlite$`));
    expect(fs.readdirSync(usb)).toEqual([path.basename(made.file)]); // no -wal, -journal, .partial or probe left
    expect(made.sizeBytes).toBe(fs.statSync(made.file).size);
    expect(made.reason).toBe('folder');
    expect(auditCount(s.db)).toBe(n0 + 1);
    expect(villageNames(made.file)).toEqual(['甲村', '乙村']);

    const seen = await call(s, 'backups.inspect', { file: made.file });
    expect(seen.counts).toMatchObject({ villages: 2, clinics: 0, people: 0 });
    expect(seen.at).toBe(made.at);
    expect(seen.file).toBe(made.file);

    await call(s, 'villages.create', village({ name: '丙村' }));
    const restored = await call(s, 'backups.restore', { file: made.file });
    expect(restored.restoredFrom).toBe(made.file);
    expect(restored.backupAt).toBe(made.at);
    expect(villageNames(restored.safetyCopy?.file ?? '')).toEqual(['甲村', '乙村', '丙村']);
    expect((await call(s, 'villages.all', {})).map((v) => v.name).sort()).toEqual(['乙村', '甲村'].sort());
    s.close();
  });

  it('refuses a missing folder in Chinese (插入U盘后重试) and writes nothing', async () => {
    const s = await openSession();
    await call(s, 'villages.create', village({ name: '甲村' }));
    const parent = tempFolder();
    const missing = path.join(parent, 'U盘');
    const n0 = auditCount(s.db);
    const e = await callFails(s, 'backups.toFolder', { folder: missing });
    expectChinese(e.message);
    expect(e.message).toContain('路径不存在');
    expect(e.message).toContain('插入U盘后重试');
    expect(e.message).toContain(missing);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.readdirSync(parent)).toEqual([]);
    expect(auditCount(s.db)).toBe(n0);
    s.close();
  });

  it('refuses a file, a relative path and (where permissions apply) a folder it cannot write to', () => {
    const dir = tempFolder();
    const aFile = path.join(dir, 'a.txt');
    fs.writeFileSync(aFile, 'x');
    expect(() => checkBackupFolder(aFile)).toThrow('不是文件夹');
    expect(() => checkBackupFolder('backups')).toThrow('完整路径');
    expect(() => checkBackupFolder('  ')).toThrow('请选择或填写备份文件夹');
    const locked = tempFolder();
    fs.chmodSync(locked, 0o500);
    // root writes anywhere: the refusal is checked only where the permission holds.
    if (process.getuid?.() !== 0) expect(() => checkBackupFolder(locked)).toThrow('无法写入');
    // A folder nobody can create files in, root included (Linux): refused the same way.
    if (process.platform === 'linux') expect(() => checkBackupFolder('/proc')).toThrow('无法写入');
    expect(fs.readdirSync(locked)).toEqual([]);
    expect(checkBackupFolder(`${dir}${path.sep}`)).toBe(dir);
  });

  it('names the file after the center without characters a file name cannot hold', () => {
    const at = new Date(Date.UTC(2026, 11, 6, 9, 30, 5, 120));
    expect(folderBackupName('河阳镇/中心 卫生院', at)).toBe('河阳镇中心卫生院-20261206-093005120-folder.sqlite');
    expect(folderBackupName('', at)).toBe('乡村卫生一体化管理-20261206-093005120-folder.sqlite');
  });
});
