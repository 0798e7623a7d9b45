import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { addVillages, call, callFails, clinic, expectChinese } from '../helpers/calls';
import { auditCount, dumpDb, openSession } from '../helpers/tempDb';

async function failsWithoutChange(s: Session, op: string, input: unknown) {
  const before = dumpDb(s.db);
  const error = await callFails(s, op, input);
  expect(dumpDb(s.db)).toBe(before);
  expectChinese(error.message);
  return error;
}

describe('clinics: happy paths', () => {
  it('creates, reads, updates, closes and reopens a clinic, one audit row each', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 1500, 乙村: 400 });
    const n0 = auditCount(s.db);
    const made = await call(s, 'clinics.create', clinic({ code: 'HY-01', name: '甲村卫生室', hostVillageIds: [v.甲村 ?? 0] }));
    expect(made).toMatchObject({
      code: 'HY-01',
      status: 'open',
      closedOn: null,
      villageNames: '甲村',
      villageCount: 1,
      servicePopulation: 1500,
      requiredDoctors: 2,
      hostVillageIds: [v.甲村],
      extensionVillageIds: [],
    });
    expect(await call(s, 'clinics.get', { id: made.id })).toEqual(made);

    const updated = await call(s, 'clinics.update', {
      id: made.id,
      values: clinic({ code: 'HY-01', name: '甲村卫生室', hostVillageIds: [v.甲村 ?? 0], extensionVillageIds: [v.乙村 ?? 0] }),
    });
    expect(updated).toMatchObject({ villageNames: '甲村、乙村（延伸）', villageCount: 2, servicePopulation: 1900, requiredDoctors: 2 });
    expect((await call(s, 'villages.get', { id: v.乙村 ?? 0 })).coverageKind).toBe('neighbor_extension');

    const closed = await call(s, 'clinics.close', { id: made.id, closedOn: '2026-02-28', reason: '并入乙村' });
    expect(closed).toMatchObject({
      status: 'closed',
      closedOn: '2026-02-28',
      closedReason: '并入乙村',
      servicePopulation: 0,
      requiredDoctors: 0,
    });
    const reopened = await call(s, 'clinics.reopen', { id: made.id });
    expect(reopened).toMatchObject({ status: 'open', closedOn: null, closedReason: '', servicePopulation: 1900 });

    const log = await call(s, 'audit.list', { limit: 4 });
    expect(log.rows.map((r) => r.action)).toEqual(['reopen', 'close', 'update', 'create']);
    expect(auditCount(s.db)).toBe(n0 + 4);
    for (const r of log.rows) {
      expect(r).toMatchObject({ entity: 'clinic', entityId: made.id, actor: '管理员' });
      expect(r.summary).toContain('甲村卫生室');
    }
    expect(log.rows[1]?.summary).toContain('并入乙村');
  });

  it('keeps a clinic with no village, serving nobody, and lists it on the dashboard', async () => {
    const s = await openSession();
    const c = await call(s, 'clinics.create', clinic({ code: 'X1', name: '空挂卫生室' }));
    expect(c).toMatchObject({ villageCount: 0, servicePopulation: 0, requiredDoctors: 1, villageNames: '' });
    const d = await call(s, 'app.dashboard', {});
    expect(d.clinicsWithoutVillage).toEqual([{ id: c.id, name: '空挂卫生室', code: 'X1' }]);
    await call(s, 'clinics.close', { id: c.id, closedOn: '2026-01-01', reason: '撤并' });
    expect((await call(s, 'app.dashboard', {})).clinicsWithoutVillage).toEqual([]);
  });

  it('registers clinics without a 机构编码 (most clerks have none), any number of them, and gives one later', async () => {
    const s = await openSession();
    const a = await call(s, 'clinics.create', clinic({ code: '', name: '甲村卫生室' }));
    const b = await call(s, 'clinics.create', clinic({ code: '  ', name: '乙村卫生室' }));
    expect([a.code, b.code]).toEqual(['', '']);
    expect(s.db.prepare('SELECT count(*) FROM clinics WHERE code IS NULL').pluck().get()).toBe(2);
    const coded = await call(s, 'clinics.update', { id: a.id, values: clinic({ code: 'HY-07', name: '甲村卫生室' }) });
    expect(coded.code).toBe('HY-07');
    const err = await failsWithoutChange(s, 'clinics.update', { id: b.id, values: clinic({ code: 'HY-07', name: '乙村卫生室' }) });
    expect(err.field).toBe('code');
  });

  it('lets a clinic keep its own code on update', async () => {
    const s = await openSession();
    const c = await call(s, 'clinics.create', clinic({ code: 'K-1' }));
    expect((await call(s, 'clinics.update', { id: c.id, values: clinic({ code: 'K-1', name: '新名字' }) })).name).toBe('新名字');
  });
});

