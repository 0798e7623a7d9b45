import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { APPLICATION_ID } from '../../electron/db/identity';
import { assertMigrationOrder, latestVersion, migrations } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { registerPinyinFunctions } from '../../electron/db/pinyin';
import { tempDbPath } from '../helpers/tempDb';

/** The tables each schema version must have. A new migration must add its line here. */
const expectedTables: Record<number, string[]> = {
  1: ['audit_log', 'clinic_villages', 'clinics', 'settings', 'villages'],
  2: ['audit_log', 'clinic_villages', 'clinics', 'settings', 'villages'],
  3: [
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'employments',
    'leaves',
    'people',
    'person_history',
    'qualifications',
    'settings',
    'trainings',
    'villages',
  ],
  4: [
    'asset_code_counters',
    'asset_movements',
    'assets',
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'employments',
    'leaves',
    'people',
    'person_history',
    'qualifications',
    'settings',
    'stocktake_items',
    'stocktakes',
    'trainings',
    'villages',
  ],
  5: [
    'asset_code_counters',
    'asset_movements',
    'assets',
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'employments',
    'leaves',
    'people',
    'person_history',
    'qualifications',
    'settings',
    'stocktake_items',
    'stocktakes',
    'trainings',
    'villages',
  ],
  6: [
    'asset_code_counters',
    'asset_movements',
    'assets',
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'employments',
    'exit_decisions',
    'leaves',
    'people',
    'person_history',
    'qualifications',
    'settings',
    'stocktake_items',
    'stocktakes',
    'trainings',
    'villages',
  ],
  7: [
    'asset_code_counters',
    'asset_movements',
    'assets',
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'employments',
    'exit_decisions',
    'leaves',
    'people',
    'person_history',
    'qualifications',
    'settings',
    'stocktake_items',
    'stocktakes',
    'trainings',
    'users',
    'villages',
  ],
  8: [
    'asset_code_counters',
    'asset_movements',
    'assets',
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'employments',
    'exit_decisions',
    'leaves',
    'people',
    'person_history',
    'qualifications',
    'settings',
    'stocktake_items',
    'stocktakes',
    'trainings',
    'users',
    'villages',
  ],
  9: [
    'asset_code_counters',
    'asset_movements',
    'assets',
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'deliveries',
    'drug_batches',
    'drug_disposals',
    'drug_essential',
    'drug_prices',
    'drug_shortages',
    'drugs',
    'employments',
    'essential_entries',
    'essential_lists',
    'exit_decisions',
    'leaves',
    'people',
    'person_history',
    'purchase_extra_lines',
    'qualifications',
    'requisition_lines',
    'requisitions',
    'settings',
    'stock_movements',
    'stocktake_items',
    'stocktakes',
    'trainings',
    'users',
    'villages',
  ],
  10: [
    'allocation_lines',
    'allocations',
    'asset_code_counters',
    'asset_movements',
    'assets',
    'assignments',
    'audit_log',
    'clinic_villages',
    'clinics',
    'corrections',
    'deliveries',
    'drug_batches',
    'drug_disposals',
    'drug_essential',
    'drug_prices',
    'drug_shortages',
    'drugs',
    'employments',
    'essential_entries',
    'essential_lists',
    'exit_decisions',
    'findings',
    'leaves',
    'people',
    'person_history',
    'purchase_extra_lines',
    'qualifications',
    'quarter_locks',
    'rechecks',
    'requisition_lines',
    'requisitions',
    'responsibility_letters',
    'responsibility_targets',
    'settings',
    'stock_movements',
    'stocktake_items',
    'stocktakes',
    'supervision_items',
    'supervision_templates',
    'trainings',
    'users',
    'villages',
    'visit_scores',
    'visits',
  ],
};
// Migration 11 (pinyin keys) adds columns, triggers and indexes, no table.
expectedTables[11] = expectedTables[10] ?? [];
// Migration 12 (stock balances kept beside the movements) adds stock_balances.
expectedTables[12] = [...(expectedTables[11] ?? []), 'stock_balances'].sort();
// Migration 13 (pinyin token indexes) adds FTS5 tables, 'virtual'/'shadow' in pragma_table_list, no 'table'.
expectedTables[13] = expectedTables[12] ?? [];
// Migration 14 (the never-negative check reads stock_balances) replaces a trigger, no table.
expectedTables[14] = expectedTables[13] ?? [];

