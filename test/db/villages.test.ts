import { describe, expect, it } from 'vitest';
import { call, callFails, clinic, expectChinese, village } from '../helpers/calls';
import { auditCount, dumpDb, openSession } from '../helpers/tempDb';
import type { Session } from '../../electron/app/session';

/** Runs a call that must fail and checks it changed nothing at all, audit log included. */
async function failsWithoutChange(s: Session, op: string, input: unknown) {
  const before = dumpDb(s.db);
  const error = await callFails(s, op, input);
  expect(dumpDb(s.db)).toBe(before);
  expectChinese(error.message);
  return error;
}

describe('villages: happy paths', () => {
  it('creates, reads, updates and lists a village, with its derived coverage', async () => {
    const s = await openSession();
    const made = await call(s, 'villages.create', village({ name: ' 张庄村 ', servicePopulation: 900, note: '平原' }));
    expect(made).toMatchObject({ name: '张庄村', servicePopulation: 900, coverageKind: 'none', needsOwnClinic: true, clinicNames: '' });
    expect(await call(s, 'villages.get', { id: made.id })).toEqual(made);

    const changed = await call(s, 'villages.update', {
      id: made.id,
      values: village({ name: '张庄村', servicePopulation: 700, altCoverage: 'patrol', patrolVisitsPerMonth: 2 }),
    });
    expect(changed).toMatchObject({ servicePopulation: 700, coverageKind: 'patrol', needsOwnClinic: false, altCoverage: 'patrol' });
    expect(await call(s, 'villages.all', {})).toEqual([{ id: made.id, name: '张庄村' }]);
  });

  it('lets the center seat move by clearing it first, and renaming a village to its own name is fine', async () => {
    const s = await openSession();
    const a = await call(s, 'villages.create', village({ name: '甲村', isCenterSeat: true }));
    const b = await call(s, 'villages.create', village({ name: '乙村' }));
    expect(a.coverageKind).toBe('center_seat');
    expect(a.needsOwnClinic).toBe(false);
    await call(s, 'villages.update', { id: a.id, values: village({ name: '甲村', isCenterSeat: false }) });
    const moved = await call(s, 'villages.update', { id: b.id, values: village({ name: '乙村', isCenterSeat: true }) });
    expect(moved.coverageKind).toBe('center_seat');
  });
});

describe('villages: each refusal names the field and changes nothing', () => {
  it.each([
    ['empty name', { name: '  ' }, 'name', '村名'],
    ['name too long', { name: '村'.repeat(31) }, 'name', '村名'],
    ['negative population', { residentPopulation: -1 }, 'residentPopulation', '户籍人口'],
    ['non-integer population', { servicePopulation: 10.5 }, 'servicePopulation', '服务人口'],
    ['population as text', { servicePopulation: '1000' }, 'servicePopulation', '服务人口'],
    ['patrol with 0 visits', { altCoverage: 'patrol', patrolVisitsPerMonth: 0 }, 'patrolVisitsPerMonth', '每月巡诊次数'],
    ['more than 31 visits', { altCoverage: 'patrol', patrolVisitsPerMonth: 32 }, 'patrolVisitsPerMonth', '每月巡诊次数'],
    ['negative distance', { distanceKm: -0.5 }, 'distanceKm', '距'],
    ['unknown alt coverage', { altCoverage: 'helicopter' }, 'altCoverage', '其他覆盖方式'],
  ])('%s', async (_what, over, field, label) => {
    const s = await openSession();
    await call(s, 'villages.create', village({ name: '已有村' }));
    const e = await failsWithoutChange(s, 'villages.create', { ...village(), ...over });
    expect(e).toMatchObject({ code: 'VALIDATION', field });
    expect(e.message).toContain(label);
    expect(e.fields?.[field]).toBeTruthy();
  });

  it('a duplicate village name, on create and on update', async () => {
    const s = await openSession();
    await call(s, 'villages.create', village({ name: '张庄村' }));
    const other = await call(s, 'villages.create', village({ name: '李营村' }));
    const e = await failsWithoutChange(s, 'villages.create', village({ name: '张庄村' }));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(e.message).toContain('村名');
    expect(e.message).toContain('张庄村');
    const u = await failsWithoutChange(s, 'villages.update', { id: other.id, values: village({ name: '张庄村' }) });
    expect(u).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('a second center seat', async () => {
    const s = await openSession();
    await call(s, 'villages.create', village({ name: '驻地村', isCenterSeat: true }));
    const e = await failsWithoutChange(s, 'villages.create', village({ name: '乙村', isCenterSeat: true }));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'isCenterSeat' });
    expect(e.message).toContain('卫生院驻地');
    expect(e.message).toContain('驻地村');
  });

  it('updating a village that does not exist, or with a bad id', async () => {
    const s = await openSession();
    await call(s, 'villages.create', village());
    expect((await failsWithoutChange(s, 'villages.update', { id: 999, values: village() })).code).toBe('NOT_FOUND');
    const bad = await failsWithoutChange(s, 'villages.update', { id: -1, values: village() });
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'id' });
    expect((await failsWithoutChange(s, 'villages.get', { id: 999 })).code).toBe('NOT_FOUND');
  });

  it('a validation error inside values. names the field without the values. prefix', async () => {
    const s = await openSession();
    const v = await call(s, 'villages.create', village());
    const e = await failsWithoutChange(s, 'villages.update', { id: v.id, values: { ...village(), name: '' } });
    expect(e.field).toBe('name');
    expect(e.message).toBe('请填写村名。请改正后重试');
  });

  it('a failed write adds no audit row, a successful one exactly one with actor, time and summary', async () => {
    const s = await openSession();
    const n0 = auditCount(s.db);
    await callFails(s, 'villages.create', village({ name: '' }));
    expect(auditCount(s.db)).toBe(n0);
    const v = await call(s, 'villages.create', village({ name: '王屯村' }));
    expect(auditCount(s.db)).toBe(n0 + 1);
    const page = await call(s, 'audit.list', { limit: 1 });
    expect(page.rows[0]).toMatchObject({ action: 'create', entity: 'village', entityId: v.id, actor: '管理员' });
    expect(page.rows[0]?.summary).toContain('王屯村');
    expect(Number.isNaN(new Date(page.rows[0]?.at ?? '').getTime())).toBe(false);
    await call(s, 'villages.update', { id: v.id, values: village({ name: '王屯村', note: '改' }) });
    expect(auditCount(s.db)).toBe(n0 + 2);
  });

  it('the village list shows its open clinics only', async () => {
    const s = await openSession();
    const v = await call(s, 'villages.create', village({ name: '甲村' }));
    const c = await call(s, 'clinics.create', clinic({ name: '甲村卫生室', hostVillageIds: [v.id] }));
    expect((await call(s, 'villages.get', { id: v.id })).clinicNames).toBe('甲村卫生室');
    await call(s, 'clinics.close', { id: c.id, closedOn: '2026-01-31', reason: '村医退休' });
    expect((await call(s, 'villages.get', { id: v.id })).clinicNames).toBe('');
  });
});
