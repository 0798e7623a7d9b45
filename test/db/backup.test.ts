import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/db/errors';
import { backupDatabase, backupDirFor, listBackups, verifyDatabaseFile } from '../../electron/db/backup';
import { restoreDatabase } from '../../electron/db/restore';
import { latestVersion } from '../../electron/db/migrations';
import { openDatabase, type Db } from '../../electron/db/open';
import { dumpFile, sha256, tempDbPath, withRawDb } from '../helpers/tempDb';

function addVillage(db: Db, name: string): void {
  db.prepare(
    `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
       patrol_visits_per_month, created_at, updated_at) VALUES (?, 10, 10, 0, 1, 'none', 0, 'x', 'x')`,
  ).run(name);
}

function villageNames(file: string): string[] {
  return withRawDb(file, (db) => db.prepare('SELECT name FROM villages ORDER BY id').pluck().all() as string[]);
}

/** Backup names carry the time to the millisecond; keep successive backups apart. */
const tick = () => new Promise((r) => setTimeout(r, 3));

async function ourDatabase(file = tempDbPath(), village = '甲村'): Promise<string> {
  const { db } = await openDatabase(file);
  addVillage(db, village);
  db.close();
  return file;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

async function rejected(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('backupDatabase and listBackups', () => {
  it('copies the open database, including uncheckpointed WAL writes, into backups/', async () => {
    const file = tempDbPath();
    const { db } = await openDatabase(file);
    try {
      addVillage(db, '乙村');
      const made = await backupDatabase(db, file, 'manual');
      expect(path.dirname(made.file)).toBe(backupDirFor(file));
      expect(path.basename(made.file)).toMatch(/^township-\d{8}-\d{9}-manual\.sqlite$/);
      expect(made.reason).toBe('manual');
      expect(made.sizeBytes).toBe(fs.statSync(made.file).size);
      expect(Math.abs(new Date(made.at).getTime() - Date.now())).toBeLessThan(60_000);
      expect(villageNames(made.file)).toEqual(['乙村']);
      expect(verifyDatabaseFile(made.file)).toEqual({ schemaVersion: latestVersion });
    } finally {
      db.close();
    }
  });

  it('lists the backups of this database only, newest first', async () => {
    const file = await ourDatabase();
    const other = await ourDatabase(path.join(path.dirname(file), 'other.sqlite'));
    const a = await withRaw(file, (db) => backupDatabase(db, file, 'daily'));
    await tick();
    const b = await withRaw(file, (db) => backupDatabase(db, file, 'manual'));
    await withRaw(other, (db) => backupDatabase(db, other, 'manual'));
    expect(listBackups(file).map((x) => [x.file, x.reason])).toEqual([
      [b.file, 'manual'],
      [a.file, 'daily'],
    ]);
    expect(listBackups(tempDbPath())).toEqual([]);
  });

  // listBackups() matches `${base}-` as a bare prefix, so a copy the clerk keeps beside the
  // database, e.g. township-old.sqlite, has its backups listed (and rotated away) as if they
  // were township.sqlite's.
  it('does not mistake the backups of township-old.sqlite for those of township.sqlite', async () => {
    const file = await ourDatabase();
    const old = await ourDatabase(path.join(path.dirname(file), 'township-old.sqlite'));
    const oldBackup = await withRaw(old, (db) => backupDatabase(db, old, 'manual', 1000));
    expect(listBackups(file)).toEqual([]);
    for (let i = 0; i < 2; i++) {
      await tick();
      await withRaw(file, (db) => backupDatabase(db, file, 'daily', 1));
    }
    expect(fs.existsSync(oldBackup.file)).toBe(true);
  });

  it('keeps only the newest `keep` automatic copies', async () => {
    const file = await ourDatabase();
    const made = [];
    for (let i = 0; i < 4; i++) {
      made.push(await withRaw(file, (db) => backupDatabase(db, file, 'daily', 2)));
      await tick();
    }
    expect(listBackups(file).map((b) => b.file)).toEqual([made[3]?.file, made[2]?.file]);
    expect(fs.existsSync(made[0]?.file ?? '')).toBe(false);
  });

  // backup.ts documents that `keep` limits the *automatic* copies (the setting is
  // 自动备份保留份数), yet rotate() counts every backup of the database, so the daily
  // rotation deletes the clerk's manual backups and the safety copies made before a
  // migration or a restore.
  it('daily rotation never deletes a manual backup or a before-restore safety copy', async () => {
    const file = await ourDatabase();
    const manual = await withRaw(file, (db) => backupDatabase(db, file, 'manual', 1000));
    await tick();
    const safety = await withRaw(file, (db) => backupDatabase(db, file, 'before-restore', 1000));
    for (let i = 0; i < 3; i++) {
      await tick();
      await withRaw(file, (db) => backupDatabase(db, file, 'daily', 2));
    }
    expect(fs.existsSync(manual.file)).toBe(true);
    expect(fs.existsSync(safety.file)).toBe(true);
    expect(listBackups(file).filter((b) => b.reason === 'daily')).toHaveLength(2);
  });
});

describe('verifyDatabaseFile', () => {
  it('accepts a sound database of this app and tells its version', async () => {
    expect(verifyDatabaseFile(await ourDatabase())).toEqual({ schemaVersion: latestVersion });
  });

  it('refuses a missing file, random bytes, a foreign database and one from the future', async () => {
    expect(thrown(() => verifyDatabaseFile(tempDbPath('missing.sqlite'))).code).toBe('NOT_FOUND');

    const junk = tempDbPath('junk.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(8192, 0x5a));
    const corrupt = thrown(() => verifyDatabaseFile(junk));
    expect(corrupt.code).toBe('DB_CORRUPT');
    expect(corrupt.message).toContain('不是有效的数据库文件');

    const foreign = tempDbPath('foreign.sqlite');
    withRawDb(foreign, (db) => db.exec('CREATE TABLE t (x)'));
    expect(thrown(() => verifyDatabaseFile(foreign)).code).toBe('BAD_REQUEST');

    const future = await ourDatabase();
    withRawDb(future, (db) => db.pragma(`user_version = ${latestVersion + 1}`));
    const e = thrown(() => verifyDatabaseFile(future));
    expect(e.code).toBe('DB_FROM_FUTURE');
    expect(e.message).toContain('升级');
  });
});

describe('restoreDatabase', () => {
  it('replaces the file with a verified copy and keeps the replaced one as a safety copy', async () => {
    const file = await ourDatabase(tempDbPath(), '现在的村');
    const source = await ourDatabase(tempDbPath('source.sqlite'), '备份里的村');
    const sourceHash = sha256(source);
    const oldContent = dumpFile(file);

    const { safetyCopy } = await restoreDatabase(file, source);

    expect(villageNames(file)).toEqual(['备份里的村']);
    expect(safetyCopy?.reason).toBe('before-restore');
    expect(dumpFile(safetyCopy?.file ?? '')).toBe(oldContent);
    expect(sha256(source)).toBe(sourceHash);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.restoring'))).toEqual([]);
    const reopened = await openDatabase(file);
    reopened.db.close();
  });

  // open.ts answers a corrupt database with "restore from the latest backup", but
  // restoreDatabase() first copies the current file through the SQLite backup API, which
  // throws on a file that is not a database: the one case a restore is for cannot be restored.
  it('restores over a corrupt database, keeping the corrupt file aside', async () => {
    const source = await ourDatabase(tempDbPath('source.sqlite'), '备份里的村');
    const file = path.join(path.dirname(source), 'township.sqlite');
    const wreck = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(file, wreck);
    await restoreDatabase(file, source);
    expect(villageNames(file)).toEqual(['备份里的村']);
    const kept = fs.readdirSync(backupDirFor(file)).map((f) => fs.readFileSync(path.join(backupDirFor(file), f)));
    expect(kept.some((b) => b.equals(wreck))).toBe(true);
  });

  it('restores onto a path with no database yet, without a safety copy', async () => {
    const source = await ourDatabase(tempDbPath('source.sqlite'), '备份里的村');
    const target = path.join(path.dirname(source), 'new.sqlite');
    expect(await restoreDatabase(target, source)).toEqual({ safetyCopy: undefined });
    expect(villageNames(target)).toEqual(['备份里的村']);
  });

  it('refuses a corrupt source and leaves the current database and its backups alone', async () => {
    const file = await ourDatabase();
    const before = sha256(file);
    const bad = tempDbPath('bad.sqlite');
    fs.writeFileSync(bad, Buffer.alloc(8192, 0x33));
    const e = await rejected(restoreDatabase(file, bad));
    expect(e.code).toBe('DB_CORRUPT');
    expect(sha256(file)).toBe(before);
    expect(listBackups(file)).toEqual([]);
  });

  it('refuses a source from a newer version or another program', async () => {
    const file = await ourDatabase();
    const future = await ourDatabase(tempDbPath('future.sqlite'));
    withRawDb(future, (db) => db.pragma(`user_version = ${latestVersion + 1}`));
    expect((await rejected(restoreDatabase(file, future))).code).toBe('DB_FROM_FUTURE');
    const foreign = tempDbPath('foreign.sqlite');
    withRawDb(foreign, (db) => db.exec('CREATE TABLE t (x)'));
    expect((await rejected(restoreDatabase(file, foreign))).code).toBe('BAD_REQUEST');
    expect(villageNames(file)).toEqual(['甲村']);
  });
});

async function withRaw<T>(file: string, fn: (db: Database.Database) => Promise<T>): Promise<T> {
  const db = new Database(file);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
