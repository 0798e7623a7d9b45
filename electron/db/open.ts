/**
 * Opening the database, in this order:
 *   1. open the file and set the pragmas (WAL, synchronous=FULL, foreign keys, busy timeout);
 *   2. an existing file: make sure it is ours and not from a newer version, and `quick_check`
 *      it — at once, or (the app, `integrity: 'later'`) just after the first page is served,
 *      when no migration is pending: the check reads the whole file (126 ms for 62 MB), and
 *      the app refuses every save from the moment it fails (app/session.ts);
 *   3. if migrations are pending on a file with data, back it up first (online backup API);
 *   4. run every pending migration in one transaction and record `user_version`;
 *   5. leave a note saying this process holds the file (holders.ts), taken away by `db.close()`.
 * Any failure closes the handle and throws an AppError whose message tells the clerk what to do.
 * The file and its -wal/-shm are readable by the user only (fileMode.ts).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { backupDatabase, listBackups } from './backup';
import { createPrivateFile, narrowDatabaseFiles } from './fileMode';
import { registerHolder, type ProgramKind } from './holders';
import { APPLICATION_ID } from './identity';
import { assertMigrationOrder, migrations } from './migrations';
import type { Migration } from './migrations/types';
import { registerPinyinFunctions } from './pinyin';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  path: string;
  migratedFrom: number;
  backupFile?: string;
  /** False when `integrity: 'later'` left the quick_check to the caller (`integrityProblem`). */
  integrityChecked: boolean;
}

/**
 * How long a writer waits for another program's write transaction before giving up. Every
 * write transaction starts IMMEDIATE, so a second writer waits here instead of failing; the
 * longest transaction is an import's (it plans again inside its transaction): a 10,000-row
 * village list held the lock for 5 s on the two-core build machine, right at the old 5 s.
 * A save that waits a little is better than one refused.
 */
export const BUSY_TIMEOUT_MS = 30_000;

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Statement journals and sorts in memory, not temporary files: a statement whose trigger writes
  // another table (every stock movement keeps stock_balances) journals each page it touches.
  db.pragma('temp_store = MEMORY');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function restoreHint(dbPath: string): string {
  const latest = listBackups(dbPath)[0];
  const from = latest ? latest.file : '<备份文件>';
  return `可以用最近的备份恢复：npm run cli -- restore --db "${dbPath}" --from "${from}"`;
}

interface OpenOptions {
  /** Which program holds the file, for a restore's refusal to name (holders.ts). */
  kind?: ProgramKind;
  /**
   * 'now' (default): quick_check before anything else. 'later': the caller runs
   * `integrityProblem` itself once it has answered its first request — unless a migration is
   * pending, which is never run on a file not checked first.
   */
  integrity?: 'now' | 'later';
}

/** The file at a path (device and inode), to notice it being replaced while we open it. */
function identity(p: string): string {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  return st ? `${st.dev}:${st.ino}` : '';
}

/** `list` is every migration in order; tests pass a longer one to exercise upgrades. */
export async function openDatabase(
  dbPath: string,
  list: readonly Migration[] = migrations,
  opts: OpenOptions = {},
): Promise<OpenedDatabase> {
  assertMigrationOrder(list);
  // A restore renames a new file over the path only while it holds SQLite's exclusive lock
  // (restore.ts); an opener that got the old file's descriptor just before waits for that
  // lock, then would read and write the replaced file, which nobody will ever see again. The
  // restore marks the replaced file as not ours, so such an opener stops at checkExisting;
  // and once our pragmas have run, WAL mode holds a shared lock for as long as we are open, so
  // the path cannot change any more. Either way, if the path names another file than before
  // we opened, we hold the replaced one and open again.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const opened = await openOnce(dbPath, list, opts.integrity ?? 'now');
    if (opened !== 'replaced') return finishOpen(opened, opts.kind ?? 'cli');
  }
  throw new AppError('CONFLICT', `数据库文件 ${dbPath} 在打开过程中被反复替换（正在恢复备份？），请稍后重试`);
}

function finishOpen(opened: OpenedDatabase, kind: ProgramKind): OpenedDatabase {
  narrowDatabaseFiles(opened.path);
  const release = registerHolder(opened.path, kind);
  const { db } = opened;
  const close = db.close.bind(db);
  // Every caller closes with db.close(); wrapping it takes the note away without changing them.
  db.close = () => {
    try {
      return close();
    } finally {
      release();
    }
  };
  return opened;
}

