/**
 * The 进销存 queries are answered from the covering index stock_movements_place (clinic_id,
 * moved_on, drug_id, packs, amount_fen, kind) without reading the table, and the township's
 * opening per place streams the index with no sort (EXPLAIN QUERY PLAN on a real file).
 */
import { describe, expect, it } from 'vitest';
import { MONTH_SQL, OPENING_SQL, PLACE_OPENING_SQL } from '../../electron/domains/drugs/stock/ledger';
import { openSession } from '../helpers/tempDb';

describe('进销存 query plans', () => {
  it('use the covering index stock_movements_place; the per-place opening needs no temporary sort', async () => {
    const s = await openSession();
    const plan = (sql: string) =>
      (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2026-11-01', to: '2026-11-30' }) as { detail: string }[])
        .map((r) => r.detail)
        .join('；');
    for (const sql of [PLACE_OPENING_SQL, OPENING_SQL, MONTH_SQL]) expect(plan(sql)).toContain('COVERING INDEX stock_movements_place');
    expect(plan(PLACE_OPENING_SQL)).not.toContain('TEMP B-TREE');
  });
});
