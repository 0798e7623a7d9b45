/**
 * The database, its -wal/-shm, its backups and the logs hold personal data (身份证号, phone
 * numbers): they are made readable by the user only — files 0600, folders 0700. Files are
 * created with that mode (never a moment with a wider one) rather than chmod-ed afterwards,
 * and existing ones are narrowed when we touch them. SQLite creates -wal/-shm with the mode of
 * the database file, so a 0600 database keeps them 0600 too. On Windows modes are not POSIX
 * modes and the per-user profile folder does this job; chmod there is a harmless no-op.
 */
import fs from 'node:fs';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Narrows an existing file or folder we own; a file of another user (EPERM) is left as it is. */
export function narrowMode(p: string, mode: number): void {
  try {
    if ((fs.statSync(p).mode & 0o777) !== mode) fs.chmodSync(p, mode);
  } catch {
    // Missing, or not ours: nothing to narrow.
  }
}

/** A folder for our own files: created 0700, or narrowed to it. */
export function privateDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  narrowMode(dir, PRIVATE_DIR);
  return dir;
}

/**
 * Creates `file` empty with mode 0600 when it does not exist yet, so whatever SQLite or the
 * backup API then writes into it is never readable by others, not even for a moment.
 */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  // Only a file: a folder given by mistake keeps its mode (SQLite then refuses to open it).
  if (fs.statSync(file).isFile()) narrowMode(file, PRIVATE_FILE);
}

/** The database and whichever of its -wal/-shm exist (made by an older version, say). */
export function narrowDatabaseFiles(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) narrowMode(`${dbPath}${suffix}`, PRIVATE_FILE);
}

/** Appends to a private file (a log), creating it 0600. */
export function appendPrivate(file: string, text: string): void {
  fs.appendFileSync(file, text, { mode: PRIVATE_FILE });
  narrowMode(file, PRIVATE_FILE);
}