describe('clinics: each refusal names the field and changes nothing', () => {
  it.each([
    ['empty name', { name: '' }, 'name', '卫生室名称'],
    ['bad code characters', { code: 'HY 01/甲' }, 'code', '机构编码'],
    ['negative area', { buildingArea: -1 }, 'buildingArea', '面积'],
    ['unknown property', { property: 'private' }, 'property', '产权'],
    ['non-boolean insurance point', { insurancePoint: 'yes' }, 'insurancePoint', '医保定点'],
    ['a village id that is not a number', { hostVillageIds: ['甲村'] }, 'hostVillageIds.0', '所在村'],
  ])('%s', async (_what, over, field, label) => {
    const s = await openSession();
    await call(s, 'clinics.create', clinic({ code: 'OLD' }));
    const e = await failsWithoutChange(s, 'clinics.create', { ...clinic(), ...over });
    expect(e).toMatchObject({ code: 'VALIDATION', field });
    expect(e.message).toContain(label);
  });

  it('the same village as host and extension', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 1000 });
    const e = await failsWithoutChange(s, 'clinics.create', clinic({ hostVillageIds: [v.甲村 ?? 0], extensionVillageIds: [v.甲村 ?? 0] }));
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'extensionVillageIds' });
    expect(e.message).toContain('延伸');
  });

  it('an unknown village id, as host or as extension, on create and update', async () => {
    const s = await openSession();
    const v = await addVillages(s, { 甲村: 1000 });
    const host = await failsWithoutChange(s, 'clinics.create', clinic({ hostVillageIds: [v.甲村 ?? 0, 424242] }));
    expect(host).toMatchObject({ code: 'VALIDATION', field: 'hostVillageIds' });
    expect(host.message).toContain('村');
    const c = await call(s, 'clinics.create', clinic({ hostVillageIds: [v.甲村 ?? 0] }));
    const ext = await failsWithoutChange(s, 'clinics.update', { id: c.id, values: clinic({ extensionVillageIds: [424242] }) });
    expect(ext).toMatchObject({ code: 'VALIDATION', field: 'extensionVillageIds' });
  });

  it('a duplicate clinic code, on create and on update', async () => {
    const s = await openSession();
    await call(s, 'clinics.create', clinic({ code: 'HY-01', name: '甲村卫生室' }));
    const b = await call(s, 'clinics.create', clinic({ code: 'HY-02', name: '乙村卫生室' }));
    const e = await failsWithoutChange(s, 'clinics.create', clinic({ code: 'HY-01', name: '丙村卫生室' }));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(e.message).toContain('机构编码');
    expect(e.message).toContain('甲村卫生室');
    const u = await failsWithoutChange(s, 'clinics.update', { id: b.id, values: clinic({ code: 'HY-01' }) });
    expect(u).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });

  it('closing an already closed clinic, and reopening an open one', async () => {
    const s = await openSession();
    const c = await call(s, 'clinics.create', clinic({ name: '甲村卫生室' }));
    const again = await failsWithoutChange(s, 'clinics.reopen', { id: c.id });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('甲村卫生室');
    await call(s, 'clinics.close', { id: c.id, closedOn: '2026-01-31', reason: '村医退休' });
    const e = await failsWithoutChange(s, 'clinics.close', { id: c.id, closedOn: '2026-03-01', reason: '再次撤销' });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('2026-01-31');
    expect(e.message).toContain('撤销');
  });

  it.each([
    ['2026-02-30', '不是有效的日期'],
    ['2026-13-01', '不是有效的日期'],
    ['2026/01/31', '日期格式'],
    ['', '日期格式'],
  ])('a bad close date %j', async (closedOn, text) => {
    const s = await openSession();
    const c = await call(s, 'clinics.create', clinic());
    const e = await failsWithoutChange(s, 'clinics.close', { id: c.id, closedOn, reason: '撤并' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'closedOn' });
    expect(e.message).toContain('撤销日期');
    expect(e.message).toContain(text);
  });

  it('a close without a reason, and operations on a clinic that does not exist', async () => {
    const s = await openSession();
    const c = await call(s, 'clinics.create', clinic());
    const e = await failsWithoutChange(s, 'clinics.close', { id: c.id, closedOn: '2026-01-31', reason: '  ' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(e.message).toContain('撤销原因');
    for (const [op, input] of [
      ['clinics.get', { id: 77 }],
      ['clinics.update', { id: 77, values: clinic() }],
      ['clinics.close', { id: 77, closedOn: '2026-01-31', reason: '撤并' }],
      ['clinics.reopen', { id: 77 }],
    ] as const) {
      expect((await failsWithoutChange(s, op, input)).code).toBe('NOT_FOUND');
    }
  });
});
