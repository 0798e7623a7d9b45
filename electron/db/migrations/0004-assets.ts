import type { Migration } from './types';

/**
 * Fixed assets (rules A1–A4). A card holds what describes the asset; what happens to it —
 * acquisition, transfers, value changes, status changes, disposal — is an append-only list of
 * movements, guarded by triggers so no code path can edit or delete one: a mistake is undone
 * by a recorded reversal. The card's holder, value, status, last-movement date and count of
 * value changes are a cache of what the movements imply, rewritten in the same transaction as
 * every movement (services/assets/state.ts): a ledger as of a day after a card's last movement
 * needs nothing else (services/assets/ledger.ts).
 * Codes are never reused: `asset_code_counters` only counts up, and cards are never deleted.
 */
export const m0004: Migration = {
  version: 4,
  name: 'assets',
  up(db) {
    db.exec(`
      CREATE TABLE asset_code_counters (
        prefix TEXT PRIMARY KEY,
        last   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE assets (
        id                INTEGER PRIMARY KEY,
        code              TEXT NOT NULL UNIQUE,
        old_code          TEXT NOT NULL DEFAULT '',
        name              TEXT NOT NULL,
        category          TEXT NOT NULL,
        model             TEXT NOT NULL DEFAULT '',
        quantity          INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
        unit              TEXT NOT NULL DEFAULT '',
        funding           TEXT NOT NULL,
        acquired_on       TEXT NOT NULL,
        in_service_on     TEXT NOT NULL,
        life_months       INTEGER NOT NULL CHECK (life_months >= 0),
        custodian_id      INTEGER REFERENCES people(id),
        location          TEXT NOT NULL DEFAULT '',
        note              TEXT NOT NULL DEFAULT '',
        -- cache of the movements (see services/assets/state.ts)
        holder_clinic_id  INTEGER REFERENCES clinics(id),
        value_fen         INTEGER NOT NULL,
        status            TEXT NOT NULL,
        disposed_on       TEXT,
        last_moved_on     TEXT,
        value_changes     INTEGER NOT NULL DEFAULT 0,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assets_holder ON assets(holder_clinic_id, status);
      CREATE INDEX assets_old_code ON assets(old_code) WHERE old_code <> '';

      CREATE TABLE asset_movements (
        id             INTEGER PRIMARY KEY,
        asset_id       INTEGER NOT NULL REFERENCES assets(id),
        kind           TEXT NOT NULL CHECK (kind IN ('acquire', 'transfer', 'value_change', 'status', 'dispose', 'reversal')),
        moved_on       TEXT NOT NULL,
        from_clinic_id INTEGER REFERENCES clinics(id),
        to_clinic_id   INTEGER REFERENCES clinics(id),
        value_fen      INTEGER NOT NULL DEFAULT 0,
        life_months    INTEGER,
        status         TEXT NOT NULL DEFAULT '',
        method         TEXT NOT NULL DEFAULT '',
        approval_no    TEXT NOT NULL DEFAULT '',
        approval_date  TEXT,
        proceeds_fen   INTEGER NOT NULL DEFAULT 0,
        reason         TEXT NOT NULL DEFAULT '',
        sent_by        TEXT NOT NULL DEFAULT '',
        received_by    TEXT NOT NULL DEFAULT '',
        reverses_id    INTEGER UNIQUE REFERENCES asset_movements(id),
        stocktake_id   INTEGER,
        recorded_at    TEXT NOT NULL,
        recorded_by    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX asset_movements_asset ON asset_movements(asset_id, moved_on, id);
      CREATE INDEX asset_movements_date ON asset_movements(moved_on);

      CREATE TRIGGER asset_movements_no_update BEFORE UPDATE ON asset_movements
      BEGIN SELECT RAISE(ABORT, '资产变动记录不能修改，请用冲销更正'); END;
      CREATE TRIGGER asset_movements_no_delete BEFORE DELETE ON asset_movements
      BEGIN SELECT RAISE(ABORT, '资产变动记录不能删除，请用冲销更正'); END;
      CREATE TRIGGER assets_no_delete BEFORE DELETE ON assets
      BEGIN SELECT RAISE(ABORT, '资产卡片不能删除'); END;

      CREATE TABLE stocktakes (
        id         INTEGER PRIMARY KEY,
        title      TEXT NOT NULL,
        scope      TEXT NOT NULL CHECK (scope IN ('all', 'clinic', 'center')),
        clinic_id  INTEGER REFERENCES clinics(id),
        started_on TEXT NOT NULL,
        closed_on  TEXT,
        status     TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        created_by TEXT NOT NULL,
        closed_by  TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE stocktake_items (
        id           INTEGER PRIMARY KEY,
        stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
        asset_id     INTEGER REFERENCES assets(id),
        holder_clinic_id INTEGER REFERENCES clinics(id),
        result       TEXT NOT NULL CHECK (result IN ('pending', 'found', 'missing', 'damaged', 'surplus')),
        -- a surplus item describes itself; a listed one is its asset
        name         TEXT NOT NULL DEFAULT '',
        category     TEXT NOT NULL DEFAULT '',
        model        TEXT NOT NULL DEFAULT '',
        quantity     INTEGER NOT NULL DEFAULT 1,
        unit         TEXT NOT NULL DEFAULT '',
        value_fen    INTEGER NOT NULL DEFAULT 0,
        book_value_fen INTEGER NOT NULL DEFAULT 0,
        note         TEXT NOT NULL DEFAULT '',
        checked_at   TEXT,
        checked_by   TEXT NOT NULL DEFAULT '',
        UNIQUE (stocktake_id, asset_id)
      ) STRICT;
      CREATE INDEX stocktake_items_asset ON stocktake_items(asset_id);

      -- A closed stocktake is locked: its items can no longer change (A3, P4-style evidence).
      CREATE TRIGGER stocktake_items_locked_update BEFORE UPDATE ON stocktake_items
      WHEN (SELECT status FROM stocktakes WHERE id = OLD.stocktake_id) = 'closed'
      BEGIN SELECT RAISE(ABORT, '盘点已结束，不能再修改'); END;
      CREATE TRIGGER stocktake_items_locked_insert BEFORE INSERT ON stocktake_items
      WHEN (SELECT status FROM stocktakes WHERE id = NEW.stocktake_id) = 'closed'
      BEGIN SELECT RAISE(ABORT, '盘点已结束，不能再修改'); END;
      CREATE TRIGGER stocktake_items_no_delete BEFORE DELETE ON stocktake_items
      BEGIN SELECT RAISE(ABORT, '盘点记录不能删除'); END;
      CREATE TRIGGER stocktakes_locked BEFORE UPDATE ON stocktakes
      WHEN OLD.status = 'closed'
      BEGIN SELECT RAISE(ABORT, '盘点已结束，不能再修改'); END;
    `);
  },
};
