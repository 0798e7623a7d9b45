import type { Migration } from './types';

/**
 * Drugs (rules D1–D9; D9 is the flow). Tables in the order the goods move:
 *
 * - `drugs`, the catalog from the provincial platform, with `drug_prices` keeping every price
 *   a re-import brought (dated, never overwritten; the card's `price_fen` is the latest);
 * - `essential_lists` / `essential_entries`, each edition of the essential list as the clerk
 *   loaded it, with `drug_essential` saying, per drug and edition, whether it is on it and how
 *   that was decided (D8: the flag belongs to an edition with its date, never a bare boolean);
 * - `requisitions` / `requisition_lines`, a clinic's monthly demand (D1) with its D3 share
 *   figures fixed at submission, and the approval of one over the share with its reason;
 * - `purchase_extra_lines`, the center's own lines of a month's purchase plan (the rest of the
 *   plan is the approved requisition lines, aggregated when asked);
 * - `drug_batches`, one per receipt line (批号, dates, price, invoice, supplier);
 * - `stock_movements`, append-only, one signed quantity per batch and place (the center's
 *   store is `clinic_id` NULL): stock anywhere on any day is a sum, a correction is a new
 *   movement, and a trigger refuses any movement that would take a place's batch below zero;
 * - `deliveries` (the 配送单 heads), `drug_shortages` (D4) and `drug_disposals` (D5, with two
 *   witnesses), which movements point to.
 *
 * Part 1 (the catalog) settled these: a price row is never changed or deleted (triggers), and
 * one day may hold two prices (two imports the same day) — the later row wins, so the history
 * keeps both instead of a UNIQUE key forcing an overwrite; the platform's own essential mark is
 * stored as read ('yes' / 'no', '' when the export has no such column); `drug_essential.how`
 * also says why a drug is doubtful ('form': the name is on the list but its form is outside the
 * entry's 剂型; 'salt': the name differs by an acid radical or base; 'platform': only the
 * platform marks it) and when it was decided.
 *
 * Quantities are whole packs (包装单位) everywhere, as platforms sell, notes deliver and
 * clinics report; money is 分, and a movement's amount is its packs × its batch's price, so
 * every 进销存 closes exactly in packs and in 分.
 */
