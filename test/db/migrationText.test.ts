/**
 * Migration 0008 (normalised text) on a file written before input was cleaned: stored text is
 * cleaned as input now is, so stored and typed names compare equal; nothing is refused; two
 * rows whose unique value becomes the same are both kept (a village renamed visibly, a clinic's
 * code emptied, a 身份证号 left) and each is written to the 操作记录; history, append-only
 * movements and closed stocktakes are left as written; a second run changes nothing.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/db/identity';
import { latestVersion, migrations } from '../../electron/db/migrations';
import { m0008 } from '../../electron/db/migrations/0008-normalised-text';
import { openDatabase, type Db } from '../../electron/db/open';
import { tempDbPath } from '../helpers/tempDb';

const AT = '2026-01-01T00:00:00.000Z';

/** A file at the schema before 0008, whatever comes before it. */
function before0008(file = tempDbPath()): Db {
  const db = new Database(file);
  db.transaction(() => {
    for (const m of migrations.filter((x) => x.version < m0008.version)) m.up(db);
  })();
  return db;
}

function village(db: Db, id: number, name: string, note = ''): void {
  db.prepare(
    `INSERT INTO villages (id, name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
       patrol_visits_per_month, note, created_at, updated_at) VALUES (?, ?, 100, 100, 0, 1, 'none', 0, ?, ?, ?)`,
  ).run(id, name, note, AT, AT);
}

function clinicRow(db: Db, id: number, code: string | null, name: string): void {
  db.prepare(
    `INSERT INTO clinics (id, code, name, property, building_area, insurance_point, status, created_at, updated_at)
       VALUES (?, ?, ?, 'public', 80, 1, 'open', ?, ?)`,
  ).run(id, code, name, AT, AT);
}

function person(db: Db, id: number, name: string, idNumber: string): void {
  db.prepare(
    `INSERT INTO people (id, name, id_number, sex, birth_date, category, status, created_at, updated_at)
       VALUES (?, ?, ?, 'M', '1970-05-01', 'village_doctor', 'active', ?, ?)`,
  ).run(id, name, idNumber, AT, AT);
}

function dirtyTownship(db: Db): void {
  village(db, 1, '测试村\u200b');
  village(db, 2, '测试村');
  village(db, 3, '测试村\u200c');
  village(db, 4, '测试村（重名2）');
  village(db, 5, '\ufeff张庄村\r\n', '一\r\n二\u200b\u0007');
  clinicRow(db, 1, 'HY-01', '甲村卫生室');
  clinicRow(db, 2, 'HY-01\u200b', '乙村\u2060卫生室');
  clinicRow(db, 3, '\u200b', '丙村卫生室');
  clinicRow(db, 4, 'HY-04\u200b', '丁村卫生室');
  person(db, 1, '王医生', '410822197005010011');
  person(db, 2, '王医生\u200b', '410822197005010011\u200b');
  db.prepare("INSERT INTO settings (key, value) VALUES ('centerName', ?), ('county', ?)").run(
    JSON.stringify('河阳镇\u200b卫生院'),
    JSON.stringify('温县'),
  );
  db.prepare(
    `INSERT INTO assets (id, code, name, category, funding, acquired_on, in_service_on, life_months, value_fen, status, created_at, updated_at)
       VALUES (1, 'WSY-00001', '心电图机\u200b', 'medical', 'fiscal', '2024-01-01', '2024-01-01', 60, 100, 'in_use', ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO asset_movements (asset_id, kind, moved_on, reason, recorded_at, recorded_by) VALUES (1, 'acquire', '2024-01-01', '入账\u200b', ?, '管理员')`,
  ).run(AT);
  for (const [id, title] of [
    [1, '2025年盘点\u200b'],
    [2, '2026年盘点\u200b'],
  ] as const) {
    db.prepare(
      `INSERT INTO stocktakes (id, title, scope, started_on, status, created_by) VALUES (?, ?, 'all', '2026-01-01', 'open', '管理员')`,
    ).run(id, title);
    db.prepare(`INSERT INTO stocktake_items (stocktake_id, asset_id, result, note) VALUES (?, 1, 'found', '在\u200b库房')`).run(id);
  }
  db.prepare("UPDATE stocktakes SET status = 'closed', closed_on = '2025-12-31' WHERE id = 1").run();
  db.prepare(
    "INSERT INTO audit_log (at, actor, action, entity, entity_id, summary) VALUES (?, '管理员', 'create', 'village', 1, '新增行政村：测试村\u200b')",
  ).run(AT);
}

function run(db: Db): void {
  db.transaction(() => m0008.up(db))();
}

const pluck = (db: Db, sql: string): unknown[] => db.prepare(sql).pluck().all();

