/**
 * Issue 9, smaller points: the database, its -wal/-shm, backups, logs and holder notes are
 * readable by the user only (files 0600, folders 0700), and `backup --out` leaves one
 * self-contained file with no -wal/-shm beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, backupDirFor, listBackups } from '../../electron/db/backup';
import { holdersDirFor } from '../../electron/db/holders';
import { openDatabase } from '../../electron/db/open';
import { restoreDatabase } from '../../electron/db/restore';
import { cliOk } from '../cli/run';
import { tempDbPath } from '../helpers/tempDb';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('modes', () => {
  it('a new database and its -wal/-shm are 0600; the holders folder 0700', async () => {
    const file = tempDbPath();
    const { db } = await openDatabase(file);
    try {
      db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
      for (const suffix of ['', '-wal', '-shm']) expect([suffix, mode(`${file}${suffix}`)]).toEqual([suffix, 0o600]);
      expect(mode(holdersDirFor(file))).toBe(0o700);
      expect(fs.readdirSync(holdersDirFor(file)).map((f) => mode(path.join(holdersDirFor(file), f)))).toEqual([0o600]);
    } finally {
      db.close();
    }
  });

  it('an existing database made readable by others is narrowed when opened', async () => {
    const file = tempDbPath();
    (await openDatabase(file)).db.close();
    fs.chmodSync(file, 0o644);
    const { db } = await openDatabase(file);
    db.close();
    expect(mode(file)).toBe(0o600);
  });

  it('backups: the folder 0700, each copy 0600, also when the folder existed wider', async () => {
    const file = tempDbPath();
    fs.mkdirSync(backupDirFor(file), { mode: 0o755 });
    fs.chmodSync(backupDirFor(file), 0o755);
    const { db } = await openDatabase(file);
    try {
      const made = await backupDatabase(db, file, 'manual');
      expect(mode(backupDirFor(file))).toBe(0o700);
      expect(mode(made.file)).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('a restored database and the safety copy are 0600', async () => {
    const file = tempDbPath();
    (await openDatabase(file)).db.close();
    const source = path.join(path.dirname(file), 'source.sqlite');
    (await openDatabase(source)).db.close();
    fs.chmodSync(source, 0o644);
    const { safetyCopy } = await restoreDatabase(file, source);
    expect(mode(file)).toBe(0o600);
    expect(mode(safetyCopy?.file ?? '')).toBe(0o600);
    expect(listBackups(file)).toHaveLength(1);
  });
});

describe('cli backup --out', () => {
  it('writes one self-contained file: no -wal/-shm beside it, 0600, and it opens', async () => {
    const file = tempDbPath();
    const { db } = await openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
    db.close();
    const out = path.join(path.dirname(file), '备份', 'copy.sqlite');
    fs.mkdirSync(path.dirname(out));
    expect(cliOk('backup', '--db', file, '--out', out)).toContain('已校验');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['copy.sqlite']);
    if (posix) expect(mode(out)).toBe(0o600);
    const copy = await openDatabase(out);
    expect(copy.db.prepare("SELECT value FROM settings WHERE key = 'x'").pluck().get()).toBe('1');
    copy.db.close();
  });
});
