import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/db/errors';
import { backupDatabase } from '../../electron/db/backup';
import { APPLICATION_ID } from '../../electron/db/identity';
import { latestVersion } from '../../electron/db/migrations';
import { BUSY_TIMEOUT_MS, openDatabase } from '../../electron/db/open';
import { sha256, tempDbPath, withRawDb } from '../helpers/tempDb';

async function refusal(file: string): Promise<AppError> {
  try {
    const opened = await openDatabase(file);
    opened.db.close();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('openDatabase should have refused the file');
}

/** A real database of this app with one village, closed. */
async function ourDatabase(): Promise<string> {
  const file = tempDbPath();
  const { db } = await openDatabase(file);
  db.prepare(
    `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
       patrol_visits_per_month, created_at, updated_at) VALUES ('甲村', 10, 10, 0, 1, 'none', 0, 'x', 'x')`,
  ).run();
  db.close();
  return file;
}

/** Deterministic bytes that are not a SQLite file. */
function garbage(size: number): Buffer {
  const b = Buffer.alloc(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x & 0xff;
  }
  return b;
}

describe('openDatabase pragmas', () => {
  it.each(['new', 'existing'])('sets WAL, synchronous=FULL, foreign keys and busy timeout on a %s file', async (kind) => {
    const file = kind === 'new' ? tempDbPath() : await ourDatabase();
    const { db } = await openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    } finally {
      db.close();
    }
  });

  it('creates the folder of a database path that does not exist yet', async () => {
    const file = path.join(path.dirname(tempDbPath()), 'a', 'b', 'township.sqlite');
    const { db } = await openDatabase(file);
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('openDatabase refusals', () => {
  it('refuses a file from a newer version with DB_FROM_FUTURE, in Chinese, leaving it byte-for-byte unchanged', async () => {
    const file = await ourDatabase();
    withRawDb(file, (db) => db.pragma(`user_version = ${latestVersion + 1}`));
    const before = sha256(file);
    const e = await refusal(file);
    expect(e.code).toBe('DB_FROM_FUTURE');
    expect(e.message).toContain('更新版本');
    expect(e.message).toContain(String(latestVersion + 1));
    expect(sha256(file)).toBe(before);
    expect(withRawDb(file, (db) => db.pragma('user_version', { simple: true }))).toBe(latestVersion + 1);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('refuses random bytes with DB_CORRUPT and a message saying how to restore', async () => {
    const file = tempDbPath();
    fs.writeFileSync(file, garbage(8192));
    const before = sha256(file);
    const e = await refusal(file);
    expect(e.code).toBe('DB_CORRUPT');
    expect(e.message).toContain('恢复');
    expect(e.message).toContain('restore');
    expect(sha256(file)).toBe(before);
  });

  it('names the latest backup in the restore hint when there is one', async () => {
    const file = await ourDatabase();
    const made = await withRawDbAsync(file, (db) => backupDatabase(db, file, 'manual'));
    fs.writeFileSync(file, garbage(8192));
    const e = await refusal(file);
    expect(e.code).toBe('DB_CORRUPT');
    expect(e.message).toContain(made.file);
  });

  it('refuses a database whose pages were overwritten', async () => {
    const file = await ourDatabase();
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4096 * 2);
    // Keep the 100-byte header, wreck the rest of the schema page and everything after it.
    garbage(bytes.length - 100).copy(bytes, 100);
    fs.writeFileSync(file, bytes);
    const e = await refusal(file);
    expect(e.code).toBe('DB_CORRUPT');
    expect(e.message).toContain('恢复');
  });

  it('refuses a foreign SQLite file with tables, and does not touch it', async () => {
    const file = tempDbPath('other.db');
    withRawDb(file, (db) => {
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      db.prepare("INSERT INTO notes (body) VALUES ('别人的数据')").run();
    });
    const before = sha256(file);
    const e = await refusal(file);
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toContain('不是本程序的数据库');
    expect(sha256(file)).toBe(before);
    expect(withRawDb(file, (db) => db.pragma('user_version', { simple: true }))).toBe(0);
  });

  it('refuses a file stamped with another application id even when it has no tables', async () => {
    const file = tempDbPath('other.db');
    withRawDb(file, (db) => db.pragma('application_id = 1234'));
    const e = await refusal(file);
    expect(e.code).toBe('BAD_REQUEST');
    expect(withRawDb(file, (db) => db.pragma('application_id', { simple: true }))).toBe(1234);
  });

  it('refuses a versioned file without our id (another program using user_version)', async () => {
    const file = tempDbPath('other.db');
    withRawDb(file, (db) => db.pragma('user_version = 1'));
    expect((await refusal(file)).code).toBe('BAD_REQUEST');
  });

  it('accepts an empty file, as a new database', async () => {
    const file = tempDbPath();
    fs.writeFileSync(file, '');
    const { db } = await openDatabase(file);
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    } finally {
      db.close();
    }
  });
});

async function withRawDbAsync<T>(file: string, fn: (db: Database.Database) => Promise<T>): Promise<T> {
  const db = new Database(file);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
