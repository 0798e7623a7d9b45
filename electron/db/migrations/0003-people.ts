import type { Migration } from './types';

/**
 * People (一人一档): village doctors, dispatched center staff and county-hired doctors, with
 * their qualifications, posts, employment, training, leave and the history of every change.
 */
export const m0003: Migration = {
  version: 3,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id                   INTEGER PRIMARY KEY,
        name                 TEXT NOT NULL,
        id_number            TEXT NOT NULL UNIQUE,
        sex                  TEXT NOT NULL CHECK (sex IN ('M', 'F')),
        birth_date           TEXT NOT NULL,
        phone                TEXT NOT NULL DEFAULT '',
        education            TEXT NOT NULL DEFAULT '',
        ethnicity            TEXT NOT NULL DEFAULT '',
        rural_work_start     TEXT,
        category             TEXT NOT NULL CHECK (category IN ('village_doctor', 'center_staff', 'county_hired')),
        status               TEXT NOT NULL CHECK (status IN ('active', 'exited')),
        exit_date            TEXT,
        exit_reason          TEXT NOT NULL DEFAULT '',
        exit_note            TEXT NOT NULL DEFAULT '',
        head_extension_until TEXT,
        note                 TEXT NOT NULL DEFAULT '',
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_name ON people(name);

      CREATE TABLE person_history (
        id        INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        field     TEXT NOT NULL,
        old_value TEXT NOT NULL,
        new_value TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_history_person ON person_history(person_id, at);

      CREATE TABLE qualifications (
        id          INTEGER PRIMARY KEY,
        person_id   INTEGER NOT NULL REFERENCES people(id),
        kind        TEXT NOT NULL,
        cert_number TEXT NOT NULL DEFAULT '',
        scope       TEXT NOT NULL DEFAULT '',
        issued_on   TEXT,
        valid_until TEXT,
        note        TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX qualifications_person ON qualifications(person_id);

      CREATE TABLE assignments (
        id         INTEGER PRIMARY KEY,
        person_id  INTEGER NOT NULL REFERENCES people(id),
        clinic_id  INTEGER NOT NULL REFERENCES clinics(id),
        role       TEXT NOT NULL CHECK (role IN ('doctor', 'head')),
        start_date TEXT NOT NULL,
        end_date   TEXT,
        note       TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX assignments_person ON assignments(person_id, start_date);
      CREATE INDEX assignments_clinic ON assignments(clinic_id, start_date);

      CREATE TABLE employments (
        id            INTEGER PRIMARY KEY,
        person_id     INTEGER NOT NULL REFERENCES people(id),
        kind          TEXT NOT NULL CHECK (kind IN ('township_hired', 'self_employed', 'dispatched', 'county_hired')),
        establishment TEXT NOT NULL DEFAULT '' CHECK (establishment IN ('', 'spare', 'off')),
        start_date    TEXT NOT NULL,
        end_date      TEXT,
        pension       INTEGER NOT NULL DEFAULT 0 CHECK (pension IN (0, 1)),
        work_injury   INTEGER NOT NULL DEFAULT 0 CHECK (work_injury IN (0, 1)),
        liability     INTEGER NOT NULL DEFAULT 0 CHECK (liability IN (0, 1)),
        assessment    TEXT NOT NULL DEFAULT '',
        note          TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX employments_person ON employments(person_id, start_date);

      CREATE TABLE trainings (
        id         INTEGER PRIMARY KEY,
        person_id  INTEGER NOT NULL REFERENCES people(id),
        kind       TEXT NOT NULL CHECK (kind IN ('clinical_practice', 'training')),
        title      TEXT NOT NULL DEFAULT '',
        place      TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL,
        end_date   TEXT NOT NULL,
        days       INTEGER NOT NULL CHECK (days > 0)
      ) STRICT;
      CREATE INDEX trainings_person ON trainings(person_id, start_date);

      CREATE TABLE leaves (
        id          INTEGER PRIMARY KEY,
        person_id   INTEGER NOT NULL REFERENCES people(id),
        kind        TEXT NOT NULL CHECK (kind IN ('leave', 'absence')),
        start_date  TEXT NOT NULL,
        end_date    TEXT NOT NULL,
        stand_in_id INTEGER REFERENCES people(id),
        approved    INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),
        approver    TEXT NOT NULL DEFAULT '',
        reason      TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX leaves_person ON leaves(person_id, start_date);
    `);
  },
};
