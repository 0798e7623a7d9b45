/**
 * Watching the drugs (issue 10 part 7) on a real file: 集采 cover at each clinic from its stock
 * and its use in the three whole months before (D6, flagged below the setting), the agreed
 * annual volume's progress against the year gone by, the home page's counts — expired and
 * near-expiry batches (D5), the month's shortages (D4), clinics over the non-essential share
 * (D3: strictly above) — and the 集采药品供应情况 return's figures.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../electron/app/returns';
import { makeContext } from '../../electron/db/context';
import { CENTER, recordMovement } from '../../electron/domains/drugs/stock/movements';
import { saveDrug } from '../../electron/domains/drugs/write';
import { drugInput } from '../../shared/schemas/drugs';
import type { Session } from '../../electron/app/session';
import { call, callFails } from '../helpers/calls';
import { addClinic, openSessionAt } from '../helpers/people';
import { auditCount, openSession } from '../helpers/tempDb';

const TODAY = '2026-06-15';

function drug(s: Session, code: string, name: string, priceFen: number, vbpBatch = ''): number {
  const ctx = makeContext(s.db, '测试');
  return saveDrug(
    ctx,
    drugInput.parse({ platformCode: code, genericName: name, spec: '10片', packUnit: '盒', priceFen, vbpBatch }),
    null,
    '2026-01-01',
    '测试',
  );
}

function batch(s: Session, drugId: number, lot: string, expiresOn: string, priceFen: number): number {
  return Number(
    s.db
      .prepare(
        `INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, ?, ?, '2026-01-05', '2026-01-05T00:00:00Z')`,
      )
      .run(drugId, lot, expiresOn, priceFen).lastInsertRowid,
  );
}

/** A township: two clinics, one 集采 drug delivered to both and used at different paces, one ordinary drug. */
async function township() {
  const s = await openSessionAt(TODAY);
  const ctx = makeContext(s.db, '测试', () => new Date(`${TODAY}T08:00:00+08:00`));
  const east = await addClinic(s, '东', 1200, 'C001');
  const west = await addClinic(s, '西', 900, 'C002');
  const amlo = drug(s, 'P1', '苯磺酸氨氯地平片', 1500, '第三批');
  const other = drug(s, 'P2', '阿莫西林胶囊', 800);
  const a = batch(s, amlo, 'A1', '2027-12-31', 1500);
  const o = batch(s, other, 'O1', '2026-06-30', 800);
  const old = batch(s, other, 'O0', '2026-06-01', 800);
  const mv = (batchId: number, place: number | null, kind: 'receipt' | 'delivery' | 'use', movedOn: string, packs: number) =>
    recordMovement(ctx, {
      batchId,
      place,
      kind,
      movedOn,
      packs,
      ...(kind === 'delivery' ? { other: place === null ? { clinicId: east } : ('center' as const) } : {}),
    });
  mv(a, CENTER, 'receipt', '2026-01-05', 100);
  mv(o, CENTER, 'receipt', '2026-01-05', 10);
  mv(old, CENTER, 'receipt', '2026-01-05', 4);
  for (const [clinic, packs] of [
    [east, 30],
    [west, 12],
  ] as const) {
    mv(a, CENTER, 'delivery', '2026-03-01', -packs);
    mv(a, clinic, 'delivery', '2026-03-01', packs);
  }
  // March–May: east uses 9 a month (holds 30 − 27 = 3: 0.3 months), west 2 a month (holds 12 − 6 = 6: 3 months).
  for (const m of ['03', '04', '05']) {
    mv(a, east, 'use', `2026-${m}-28`, -9);
    mv(a, west, 'use', `2026-${m}-28`, -2);
  }
  return { s, ctx, east, west, amlo, other };
}