describe('migration 8: normalised text', () => {
  it('cleans stored text and keeps both rows of a name that becomes the same, renamed visibly', () => {
    const db = before0008();
    dirtyTownship(db);
    run(db);
    expect(pluck(db, 'SELECT name FROM villages ORDER BY id')).toEqual([
      '测试村（重名3）',
      '测试村',
      '测试村（重名4）',
      '测试村（重名2）',
      '张庄村',
    ]);
    expect(pluck(db, 'SELECT note FROM villages WHERE id = 5')).toEqual(['一\n二']);
    expect(pluck(db, 'SELECT code FROM clinics ORDER BY id')).toEqual(['HY-01', null, null, 'HY-04']);
    expect(pluck(db, 'SELECT name FROM clinics WHERE id = 2')).toEqual(['乙村卫生室']);
    // The 身份证号 cannot be renamed: it is left as it was (and reported); the name is cleaned.
    expect(pluck(db, 'SELECT id_number FROM people ORDER BY id')).toEqual(['410822197005010011', '410822197005010011\u200b']);
    expect(pluck(db, 'SELECT name FROM people ORDER BY id')).toEqual(['王医生', '王医生']);
    expect(pluck(db, "SELECT value FROM settings WHERE key = 'centerName'")).toEqual([JSON.stringify('河阳镇卫生院')]);
    expect(pluck(db, 'SELECT name FROM assets')).toEqual(['心电图机']);
    db.close();
  });

  it('leaves history, asset movements and closed stocktakes as written', () => {
    const db = before0008();
    dirtyTownship(db);
    run(db);
    expect(pluck(db, 'SELECT reason FROM asset_movements')).toEqual(['入账\u200b']);
    expect(pluck(db, 'SELECT title FROM stocktakes ORDER BY id')).toEqual(['2025年盘点\u200b', '2026年盘点']);
    expect(pluck(db, 'SELECT note FROM stocktake_items ORDER BY stocktake_id')).toEqual(['在\u200b库房', '在库房']);
    expect(pluck(db, "SELECT summary FROM audit_log WHERE actor = '管理员'")).toEqual(['新增行政村：测试村\u200b']);
    db.close();
  });

  it('writes every resolved collision and the count to the 操作记录', () => {
    const db = before0008();
    dirtyTownship(db);
    run(db);
    const rows = db.prepare("SELECT entity, entity_id, summary FROM audit_log WHERE actor = '系统（数据升级）' ORDER BY id").all();
    expect(rows).toEqual([
      { entity: 'village', entity_id: 1, summary: expect.stringContaining('改名为“测试村（重名3）”') },
      { entity: 'village', entity_id: 3, summary: expect.stringContaining('改名为“测试村（重名4）”') },
      { entity: 'clinic', entity_id: 2, summary: expect.stringContaining('机构编码“HY-01”与另一条记录相同') },
      { entity: 'person', entity_id: 2, summary: expect.stringContaining('未改动') },
      { entity: 'database', entity_id: null, summary: expect.stringMatching(/^数据升级：\d+ 条记录的文字中去除了看不见的字符/) },
    ]);
    db.close();
  });

  it('changes nothing on clean data or on a second run, and refuses nothing', () => {
    const db = before0008();
    village(db, 1, '测试村', '一\n二');
    run(db);
    expect(pluck(db, 'SELECT count(*) FROM audit_log')).toEqual([0]);
    dirtyTownship2(db);
    run(db);
    expect(pluck(db, 'SELECT name FROM villages ORDER BY id')).toEqual(['测试村', '测试村（重名2）', 'L\u01dc村']);
    const audits = pluck(db, 'SELECT count(*) FROM audit_log');
    const dump = JSON.stringify(db.prepare('SELECT * FROM villages ORDER BY id').all());
    run(db);
    expect(pluck(db, 'SELECT count(*) FROM audit_log')).toEqual(audits);
    expect(JSON.stringify(db.prepare('SELECT * FROM villages ORDER BY id').all())).toBe(dump);
    db.close();
  });
});

describe('opening a file from before migration 8', () => {
  it('backs it up, cleans it and opens it', async () => {
    const file = tempDbPath();
    const old = before0008(file);
    dirtyTownship(old);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma(`user_version = ${m0008.version - 1}`);
    old.close();
    const { db, migratedFrom, backupFile } = await openDatabase(file);
    try {
      expect(migratedFrom).toBe(m0008.version - 1);
      expect(backupFile).toBeTruthy();
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(pluck(db, 'SELECT name FROM villages ORDER BY id')).toContain('张庄村');
      expect(pluck(db, "SELECT count(*) FROM villages WHERE name = '测试村'")).toEqual([1]);
    } finally {
      db.close();
    }
  });
});

/** A second village that collides with the first once cleaned, added after a clean run. */
function dirtyTownship2(db: Db): void {
  village(db, 2, '测试村\ufeff');
  village(db, 3, 'Lu\u0308\u0300村');
}
