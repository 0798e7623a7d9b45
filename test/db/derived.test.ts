import { describe, expect, it } from 'vitest';
import { addVillages, call, clinic, village } from '../helpers/calls';
import { openSession } from '../helpers/tempDb';
import type { Session } from '../../electron/app/session';

async function coverage(s: Session, id: number | undefined) {
  return (await call(s, 'villages.get', { id: id ?? 0 })).coverageKind;
}
async function figures(s: Session, id: number) {
  const c = await call(s, 'clinics.get', { id });
  return [c.servicePopulation, c.requiredDoctors];
}

describe('derived figures: service population (C4) and required doctors (S1)', () => {
  it('a 合建 clinic serves the sum of its villages', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 陈家村: 700, 杨家村: 650 });
    const c = await call(s, 'clinics.create', clinic({ hostVillageIds: [v.陈家村 ?? 0, v.杨家村 ?? 0] }));
    expect([c.servicePopulation, c.requiredDoctors]).toEqual([1350, 2]);
    expect(await coverage(s, v.陈家村)).toBe('shared_clinic');
    expect(await coverage(s, v.杨家村)).toBe('shared_clinic');
  });

  it.each([
    [999, 1],
    [1000, 1],
    [1001, 2],
    [2500, 3],
  ])('a clinic serving %i people needs %i doctor(s)', async (pop, doctors) => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: pop });
    const c = await call(s, 'clinics.create', clinic({ hostVillageIds: [v.甲村 ?? 0] }));
    expect(c.requiredDoctors).toBe(doctors);
  });

  it('a village with two open clinics is split between them, and whole again when one closes', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 刘湾村: 2600 });
    const a = await call(s, 'clinics.create', clinic({ code: 'A', hostVillageIds: [v.刘湾村 ?? 0] }));
    expect(a.servicePopulation).toBe(2600);
    const b = await call(s, 'clinics.create', clinic({ code: 'B', hostVillageIds: [v.刘湾村 ?? 0] }));
    expect(b.servicePopulation).toBe(1300);
    expect(await figures(s, a.id)).toEqual([1300, 2]);
    expect(await coverage(s, v.刘湾村)).toBe('own_clinic');

    await call(s, 'clinics.close', { id: b.id, closedOn: '2026-01-31', reason: '合并' });
    expect(await figures(s, a.id)).toEqual([2600, 3]);
    expect(await figures(s, b.id)).toEqual([0, 0]);
    await call(s, 'clinics.reopen', { id: b.id });
    expect(await figures(s, a.id)).toEqual([1300, 2]);
    expect(await figures(s, b.id)).toEqual([1300, 2]);
  });

  it('the township total counts a shared village once', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 3000, 乙村: 1000 });
    await call(s, 'clinics.create', clinic({ code: 'A', hostVillageIds: [v.甲村 ?? 0] }));
    await call(s, 'clinics.create', clinic({ code: 'B', hostVillageIds: [v.甲村 ?? 0], extensionVillageIds: [v.乙村 ?? 0] }));
    const list = await call(s, 'clinics.list', {});
    expect(list.rows.map((r) => r.servicePopulation)).toEqual([1500, 2500]);
    const d = await call(s, 'app.dashboard', {});
    expect(d.servicePopulation).toBe(4000);
    expect(d.requiredDoctors).toBe(2 + 3);
  });

  it("a village's new population reaches every clinic that serves it", async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 1000 });
    const a = await call(s, 'clinics.create', clinic({ code: 'A', hostVillageIds: [v.甲村 ?? 0] }));
    const b = await call(s, 'clinics.create', clinic({ code: 'B', extensionVillageIds: [v.甲村 ?? 0] }));
    await call(s, 'villages.update', { id: v.甲村 ?? 0, values: village({ name: '甲村', servicePopulation: 4000 }) });
    expect(await figures(s, a.id)).toEqual([2000, 2]);
    expect(await figures(s, b.id)).toEqual([2000, 2]);
  });

  it('changing staffingPopulationPerDoctor recomputes every clinic', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 2500, 乙村: 800 });
    const a = await call(s, 'clinics.create', clinic({ code: 'A', hostVillageIds: [v.甲村 ?? 0] }));
    const b = await call(s, 'clinics.create', clinic({ code: 'B', hostVillageIds: [v.乙村 ?? 0] }));
    expect([a.requiredDoctors, b.requiredDoctors]).toEqual([3, 1]);
    await call(s, 'settings.update', { staffingPopulationPerDoctor: 800 });
    expect(await figures(s, a.id)).toEqual([2500, 4]);
    expect(await figures(s, b.id)).toEqual([800, 1]);
    expect((await call(s, 'app.dashboard', {})).requiredDoctors).toBe(5);
    await call(s, 'settings.update', { staffingPopulationPerDoctor: 2000 });
    expect(await figures(s, a.id)).toEqual([2500, 2]);
  });

  it('changing c1SmallVillagePopulation recomputes which villages need a clinic of their own', async () => {
    const s = await openSession();
    await call(s, 'villages.create', village({ name: '甲村', servicePopulation: 900, altCoverage: 'dispatch' }));
    expect((await call(s, 'app.dashboard', {})).villagesNeedingClinic.map((x) => x.name)).toEqual(['甲村']);
    await call(s, 'settings.update', { c1SmallVillagePopulation: 1000 });
    expect((await call(s, 'app.dashboard', {})).villagesNeedingClinic).toEqual([]);
    expect((await call(s, 'villages.list', {})).rows[0]?.needsOwnClinic).toBe(false);
  });
});

