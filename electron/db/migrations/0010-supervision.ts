import type { Migration } from './types';
import { supervisionGuards } from './0010-supervision-guards';

/**
 * Supervision and assessment (rules P1–P8, M2, M3; issue 11). Every table the module needs:
 *
 * - `supervision_templates` / `supervision_items`: each version of the 考核细则 as loaded (the
 *   shipped default or a county's workbook), a two-level tree — group rows (考核项目, with the
 *   points the sheet states for the group: base and bonus) and item rows (序号 as written,
 *   content, maximum, 考核方法, 评分标准, bonus / veto flags, the rule ID it comes from). The
 *   version in force for a month is the latest with `effective_from` ≤ month (ties: the later
 *   loaded). A template is "in use" when a visit points to it; that is derived, never flagged.
 * - `responsibility_letters` / `responsibility_targets` (P1): one letter per clinic and year,
 *   its quantified targets as rows, the signing day and names.
 * - `visits` / `visit_scores` / `findings` (P2, P8): one visit per clinic and month (P2: once a
 *   month), its scores per item and its findings with their rectification.
 * - `quarter_locks` (P4), `corrections` (P4, append-only), `allocations` / `allocation_lines`
 *   (P7, M2, M3) and `rechecks` (P4: the county's half-year sample).
 *
 * Points are stored as INTEGER tenths of a point (`*_tenths`: 0.5 分 is 5, 100 分 is 1000), so
 * sums of item scores are exact and "59.95 vs 60.0" is decided on integers (P6). Money is 分.
 *
 * Locking (P4) is enforced here, in triggers (0010-supervision-guards.ts), not only by the
 * service: once a quarter has a `quarter_locks` row, visits, scores and findings of its months
 * refuse INSERT, UPDATE and DELETE, with two ways through, both leaving the original visible:
 *
 * 1. A correction. The correction path first appends one `corrections` row per changed field
 *    (entity = the table name, entity_id = the row's id, old and new value as text, a reason
 *    that may not be empty), then updates the row setting its `correction_id` to the newest of
 *    those correction rows. The trigger lets an UPDATE through only when `NEW.correction_id`
 *    is a correction row of that same table and row and is newer than `OLD.correction_id` — so
 *    each correction opens exactly one write and cannot be replayed. An INSERT into a locked
 *    quarter (a score row that was missing) needs a correction row of that table with
 *    `entity_id` NULL and `visit_id` = the row's visit that no other row has used. DELETE is
 *    never allowed in a locked quarter (a correction sets a value; nothing disappears).
 *    Corrections themselves can never be changed or deleted.
 * 2. A finding's follow-up. Rectification happens after the visit, usually in a later month and
 *    often after its quarter is locked, so a locked finding keeps its text, owner, due date and
 *    visit fixed but may still receive `rectified_on`, `recheck_visit_id`, `recheck_result` and
 *    `status` (the re-check at a later visit, P8).
 *
 * A template in use is never edited (P6, "only followed by a new version"): its items refuse
 * INSERT, UPDATE and DELETE and the template row refuses UPDATE and DELETE once any visit
 * points to it. A score must be within [0, the item's maximum] and belong to the visit's
 * template; a visit's `visited_on` lies in its month.
 */
