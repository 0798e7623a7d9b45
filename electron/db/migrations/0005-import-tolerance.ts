import type { Migration } from './types';

/**
 * What the clerk's own files need (issue 8):
 * - a clinic may be registered without its 机构编码 (most clerks' lists have none): `code`
 *   becomes nullable, still unique where given. SQLite cannot drop NOT NULL in place, so the
 *   table is rebuilt (the runner turns foreign keys off and checks them before committing);
 * - a post imported without a start date is marked 起始日期不详 (`start_unknown`) and counts as
 *   held on every earlier date: its `start_date` is the floor date below, so every "who held
 *   which post on day X" query stays as it is. The same for a self-employed (个体) doctor's
 *   employment, which has no contract to date it.
 */
export const POST_START_UNKNOWN_FLOOR = '1900-01-01';

export const m0005: Migration = {
  version: 5,
  name: 'import-tolerance',
  up(db) {
    db.exec(`
      CREATE TABLE clinics_new (
        id                 INTEGER PRIMARY KEY,
        code               TEXT UNIQUE,
        name               TEXT NOT NULL,
        address            TEXT NOT NULL DEFAULT '',
        property           TEXT NOT NULL CHECK (property IN ('public', 'other')),
        building_area      REAL NOT NULL CHECK (building_area >= 0),
        insurance_point    INTEGER NOT NULL CHECK (insurance_point IN (0, 1)),
        head_name          TEXT NOT NULL DEFAULT '',
        status             TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        closed_on          TEXT,
        closed_reason      TEXT NOT NULL DEFAULT '',
        note               TEXT NOT NULL DEFAULT '',
        service_population INTEGER NOT NULL DEFAULT 0,
        required_doctors   INTEGER NOT NULL DEFAULT 1,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        CHECK (code IS NULL OR code <> '')
      ) STRICT;
      INSERT INTO clinics_new SELECT id, code, name, address, property, building_area, insurance_point, head_name, status,
        closed_on, closed_reason, note, service_population, required_doctors, created_at, updated_at FROM clinics;
      DROP TABLE clinics;
      ALTER TABLE clinics_new RENAME TO clinics;
      CREATE INDEX clinics_name ON clinics(name);

      ALTER TABLE assignments ADD COLUMN start_unknown INTEGER NOT NULL DEFAULT 0 CHECK (start_unknown IN (0, 1));
      ALTER TABLE employments ADD COLUMN start_unknown INTEGER NOT NULL DEFAULT 0 CHECK (start_unknown IN (0, 1));
    `);
  },
};
