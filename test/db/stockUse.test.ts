/**
 * Clinic use and stock (issue 10 part 6) through the dispatcher on a real file: D2 zero markup
 * (a sale price other than the purchase price refused, naming the line, the batch and both
 * prices; a FEFO split over two prices refused naming both), use beyond stock refused naming
 * held and asked, use dated the month's last day and taken FEFO, returns and transfers as two
 * movements, adjustments needing a reason, D5 disposals of expired batches only with two
 * different witnesses — and every refusal changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../electron/db/context';
import { call } from '../helpers/calls';
import { addClinic, clockAt, failsUnchanged, openSessionAt } from '../helpers/people';
import { addBatch, addDrug, deliver, receive } from '../helpers/stock';

async function setUp() {
  const s = await openSessionAt('2026-04-10');
  const ctx = makeContext(s.db, '测试', clockAt('2026-04-10'));
  const east = await addClinic(s, '东', 800, 'C01');
  const west = await addClinic(s, '西', 900, 'C02');
  const amox = addDrug(s.db, 'P001', '阿莫西林胶囊', 1250);
  const early = addBatch(s.db, amox, 'A-EARLY', '2026-09-30', 1250);
  const late = addBatch(s.db, amox, 'A-LATE', '2027-06-30', 1300);
  receive(ctx, early, 20, '2026-01-05');
  receive(ctx, late, 20, '2026-01-05');
  deliver(ctx, early, east, 5, '2026-02-03');
  deliver(ctx, late, east, 10, '2026-02-03');
  const movements = () =>
    s.db
      .prepare('SELECT kind, clinic_id AS place, batch_id AS batch, moved_on AS day, packs FROM stock_movements WHERE id > 6 ORDER BY id')
      .all();
  return { s, ctx, east, west, amox, early, late, movements };
}

describe('D2 and use beyond stock', () => {
  it('takes use FEFO on the month’s last day at the purchase price', async () => {
    const { s, east, amox, early, movements } = await setUp();
    const r = await call(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-02',
      lines: [{ drugId: amox, packs: 3, salePriceFen: 1250 }],
    });
    expect(r).toEqual({ movements: 1, packs: 3, amountFen: 3750 });
    expect(movements()).toEqual([{ kind: 'use', place: east, batch: early, day: '2026-02-28', packs: -3 }]);
    const sale = s.db.prepare("SELECT sale_price_fen FROM stock_movements WHERE kind = 'use'").pluck().get();
    expect(sale).toBe(1250);
  });

  it('refuses a sale price that differs from the purchase price, naming the line, batch and both prices (D2)', async () => {
    const { s, east, amox } = await setUp();
    const e = await failsUnchanged(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-02',
      lines: [{ drugId: amox, packs: 2, salePriceFen: 1400 }],
    });
    expect(e.message).toBe(
      '第 1 行：销售价 14.00 元 与进价 12.50 元 不符（零加成，D2）：阿莫西林胶囊（0.25g*24粒） 按先到期先用取自批号 A-EARLY，销售价必须等于进价',
    );
    expect(e.field).toBe('lines.0.salePriceFen');
  });

  it('refuses a use spanning two batches of different prices, naming both; two lines at their own prices pass', async () => {
    const { s, east, amox, early, late, movements } = await setUp();
    const e = await failsUnchanged(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-03',
      lines: [{ drugId: amox, packs: 7, salePriceFen: 1250 }],
    });
    expect(e.message).toContain('批号 A-EARLY 的 5 盒（进价 12.50 元）、批号 A-LATE 的 2 盒（进价 13.00 元）');
    expect(e.message).toContain('请分行登记');
    await call(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-03',
      lines: [
        { drugId: amox, packs: 5, salePriceFen: 1250 },
        { drugId: amox, packs: 2, salePriceFen: 1300 },
      ],
    });
    expect(movements()).toEqual([
      { kind: 'use', place: east, batch: early, day: '2026-03-31', packs: -5 },
      { kind: 'use', place: east, batch: late, day: '2026-03-31', packs: -2 },
    ]);
  });

  it('refuses using more than the clinic holds, naming held and asked, and a month before the stock arrived', async () => {
    const { s, east, amox } = await setUp();
    const e = await failsUnchanged(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-02',
      lines: [{ drugId: amox, packs: 16, salePriceFen: 1250 }],
    });
    expect(e.message).toBe('第 1 行：使用数量超过库存：阿莫西林胶囊（0.25g*24粒） 本卫生室在 2026年2月28日 结存 15 盒，登记使用 16 盒');
    const before = await failsUnchanged(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-01',
      lines: [{ drugId: amox, packs: 1, salePriceFen: 1250 }],
    });
    expect(before.message).toContain('结存 0 盒');
    const future = await failsUnchanged(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-05',
      lines: [{ drugId: amox, packs: 1, salePriceFen: 1250 }],
    });
    expect(future.message).toBe('2026-05 月还没有到，不能登记这个月的使用；请检查月份');
  });

  it('refuses a use dated back before a later out-movement would leave too little (a later balance never negative)', async () => {
    const { s, east, early } = await setUp();
    // All 5 of A-EARLY go back to the center in March; a February use of them must now fail.
    await call(s, 'stock.returnToCenter', { clinicId: east, batchId: early, packs: 5, movedOn: '2026-03-10' });
    const amox = Number(s.db.prepare('SELECT drug_id FROM drug_batches WHERE id = ?').pluck().get(early));
    const e = await failsUnchanged(s, 'stock.recordUse', {
      clinicId: east,
      month: '2026-02',
      lines: [{ drugId: amox, packs: 11, salePriceFen: 1300 }],
    });
    expect(e.message).toContain('结存 10 盒');
  });
});

describe('returns, transfers, adjustments and disposals', () => {
  it('moves goods as two movements of the same day naming each other', async () => {
    const { s, east, west, late } = await setUp();
    await call(s, 'stock.returnToCenter', { clinicId: east, batchId: late, packs: 2, movedOn: '2026-03-01', reason: '滞销' });
    await call(s, 'stock.transfer', { fromClinicId: east, toClinicId: west, batchId: late, packs: 3, movedOn: '2026-03-02' });
    const rows = s.db
      .prepare(
        'SELECT kind, clinic_id AS place, packs, other_clinic_id AS other, other_is_center AS center FROM stock_movements WHERE id > 6 ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      { kind: 'return', place: east, packs: -2, other: null, center: 1 },
      { kind: 'return', place: null, packs: 2, other: east, center: 0 },
      { kind: 'transfer', place: east, packs: -3, other: west, center: 0 },
      { kind: 'transfer', place: west, packs: 3, other: east, center: 0 },
    ]);
    const e = await failsUnchanged(s, 'stock.transfer', {
      fromClinicId: east,
      toClinicId: west,
      batchId: late,
      packs: 6,
      movedOn: '2026-03-03',
    });
    expect(e.message).toBe('库存不足：东村卫生室 阿莫西林胶囊（0.25g*24粒） 批号 A-LATE 在 2026年3月3日 结存 5 盒，不能出库 6 盒');
    await failsUnchanged(s, 'stock.transfer', { fromClinicId: east, toClinicId: east, batchId: late, packs: 1, movedOn: '2026-03-03' });
  });

  it('needs a reason for an adjustment, and takes + and −', async () => {
    const { s, east, late } = await setUp();
    const e = await failsUnchanged(s, 'stock.adjust', { clinicId: east, batchId: late, packs: -1, movedOn: '2026-03-01', reason: '' });
    expect(e.message).toContain('调整原因');
    await failsUnchanged(s, 'stock.adjust', { clinicId: east, batchId: late, packs: 0, movedOn: '2026-03-01', reason: '盘点' });
    await failsUnchanged(s, 'stock.adjust', { clinicId: east, batchId: late, packs: 1, movedOn: '2026-05-01', reason: '盘点' });
    await call(s, 'stock.adjust', { clinicId: east, batchId: late, packs: -1, movedOn: '2026-03-01', reason: '破损' });
    await call(s, 'stock.adjust', { clinicId: null, batchId: late, packs: 2, movedOn: '2026-03-01', reason: '盘盈' });
    const r = await call(s, 'stock.ledger', { month: '2026-03', clinicId: east });
    expect(r.drugs?.[0]).toMatchObject({ openingPacks: 15, outPacks: 1, closingPacks: 14, outByKind: { adjust: 1 } });
    expect(r.center).toMatchObject({ inPacks: 2, inByKind: { adjust: 2 } });
  });

  it('disposes of expired batches only, with two different witnesses, and reads the record back (D5)', async () => {
    const { s, ctx, amox } = await setUp();
    const old = addBatch(s.db, amox, 'OLD-1', '2026-03-31', 900);
    receive(ctx, old, 4, '2026-01-06');
    const notYet = await failsUnchanged(s, 'stock.dispose', {
      disposedOn: '2026-03-31',
      method: '焚烧',
      witness1: '王会计',
      witness2: '李药师',
      lines: [{ batchId: old, packs: 4 }],
    });
    expect(notYet.message).toContain('尚未过期');
    await failsUnchanged(s, 'stock.dispose', {
      disposedOn: '2026-04-02',
      method: '焚烧',
      witness1: '王会计',
      witness2: '王会计',
      lines: [{ batchId: old, packs: 4 }],
    });
    const rec = await call(s, 'stock.dispose', {
      disposedOn: '2026-04-02',
      method: '交有资质单位焚烧',
      witness1: '王会计',
      witness2: '李药师',
      lines: [{ batchId: old, packs: 4 }],
    });
    expect(rec).toMatchObject({ witness1: '王会计', witness2: '李药师', packs: 4, amountFen: 3600 });
    expect(rec.lines).toEqual([expect.objectContaining({ lotNo: 'OLD-1', packs: 4, amountFen: 3600, expiresOn: '2026-03-31' })]);
    expect((await call(s, 'stock.disposals', {})).map((d) => d.id)).toEqual([rec.id]);
    const left = s.db.prepare('SELECT sum(packs) FROM stock_movements WHERE batch_id = ? AND clinic_id IS NULL').pluck().get(old);
    expect(left).toBe(0);
  });

  it('lists stock by place and drug with expiry states, and the batches behind it', async () => {
    const { s, east } = await setUp();
    const page = await call(s, 'stock.list', { place: east, asOf: '2026-08-15' });
    expect(page.rows).toEqual([
      expect.objectContaining({ placeName: '东村卫生室', packs: 15, amountFen: 5 * 1250 + 10 * 1300, batches: 2, expiry: 'near' }),
    ]);
    const all = await call(s, 'stock.list', { place: 'all', asOf: '2026-10-01', sort: [{ id: 'packs', desc: true }] });
    expect(all.rows.map((r) => [r.placeName, r.packs, r.expiry])).toEqual([
      ['中心药库', 25, 'expired'],
      ['东村卫生室', 15, 'expired'],
    ]);
    const batches = await call(s, 'stock.batches', { place: 'all', asOf: '2026-10-01' });
    expect(batches.map((b) => [b.placeName, b.lotNo, b.packs, b.expiry, b.daysLeft])).toEqual([
      ['中心药库', 'A-EARLY', 15, 'expired', -1],
      ['中心药库', 'A-LATE', 10, 'ok', 272],
      ['东村卫生室', 'A-EARLY', 5, 'expired', -1],
      ['东村卫生室', 'A-LATE', 10, 'ok', 272],
    ]);
  });
});