export const m0010: Migration = {
  version: 10,
  name: 'supervision',
  up(db) {
    db.exec(`
      CREATE TABLE supervision_templates (
        id                INTEGER PRIMARY KEY,
        version           INTEGER NOT NULL UNIQUE CHECK (version > 0),
        name              TEXT NOT NULL CHECK (name <> ''),
        source            TEXT NOT NULL DEFAULT '',
        effective_from    TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        base_total_tenths INTEGER NOT NULL CHECK (base_total_tenths > 0),
        bonus_cap_tenths  INTEGER NOT NULL DEFAULT 0 CHECK (bonus_cap_tenths >= 0),
        note              TEXT NOT NULL DEFAULT '',
        loaded_at         TEXT NOT NULL,
        loaded_by         TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX supervision_templates_effective ON supervision_templates(effective_from, id);

      CREATE TABLE supervision_items (
        id                  INTEGER PRIMARY KEY,
        template_id         INTEGER NOT NULL REFERENCES supervision_templates(id),
        parent_id           INTEGER REFERENCES supervision_items(id),
        kind                TEXT NOT NULL CHECK (kind IN ('group', 'item')),
        position            INTEGER NOT NULL,
        seq                 TEXT NOT NULL DEFAULT '',
        content             TEXT NOT NULL CHECK (content <> ''),
        max_tenths          INTEGER NOT NULL DEFAULT 0 CHECK (max_tenths >= 0),
        stated_tenths       INTEGER CHECK (stated_tenths IS NULL OR stated_tenths >= 0),
        stated_bonus_tenths INTEGER CHECK (stated_bonus_tenths IS NULL OR stated_bonus_tenths >= 0),
        is_bonus            INTEGER NOT NULL DEFAULT 0 CHECK (is_bonus IN (0, 1)),
        is_veto             INTEGER NOT NULL DEFAULT 0 CHECK (is_veto IN (0, 1)),
        method              TEXT NOT NULL DEFAULT '',
        standard            TEXT NOT NULL DEFAULT '',
        rule_ref            TEXT NOT NULL DEFAULT '',
        UNIQUE (template_id, position),
        CHECK (kind = 'item' OR parent_id IS NULL),
        CHECK (is_veto = 0 OR (kind = 'item' AND max_tenths = 0 AND is_bonus = 0))
      ) STRICT;
      CREATE INDEX supervision_items_parent ON supervision_items(parent_id);

      CREATE TABLE responsibility_letters (
        id            INTEGER PRIMARY KEY,
        clinic_id     INTEGER NOT NULL REFERENCES clinics(id),
        year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        signed_on     TEXT,
        center_signer TEXT NOT NULL DEFAULT '',
        clinic_signer TEXT NOT NULL DEFAULT '',
        note          TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (clinic_id, year),
        CHECK (signed_on IS NULL OR (center_signer <> '' AND clinic_signer <> ''))
      ) STRICT;
      CREATE INDEX responsibility_letters_year ON responsibility_letters(year, clinic_id, signed_on);

      CREATE TABLE responsibility_targets (
        id        INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES responsibility_letters(id),
        position  INTEGER NOT NULL,
        target    TEXT NOT NULL CHECK (target <> ''),
        quantity  TEXT NOT NULL DEFAULT '',
        unit      TEXT NOT NULL DEFAULT '',
        note      TEXT NOT NULL DEFAULT '',
        UNIQUE (letter_id, position)
      ) STRICT;

      CREATE TABLE corrections (
        id          INTEGER PRIMARY KEY,
        entity      TEXT NOT NULL CHECK (entity IN ('visits', 'visit_scores', 'findings')),
        entity_id   INTEGER,
        visit_id    INTEGER,
        field       TEXT NOT NULL CHECK (field <> ''),
        old_value   TEXT,
        new_value   TEXT,
        reason      TEXT NOT NULL CHECK (trim(reason) <> ''),
        at          TEXT NOT NULL,
        by          TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX corrections_entity ON corrections(entity, entity_id, id);
      CREATE INDEX corrections_visit ON corrections(visit_id, id);

      CREATE TABLE visits (
        id             INTEGER PRIMARY KEY,
        clinic_id      INTEGER NOT NULL REFERENCES clinics(id),
        month          TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        visited_on     TEXT NOT NULL,
        template_id    INTEGER NOT NULL REFERENCES supervision_templates(id),
        supervisors    TEXT NOT NULL DEFAULT '',
        clinic_signer  TEXT NOT NULL DEFAULT '',
        total_tenths   INTEGER NOT NULL DEFAULT 0 CHECK (total_tenths >= 0),
        veto_triggered INTEGER NOT NULL DEFAULT 0 CHECK (veto_triggered IN (0, 1)),
        status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        note           TEXT NOT NULL DEFAULT '',
        correction_id  INTEGER REFERENCES corrections(id),
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL,
        UNIQUE (clinic_id, month),
        CHECK (substr(visited_on, 1, 7) = month)
      ) STRICT;
      -- Covering: a quarter's (or a year's, for P5) results for all clinics read visits by month.
      CREATE INDEX visits_month ON visits(month, clinic_id, status, veto_triggered, total_tenths);
      CREATE INDEX visits_template ON visits(template_id);

      CREATE TABLE visit_scores (
        id            INTEGER PRIMARY KEY,
        visit_id      INTEGER NOT NULL REFERENCES visits(id),
        item_id       INTEGER NOT NULL REFERENCES supervision_items(id),
        score_tenths  INTEGER CHECK (score_tenths IS NULL OR score_tenths >= 0),
        vetoed        INTEGER NOT NULL DEFAULT 0 CHECK (vetoed IN (0, 1)),
        note          TEXT NOT NULL DEFAULT '',
        correction_id INTEGER REFERENCES corrections(id),
        UNIQUE (visit_id, item_id)
      ) STRICT;

      CREATE TABLE findings (
        id               INTEGER PRIMARY KEY,
        visit_id         INTEGER NOT NULL REFERENCES visits(id),
        item_id          INTEGER REFERENCES supervision_items(id),
        text             TEXT NOT NULL CHECK (text <> ''),
        owner            TEXT NOT NULL DEFAULT '',
        due_on           TEXT,
        rectified_on     TEXT,
        recheck_visit_id INTEGER REFERENCES visits(id),
        recheck_result   TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectified', 'not_rectified')),
        correction_id    INTEGER REFERENCES corrections(id),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX findings_visit ON findings(visit_id);
      CREATE INDEX findings_open ON findings(status, due_on);

      CREATE TABLE quarter_locks (
        quarter   TEXT PRIMARY KEY CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
        locked_at TEXT NOT NULL,
        locked_by TEXT NOT NULL DEFAULT '',
        note      TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE allocations (
        id         INTEGER PRIMARY KEY,
        quarter    TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
        fund_name  TEXT NOT NULL CHECK (fund_name <> ''),
        pool_fen   INTEGER NOT NULL CHECK (pool_fen > 0),
        basis      TEXT NOT NULL CHECK (basis IN ('population', 'doctors', 'equal')),
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX allocations_quarter ON allocations(quarter, id);

      CREATE TABLE allocation_lines (
        id            INTEGER PRIMARY KEY,
        allocation_id INTEGER NOT NULL REFERENCES allocations(id),
        clinic_id     INTEGER NOT NULL REFERENCES clinics(id),
        score_tenths  INTEGER,
        passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
        weight        INTEGER NOT NULL CHECK (weight >= 0),
        amount_fen    INTEGER NOT NULL CHECK (amount_fen >= 0),
        UNIQUE (allocation_id, clinic_id),
        CHECK (passed = 1 OR amount_fen = 0)
      ) STRICT;

      CREATE TABLE rechecks (
        id          INTEGER PRIMARY KEY,
        half        TEXT NOT NULL CHECK (half GLOB '[0-9][0-9][0-9][0-9]H[12]'),
        clinic_id   INTEGER NOT NULL REFERENCES clinics(id),
        picked_how  TEXT NOT NULL CHECK (picked_how IN ('hand', 'random')),
        seed        TEXT NOT NULL DEFAULT '',
        sample_size INTEGER,
        picked_at   TEXT NOT NULL,
        picked_by   TEXT NOT NULL DEFAULT '',
        UNIQUE (half, clinic_id)
      ) STRICT;
    `);
    db.exec(supervisionGuards);
  },
};
