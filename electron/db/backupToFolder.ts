/**
 * 数据备份 to a folder the clerk chooses — a USB stick, another disk (issue 12 item 10). The copy
 * is the CLI's `backup` (standaloneCopy: SQLite's online backup of the open database, so it is
 * consistent while the app keeps writing — never a raw copy of a live file), written under a
 * temporary name, checked as a restore would check it, flushed to the disk (a stick may be pulled
 * out as soon as the path shows) and only then given its name: `<单位>-<UTC 时间>-folder.sqlite`,
 * the time in the form the backups folder uses, so the restore reads the date from the name.
 * A folder that is missing, not a folder or not writable is refused in Chinese, saying what to
 * do, and nothing is written there.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { describe, fsyncFile, stamp, standaloneCopy, verifyDatabaseFile, type BackupInfo } from './backup';

/** The reason part of the file name; the settings page calls it 备份到文件夹. */
export const FOLDER_REASON = 'folder';

/** Characters Windows refuses in a file name (and spaces, which clerks' USB tools mangle). */
export function folderBackupName(centerName: string, now: Date): string {
  const unit = centerName.replace(/[\\/:*?"<>|\s]/g, '').slice(0, 60) || '乡村卫生一体化管理';
  return `${unit}-${stamp(now)}-${FOLDER_REASON}.sqlite`;
}

function refuse(message: string): AppError {
  return new AppError('VALIDATION', message, { field: 'folder', fields: { folder: message } });
}

/**
 * The folder as an absolute path, once it is known to exist, to be a folder and to take a file.
 * Writability is tried with a small file that is removed at once: permission bits say nothing
 * about a write-protected or full stick, nor about Windows folder rights.
 */
export function checkBackupFolder(folder: string): string {
  const raw = folder.trim();
  if (raw === '') throw refuse('请选择或填写备份文件夹');
  if (!path.isAbsolute(raw)) throw refuse(`请填写完整路径（例如 E:\\ 或 /media/u盘），而不是“${raw}”`);
  const dir = path.resolve(raw);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw refuse(`路径不存在：${dir}。如果要备份到U盘，请插入U盘后重试；或换一个已有的文件夹`);
  }
  if (!st.isDirectory()) throw refuse(`${dir} 是一个文件，不是文件夹，请选择它所在的文件夹`);
  const probe = path.join(dir, `.thd-write-test-${process.pid}-${Date.now()}`);
  try {
    fs.writeFileSync(probe, 'x', { flag: 'wx' });
  } catch {
    throw refuse(`文件夹 ${dir} 无法写入（U盘可能已写保护、已满，或没有权限）。请换一个文件夹，或检查U盘后重试`);
  } finally {
    fs.rmSync(probe, { force: true });
  }
  return dir;
}

/** A consistent, checked copy of the open database in `folder`; its full path, time and size. */
export async function backupToFolder(
  db: Database.Database,
  folder: string,
  centerName: string,
  now: Date = new Date(),
): Promise<BackupInfo> {
  const dir = checkBackupFolder(folder);
  const file = path.join(dir, folderBackupName(centerName, now));
  if (fs.existsSync(file)) throw refuse(`${file} 已存在，请稍候一秒再备份`);
  const partial = `${file}.partial`;
  const cleanUp = () => {
    for (const f of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  };
  try {
    await standaloneCopy(db, partial);
    verifyDatabaseFile(partial);
    fsyncFile(partial);
    fs.renameSync(partial, file);
  } catch (e) {
    cleanUp();
    if (e instanceof AppError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('INTERNAL', `备份到 ${dir} 没有完成（${why}）。U盘可能已拔出或已满；未留下不完整的文件，请检查后重试`);
  }
  return describe(file);
}

/** What a backup file holds, shown before a restore replaces anything with it. */
export interface BackupContents {
  file: string;
  at: string;
  sizeBytes: number;
  reason: string;
  schemaVersion: number;
  centerName: string;
  counts: { villages: number; clinics: number; people: number; assets: number; visits: number };
}

const COUNTED = ['villages', 'clinics', 'people', 'assets', 'visits'] as const;

/**
 * Opens a backup read-only after the restore's own check (a sound database of this app, not from
 * a newer version) and counts what is in it. A table an older version did not have counts 0.
 */
export function inspectBackup(file: string): BackupContents {
  const from = path.resolve(file);
  const { schemaVersion } = verifyDatabaseFile(from);
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const has = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    const count = (t: (typeof COUNTED)[number]) => (has.has(t) ? Number(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()) : 0);
    const counts = Object.fromEntries(COUNTED.map((t) => [t, count(t)])) as BackupContents['counts'];
    const center = has.has('settings')
      ? (db.prepare(`SELECT value FROM settings WHERE key = 'centerName'`).pluck().get() as string | undefined)
      : undefined;
    return { ...describe(from), schemaVersion, centerName: parseCenter(center), counts };
  } finally {
    db.close();
  }
}

/** The settings table keeps JSON values; an unreadable one shows as unknown, not as an error. */
function parseCenter(raw: string | undefined): string {
  if (raw === undefined) return '';
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : '';
  } catch {
    return raw;
  }
}