async function openOnce(dbPath: string, list: readonly Migration[], integrity: 'now' | 'later'): Promise<OpenedDatabase | 'replaced'> {
  const latestVersion = list[list.length - 1]?.version ?? 0;
  fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const existed = fs.existsSync(dbPath) && fs.statSync(dbPath).size > 0;
  let db: Db;
  let before: string;
  try {
    // Created 0600 before SQLite touches it; SQLite gives -wal/-shm the same mode.
    createPrivateFile(dbPath);
    // Taken before the descriptor is opened: a file swapped in after this is noticed below.
    before = identity(dbPath);
    db = new Database(dbPath, { timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new AppError('DB_CORRUPT', `无法打开数据库文件 ${dbPath}：${(e as Error).message}`);
  }
  let integrityChecked = true;
  try {
    if (existed) integrityChecked = checkExisting(db, dbPath, latestVersion, integrity);
    applyPragmas(db);
    // Before any migration: migration 11's triggers and backfill call these (pinyin keys).
    registerPinyinFunctions(db);
  } catch (e) {
    db.close();
    if (identity(dbPath) !== before) return 'replaced';
    throw e;
  }
  if (identity(dbPath) !== before) {
    db.close();
    return 'replaced';
  }
  try {
    const from = Number(db.pragma('user_version', { simple: true }));
    let backupFile: string | undefined;
    if (from < latestVersion) {
      if (existed && from > 0) backupFile = (await backupDatabase(db, dbPath, `before-v${latestVersion}`, 1000)).file;
      migrate(db, list, from, latestVersion);
    }
    return { db, path: dbPath, migratedFrom: from, backupFile, integrityChecked };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** SQLite's quick_check of an open file: null when sound, else the clerk's sentence (what failed, how to restore). */
export function integrityProblem(db: Db, dbPath: string): string | null {
  let check: unknown;
  try {
    check = db.pragma('quick_check', { simple: true });
  } catch {
    check = 'unreadable';
  }
  return check === 'ok' ? null : `数据库文件 ${dbPath} 检查未通过（${String(check)}），为保护数据已停止保存。${restoreHint(dbPath)}`;
}

/** Whether the quick_check was run (it is left for later only on a file at the latest version). */
function checkExisting(db: Db, dbPath: string, latestVersion: number, integrity: 'now' | 'later'): boolean {
  // A file too damaged to read its header fails here, before anything else is asked of it.
  let version: number;
  try {
    version = Number(db.pragma('user_version', { simple: true }));
  } catch {
    version = -1;
  }
  const checkNow = integrity === 'now' || version !== latestVersion;
  const problem = checkNow ? integrityProblem(db, dbPath) : null;
  if (problem) throw new AppError('DB_CORRUPT', problem.replace('已停止保存', '已停止打开'));
  const appId = Number(db.pragma('application_id', { simple: true }));
  const tables = Number(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").pluck().get());
  if (appId !== APPLICATION_ID && (appId !== 0 || version !== 0 || tables > 0)) {
    throw new AppError('BAD_REQUEST', `文件 ${dbPath} 不是本程序的数据库，请检查文件路径`);
  }
  if (version > latestVersion) {
    throw new AppError(
      'DB_FROM_FUTURE',
      `数据库 ${dbPath} 来自更新版本的程序（数据版本 ${version}，本程序支持到 ${latestVersion}）。请安装新版本后再打开，数据未做任何改动`,
    );
  }
  return checkNow;
}

function migrate(db: Db, list: readonly Migration[], from: number, latestVersion: number): void {
  const pending = list.filter((m) => m.version > from);
  // SQLite's procedure for changing a table's definition (rebuild under a new name, copy,
  // drop, rename): foreign keys off outside the transaction — the pragma is a no-op inside
  // one — and every reference checked before the commit, so a migration that would leave a
  // dangling reference rolls back whole.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      const dangling = db.pragma('foreign_key_check') as unknown[];
      if (dangling.length > 0) throw new Error(`migration left ${dangling.length} dangling references`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${latestVersion}`);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
