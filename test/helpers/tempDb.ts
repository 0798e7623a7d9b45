/**
 * Shared test helpers: real SQLite files in fresh temp folders (never mocks), a session over
 * them, and ways to compare a database's content or a file's bytes before and after.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { Session } from '../../electron/app/session';
import type { LocalAccount } from '../../electron/app/signedIn';
import type { Db } from '../../electron/db/open';

const made: string[] = [];
const sessions: Session[] = [];
const madeForFile: string[] = [];
const sessionsForFile: Session[] = [];

/** A fresh folder under the OS temp dir, removed after the current test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-'));
  made.push(dir);
  return dir;
}

/** A path for a database file that does not exist yet, in a fresh temp folder. */
export function tempDbPath(name = 'township.sqlite'): string {
  return path.join(tempDir(), name);
}

/**
 * The account tests act as: an administrator named 管理员 (the actor the tests' audit rows name),
 * made without a password on first use — a trusted in-process caller's account (app/signedIn.ts).
 */
export const TEST_ADMIN: LocalAccount = { login: 'admin', name: '管理员', role: 'admin' };

export interface SessionOpts {
  /** Sign in as this account instead of TEST_ADMIN; null: nobody signed in (first run, the sign-in page). */
  as?: LocalAccount | null;
}

/** A browser-shell session on a new database file, signed in as TEST_ADMIN; closed after the current test. */
export async function openSession(dbPath = tempDbPath(), opts: SessionOpts = {}): Promise<Session> {
  const as = opts.as === undefined ? TEST_ADMIN : opts.as;
  const s = await Session.open({ dbPath, shell: 'browser', ...(as ? { signInAs: as } : {}) });
  sessions.push(s);
  return s;
}

/** Like tempDir, but kept for every test of the file (for servers started in beforeAll). */
export function tempDirForFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-'));
  madeForFile.push(dir);
  return dir;
}

/** Like openSession, but kept open for every test of the file. */
export async function openSessionForFile(dbPath = path.join(tempDirForFile(), 'township.sqlite')): Promise<Session> {
  const s = await Session.open({ dbPath, shell: 'browser', signInAs: TEST_ADMIN });
  sessionsForFile.push(s);
  return s;
}

function cleanUp(list: Session[], dirs: string[]): void {
  for (const s of list.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed by the test
    }
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

afterEach(() => cleanUp(sessions, made));
afterAll(() => cleanUp(sessionsForFile, madeForFile));

/**
 * Every row of every table (audit_log included), in rowid order, as one comparable string.
 * `auditUpTo` leaves out the audit rows after that id (what a restore adds to the file it restores).
 */
export function dumpDb(db: Db, auditUpTo?: number): string {
  const tables = db
    // Ordinary tables only: the FTS5 token indexes (migration 13) and their shadow tables hold
    // nothing but what the named tables' triggers derive, and some have no rowid to order by.
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    out[t] =
      t === 'audit_log' && auditUpTo !== undefined
        ? db.prepare('SELECT * FROM audit_log WHERE id <= ? ORDER BY rowid').all(auditUpTo)
        : db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
  }
  const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
  return JSON.stringify({ schema, out });
}

/** The dump of a database file that is not open elsewhere. */
export function dumpFile(file: string, auditUpTo?: number): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return dumpDb(db, auditUpTo);
  } finally {
    db.close();
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function auditCount(db: Db): number {
  return Number(db.prepare('SELECT count(*) FROM audit_log').pluck().get());
}

/** Runs raw SQL on a closed file (to build test fixtures) and closes it again. */
export function withRawDb<T>(file: string, fn: (db: Db) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
