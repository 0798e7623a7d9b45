/**
 * The stock core (electron/domains/drugs/stock/movements.ts) on a real file: movements priced
 * at their batch, balances by batch and place as of a day, the never-negative trigger turned
 * into a Chinese sentence, and append-only movements.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../electron/db/context';
import {
  batchBalances,
  batchOnHand,
  CENTER,
  placeOnHand,
  recordMovement,
  usedInMonths,
} from '../../electron/domains/drugs/stock/movements';
import { addClinic } from '../helpers/people';
import { openSession } from '../helpers/tempDb';

async function setUp() {
  const s = await openSession();
  const ctx = makeContext(s.db, '测试');
  const db = s.db;
  const now = '2026-01-01T00:00:00Z';
  const clinic = await addClinic(s, '东村卫生室', 1200, 'C001');
  const drug = Number(
    db
      .prepare(
        "INSERT INTO drugs (platform_code, generic_name, price_fen, created_at, updated_at) VALUES ('P1', '阿莫西林胶囊', 1250, ?, ?)",
      )
      .run(now, now).lastInsertRowid,
  );
  const batch = (lot: string, expires: string, price: number) =>
    Number(
      db
        .prepare(
          `INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, ?, ?, '2026-01-05', ?)`,
        )
        .run(drug, lot, expires, price, now).lastInsertRowid,
    );
  return { s, ctx, db, clinic, drug, batch };
}

describe('stock movements', () => {
  it('prices each movement at its batch and sums balances by batch, place and day', async () => {
    const { ctx, db, clinic, drug, batch } = await setUp();
    const a = batch('A1', '2027-03-31', 1250);
    const b = batch('B1', '2026-12-31', 1300);
    recordMovement(ctx, { batchId: a, place: CENTER, kind: 'receipt', movedOn: '2026-01-05', packs: 10 });
    recordMovement(ctx, { batchId: b, place: CENTER, kind: 'receipt', movedOn: '2026-01-05', packs: 4 });
    recordMovement(ctx, { batchId: a, place: CENTER, kind: 'delivery', movedOn: '2026-02-03', packs: -6, other: { clinicId: clinic } });
    recordMovement(ctx, { batchId: a, place: clinic, kind: 'delivery', movedOn: '2026-02-03', packs: 6, other: 'center' });
    recordMovement(ctx, { batchId: a, place: clinic, kind: 'use', movedOn: '2026-02-20', packs: -2, salePriceFen: 1250 });

    const amounts = db.prepare('SELECT amount_fen FROM stock_movements ORDER BY id').pluck().all();
    expect(amounts).toEqual([12500, 5200, -7500, 7500, -2500]);
    expect(batchOnHand(db, a, CENTER)).toBe(4);
    expect(batchOnHand(db, a, CENTER, '2026-02-02')).toBe(10);
    expect(placeOnHand(db, clinic, drug)).toBe(4);
    expect(placeOnHand(db, clinic, drug, '2026-02-10')).toBe(6);
    expect(usedInMonths(db, clinic, drug, ['2025-12', '2026-01', '2026-02'])).toBe(2);
    expect(usedInMonths(db, clinic, drug, ['2026-01'])).toBe(0);
    // The center's batches in FEFO order (B1 expires first), only those with stock.
    expect(batchBalances(db, { place: CENTER }).map((r) => [r.lotNo, r.packs])).toEqual([
      ['B1', 4],
      ['A1', 4],
    ]);
    expect(batchBalances(db, { everywhere: true }).map((r) => [r.lotNo, r.place, r.packs])).toEqual([
      ['B1', null, 4],
      ['A1', null, 4],
      ['A1', clinic, 4],
    ]);
  });

  it('refuses an out-movement beyond the batch at that place in Chinese and writes nothing', async () => {
    const { ctx, db, clinic, batch } = await setUp();
    const a = batch('A1', '2027-03-31', 1250);
    recordMovement(ctx, { batchId: a, place: CENTER, kind: 'receipt', movedOn: '2026-01-05', packs: 3 });
    expect(() => recordMovement(ctx, { batchId: a, place: clinic, kind: 'use', movedOn: '2026-01-06', packs: -1 })).toThrow(
      '库存不足：批号 A1 在此处结存 0 个包装，不能出库 1 个',
    );
    expect(() => recordMovement(ctx, { batchId: a, place: CENTER, kind: 'adjust', movedOn: '2026-01-06', packs: -4 })).toThrow(
      /结存 3 个包装/,
    );
    expect(() => recordMovement(ctx, { batchId: a, place: CENTER, kind: 'adjust', movedOn: '2026-01-06', packs: 0 })).toThrow(
      /不为零的整数/,
    );
    expect(() => recordMovement(ctx, { batchId: 999, place: CENTER, kind: 'receipt', movedOn: '2026-01-06', packs: 1 })).toThrow(
      /没有找到批次/,
    );
    expect(db.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(1);
  });

  it('refuses an overdraw written in plain SQL too, checked against the balance row (migration 14), row by row within one statement', async () => {
    const { ctx, db, clinic, batch } = await setUp();
    const a = batch('A1', '2027-03-31', 1250);
    recordMovement(ctx, { batchId: a, place: CENTER, kind: 'receipt', movedOn: '2026-01-05', packs: 3 });
    const drug = db.prepare('SELECT drug_id FROM drug_batches WHERE id = ?').pluck().get(a) as number;
    const row = (place: number | null, packs: number) =>
      `(${a}, ${drug}, ${place ?? 'NULL'}, 'adjust', '2026-01-06', ${packs}, 1250, ${packs * 1250}, '2026-01-06T00:00:00Z')`;
    const insert = (...rows: string[]) =>
      db
        .prepare(
          `INSERT INTO stock_movements (batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen, recorded_at) VALUES ${rows.join(', ')}`,
        )
        .run();
    // A place the batch never reached has no balance row: its balance is 0.
    expect(() => insert(row(clinic, -1))).toThrow(/库存不足/);
    // Two outs in one statement: the second is checked against the balance the first left (3 − 2 = 1 < 2).
    expect(() => insert(row(null, -2), row(null, -2))).toThrow(/库存不足/);
    expect(db.prepare('SELECT packs FROM stock_balances WHERE batch_id = ? AND place_key = 0').pluck().get(a)).toBe(3);
    // Taking the batch to exactly zero is allowed.
    insert(row(null, -2), row(null, -1));
    expect(db.prepare('SELECT packs FROM stock_balances WHERE batch_id = ? AND place_key = 0').pluck().get(a)).toBe(0);
    expect(() => insert(row(null, -1))).toThrow(/库存不足/);
    expect(db.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(3);
  });

  it('keeps movements append-only', async () => {
    const { ctx, db, batch } = await setUp();
    const a = batch('A1', '2027-03-31', 1250);
    const id = recordMovement(ctx, { batchId: a, place: CENTER, kind: 'receipt', movedOn: '2026-01-05', packs: 3 });
    expect(() => db.prepare('UPDATE stock_movements SET packs = 5 WHERE id = ?').run(id)).toThrow(/不能修改/);
    expect(() => db.prepare('DELETE FROM stock_movements WHERE id = ?').run(id)).toThrow(/不能删除/);
  });
});
