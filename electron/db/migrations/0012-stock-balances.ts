import type { Migration } from './types';

/**
 * Drugs, part 6: what each place holds of each batch now, kept beside the append-only
 * stock_movements so the 药品库存 page need not add up ten years of movements on every call
 * (issue 10: the stock page p95 < 20 ms on a 200,000-movement township; the sum over all
 * movements took 0.4–0.8 s there).
 *
 * `stock_balances` has one row per batch and place (`place_key` is the clinic's id, 0 for the
 * center's store, so the key has no NULL), with the packs and 分 of every movement so far and
 * the day of the latest one. A trigger adds each new movement to its row; movements are never
 * changed or deleted (0009's triggers), so the row is always the sum of its movements — the
 * table is derived, and it is filled here from the movements already there. A balance "as of"
 * a past day is the row itself when its latest movement is on or before that day, else the sum
 * of the movements up to the day (electron/domains/drugs/stock/list.ts).
 */
export const m0012: Migration = {
  version: 12,
  name: 'stock-balances',
  up(db) {
    db.exec(`
      CREATE TABLE stock_balances (
        batch_id      INTEGER NOT NULL REFERENCES drug_batches(id),
        place_key     INTEGER NOT NULL,
        clinic_id     INTEGER REFERENCES clinics(id),
        drug_id       INTEGER NOT NULL REFERENCES drugs(id),
        packs         INTEGER NOT NULL,
        amount_fen    INTEGER NOT NULL,
        last_moved_on TEXT NOT NULL,
        PRIMARY KEY (batch_id, place_key)
      ) STRICT;
      -- The page reads the rows holding stock, and those moved after a past day asked for.
      CREATE INDEX stock_balances_packs ON stock_balances(packs);
      CREATE INDEX stock_balances_moved ON stock_balances(last_moved_on);

      CREATE TRIGGER stock_movements_balance AFTER INSERT ON stock_movements
      BEGIN
        INSERT INTO stock_balances (batch_id, place_key, clinic_id, drug_id, packs, amount_fen, last_moved_on)
        VALUES (NEW.batch_id, coalesce(NEW.clinic_id, 0), NEW.clinic_id, NEW.drug_id, NEW.packs, NEW.amount_fen, NEW.moved_on)
        ON CONFLICT (batch_id, place_key) DO UPDATE SET
          packs = packs + excluded.packs,
          amount_fen = amount_fen + excluded.amount_fen,
          last_moved_on = max(last_moved_on, excluded.last_moved_on);
      END;

      INSERT INTO stock_balances (batch_id, place_key, clinic_id, drug_id, packs, amount_fen, last_moved_on)
        SELECT batch_id, coalesce(clinic_id, 0), clinic_id, drug_id, sum(packs), sum(amount_fen), max(moved_on)
          FROM stock_movements GROUP BY batch_id, clinic_id;
    `);
  },
};
