/**
 * recordMovements, the bulk door to stock_movements used by a month's delivery (issue 10 bench
 * row (j)): on a real file, a list written in multi-row statements gives the very rows and
 * stock_balances that one recordMovement per movement gives (D9: amounts at the batch's price),
 * across the 500-row statement boundary; the never-negative trigger still refuses an out that
 * overdraws — in the second statement too — with the same Chinese sentence, and the caller's
 * transaction writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../electron/db/context';
import { CENTER, recordMovement, recordMovements, type MovementInput } from '../../electron/domains/drugs/stock/movements';
import { addClinic } from '../helpers/people';
import { openSession } from '../helpers/tempDb';

async function setUp() {
  const s = await openSession();
  const ctx = makeContext(s.db, '测试', () => new Date('2026-03-01T00:00:00Z'));
  const db = s.db;
  const now = '2026-01-01T00:00:00Z';
  const clinics = [await addClinic(s, '东村卫生室', 1200, 'C001'), await addClinic(s, '西村卫生室', 900, 'C002')];
  const drug = Number(
    db
      .prepare(
        "INSERT INTO drugs (platform_code, generic_name, price_fen, created_at, updated_at) VALUES ('P1', '阿莫西林胶囊', 1250, ?, ?)",
      )
      .run(now, now).lastInsertRowid,
  );
  const batches = ['A1', 'B1', 'C1'].map((lot, i) =>
    Number(
      db
        .prepare(
          `INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, ?, ?, '2026-01-05', ?)`,
        )
        .run(drug, lot, `2027-0${i + 1}-28`, 1000 + i * 37, now).lastInsertRowid,
    ),
  );
  return { s, ctx, db, clinics, batches };
}

/** Receipts of 400 packs per batch, then 700 delivery pairs of 1–2 packs (1,403 movements: three statements). */
function history(clinics: number[], batches: number[]): MovementInput[] {
  const out: MovementInput[] = batches.map((b) => ({ batchId: b, place: CENTER, kind: 'receipt', movedOn: '2026-01-05', packs: 400 }));
  for (let i = 0; i < 700; i++) {
    const batchId = batches[i % 3] as number;
    const clinicId = clinics[i % 2] as number;
    const packs = 1 + (i % 2);
    const common = { batchId, kind: 'delivery' as const, movedOn: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}` };
    out.push({ ...common, place: CENTER, packs: -packs, other: { clinicId } });
    out.push({ ...common, place: clinicId, packs, other: 'center' });
  }
  return out;
}

const movementRows =
  'SELECT batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen, other_clinic_id, other_is_center, reason FROM stock_movements ORDER BY id';
const balanceRows =
  'SELECT batch_id, place_key, clinic_id, packs, amount_fen, last_moved_on FROM stock_balances ORDER BY batch_id, place_key';
const summed = `SELECT batch_id, coalesce(clinic_id, 0), clinic_id, sum(packs), sum(amount_fen), max(moved_on) FROM stock_movements GROUP BY batch_id, clinic_id ORDER BY 1, 2`;

describe('recordMovements (bulk)', () => {
  it('writes the same movements and balances as one recordMovement per movement, across statement boundaries', async () => {
    const one = await setUp();
    const bulk = await setUp();
    const list = history(one.clinics, one.batches);
    expect(list.length).toBe(1403);
    one.db.transaction(() => list.forEach((m) => recordMovement(one.ctx, m)))();
    expect(bulk.db.transaction(() => recordMovements(bulk.ctx, list))()).toBe(1403);

    const rows = bulk.db.prepare(movementRows).raw().all();
    expect(rows).toEqual(one.db.prepare(movementRows).raw().all());
    expect(bulk.db.prepare(balanceRows).raw().all()).toEqual(one.db.prepare(balanceRows).raw().all());
    // stock_balances is the sum of the movements (0012); the center's A1 gave 234 pairs of 1 and 2 packs in turn: 117 + 234.
    expect(bulk.db.prepare(balanceRows).raw().all()).toEqual(bulk.db.prepare(summed).raw().all());
    const a1 = bulk.db.prepare('SELECT packs FROM stock_balances WHERE batch_id = ? AND place_key = 0').pluck().get(bulk.batches[0]);
    expect(a1).toBe(400 - 351);
    expect(bulk.db.prepare('SELECT count(*) FROM stock_movements WHERE amount_fen <> packs * price_fen').pluck().get()).toBe(0);
  });

  it('refuses an overdraw in a later statement with the batch and its balance named, and the transaction writes nothing', async () => {
    const { ctx, db, clinics, batches } = await setUp();
    const list = history(clinics, batches);
    // Row 1,100 (the third statement) takes more of C1 than the center holds by then.
    const at = 1100;
    const before = list.slice(0, at);
    const held = before.filter((m) => m.batchId === list[at]?.batchId && m.place === CENTER).reduce((n, m) => n + m.packs, 0);
    const bad: MovementInput = {
      batchId: list[at]?.batchId as number,
      place: CENTER,
      kind: 'adjust',
      movedOn: '2026-02-27',
      packs: -(held + 1),
      reason: '盘亏',
    };
    const lot = db.prepare('SELECT lot_no FROM drug_batches WHERE id = ?').pluck().get(bad.batchId) as string;
    expect(() => db.transaction(() => recordMovements(ctx, [...before, bad, ...list.slice(at)]))()).toThrow(
      `库存不足：批号 ${lot} 在此处结存 ${held} 个包装，不能出库 ${held + 1} 个`,
    );
    expect(db.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM stock_balances').pluck().get()).toBe(0);
  });

  it('refuses a missing batch and a zero quantity before writing anything', async () => {
    const { ctx, db, batches } = await setUp();
    const ok: MovementInput = { batchId: batches[0] as number, place: CENTER, kind: 'receipt', movedOn: '2026-01-05', packs: 5 };
    expect(() => db.transaction(() => recordMovements(ctx, [ok, { ...ok, batchId: 999 }]))()).toThrow(/没有找到批次（编号 999）/);
    expect(() => db.transaction(() => recordMovements(ctx, [ok, { ...ok, packs: 0 }]))()).toThrow(/不为零的整数/);
    expect(recordMovements(ctx, [])).toBe(0);
    expect(db.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(0);
  });
});
