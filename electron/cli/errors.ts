/**
 * What the command line says when a command fails: one Chinese sentence on the console, never
 * an English stack trace. The details (the stack, the command) go to a log file the sentence
 * names, for whoever supports the center:
 *   `logs/cli-YYYY-MM-DD.log` in the database's folder (beside `backups/`, where an
 *   administrator already looks), or, when the command names no database or that folder
 *   cannot be written, `<OS temp>/township-health-desk/logs/`.
 * Logs are readable by the user only (fileMode.ts): a failed import's message can hold a row
 * of personal data.
 */
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../db/errors';
import { appendPrivate, privateDir } from '../db/fileMode';

interface CliFailure {
  message: string;
  exitCode: number;
}

function dbFolder(argv: readonly string[]): string | null {
  const i = argv.indexOf('--db');
  const inline = argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
  const db = (i >= 0 ? argv[i + 1] : undefined) ?? inline ?? process.env.THD_DB;
  return db ? path.dirname(path.resolve(db)) : null;
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Appends the details to today's log and answers its path; null when nowhere could be written. */
export function writeCliLog(argv: readonly string[], e: unknown, now: Date = new Date()): string | null {
  const folder = dbFolder(argv);
  const dirs = [folder ? path.join(folder, 'logs') : null, path.join(os.tmpdir(), 'township-health-desk', 'logs')];
  const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  const text = `[${now.toISOString()}] 进程 ${process.pid}：${JSON.stringify(argv)}\n${detail}\n\n`;
  for (const dir of dirs) {
    if (!dir) continue;
    try {
      const file = path.join(privateDir(dir), `cli-${localDate(now)}.log`);
      appendPrivate(file, text);
      return file;
    } catch {
      // Not writable (a read-only share, say): try the next place.
    }
  }
  return null;
}

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The sentence for a failure that is not an AppError, by what SQLite or the system said. */
function sentenceFor(e: unknown): string {
  const code = codeOf(e);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return '数据库正忙：另一个程序（程序窗口、浏览器模式或另一条命令）长时间占着写入，本次操作没有生效，请稍后重试';
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return '数据库文件已损坏，本次操作没有生效。请用 check 命令检查，必要时用 restore 从备份恢复';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return '磁盘空间不足，本次操作没有生效，请清理磁盘后重试';
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') {
    return '没有权限写入文件（文件只读，或属于其他用户），本次操作没有生效';
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT') return '找不到或打不开所需的文件，本次操作没有生效，请检查路径';
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'EIO')
    return '读写磁盘出错，本次操作没有生效，请检查磁盘后重试';
  return '程序内部错误，命令没有完成';
}

/** The console's sentence and the exit code (2 for a wrong command, 1 otherwise). */
export function describeCliFailure(e: unknown, argv: readonly string[], now: Date = new Date()): CliFailure {
  if (e instanceof AppError) return { message: `错误：${e.message}`, exitCode: e.code === 'BAD_REQUEST' ? 2 : 1 };
  const log = writeCliLog(argv, e, now);
  const where = log ? `详细信息已记入 ${log}，请把它交给技术人员` : '详细信息未能写入日志文件';
  return { message: `错误：${sentenceFor(e)}。${where}`, exitCode: 1 };
}

/**
 * Errors thrown outside the command's own promise (a callback of the browser mode, say) end
 * the same way rather than with Node's English report.
 */
export function reportStrayErrors(argv: readonly string[]): void {
  const report = (e: unknown) => {
    const { message, exitCode } = describeCliFailure(e, argv);
    console.error(message);
    process.exit(exitCode);
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}
