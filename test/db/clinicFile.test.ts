/**
 * 一室一档 (issue 12 item 8): clinics.file on the demo township gives, for every open clinic,
 * the figures of the lists a clerk would otherwise open one by one — the clinic list's
 * 实有村医 (S1), the alerts page's alerts about the clinic and its people, the asset list's
 * book value of the cards it holds, the stock list's value on hand there, the month's
 * requisition row with its D3 shares, and the P6 quarter scores of 督导考核.
 */
import { describe, expect, it } from 'vitest';
import { quarterOf, quarterKey } from '../../shared/rules/quarter';
import { call, callFails } from '../helpers/calls';
import { openDemoAt } from '../helpers/people';

const DAY = '2026-11-20';

describe('clinics.file on the demo township', () => {
  it('each open clinic: doctors, alerts, asset book value, stock value, requisition and quarter scores equal the lists', async () => {
    const s = await openDemoAt(DAY);
    const clinics = (await call(s, 'clinics.list', { limit: 1000 })).rows.filter((c) => c.status === 'open');
    expect(clinics.length).toBeGreaterThan(5);
    const alerts = (await call(s, 'alerts.list', { asOf: DAY })).alerts;
    const assets = (await call(s, 'assets.list', { limit: 1000 })).rows;
    const requisitions = (await call(s, 'requisitions.list', { month: DAY.slice(0, 7), limit: 1000 })).rows;
    const quarter = quarterKey(quarterOf(DAY));
    const results = await call(s, 'quarters.results', { quarter });
    let withStock = 0;
    let withAssets = 0;
    let withScore = 0;

    for (const c of clinics) {
      const file = await call(s, 'clinics.file', { id: c.id, asOf: DAY });
      expect(file.clinic.name).toBe(c.name);
      // S1: required from the service population, actual = those posted there (the list's columns).
      expect(file.clinic.requiredDoctors).toBe(c.requiredDoctors);
      expect(file.doctors).toHaveLength(c.actualDoctors);
      if (c.headName) expect(file.doctors.find((d) => d.role === 'head')?.name).toBe(c.headName);
      expect(
        file.villages.filter((v) => v.relation === 'host').length + file.villages.filter((v) => v.relation === 'extension').length,
      ).toBe(c.villageCount);

      // Alerts: exactly the alerts page's ones naming the clinic or one of its people.
      const names = new Set(file.doctors.map((d) => d.personId));
      const expected = alerts.filter((a) => a.clinicId === c.id || (a.personId !== null && names.has(a.personId)));
      expect(file.alerts).toEqual(expected);

      // Assets in account held by the clinic, as the asset list shows them today.
      const held = assets.filter((a) => a.holderClinicId === c.id && a.status !== 'disposed' && a.status !== '已处置');
      expect(file.assets.rows.map((a) => a.code).sort()).toEqual(held.map((a) => a.code).sort());
      expect(file.assets.bookValueFen).toBe(held.reduce((sum, a) => sum + a.bookValueFen, 0));
      if (held.length) withAssets++;

      // Stock on hand there: the stock list's total for the place.
      const stock = (await call(s, 'stock.list', { place: c.id, asOf: DAY, limit: 1000 })).rows;
      expect(file.stock.valueFen).toBe(stock.reduce((sum, r) => sum + r.amountFen, 0));
      expect(file.stock.attention.every((b) => b.expiry !== 'ok')).toBe(true);
      if (file.stock.valueFen > 0) withStock++;

      // D3: the requisitions page's row of the month.
      expect(file.requisition.row).toEqual(requisitions.find((r) => r.clinicId === c.id) ?? null);

      // P6: this quarter's score, grade and pass as 季度考核 shows them.
      const q = file.quarters.find((r) => r.quarter === quarter);
      const listed = results.rows.find((r) => r.clinicId === c.id);
      expect(q?.scoreTenths ?? null).toBe(listed?.scoreTenths ?? null);
      expect(q?.grade ?? null).toBe(listed?.grade ?? null);
      expect(q?.passed ?? null).toBe(listed?.passed ?? null);
      if (listed?.scoreTenths !== null && listed?.scoreTenths !== undefined) withScore++;
    }
    // The demo gives the comparisons something to compare.
    expect(withAssets).toBeGreaterThan(0);
    expect(withStock).toBeGreaterThan(0);
    expect(withScore).toBeGreaterThan(0);
  });

  it('an unknown clinic is refused in Chinese', async () => {
    const s = await openDemoAt(DAY);
    const e = await callFails(s, 'clinics.file', { id: 99999 });
    expect(e.message).toMatch(/村卫生室/);
  });
});