function tables(db: Database.Database): { name: string; strict: number }[] {
  return db
    .prepare(
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; strict: number }[];
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps, and every version has its expected tables', () => {
    expect(() => assertMigrationOrder(migrations)).not.toThrow();
    expect(latestVersion).toBe(migrations.length);
    expect(Object.keys(expectedTables).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  it('refuses a list with a gap or out of order', () => {
    const fake = (version: number): Migration => ({ version, name: `m${version}`, up: () => undefined });
    expect(() => assertMigrationOrder([fake(1), fake(3)])).toThrow(/expected 2/);
    expect(() => assertMigrationOrder([fake(2), fake(1)])).toThrow(/expected 1/);
  });

  it.each(migrations.map((m) => [m.version, m] as const))(
    'migration %i on a fresh file, with those before it, gives STRICT tables only',
    (version) => {
      const db = new Database(tempDbPath());
      registerPinyinFunctions(db); // as open.ts does: migration 11 calls them
      try {
        for (const m of migrations.filter((x) => x.version <= version)) m.up(db);
        const got = tables(db);
        expect(got.map((t) => t.name)).toEqual(expectedTables[version]);
        for (const t of got) expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 });
      } finally {
        db.close();
      }
    },
  );

  it('openDatabase on a new file runs them all and stamps the version and our application id', async () => {
    const file = tempDbPath();
    const { db, migratedFrom, backupFile } = await openDatabase(file);
    try {
      expect(migratedFrom).toBe(0);
      expect(backupFile).toBeUndefined();
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(tables(db).map((t) => t.name)).toEqual(expectedTables[latestVersion]);
    } finally {
      db.close();
    }
  });

  it('version 5 rebuilds clinics with an optional code, keeping every clinic and every reference to it', async () => {
    const file = tempDbPath();
    const old = new Database(file);
    for (const m of migrations.filter((x) => x.version <= 4)) m.up(old);
    const at = '2026-01-01T00:00:00.000Z';
    old.exec(`
      INSERT INTO villages (id, name, resident_population, service_population, is_center_seat, distance_km, alt_coverage, patrol_visits_per_month, created_at, updated_at) VALUES (1, '甲村', 900, 900, 0, 3, 'none', 0, '${at}', '${at}');
      INSERT INTO clinics (id, code, name, property, building_area, insurance_point, status, service_population, created_at, updated_at)
        VALUES (7, 'HY-07', '甲村卫生室', 'public', 60, 1, 'open', 900, '${at}', '${at}');
      INSERT INTO clinic_villages (clinic_id, village_id, relation) VALUES (7, 1, 'host');
      INSERT INTO people (id, name, sex, birth_date, id_number, category, status, created_at, updated_at)
        VALUES (3, '李明', 'M', '1980-01-01', '110101198001010011', 'village_doctor', 'active', '${at}', '${at}');
      INSERT INTO assignments (person_id, clinic_id, role, start_date) VALUES (3, 7, 'head', '2020-01-01');
    `);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 4');
    old.close();
    const { db, migratedFrom } = await openDatabase(file);
    try {
      expect(migratedFrom).toBe(4);
      expect(db.prepare('SELECT id, code, name, service_population FROM clinics').all()).toEqual([
        { id: 7, code: 'HY-07', name: '甲村卫生室', service_population: 900 },
      ]);
      expect(db.prepare('SELECT clinic_id, start_unknown FROM assignments').all()).toEqual([{ clinic_id: 7, start_unknown: 0 }]);
      expect(db.prepare("SELECT count(*) FROM pragma_table_info('employments') WHERE name = 'start_unknown'").pluck().get()).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // References still hold: a post at a clinic that does not exist is refused.
      expect(() =>
        db.prepare("INSERT INTO assignments (person_id, clinic_id, role, start_date) VALUES (3, 99, 'doctor', '2021-01-01')").run(),
      ).toThrow(/FOREIGN KEY/);
      // Codes: optional, unique where given, never the empty string.
      const add = db.prepare(
        `INSERT INTO clinics (code, name, property, building_area, insurance_point, status, created_at, updated_at) VALUES (?, ?, 'public', 0, 0, 'open', '${at}', '${at}')`,
      );
      add.run(null, '乙村卫生室');
      add.run(null, '丙村卫生室');
      expect(() => add.run('HY-07', '丁村卫生室')).toThrow(/UNIQUE/);
      expect(() => add.run('', '戊村卫生室')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('version 6 adds exit_decisions (S11a): one per person, rule and year, a reason required, a known rule only', async () => {
    const file = tempDbPath();
    const old = new Database(file);
    for (const m of migrations.filter((x) => x.version <= 5)) m.up(old);
    const at = '2026-01-01T00:00:00.000Z';
    old.exec(`INSERT INTO people (id, name, sex, birth_date, id_number, category, status, created_at, updated_at)
                VALUES (3, '孙海燕', 'F', '1977-07-07', '410822197707070020', 'village_doctor', 'active', '${at}', '${at}');`);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 5');
    old.close();
    const { db, migratedFrom } = await openDatabase(file);
    try {
      expect(migratedFrom).toBe(5);
      expect(db.prepare('SELECT name FROM people').pluck().all()).toEqual(['孙海燕']);
      const add = db.prepare(
        `INSERT INTO exit_decisions (person_id, rule, trigger_year, decided_on, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, '测试', '${at}')`,
      );
      add.run(3, 'S11-absence', 2026, '2026-06-15', '补办请假，继续留用');
      add.run(3, 'S11-assessment', 2026, '2026-06-15', '整改后复核合格');
      add.run(3, 'S11-absence', 2025, '2025-12-01', '理由');
      expect(() => add.run(3, 'S11-absence', 2026, '2026-07-01', '再记一次')).toThrow(/UNIQUE/);
      expect(() => add.run(3, 'S11-absence', 2024, '2024-07-01', '  ')).toThrow(/CHECK/);
      expect(() => add.run(3, 'S11-accident', 2024, '2024-07-01', '理由')).toThrow(/CHECK/);
      expect(() => add.run(3, 'S11-absence', 2023, '2023/07/01', '理由')).toThrow(/CHECK/);
      expect(() => add.run(99, 'S11-absence', 2023, '2023-07-01', '理由')).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('opening an up-to-date file again migrates nothing and keeps the data', async () => {
    const file = tempDbPath();
    const first = await openDatabase(file);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('centerName', '\"甲镇卫生院\"')").run();
    first.db.close();
    const second = await openDatabase(file);
    try {
      expect(second.migratedFrom).toBe(latestVersion);
      expect(second.backupFile).toBeUndefined();
      expect(second.db.prepare("SELECT value FROM settings WHERE key = 'centerName'").pluck().get()).toBe('"甲镇卫生院"');
    } finally {
      second.db.close();
    }
  });

  it('STRICT tables refuse a wrong type instead of converting it', async () => {
    const { db } = await openDatabase(tempDbPath());
    try {
      const insert = () =>
        db
          .prepare(
            `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
               patrol_visits_per_month, created_at, updated_at) VALUES ('甲村', 'many', 1, 0, 1, 'none', 0, 'x', 'x')`,
          )
          .run();
      expect(insert).toThrow(/cannot store TEXT value in INTEGER column/);
    } finally {
      db.close();
    }
  });

  it('foreign keys hold: a link to a missing clinic or village is refused', async () => {
    const { db } = await openDatabase(tempDbPath());
    try {
      expect(() => db.prepare("INSERT INTO clinic_villages (clinic_id, village_id, relation) VALUES (99, 98, 'host')").run()).toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      db.close();
    }
  });

  it('a file at user_version 0 carrying our application id and no tables is treated as new', async () => {
    const file = tempDbPath();
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.close();
    const { db, migratedFrom } = await openDatabase(file);
    try {
      expect(migratedFrom).toBe(0);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    } finally {
      db.close();
    }
  });
});

describe('migration 2: audit indexes', () => {
  it('lets a filtered, time-sorted audit page use an index instead of sorting in memory', async () => {
    const { db } = await openDatabase(tempDbPath());
    try {
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE entity = 'clinic' ORDER BY at DESC LIMIT 100").all() as {
        detail: string;
      }[];
      const text = plan.map((p) => p.detail).join(' | ');
      expect(text).toContain('audit_log_entity_at');
      expect(text).not.toContain('TEMP B-TREE');
    } finally {
      db.close();
    }
  });
});