export const m0009: Migration = {
  version: 9,
  name: 'drugs',
  up(db) {
    db.exec(`
      CREATE TABLE drugs (
        id              INTEGER PRIMARY KEY,
        platform_code   TEXT UNIQUE,
        national_code   TEXT NOT NULL DEFAULT '',
        generic_name    TEXT NOT NULL,
        trade_name      TEXT NOT NULL DEFAULT '',
        form            TEXT NOT NULL DEFAULT '',
        spec            TEXT NOT NULL DEFAULT '',
        pack_unit       TEXT NOT NULL DEFAULT '',
        maker           TEXT NOT NULL DEFAULT '',
        price_fen       INTEGER NOT NULL CHECK (price_fen >= 0),
        platform_mark   TEXT NOT NULL DEFAULT '' CHECK (platform_mark IN ('', 'yes', 'no')),
        vbp_batch       TEXT NOT NULL DEFAULT '',
        insurance_class TEXT NOT NULL DEFAULT '',
        vbp_annual_packs INTEGER CHECK (vbp_annual_packs IS NULL OR vbp_annual_packs >= 0),
        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX drugs_name ON drugs(generic_name, spec);

      CREATE TABLE drug_prices (
        id           INTEGER PRIMARY KEY,
        drug_id      INTEGER NOT NULL REFERENCES drugs(id),
        effective_on TEXT NOT NULL,
        price_fen    INTEGER NOT NULL CHECK (price_fen >= 0),
        source       TEXT NOT NULL DEFAULT '',
        recorded_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX drug_prices_drug ON drug_prices(drug_id, effective_on, id);
      CREATE TRIGGER drug_prices_no_update BEFORE UPDATE ON drug_prices
      BEGIN SELECT RAISE(ABORT, '药品价格记录不能修改，新的价格请另记一条'); END;
      CREATE TRIGGER drug_prices_no_delete BEFORE DELETE ON drug_prices
      BEGIN SELECT RAISE(ABORT, '药品价格记录不能删除'); END;

      CREATE TABLE essential_lists (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        effective_on TEXT NOT NULL UNIQUE,
        source       TEXT NOT NULL DEFAULT '',
        loaded_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE essential_entries (
        id         INTEGER PRIMARY KEY,
        list_id    INTEGER NOT NULL REFERENCES essential_lists(id),
        section    TEXT NOT NULL DEFAULT '',
        seq        TEXT NOT NULL DEFAULT '',
        name       TEXT NOT NULL,
        form_group TEXT NOT NULL DEFAULT '',
        spec       TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX essential_entries_list ON essential_entries(list_id, name);

      CREATE TABLE drug_essential (
        drug_id  INTEGER NOT NULL REFERENCES drugs(id),
        list_id  INTEGER NOT NULL REFERENCES essential_lists(id),
        entry_id INTEGER REFERENCES essential_entries(id),
        status   TEXT NOT NULL CHECK (status IN ('essential', 'not_essential', 'doubtful')),
        how      TEXT NOT NULL CHECK (how IN ('name', 'name_form', 'form', 'salt', 'platform', 'none', 'manual')),
        note     TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (drug_id, list_id)
      ) STRICT;
      CREATE INDEX drug_essential_list ON drug_essential(list_id, status);

      CREATE TABLE requisitions (
        id              INTEGER PRIMARY KEY,
        clinic_id       INTEGER NOT NULL REFERENCES clinics(id),
        month           TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('draft', 'held', 'approved')),
        total_fen       INTEGER NOT NULL DEFAULT 0,
        outside_fen     INTEGER NOT NULL DEFAULT 0,
        total_items     INTEGER NOT NULL DEFAULT 0,
        outside_items   INTEGER NOT NULL DEFAULT 0,
        submitted_at    TEXT,
        submitted_by    TEXT NOT NULL DEFAULT '',
        approved_at     TEXT,
        approved_by     TEXT NOT NULL DEFAULT '',
        approval_reason TEXT NOT NULL DEFAULT '',
        UNIQUE (clinic_id, month)
      ) STRICT;
      CREATE INDEX requisitions_month ON requisitions(month, status);

      CREATE TABLE requisition_lines (
        id             INTEGER PRIMARY KEY,
        requisition_id INTEGER NOT NULL REFERENCES requisitions(id),
        drug_id        INTEGER NOT NULL REFERENCES drugs(id),
        packs          INTEGER NOT NULL CHECK (packs > 0),
        price_fen      INTEGER NOT NULL CHECK (price_fen >= 0),
        essential      INTEGER NOT NULL CHECK (essential IN (0, 1)),
        on_hand        INTEGER NOT NULL DEFAULT 0,
        used_3m        INTEGER NOT NULL DEFAULT 0,
        suggested      INTEGER NOT NULL DEFAULT 0,
        note           TEXT NOT NULL DEFAULT '',
        UNIQUE (requisition_id, drug_id)
      ) STRICT;

      CREATE TABLE purchase_extra_lines (
        id         INTEGER PRIMARY KEY,
        month      TEXT NOT NULL,
        drug_id    INTEGER NOT NULL REFERENCES drugs(id),
        packs      INTEGER NOT NULL CHECK (packs > 0),
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '',
        UNIQUE (month, drug_id)
      ) STRICT;

      CREATE TABLE drug_batches (
        id          INTEGER PRIMARY KEY,
        drug_id     INTEGER NOT NULL REFERENCES drugs(id),
        lot_no      TEXT NOT NULL,
        produced_on TEXT,
        expires_on  TEXT NOT NULL,
        price_fen   INTEGER NOT NULL CHECK (price_fen >= 0),
        supplier    TEXT NOT NULL DEFAULT '',
        invoice_no  TEXT NOT NULL DEFAULT '',
        received_on TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX drug_batches_drug ON drug_batches(drug_id, expires_on);

      CREATE TABLE deliveries (
        id           INTEGER PRIMARY KEY,
        month        TEXT NOT NULL,
        delivered_on TEXT NOT NULL,
        clinic_id    INTEGER NOT NULL REFERENCES clinics(id),
        delivered_by TEXT NOT NULL DEFAULT '',
        received_by  TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX deliveries_month ON deliveries(month, clinic_id);

      CREATE TABLE drug_shortages (
        id                  INTEGER PRIMARY KEY,
        month               TEXT NOT NULL,
        recorded_on         TEXT NOT NULL,
        clinic_id           INTEGER REFERENCES clinics(id),
        drug_id             INTEGER NOT NULL REFERENCES drugs(id),
        requisition_line_id INTEGER REFERENCES requisition_lines(id),
        delivery_id         INTEGER REFERENCES deliveries(id),
        packs               INTEGER NOT NULL CHECK (packs > 0),
        reason              TEXT NOT NULL
      ) STRICT;
      CREATE INDEX drug_shortages_month ON drug_shortages(month);

      CREATE TABLE drug_disposals (
        id          INTEGER PRIMARY KEY,
        disposed_on TEXT NOT NULL,
        method      TEXT NOT NULL,
        witness1    TEXT NOT NULL,
        witness2    TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL DEFAULT '',
        CHECK (witness1 <> '' AND witness2 <> '' AND witness1 <> witness2)
      ) STRICT;

      CREATE TABLE stock_movements (
        id          INTEGER PRIMARY KEY,
        batch_id    INTEGER NOT NULL REFERENCES drug_batches(id),
        drug_id     INTEGER NOT NULL REFERENCES drugs(id),
        clinic_id   INTEGER REFERENCES clinics(id),
        kind        TEXT NOT NULL CHECK (kind IN ('receipt', 'delivery', 'use', 'return', 'transfer', 'adjust', 'dispose')),
        moved_on    TEXT NOT NULL,
        packs       INTEGER NOT NULL CHECK (packs <> 0),
        price_fen   INTEGER NOT NULL CHECK (price_fen >= 0),
        amount_fen  INTEGER NOT NULL,
        other_clinic_id INTEGER REFERENCES clinics(id),
        other_is_center INTEGER NOT NULL DEFAULT 0 CHECK (other_is_center IN (0, 1)),
        delivery_id INTEGER REFERENCES deliveries(id),
        disposal_id INTEGER REFERENCES drug_disposals(id),
        sale_price_fen INTEGER,
        reason      TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT '',
        CHECK (amount_fen = packs * price_fen)
      ) STRICT;
      -- Covering indexes: a place's 进销存 for a month, and a batch's balance at a place.
      CREATE INDEX stock_movements_place ON stock_movements(clinic_id, moved_on, drug_id, packs, amount_fen, kind);
      CREATE INDEX stock_movements_batch ON stock_movements(batch_id, clinic_id, packs);

      CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
      BEGIN SELECT RAISE(ABORT, '药品出入库记录不能修改，请另记一笔更正'); END;
      CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
      BEGIN SELECT RAISE(ABORT, '药品出入库记录不能删除，请另记一笔更正'); END;
      CREATE TRIGGER stock_movements_never_negative BEFORE INSERT ON stock_movements
      WHEN NEW.packs < 0 AND (SELECT coalesce(sum(packs), 0) FROM stock_movements
        WHERE batch_id = NEW.batch_id AND clinic_id IS NEW.clinic_id) + NEW.packs < 0
      BEGIN SELECT RAISE(ABORT, '库存不足：出库数量超过该批号在此处的结存'); END;
    `);
  },
};
