/**
 * FEFO delivery of a month's approved requisitions (issue 10 part 5, D9, D4) on a real file:
 * the right movements and shortages, one head per clinic, a second run serving only what is
 * left, all or nothing on failure, the expiry day itself still served and the day after never,
 * held requisitions left alone, and a movement counting in its own date's month.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../electron/db/context';
import { runDelivery } from '../../electron/domains/drugs/delivery/run';
import { batchOnHand, CENTER, placeOnHand } from '../../electron/domains/drugs/stock/movements';
import { call } from '../helpers/calls';
import { catalogDrug, movementsOf, requisition } from '../helpers/delivery';
import { addClinic, failsUnchanged, openSessionAt } from '../helpers/people';
import { dumpDb } from '../helpers/tempDb';

async function setUp() {
  const s = await openSessionAt('2026-12-31');
  const east = await addClinic(s, '东庄', 1200, 'C001');
  const west = await addClinic(s, '西庄', 900, 'C002');
  const amox = catalogDrug(s.db, 'P001', '阿莫西林胶囊', 1250);
  const met = catalogDrug(s.db, 'P002', '二甲双胍片', 800, '0.5g*48片');
  const receive = async (drugId: number, lotNo: string, expiresOn: string, packs: number, priceFen: number, receivedOn = '2026-11-20') =>
    (await call(s, 'receipts.create', { receivedOn, lines: [{ drugId, lotNo, expiresOn, packs, priceFen }] })).batchIds[0] as number;
  return { s, east, west, amox, met, receive };
}

describe('FEFO delivery (part 5)', () => {
  it('serves the earliest expiry first, writes a head per clinic and paired movements, records the rest short', async () => {
    const { s, east, west, amox, met, receive } = await setUp();
    const late = await receive(amox, 'LATE', '2028-06-30', 50, 1250);
    const early = await receive(amox, 'EARLY', '2027-03-31', 10, 1200);
    requisition(s.db, east, '2026-12', [
      [amox, 15],
      [met, 4],
    ]);
    requisition(s.db, west, '2026-12', [[amox, 40]]);

    const plan = await call(s, 'deliveries.preview', { month: '2026-12', deliveredOn: '2026-12-05' });
    expect(plan.clinics.map((c) => c.clinicName)).toEqual(['东庄村卫生室', '西庄村卫生室']);
    const eastAmox = plan.clinics[0]?.lines[0];
    expect(eastAmox?.picks.map((p) => [p.lotNo, p.packs])).toEqual([
      ['EARLY', 10],
      ['LATE', 5],
    ]);
    expect(plan.clinics[0]?.lines[1]).toMatchObject({ genericName: '二甲双胍片', shortPacks: 4, shortReason: '中心库无此药' });
    expect(plan.clinics[1]?.lines[0]).toMatchObject({ shortPacks: 0 });
    expect(plan).toMatchObject({ servedPacks: 55, shortPacks: 4, amountFen: 10 * 1200 + 45 * 1250 });

    const before = dumpDb(s.db);
    const run = await call(s, 'deliveries.run', { month: '2026-12', deliveredOn: '2026-12-05' });
    expect(dumpDb(s.db)).not.toBe(before);
    expect(run.deliveryIds).toHaveLength(2);
    expect(run.shortages).toBe(1);
    const moves = movementsOf(s.db).filter((m) => m.kind === 'delivery');
    expect(moves.map((m) => [m.batch, m.place, m.packs])).toEqual([
      [early, null, -10],
      [early, east, 10],
      [late, null, -5],
      [late, east, 5],
      [late, null, -40],
      [late, west, 40],
    ]);
    expect(moves.every((m) => m.on === '2026-12-05' && m.delivery !== null)).toBe(true);
    expect(batchOnHand(s.db, late, CENTER)).toBe(5);
    const shortages = s.db.prepare('SELECT clinic_id, drug_id, packs, reason, delivery_id, month, recorded_on FROM drug_shortages').all();
    expect(shortages).toEqual([
      {
        clinic_id: east,
        drug_id: met,
        packs: 4,
        reason: '中心库无此药',
        delivery_id: run.deliveryIds[0],
        month: '2026-12',
        recorded_on: '2026-12-05',
      },
    ]);
    const notes = await call(s, 'deliveries.notes', { month: '2026-12' });
    expect(notes.notes.map((n) => [n.clinicName, n.totalPacks, n.totalFen, n.shortages.length])).toEqual([
      ['东庄村卫生室', 15, 10 * 1200 + 5 * 1250, 1],
      ['西庄村卫生室', 40, 40 * 1250, 0],
    ]);
    expect(notes.notes[0]?.number).toMatch(/^PS202612-\d{4}$/);
  });

  it('a second run serves only what is left: newly approved lines, never again what was served or short', async () => {
    const { s, east, west, amox, receive } = await setUp();
    await receive(amox, 'A', '2028-06-30', 30, 1250);
    requisition(s.db, east, '2026-12', [[amox, 10]]);
    const held = requisition(s.db, west, '2026-12', [[amox, 8]], 'held');
    await call(s, 'deliveries.run', { month: '2026-12', deliveredOn: '2026-12-05' });
    const again = await failsUnchanged(s, 'deliveries.run', { month: '2026-12', deliveredOn: '2026-12-06' });
    expect(again.message).toContain('都已配送或登记为短缺');

    s.db.prepare("UPDATE requisitions SET status = 'approved' WHERE id = ?").run(held);
    const plan = await call(s, 'deliveries.preview', { month: '2026-12', deliveredOn: '2026-12-08' });
    expect(plan.clinics.map((c) => [c.clinicName, c.servedPacks])).toEqual([['西庄村卫生室', 8]]);
    expect(plan.settledLines).toBe(1);
    await call(s, 'deliveries.run', { month: '2026-12', deliveredOn: '2026-12-08' });
    expect(placeOnHand(s.db, east, amox)).toBe(10);
    expect(placeOnHand(s.db, west, amox)).toBe(8);
  });

  it('a batch expiring on the delivery day still goes; one expired the day before never does', async () => {
    const { s, east, west, amox, met, receive } = await setUp();
    await receive(amox, 'TODAY', '2026-12-05', 6, 1250);
    const expired = await receive(met, 'GONE', '2026-12-04', 50, 800);
    requisition(s.db, east, '2026-12', [[amox, 6]]);
    requisition(s.db, west, '2026-12', [[met, 3]]);
    const run = await call(s, 'deliveries.run', { month: '2026-12', deliveredOn: '2026-12-05' });
    expect(run.plan.clinics[0]?.lines[0]?.picks.map((p) => p.lotNo)).toEqual(['TODAY']);
    expect(run.plan.clinics[1]?.lines[0]).toMatchObject({ shortPacks: 3, shortReason: '库存均已过期', picks: [] });
    expect(batchOnHand(s.db, expired, CENTER)).toBe(50);
    // West got nothing: no 配送单 head, only the shortage.
    expect(run.deliveryIds).toHaveLength(1);
  });

  it('is all or nothing: a failure while writing leaves the file as it was', async () => {
    const { s, east, amox, receive } = await setUp();
    await receive(amox, 'A', '2028-06-30', 30, 1250);
    requisition(s.db, east, '2026-12', [[amox, 10]]);
    requisition(s.db, await addClinic(s, '南庄', 800, 'C003'), '2026-12', [[amox, 5]]);
    const before = dumpDb(s.db);
    // A trigger that refuses the third movement: the first clinic's head and movements must go too.
    s.db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON stock_movements
      WHEN (SELECT count(*) FROM stock_movements WHERE kind = 'delivery') >= 2 BEGIN SELECT RAISE(ABORT, '测试：写入失败'); END`);
    expect(() => runDelivery(makeContext(s.db, '测试'), '2026-12', '2026-12-05')).toThrow('测试：写入失败');
    s.db.exec('DROP TRIGGER fail_third');
    expect(dumpDb(s.db)).toBe(before);
  });

  it('refuses in Chinese a month with no approved requisition (naming those waiting) and a day after today', async () => {
    const { s, east, amox } = await setUp();
    requisition(s.db, east, '2026-12', [[amox, 3]], 'held');
    const e = await failsUnchanged(s, 'deliveries.run', { month: '2026-12', deliveredOn: '2026-12-05' });
    expect(e.message).toContain('没有已批准的需求计划');
    expect(e.message).toContain('1 份待审批');
    requisition(s.db, east, '2027-01', [[amox, 3]]);
    const future = await failsUnchanged(s, 'deliveries.run', { month: '2027-01', deliveredOn: '2027-01-02' });
    expect(future.message).toContain('配送日期 2027年1月2日 晚于今天（2026年12月31日）');
    // The preview may look ahead: it writes nothing.
    expect((await call(s, 'deliveries.preview', { month: '2027-01', deliveredOn: '2027-01-02' })).clinics).toHaveLength(1);
  });

  it('never overdraws a batch that a later movement, already recorded, has taken from', async () => {
    const { s, east, west, amox, receive } = await setUp();
    await receive(amox, 'A', '2028-06-30', 10, 1250);
    requisition(s.db, east, '2027-01', [[amox, 8]]);
    await call(s, 'deliveries.run', { month: '2027-01', deliveredOn: '2026-12-20' });
    requisition(s.db, west, '2026-12', [[amox, 5]]);
    // On 12-10 the store held 10, but 8 of them left on 12-20: only 2 may go now.
    const run = await call(s, 'deliveries.run', { month: '2026-12', deliveredOn: '2026-12-10' });
    expect(run.plan.clinics[0]?.lines[0]).toMatchObject({ shortPacks: 3, shortReason: '库存不足' });
    expect(placeOnHand(s.db, west, amox)).toBe(2);
  });

  it('a delivery counts in the month of its own date, whatever month it served', async () => {
    const { s, east, amox, receive } = await setUp();
    await receive(amox, 'A', '2028-06-30', 10, 1250);
    requisition(s.db, east, '2026-11', [[amox, 4]]);
    await call(s, 'deliveries.run', { month: '2026-11', deliveredOn: '2026-12-05' });
    expect(placeOnHand(s.db, east, amox, '2026-11-30')).toBe(0);
    expect(placeOnHand(s.db, east, amox, '2026-12-31')).toBe(4);
    const list = await call(s, 'deliveries.list', {});
    expect(list.rows[0]).toMatchObject({
      month: '2026-11',
      deliveredOn: '2026-12-05',
      clinicName: '东庄村卫生室',
      packs: 4,
      amountFen: 5000,
    });
  });
});

describe('shortage reasons (D4)', () => {
  it('a line short because earlier lines took the usable stock says 库存不足, even with expired stock left', async () => {
    const { s, east, west, amox, receive } = await setUp();
    await receive(amox, 'OK', '2028-06-30', 5, 1250);
    await receive(amox, 'OLD', '2026-12-01', 9, 1250, '2026-06-01');
    requisition(s.db, east, '2026-12', [[amox, 5]]);
    requisition(s.db, west, '2026-12', [[amox, 7]]);
    const plan = await call(s, 'deliveries.preview', { month: '2026-12', deliveredOn: '2026-12-05' });
    expect(plan.clinics[1]?.lines[0]).toMatchObject({ shortPacks: 7, shortReason: '库存不足' });
  });
});
