/**
 * An upgrade on an existing database: a backup is taken before any migration runs, the
 * migrations run in one transaction, and a failing migration leaves the file as it was.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/db/backup';
import { migrations } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { openDatabase } from '../../electron/db/open';
import { tempDbPath } from '../helpers/tempDb';

const addNotes: Migration = {
  version: migrations.length + 1,
  name: 'test-notes',
  up(db) {
    db.exec('CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  },
};

const broken: Migration = {
  version: migrations.length + 1,
  name: 'test-broken',
  up(db) {
    db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
    db.exec('THIS IS NOT SQL');
  },
};

async function existingDatabase(): Promise<string> {
  const file = tempDbPath();
  const { db } = await openDatabase(file);
  db.prepare(
    `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km,
       alt_coverage, patrol_visits_per_month, created_at, updated_at) VALUES ('张庄村', 1, 1, 0, 0, 'none', 0, 'x', 'x')`,
  ).run();
  db.close();
  return file;
}

describe('upgrading an existing database', () => {
  it('backs the file up before migrating, and the backup holds the old version and data', async () => {
    const file = await existingDatabase();
    const { db, migratedFrom, backupFile } = await openDatabase(file, [...migrations, addNotes]);
    expect(migratedFrom).toBe(migrations.length);
    expect(db.pragma('user_version', { simple: true })).toBe(addNotes.version);
    db.close();
    expect(backupFile).toBeDefined();
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toContain(`before-v${addNotes.version}`);
    const old = new Database(backupFile ?? '', { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(old.prepare('SELECT name FROM villages').pluck().all()).toEqual(['张庄村']);
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'test_notes'").pluck().get()).toBe(0);
    old.close();
  });

  it('a failing migration changes nothing: same version, no half-made table, data intact', async () => {
    const file = await existingDatabase();
    await expect(openDatabase(file, [...migrations, broken])).rejects.toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT name FROM villages').pluck().all()).toEqual(['张庄村']);
    db.close();
  });

  it('a new file is created at the latest version without a backup', async () => {
    const file = tempDbPath();
    const { db, backupFile } = await openDatabase(file, [...migrations, addNotes]);
    db.close();
    expect(backupFile).toBeUndefined();
    expect(listBackups(file)).toEqual([]);
  });
});
