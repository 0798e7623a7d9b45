/**
 * 固定资产增减变动 (A4 with A3): on a township whose assets are bought, moved between clinics and
 * the center, revalued and disposed at random (a seeded generator, so every run is the same),
 * every scope's figures balance — closing = opening + additions − reductions for 原值, and for
 * 累计折旧 with the period's depreciation — and the clinics' and the center's opening, closing
 * and depreciation add up to the township's, while transfers between them cancel out.
 */
import { describe, expect, it } from 'vitest';
import { assetChanges, type ChangeFigures } from '../../electron/domains/assets/changes';
import { depreciationRun } from '../../electron/domains/assets/depreciationRun';
import { ledgerAsOf, ledgerRowOf } from '../../electron/domains/assets/ledger';
import { call } from '../helpers/calls';
import { addAsset, ledger, twoClinics } from '../helpers/assets';
import { addClinic, openSessionAt } from '../helpers/people';

const TODAY = '2026-06-15';

function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function balances(f: ChangeFigures): void {
  expect(f.closingValue).toBe(f.openingValue + f.addedValue - f.reducedValue);
  expect(f.closingAccumulated).toBe(f.openingAccumulated + f.depreciation + f.addedAccumulated - f.reducedAccumulated);
}

describe('asset changes by category', () => {
  it('balance for the township, each clinic and the center, across random histories', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const third = await addClinic(s, '王屯', 700, '03');
    const holders: (number | null)[] = [c.zhang, c.li, third, null];
    const rand = seeded(20261204);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const categories = ['medical', 'furniture', 'computer_office', 'building_brick', 'land'] as const;
    for (let i = 0; i < 25; i++) {
      let day = addDays('2021-01-01', Math.floor(rand() * 1500));
      const a = await addAsset(s, {
        name: `资产${i}`,
        category: pick(categories),
        holderClinicId: pick(holders),
        acquiredOn: day,
        valueFen: 10_000 + Math.floor(rand() * 2_000_000),
        lifeMonths: rand() < 0.3 ? 24 : null,
      });
      let holder = a.holderClinicId;
      for (let k = 0; k < 4; k++) {
        day = addDays(day, 1 + Math.floor(rand() * 200));
        if (day > TODAY) break;
        const r = rand();
        if (r < 0.5) {
          const to = pick(holders.filter((h) => h !== holder));
          await call(s, 'assets.move', {
            kind: 'transfer',
            assetId: a.id,
            date: day,
            toClinicId: to,
            reason: '调剂',
            sentBy: '甲',
            receivedBy: '乙',
          });
          holder = to;
        } else if (r < 0.75) {
          await call(s, 'assets.move', {
            kind: 'value_change',
            assetId: a.id,
            date: day,
            method: 'improvement',
            deltaFen: 5_000 + Math.floor(rand() * 100_000),
            reason: '改良',
            remainingMonths: 36,
          });
        } else if (r < 0.85) {
          await call(s, 'assets.move', {
            kind: 'dispose',
            assetId: a.id,
            date: day,
            method: 'scrap',
            approvalNo: `批${i}`,
            approvalDate: day,
          });
          break;
        }
      }
    }
    for (const [from, to] of [
      ['2022-01-01', '2022-12-31'],
      ['2023-04-17', '2025-02-09'],
      ['2021-01-01', TODAY],
    ] as const) {
      const township = assetChanges(s.db, from, to);
      balances(township.total);
      for (const r of township.rows) balances(r);
      // Inside the township a transfer is no addition and no reduction.
      const parts = holders.map((h) => assetChanges(s.db, from, to, h).total);
      for (const p of parts) balances(p);
      for (const k of ['openingValue', 'openingAccumulated', 'closingValue', 'closingAccumulated', 'depreciation'] as const) {
        expect(parts.reduce((n, p) => n + p[k], 0)).toBe(township.total[k]);
      }
      // The ledger's shortcut (cards settled since `to` read from their cache) agrees with each card's movements.
      for (const r of ledgerAsOf(s.db, to)) expect(r).toEqual(ledgerRowOf(s.db, r.id, to));
      // So does the depreciation run: a month's total is the change of the township's accumulated depreciation.
      const run = depreciationRun(s.db, from.slice(0, 7), to.slice(0, 7));
      const firstMonth = assetChanges(s.db, from, `${from.slice(0, 7)}-28`).total;
      expect(run[0]?.totalFen).toBe(firstMonth.depreciation);
      expect(run.reduce((n, m) => n + m.totalFen, 0)).toBe(township.total.depreciation);
      // The closing figures are the ledger's.
      const rows = (await ledger(s, to)).filter((r) => r.status !== 'disposed');
      expect(township.total.closingValue).toBe(rows.reduce((n, r) => n + r.valueFen, 0));
      expect(township.total.closingAccumulated).toBe(rows.reduce((n, r) => n + r.accumulatedFen, 0));
    }
  });

  it('shows a transfer between clinics as the sender’s reduction and the receiver’s addition, carrying the depreciation so far', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang, acquiredOn: '2024-03-10' });
    await call(s, 'assets.move', {
      kind: 'transfer',
      assetId: a.id,
      date: '2026-02-10',
      toClinicId: c.li,
      reason: '调剂',
      sentBy: '甲',
      receivedBy: '乙',
    });
    const zhang = assetChanges(s.db, '2026-01-01', '2026-03-31', c.zhang).total;
    const li = assetChanges(s.db, '2026-01-01', '2026-03-31', c.li).total;
    const township = assetChanges(s.db, '2026-01-01', '2026-03-31').total;
    // Through January 2026: 23 months at ¥200.
    expect(zhang).toMatchObject({
      openingValue: 1_200_000,
      reducedValue: 1_200_000,
      reducedAccumulated: 23 * 20_000,
      depreciation: 20_000,
      closingValue: 0,
    });
    expect(li).toMatchObject({
      openingValue: 0,
      addedValue: 1_200_000,
      addedAccumulated: 23 * 20_000,
      depreciation: 40_000,
      closingAccumulated: 25 * 20_000,
    });
    expect(township).toMatchObject({ addedValue: 0, reducedValue: 0, depreciation: 60_000 });
  });

  it('books each month’s depreciation to the holder at the month’s end', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang, acquiredOn: '2024-03-10' });
    await addAsset(s, { holderClinicId: null, name: '土地', category: 'land', acquiredOn: '2020-01-01' });
    await call(s, 'assets.move', {
      kind: 'transfer',
      assetId: a.id,
      date: '2026-02-10',
      toClinicId: c.li,
      reason: '调剂',
      sentBy: '甲',
      receivedBy: '乙',
    });
    const run = depreciationRun(s.db, '2026-01', '2026-03');
    expect(run.map((m) => [m.month, m.totalFen, m.byHolder])).toEqual([
      ['2026-01', 20_000, { [c.zhang]: 20_000 }],
      ['2026-02', 20_000, { [c.li]: 20_000 }],
      ['2026-03', 20_000, { [c.li]: 20_000 }],
    ]);
  });
});