describe('derived coverage (C1)', () => {
  it("closing a village's only clinic makes it a 空白点, reopening restores it", async () => {
    const s = await openSession();
    const v = await addVillages(s, { 沈洼村: 450 });
    const c = await call(s, 'clinics.create', clinic({ hostVillageIds: [v.沈洼村 ?? 0] }));
    expect(await coverage(s, v.沈洼村)).toBe('own_clinic');
    await call(s, 'clinics.close', { id: c.id, closedOn: '2025-12-31', reason: '村医退休' });
    expect(await coverage(s, v.沈洼村)).toBe('none');
    expect((await call(s, 'app.dashboard', {})).blankVillages).toEqual([{ id: v.沈洼村, name: '沈洼村', servicePopulation: 450 }]);
    await call(s, 'clinics.reopen', { id: c.id });
    expect(await coverage(s, v.沈洼村)).toBe('own_clinic');
    expect((await call(s, 'app.dashboard', {})).blankVillages).toEqual([]);
  });

  it('closing a clinic falls back to the next coverage: extension, dispatch, patrol', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 900, 乙村: 900 });
    await call(s, 'villages.update', {
      id: v.乙村 ?? 0,
      values: village({ name: '乙村', altCoverage: 'patrol', patrolVisitsPerMonth: 2 }),
    });
    const host = await call(s, 'clinics.create', clinic({ code: 'H', hostVillageIds: [v.甲村 ?? 0, v.乙村 ?? 0] }));
    const ext = await call(s, 'clinics.create', clinic({ code: 'E', extensionVillageIds: [v.甲村 ?? 0] }));
    expect(await coverage(s, v.甲村)).toBe('shared_clinic');
    await call(s, 'clinics.close', { id: host.id, closedOn: '2026-01-31', reason: '撤并' });
    expect(await coverage(s, v.甲村)).toBe('neighbor_extension');
    expect(await coverage(s, v.乙村)).toBe('patrol');
    await call(s, 'clinics.close', { id: ext.id, closedOn: '2026-01-31', reason: '撤并' });
    expect(await coverage(s, v.甲村)).toBe('none');
  });

  it('taking a village out of a 合建 clinic turns the other into its own clinic', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 900, 乙村: 900 });
    const c = await call(s, 'clinics.create', clinic({ hostVillageIds: [v.甲村 ?? 0, v.乙村 ?? 0] }));
    await call(s, 'clinics.update', { id: c.id, values: clinic({ hostVillageIds: [v.甲村 ?? 0] }) });
    expect(await coverage(s, v.甲村)).toBe('own_clinic');
    expect(await coverage(s, v.乙村)).toBe('none');
    expect(await figures(s, c.id)).toEqual([900, 1]);
  });

  it('moving a village to another clinic splits it with that clinic and updates both', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 1000, 乙村: 3000 });
    const a = await call(s, 'clinics.create', clinic({ code: 'A', hostVillageIds: [v.甲村 ?? 0] }));
    const b = await call(s, 'clinics.create', clinic({ code: 'B', hostVillageIds: [v.乙村 ?? 0] }));
    await call(s, 'clinics.update', {
      id: a.id,
      values: clinic({ code: 'A', hostVillageIds: [v.甲村 ?? 0], extensionVillageIds: [v.乙村 ?? 0] }),
    });
    expect(await figures(s, a.id)).toEqual([2500, 3]);
    expect(await figures(s, b.id)).toEqual([1500, 2]);
    expect(await coverage(s, v.乙村)).toBe('own_clinic');
  });
});