describe('watching the drugs', () => {
  it('shows each 集采 drug at each clinic with its months of cover, flagged below the setting (D6)', async () => {
    const { s } = await township();
    const page = await call(s, 'drugWatch.vbpCover', { asOf: TODAY });
    expect(page.rows.map((r) => [r.placeName, r.onHand, r.used3m, r.monthsOfCover, r.low])).toEqual([
      ['东村卫生室', 3, 27, 0.3, true],
      ['西村卫生室', 6, 6, 3, false],
    ]);
    const low = await call(s, 'drugWatch.vbpCover', { asOf: TODAY, filters: [{ id: 'low', value: true }] });
    expect(low.rows.map((r) => r.placeName)).toEqual(['东村卫生室']);
  });

  it('tracks the agreed annual volume against the year gone by, audited when entered; 只读 cannot enter it', async () => {
    const { s, amlo } = await township();
    const before = await call(s, 'drugWatch.vbpVolume', { asOf: TODAY });
    expect(before.rows.map((r) => [r.genericName, r.annualPacks, r.receivedPacks, r.progress])).toEqual([
      ['苯磺酸氨氯地平片', null, 100, null],
    ]);
    const audits = auditCount(s.db);
    const row = await call(s, 'drugWatch.setVbpVolume', { id: amlo, annualPacks: 400 });
    expect(row).toMatchObject({ annualPacks: 400, receivedPacks: 100, progress: 25, behind: true });
    expect(auditCount(s.db)).toBe(audits + 1);
    // 2026-06-15 is day 166 of 365: 45.5 % of the year.
    expect(row?.yearElapsed).toBe(45.5);
    const refused = await callFails(s, 'drugWatch.setVbpVolume', { id: amlo, annualPacks: 0 });
    expect(refused.message).toContain('约定年采购量至少为 1');

    const viewer = await openSession(s.dbPath, { as: { login: 'look', name: '查看员', role: 'viewer' } });
    expect((await callFails(viewer, 'drugWatch.setVbpVolume', { id: amlo, annualPacks: 10 })).code).toBe('FORBIDDEN');
  });

  it('counts expired and near-expiry batches, the month’s shortages and clinics over the non-essential share for the home page', async () => {
    const { s, east, west, amlo, other } = await township();
    s.db
      .prepare(
        `INSERT INTO drug_shortages (month, recorded_on, clinic_id, drug_id, packs, reason) VALUES ('2026-06', '2026-06-03', ?, ?, 5, '库存不足')`,
      )
      .run(west, other);
    // East asks for 1 non-essential item of 2 (50 % of items): over; west exactly at its own share would be within.
    const req = (clinic: number, lines: [number, number, number, 0 | 1][]) => {
      const id = Number(
        s.db.prepare("INSERT INTO requisitions (clinic_id, month, status) VALUES (?, '2026-06', 'held')").run(clinic).lastInsertRowid,
      );
      for (const [drugId, packs, price, essential] of lines)
        s.db
          .prepare('INSERT INTO requisition_lines (requisition_id, drug_id, packs, price_fen, essential) VALUES (?, ?, ?, ?, ?)')
          .run(id, drugId, packs, price, essential);
    };
    req(east, [
      [amlo, 10, 1500, 1],
      [other, 10, 800, 0],
    ]);
    req(west, [[amlo, 10, 1500, 1]]);
    const sum = await call(s, 'drugWatch.summary', { asOf: TODAY });
    // O0 expired on 2026-06-01 (4 packs × 8 元); O1 expires 2026-06-30, inside the 90-day window; A1 is far.
    expect(sum.expired).toEqual({ batches: 1, packs: 4, amountFen: 3200 });
    expect(sum.near).toEqual({ batches: 1, packs: 10, amountFen: 8000 });
    expect(sum.shortagesThisMonth).toEqual({ lines: 1, packs: 5 });
    expect(sum.vbpLowCover).toBe(1);
    expect(sum.shareOver.map((c) => c.clinicName)).toEqual(['东村卫生室']);
    // The day after O1's expiry it counts as expired, not near.
    const later = await call(s, 'drugWatch.summary', { asOf: '2026-07-01' });
    expect(later.expired).toEqual({ batches: 2, packs: 14, amountFen: 11200 });
  });

  it('builds 集采药品供应情况 for a month: received, delivered, used, the clinics’ stock and cover', async () => {
    const { s, ctx } = await township();
    const march = buildReport(ctx, 'vbp-supply', { month: '2026-03' });
    const [drugs, clinics] = march.tables;
    expect(drugs?.rows.map((r) => [r.drug, r.received, r.delivered, r.used, r.clinicStock])).toEqual([['苯磺酸氨氯地平片', 0, 42, 11, 31]]);
    const may = buildReport(ctx, 'vbp-supply', { month: '2026-05' });
    expect(may.figures).toMatchObject({ drugs: 1, used: 11, clinicStock: 9, lowCover: 1 });
    expect(may.tables[1]?.rows.map((r) => [r.clinic, r.onHand, r.low])).toEqual([
      ['东村卫生室', 3, '是'],
      ['西村卫生室', 6, '否'],
    ]);
    expect(clinics?.rows).toHaveLength(2);
    expect(() => buildReport(ctx, 'vbp-supply', {})).toThrow('请选择统计月份');
    expect(s.db).toBeTruthy();
  });
});
