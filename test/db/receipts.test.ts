/**
 * Receipts into the center's store (issue 10 part 4, D5, D9) through the app's operations on a
 * real file: a note's lines become batches and 'receipt' movements; a batch expired on the
 * receipt day is refused with the line named and nothing written; near expiry and a price
 * unlike the platform's that day are warnings; 冲销 is a reversing movement, only while the
 * whole batch is in the store.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../electron/db/context';
import { batchOnHand, CENTER, recordMovement } from '../../electron/domains/drugs/stock/movements';
import { call } from '../helpers/calls';
import { catalogDrug, movementsOf } from '../helpers/delivery';
import { addClinic, failsUnchanged, openSessionAt } from '../helpers/people';

async function setUp() {
  const s = await openSessionAt('2026-12-06');
  const amox = catalogDrug(s.db, 'P001', '阿莫西林胶囊', 1250);
  const met = catalogDrug(s.db, 'P002', '二甲双胍片', 800, '0.5g*48片');
  return { s, amox, met };
}

const line = (drugId: number, over: Partial<{ lotNo: string; expiresOn: string; packs: number; priceFen: number }> = {}) => ({
  drugId,
  lotNo: 'L2401',
  expiresOn: '2028-06-30',
  packs: 20,
  priceFen: 1250,
  ...over,
});

describe('receipts (part 4)', () => {
  it('saves a note: one batch and one receipt movement per line, priced at the invoice', async () => {
    const { s, amox, met } = await setUp();
    const saved = await call(s, 'receipts.create', {
      receivedOn: '2026-12-02',
      supplier: '国药控股',
      invoiceNo: 'FP001',
      lines: [line(amox), line(met, { lotNo: 'M9', packs: 5, priceFen: 800 })],
    });
    expect(saved.batchIds).toHaveLength(2);
    expect(saved.warnings).toEqual([]);
    expect(movementsOf(s.db).map((m) => [m.place, m.kind, m.packs, m.on])).toEqual([
      [null, 'receipt', 20, '2026-12-02'],
      [null, 'receipt', 5, '2026-12-02'],
    ]);
    const list = await call(s, 'receipts.list', { search: '阿莫西林' });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      lotNo: 'L2401',
      packs: 20,
      amountFen: 25000,
      inStore: 20,
      supplier: '国药控股',
      canReverse: true,
    });
  });

  it('refuses a batch expired on the receipt day, naming the line, and writes nothing of the note', async () => {
    const { s, amox, met } = await setUp();
    const e = await failsUnchanged(s, 'receipts.create', {
      receivedOn: '2026-12-02',
      lines: [line(amox), line(met, { lotNo: 'OLD1', expiresOn: '2026-12-01', priceFen: 800 })],
    });
    expect(e.message).toContain('第 2 行');
    expect(e.message).toContain('OLD1');
    expect(e.message).toContain('已经过期');
  });

  it('a batch whose expiry day is the receipt day is still taken in, flagged near expiry', async () => {
    const { s, amox } = await setUp();
    const saved = await call(s, 'receipts.create', { receivedOn: '2026-12-02', lines: [line(amox, { expiresOn: '2026-12-02' })] });
    expect(saved.warnings.join()).toContain('近效期');
  });

  it('warns, never refuses, a price unlike the platform price in force, and flags near expiry by the setting', async () => {
    const { s, amox } = await setUp();
    const input = {
      receivedOn: '2026-12-02',
      lines: [
        line(amox, { priceFen: 1300 }),
        line(amox, { lotNo: 'N1', expiresOn: '2027-02-28' }),
        line(amox, { lotNo: 'OK', expiresOn: '2027-03-03' }),
      ],
    };
    const check = await call(s, 'receipts.check', input);
    expect(check.lines[0]?.warnings.join()).toContain('与当日挂网价 12.50 元 不同');
    expect(check.lines[1]?.warnings.join()).toContain('近效期：入库时距有效期仅 88 天');
    // 2026-12-02 + 91 days: outside the default 90-day window (D5).
    expect(check.lines[2]?.warnings).toEqual([]);
    const saved = await call(s, 'receipts.create', input);
    expect(saved.warnings).toHaveLength(2);
    const flagged = await call(s, 'receipts.list', { filters: [{ id: 'priceDiffers', value: true }] });
    expect(flagged.rows.map((r) => r.priceFen)).toEqual([1300]);
    const near = await call(s, 'receipts.list', { filters: [{ id: 'nearExpiry', value: true }] });
    expect(near.rows.map((r) => r.lotNo)).toEqual(['N1']);
  });

  it('an unknown drug, an empty note and a receipt dated after today are refused in Chinese', async () => {
    const { s, amox } = await setUp();
    const e = await failsUnchanged(s, 'receipts.create', { receivedOn: '2026-12-02', lines: [line(999)] });
    expect(e.message).toContain('没有找到药品');
    const empty = await failsUnchanged(s, 'receipts.create', { receivedOn: '2026-12-02', lines: [] });
    expect(empty.message).toContain('至少要有一行');
    const future = await failsUnchanged(s, 'receipts.create', { receivedOn: '2026-12-07', lines: [line(amox)] });
    expect(future.message).toContain('入库日期 2026年12月7日 晚于今天（2026年12月6日）');
  });

  it('冲销 takes the whole batch out again with its reason, once; refused once any of it has left', async () => {
    const { s, amox } = await setUp();
    const clinic = await addClinic(s, '东庄', 1200, 'C001');
    const { batchIds } = await call(s, 'receipts.create', { receivedOn: '2026-12-02', lines: [line(amox), line(amox, { lotNo: 'B2' })] });
    const [first, second] = batchIds as [number, number];
    const row = await call(s, 'receipts.reverse', { batchId: first, reversedOn: '2026-12-03', reason: '供货单位发错批号，已退货' });
    expect(row).toMatchObject({ reversed: true, canReverse: false, inStore: 0 });
    expect(movementsOf(s.db).at(-1)).toMatchObject({ kind: 'adjust', packs: -20, on: '2026-12-03' });
    const again = await failsUnchanged(s, 'receipts.reverse', { batchId: first, reversedOn: '2026-12-03', reason: '再冲' });
    expect(again.message).toContain('已经冲销过');

    const ctx = makeContext(s.db, '测试');
    recordMovement(ctx, {
      batchId: second,
      place: CENTER,
      kind: 'delivery',
      movedOn: '2026-12-04',
      packs: -1,
      other: { clinicId: clinic },
    });
    recordMovement(ctx, { batchId: second, place: clinic, kind: 'delivery', movedOn: '2026-12-04', packs: 1, other: 'center' });
    const partly = await failsUnchanged(s, 'receipts.reverse', { batchId: second, reversedOn: '2026-12-05', reason: '错' });
    expect(partly.message).toContain('已有出库');
    expect(batchOnHand(s.db, second, CENTER)).toBe(19);
    const early = await failsUnchanged(s, 'receipts.reverse', { batchId: second, reversedOn: '2026-12-01', reason: '错' });
    expect(early.message).toContain('早于入库日期');
  });
});
