import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
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

function stamp(d: Date): string {
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
): Promise<BackupInfo> {
  const dir = backupDirFor(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const base = path.basename(dbPath).replace(/\.[^.]+$/, '');
  const file = path.join(dir, `${base}-${stamp(new Date())}-${reason}.sqlite`);
  await db.backup(file);
  rotate(dbPath, keep, file);
  return describe(file);
}

function describe(file: string): BackupInfo {
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
  const base = path.basename(dbPath).replace(/\.[^.]+$/, '');
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.sqlite'))
    .map((f) => describe(path.join(dir, f)))
    .sort((a, b) => b.at.localeCompare(a.at));
}

function rotate(dbPath: string, keep: number, justMade: string): void {
  const all = listBackups(dbPath);
  for (const old of all.slice(keep)) {
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

/**
 * Replaces the database at `dbPath` (which must not be open) with a verified copy of `from`.
 * The file being replaced is first kept in the backups folder, so a restore can be undone.
 */
export async function restoreDatabase(dbPath: string, from: string): Promise<{ safetyCopy?: BackupInfo }> {
  verifyDatabaseFile(from);
  let safetyCopy: BackupInfo | undefined;
  if (fs.existsSync(dbPath)) {
    const current = new Database(dbPath);
    try {
      safetyCopy = await backupDatabase(current, dbPath, 'before-restore', 1000);
    } finally {
      current.close();
    }
  }
  const tmp = `${dbPath}.restoring`;
  fs.rmSync(tmp, { force: true });
  const source = new Database(from, { readonly: true });
  try {
    await source.backup(tmp);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm', '']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
  fs.renameSync(tmp, dbPath);
  return { safetyCopy };
}
