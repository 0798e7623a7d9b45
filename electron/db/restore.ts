/**
 * Restoring a database from a backup. Call sequence (each step says why it is where it is):
 *   1. verify the source: a sound database of this app, not from a newer version;
 *   2. refuse while anyone holds the database, naming them (holders.ts);
 *   3. write the restored copy to a temp file in the same folder (a rename is atomic only
 *      within one file system): in WAL mode like every file the app leaves at the path (so a
 *      reader of it holds its shared lock from its first read on), closed with no -wal, fsync-ed;
 *   4. take SQLite's exclusive lock on the current file without waiting: it fails while any
 *      connection has the file open, a program that left no note included, and while we hold
 *      it nobody can open the file;
 *   5. keep the current data as a safety copy (online backup; a damaged file byte for byte,
 *      with its -wal);
 *   6. under the lock, switch the current file to a rollback journal: SQLite checkpoints its
 *      -wal into it and deletes it. SQLite would apply a leftover -wal to whatever file is at
 *      the path — the restored one included — so none may remain; one that still exists is
 *      not accounted for and the restore stops;
 *   7. rename the temp file over the path — the path names a whole database at every moment,
 *      the old one until the rename, the new one after — and fsync the folder;
 *   8. mark the replaced file as not ours and release the lock: a program that got the old
 *      file's descriptor just before the swap and waited for our lock reads the mark, refuses
 *      the old file before writing anything (even a -wal named after the path), notices the
 *      swap and opens the new file (open.ts).
 * The caller must have closed its own handle (the app does: Session.restore).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { audit } from './audit';
import { backupDatabase, backupDirFor, baseName, describe, fsyncFile, stamp, verifyDatabaseFile, type BackupInfo } from './backup';
import type { ServiceContext } from './context';
import type { Db } from './open';
import { AppError } from './errors';
import { APPLICATION_ID } from './identity';
import { PRIVATE_FILE, createPrivateFile, narrowMode, privateDir } from './fileMode';
import { describeHolder, liveHolders, type Holder } from './holders';

export interface RestoreResult {
  safetyCopy?: BackupInfo;
}

export type RestoreStep = 'verified' | 'copied' | 'locked' | 'kept' | 'merged' | 'renamed';

interface RestoreOptions {
  /** Awaited after each step; tests check that the path holds a database at every one. */
  onStep?: (step: RestoreStep) => void | Promise<void>;
}

/** The application_id a replaced file is given, so that no opener takes it for ours. */
const REPLACED_ID = APPLICATION_ID ^ 0x7fffffff;

export function inUseError(holders: readonly Holder[], now: Date = new Date()): AppError {
  const who = holders.length > 0 ? holders.map((h) => describeHolder(h, now)).join('；') : '一个未登记的程序，例如旧版本或其他数据库工具';
  return new AppError('CONFLICT', `数据库正在被另一个程序使用（${who}），请先关闭它再恢复`);
}

/** Refuses while the notes say someone holds the database. */
export function assertNoHolders(dbPath: string): void {
  const holders = liveHolders(dbPath);
  if (holders.length > 0) throw inUseError(holders);
}

type Step = (s: RestoreStep) => Promise<void>;

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * SQLite's exclusive lock on the current file, taken without waiting. In WAL mode every open
 * connection keeps a shared lock on the file, so this fails while anyone has it open. Null
 * when the file is not a readable database (a damaged one: nobody can be using it).
 */
function lockExclusively(dbPath: string): Database.Database | null {
  let db: Database.Database;
  try {
    db = new Database(dbPath, { fileMustExist: true, timeout: 0 });
  } catch {
    return null;
  }
  try {
    // EXCLUSIVE locking mode keeps every lock until close; BEGIN EXCLUSIVE takes the
    // strongest one at once, whatever the journal mode (a read alone takes only a shared
    // lock on a file in rollback mode). In WAL mode it also replays a crashed process's -wal.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (e) {
    db.close();
    if (isBusy(e)) throw inUseError(liveHolders(dbPath));
    return null;
  }
}

/** Step 3: the restored copy beside the database, self-contained and on the disk. */
async function writeRestoredCopy(from: string, tmp: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    createPrivateFile(tmp);
    await source.backup(tmp);
  } finally {
    source.close();
  }
  const copy = new Database(tmp);
  try {
    copy.pragma('journal_mode = WAL');
    if (copy.pragma('quick_check', { simple: true }) !== 'ok')
      throw new AppError('DB_CORRUPT', `从 ${from} 复制出的数据未通过检查，未做任何改动`);
  } finally {
    // The last connection to close checkpoints and deletes the -wal and -shm.
    copy.close();
  }
  if (fs.existsSync(`${tmp}-wal`)) throw new AppError('CONFLICT', `恢复用的临时文件未能合并完毕（${tmp}-wal），未做任何改动`);
  fsyncFile(tmp);
}

