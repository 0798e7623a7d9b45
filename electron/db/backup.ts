import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { createPrivateFile, privateDir } from './fileMode';
import { APPLICATION_ID } from './identity';
import { latestVersion } from './migrations';

export interface BackupInfo {
  file: string;
  at: string;
  sizeBytes: number;
  reason: string;
}

/** Backups live beside the database, in `backups/`, named `<db>-<UTC stamp>-<reason>.sqlite`. */
export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

export function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15) + d.toISOString().slice(20, 23);
}

/**
 * Copies an open database through SQLite's online backup API, so the copy is consistent even
 * while the app keeps writing. Older automatic copies beyond `keep` are removed.
 */
export async function backupDatabase(
  db: Database.Database,
  dbPath: string,
  reason: string,
  keep = 10,
  now: Date = new Date(),
): Promise<BackupInfo> {
  const file = path.join(privateDir(backupDirFor(dbPath)), `${baseName(dbPath)}-${stamp(now)}-${reason}.sqlite`);
  await standaloneCopy(db, file);
  rotate(dbPath, reason, keep, file);
  return describe(file);
}

/**
 * A consistent copy of an open database as one self-contained file, readable by the user only.
 * Copied in WAL mode, the copy would stay in WAL mode and every later look at it would leave
 * -wal/-shm files beside it; it is switched to a rollback journal, which leaves none.
 */
export async function standaloneCopy(db: Database.Database, file: string): Promise<void> {
  createPrivateFile(file);
  await db.backup(file);
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** A file's content on the disk before we go on (a rename, a report of success). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function baseName(dbPath: string): string {
  return path.basename(dbPath).replace(/\.[^.]+$/, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function describe(file: string): BackupInfo {
  const st = fs.statSync(file);
  const m = /-(\d{8}-\d{9})-([a-z0-9-]+)\.sqlite$/.exec(path.basename(file));
  const at = m?.[1]
    ? `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}T${m[1].slice(9, 11)}:${m[1].slice(11, 13)}:${m[1].slice(13, 15)}.${m[1].slice(15, 18)}Z`
    : st.mtime.toISOString();
  return { file, at, sizeBytes: st.size, reason: m?.[2] ?? 'manual' };
}

export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDirFor(dbPath);
  if (!fs.existsSync(dir)) return [];
  // The full pattern, so backups of `township-old.sqlite` are never taken for `township.sqlite`'s.
  const own = new RegExp(`^${escapeRegExp(baseName(dbPath))}-\\d{8}-\\d{9}-[a-z0-9-]+\\.sqlite$`);
  return fs
    .readdirSync(dir)
    .filter((f) => own.test(f))
    .map((f) => describe(path.join(dir, f)))
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Keeps the newest `keep` copies of one kind (daily, before-v2 …); other kinds are never touched. */
function rotate(dbPath: string, reason: string, keep: number, justMade: string): void {
  const same = listBackups(dbPath).filter((b) => b.reason === reason);
  for (const old of same.slice(keep)) {
    if (old.file !== justMade) fs.rmSync(old.file, { force: true });
  }
}

/**
 * Checks that a file is a sound database of this app that this version can open, before it
 * is allowed to replace anything. Throws an AppError saying what is wrong.
 */
export function verifyDatabaseFile(file: string): { schemaVersion: number } {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到文件：${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('DB_CORRUPT', `文件 ${file} 已损坏（${String(check)}），不能用来恢复`);
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== APPLICATION_ID) {
      throw new AppError('BAD_REQUEST', `文件 ${file} 不是本程序的数据库，不能用来恢复`);
    }
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > latestVersion) {
      throw new AppError('DB_FROM_FUTURE', `文件 ${file} 来自更新版本的程序（数据版本 ${version}），请先升级本程序`);
    }
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('DB_CORRUPT', `无法读取文件 ${file}：它不是有效的数据库文件`);
  } finally {
    db?.close();
  }
}
