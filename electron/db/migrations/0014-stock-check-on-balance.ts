import type { Migration } from './types';

/**
 * Issue 10, bench row (j): the never-negative check reads the balance row instead of adding up
 * the batch's movements at the place.
 *
 * 0009's trigger summed every earlier movement of the batch at the place on each outgoing row —
 * for the center's store that is every receipt, delivery and return of the batch, so a month's
 * delivery (≈ 5,000 outgoing rows) re-read tens of thousands of index entries. Since 0012,
 * `stock_balances` holds exactly that sum, kept by its own AFTER INSERT trigger: movements are
 * append-only, so the row is always the sum of its movements, and within a multi-row INSERT each
 * row's balance is updated before the next row is checked. The rule and its message are
 * unchanged; only where the sum is read from moves. A batch never moved at the place has no row:
 * its balance is 0.
 */
export const m0014: Migration = {
  version: 14,
  name: 'stock-check-on-balance',
  up(db) {
    db.exec(`
      DROP TRIGGER stock_movements_never_negative;
      CREATE TRIGGER stock_movements_never_negative BEFORE INSERT ON stock_movements
      WHEN NEW.packs < 0 AND coalesce((SELECT packs FROM stock_balances
        WHERE batch_id = NEW.batch_id AND place_key = coalesce(NEW.clinic_id, 0)), 0) + NEW.packs < 0
      BEGIN SELECT RAISE(ABORT, '库存不足：出库数量超过该批号在此处的结存'); END;
    `);
  },
};