/** Step 5 for a damaged file: its bytes, with its -wal, so nothing it held is lost. */
function keepRawCopy(dbPath: string): BackupInfo {
  const file = path.join(privateDir(backupDirFor(dbPath)), `${baseName(dbPath)}-${stamp(new Date())}-before-restore.sqlite`);
  fs.copyFileSync(dbPath, file);
  narrowMode(file, PRIVATE_FILE);
  if (fs.existsSync(`${dbPath}-wal`)) {
    fs.copyFileSync(`${dbPath}-wal`, `${file}-wal`);
    narrowMode(`${file}-wal`, PRIVATE_FILE);
  }
  return describe(file);
}

/** Steps 5 and 6: the safety copy, then no -wal of the old file left at the path. */
async function keepAndMerge(dbPath: string, lock: Database.Database | null, step: Step): Promise<BackupInfo> {
  const sound = lock !== null && lock.pragma('quick_check', { simple: true }) === 'ok';
  const safetyCopy = sound ? await backupDatabase(lock, dbPath, 'before-restore', 1000) : keepRawCopy(dbPath);
  await step('kept');
  if (sound) {
    const mode = String(lock.pragma('journal_mode = DELETE', { simple: true }));
    if (mode !== 'delete' || fs.existsSync(`${dbPath}-wal`)) {
      throw new AppError(
        'CONFLICT',
        `数据库旁的日志文件（${dbPath}-wal）无法并入数据库，可能仍有程序在使用它。未做任何改动，请关闭所有使用它的程序后重试`,
      );
    }
  } else {
    // Damaged: its -wal is in the raw safety copy; nobody can be using an unreadable file.
    fs.rmSync(`${dbPath}-wal`, { force: true });
  }
  // A -shm only indexes a -wal; with none left it is stale. Removed while we hold the lock,
  // when nobody can be mapping it (the next opener would rebuild it anyway).
  fs.rmSync(`${dbPath}-shm`, { force: true });
  await step('merged');
  return safetyCopy;
}

/**
 * Step 8: the replaced file, still locked by us and no longer at the path, is marked as not
 * ours. No journal at all, because a journal file would be named after the path — the new
 * file's; a crash halfway damages only a file nobody will open again.
 */
function markReplaced(lock: Database.Database): void {
  try {
    lock.pragma('journal_mode = OFF');
    lock.pragma(`application_id = ${REPLACED_ID}`);
  } catch {
    // Damaged beyond writing: then no opener takes it for ours either.
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; its rename is journaled by NTFS.
  }
}

/** Replaces the database at `dbPath` with a verified copy of `from`, keeping what it replaces. */
export async function restoreDatabase(dbPath: string, from: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const step: Step = async (s) => {
    await opts.onStep?.(s);
  };
  verifyDatabaseFile(from);
  if (path.resolve(from) === path.resolve(dbPath)) throw new AppError('BAD_REQUEST', '不能用数据库文件本身恢复它自己，请选择一个备份文件');
  assertNoHolders(dbPath);
  await step('verified');
  const tmp = `${dbPath}.restoring-${process.pid}`;
  let lock: Database.Database | null = null;
  try {
    await writeRestoredCopy(from, tmp);
    await step('copied');
    const existed = fs.existsSync(dbPath);
    lock = existed ? lockExclusively(dbPath) : null;
    // Under the lock nobody can open the file; a note left now is from another computer.
    if (existed) assertNoHolders(dbPath);
    await step('locked');
    const safetyCopy = existed ? await keepAndMerge(dbPath, lock, step) : undefined;
    // Windows refuses to rename over a file that is open, ours included: release it first
    // (the OS then refuses the rename while anyone else has it open, which we report below).
    if (process.platform === 'win32') lock?.close();
    renameOver(tmp, dbPath);
    fsyncDir(path.dirname(path.resolve(dbPath)));
    if (lock?.open) markReplaced(lock);
    await step('renamed');
    return { safetyCopy };
  } finally {
    lock?.close();
    fs.rmSync(tmp, { force: true });
    for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(`${tmp}${suffix}`, { force: true });
  }
}

/**
 * What the running app holds instead of its database while it restores through itself: any use
 * says so in Chinese (a call from another tab meanwhile), where a closed handle would throw
 * better-sqlite3's English. Closing it again is harmless.
 */
export function restoringHandle(): Db {
  const refuse = () => {
    throw new AppError('CONFLICT', '正在从备份恢复数据库，请稍候几秒再试；刚才的操作没有进行');
  };
  return new Proxy({} as Db, {
    get: (_target, prop) => (prop === 'close' ? () => undefined : prop === 'open' ? false : refuse()),
  });
}

/**
 * The restore's line in the restored file's audit trail (the app's and the command line's):
 * which backup, taken when, and where the data it replaced went.
 */
export function auditRestore(ctx: ServiceContext, from: string, result: RestoreResult): void {
  const kept = result.safetyCopy ? `；恢复前的数据已另存为 ${result.safetyCopy.file}` : '';
  const summary = `从备份恢复数据库：${path.resolve(from)}（备份时间 ${describe(from).at}）${kept}`;
  ctx.db.transaction(() => audit(ctx, { action: 'restore', entity: 'database', summary })).immediate();
}

function renameOver(tmp: string, dbPath: string): void {
  try {
    fs.renameSync(tmp, dbPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') throw inUseError(liveHolders(dbPath));
    throw e;
  }
}
