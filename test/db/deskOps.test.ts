/**
 * The desk's two new operations (issue 12): clinics.previewCoverage shows, before saving, what a
 * change of villages does to every clinic it touches — the same figures the save then stores (C4,
 * S1) — and writes nothing; people.createDoctor registers person, post and contract in one
 * transaction, all or nothing, a refusal naming the form's field.
 */
import { describe, expect, it } from 'vitest';
import { addVillages, call, callFails, clinic, expectChinese } from '../helpers/calls';
import { idNumberFor, openSessionAt } from '../helpers/people';
import { dumpDb } from '../helpers/tempDb';

describe('clinics.previewCoverage', () => {
  it('shows the other clinic losing half a shared village before saving, and the save stores exactly that (C4, S1)', async () => {
    const s = await openSessionAt();
    const v = await addVillages(s, { 张庄: 1600, 李营: 900, 王楼: 1200 });
    const a = await call(s, 'clinics.create', clinic({ code: '', name: '张庄卫生室', hostVillageIds: [v.张庄 ?? 0] }));
    const b = await call(s, 'clinics.create', clinic({ code: '', name: '李营卫生室', hostVillageIds: [v.李营 ?? 0] }));
    expect(a).toMatchObject({ servicePopulation: 1600, requiredDoctors: 2 });

    const before = dumpDb(s.db);
    const p = await call(s, 'clinics.previewCoverage', { id: b.id, hostVillageIds: [v.李营 ?? 0, v.张庄 ?? 0], extensionVillageIds: [] });
    expect(dumpDb(s.db)).toBe(before);
    const row = (name: string) => p.rows.find((r) => r.name === name);
    expect(row('李营卫生室')).toMatchObject({
      isThis: true,
      before: { servicePopulation: 900, requiredDoctors: 1 },
      after: { servicePopulation: 1700, requiredDoctors: 2 },
    });
    expect(row('张庄卫生室')).toMatchObject({
      isThis: false,
      villages: '张庄',
      before: { servicePopulation: 1600, requiredDoctors: 2 },
      after: { servicePopulation: 800, requiredDoctors: 1 },
    });
    expect(p.populationPerDoctor).toBe(1000);

    await call(s, 'clinics.update', {
      id: b.id,
      values: clinic({ code: '', name: '李营卫生室', hostVillageIds: [v.李营 ?? 0, v.张庄 ?? 0] }),
    });
    expect(await call(s, 'clinics.get', { id: a.id })).toMatchObject({ servicePopulation: 800, requiredDoctors: 1 });
    expect(await call(s, 'clinics.get', { id: b.id })).toMatchObject({ servicePopulation: 1700, requiredDoctors: 2 });
  });

  it('for a new clinic, and names a village that would be left without any clinic', async () => {
    const s = await openSessionAt();
    const v = await addVillages(s, { 东村: 700, 西村: 500 });
    const a = await call(s, 'clinics.create', clinic({ code: '', name: '东村卫生室', hostVillageIds: [v.东村 ?? 0, v.西村 ?? 0] }));
    const p = await call(s, 'clinics.previewCoverage', { id: null, hostVillageIds: [v.西村 ?? 0], extensionVillageIds: [] });
    expect(p.rows[0]).toMatchObject({ clinicId: null, isThis: true, after: { servicePopulation: 250, requiredDoctors: 1 } });
    expect(p.rows.find((r) => r.clinicId === a.id)).toMatchObject({ after: { servicePopulation: 950 } });

    const dropped = await call(s, 'clinics.previewCoverage', { id: a.id, hostVillageIds: [v.东村 ?? 0], extensionVillageIds: [] });
    expect(dropped.villagesLeftWithoutClinic).toEqual(['西村']);
    expect(dropped.rows[0]).toMatchObject({ after: { servicePopulation: 700, requiredDoctors: 1 } });
  });
});

describe('people.createDoctor', () => {
  const doctor = (over: { clinicId: number; role?: 'doctor' | 'head'; contract?: boolean; idNumber?: string }) => ({
    person: { name: '赵文静', idNumber: over.idNumber ?? idNumberFor('1988-04-09', 'F', 7), category: 'village_doctor' as const },
    post: { clinicId: over.clinicId, role: over.role ?? ('doctor' as const), startDate: '2026-06-01' },
    contract: over.contract
      ? { kind: 'township_hired' as const, establishment: 'off' as const, startDate: '2026-06-01', endDate: '2029-05-31' }
      : { kind: '' as const },
  });

  it('creates the person with sex and birth date from the 身份证号, the post and the contract in one go', async () => {
    const s = await openSessionAt();
    const v = await addVillages(s, { 张庄: 1600 });
    const c = await call(s, 'clinics.create', clinic({ code: '', name: '张庄卫生室', hostVillageIds: [v.张庄 ?? 0] }));
    // Typed with a Chinese input method: full-width digits are the same 身份证号.
    const id = idNumberFor('1988-04-09', 'F', 7);
    const full = id.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const p = await call(s, 'people.createDoctor', doctor({ clinicId: c.id, contract: true, idNumber: full }));
    expect(p).toMatchObject({ name: '赵文静', idNumber: id, sex: 'F', birthDate: '1988-04-09', clinicName: '张庄卫生室' });
    expect(p.assignments).toEqual([expect.objectContaining({ clinicId: c.id, role: 'doctor', startDate: '2026-06-01' })]);
    expect(p.employments).toEqual([expect.objectContaining({ kind: 'township_hired', endDate: '2029-05-31' })]);
  });

  it('refuses a second head (C2) naming post.role, and writes nothing — not even the person', async () => {
    const s = await openSessionAt();
    const v = await addVillages(s, { 张庄: 1600 });
    const c = await call(s, 'clinics.create', clinic({ code: '', name: '张庄卫生室', hostVillageIds: [v.张庄 ?? 0] }));
    await call(s, 'people.createDoctor', doctor({ clinicId: c.id, role: 'head', idNumber: idNumberFor('1970-01-01', 'M', 3) }));
    const before = dumpDb(s.db);
    const e = await callFails(s, 'people.createDoctor', doctor({ clinicId: c.id, role: 'head', contract: true }));
    expectChinese(e.message);
    expect(dumpDb(s.db)).toBe(before);
    expect(e.field).toBe('post.role');
    expect(e.fields?.['post.role']).toMatch(/一个卫生室只能有一名负责人（C2）/);
  });

  it('refuses a contract without its start date before anything is written', async () => {
    const s = await openSessionAt();
    const v = await addVillages(s, { 张庄: 1600 });
    const c = await call(s, 'clinics.create', clinic({ code: '', name: '张庄卫生室', hostVillageIds: [v.张庄 ?? 0] }));
    const before = dumpDb(s.db);
    const input = { ...doctor({ clinicId: c.id }), contract: { kind: 'township_hired', startDate: null } };
    const e = await callFails(s, 'people.createDoctor', input);
    expect(e.fields?.['contract.startDate']).toBe('请填写合同开始日期');
    expect(dumpDb(s.db)).toBe(before);
  });
});
