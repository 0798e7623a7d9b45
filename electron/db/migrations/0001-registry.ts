import type { Migration } from './types';

/**
 * Foundation schema: settings, audit trail, villages, clinics and who covers which village.
 * Every table is STRICT so a wrong type is an error, not a silent conversion.
 */
export const m0001: Migration = {
  version: 1,
  name: 'registry',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id INTEGER,
        summary   TEXT NOT NULL,
        before    TEXT,
        after     TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE INDEX audit_log_at ON audit_log(at);

      CREATE TABLE villages (
        id                      INTEGER PRIMARY KEY,
        name                    TEXT NOT NULL UNIQUE,
        resident_population     INTEGER NOT NULL CHECK (resident_population >= 0),
        service_population      INTEGER NOT NULL CHECK (service_population >= 0),
        is_center_seat          INTEGER NOT NULL CHECK (is_center_seat IN (0, 1)),
        distance_km             REAL NOT NULL CHECK (distance_km >= 0),
        alt_coverage            TEXT NOT NULL CHECK (alt_coverage IN ('none', 'patrol', 'dispatch')),
        patrol_visits_per_month INTEGER NOT NULL CHECK (patrol_visits_per_month >= 0),
        note                    TEXT NOT NULL DEFAULT '',
        -- Derived by rule C1 (shared/rules/coverage.ts) in the same transaction as any write
        -- that can change it, so lists can sort and filter on it in SQL.
        coverage_kind           TEXT NOT NULL DEFAULT 'none',
        needs_own_clinic        INTEGER NOT NULL DEFAULT 0,
        created_at              TEXT NOT NULL,
        updated_at              TEXT NOT NULL
      ) STRICT;
      CREATE INDEX villages_coverage ON villages(coverage_kind);

      CREATE TABLE clinics (
        id                 INTEGER PRIMARY KEY,
        code               TEXT NOT NULL UNIQUE,
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
        -- Derived (rules C4, S1) whenever the clinic's villages or their populations change.
        service_population INTEGER NOT NULL DEFAULT 0,
        required_doctors   INTEGER NOT NULL DEFAULT 1,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clinics_name ON clinics(name);

      CREATE TABLE clinic_villages (
        clinic_id  INTEGER NOT NULL REFERENCES clinics(id),
        village_id INTEGER NOT NULL REFERENCES villages(id),
        relation   TEXT NOT NULL CHECK (relation IN ('host', 'extension')),
        PRIMARY KEY (clinic_id, village_id)
      ) STRICT;
      CREATE INDEX clinic_villages_village ON clinic_villages(village_id);
    `);
  },
};
