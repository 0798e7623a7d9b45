import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/demo/seed';
import type { Session } from '../../electron/app/session';
import { call, callFails, clinic, village } from '../helpers/calls';
import { openSession } from '../helpers/tempDb';

async function demo(scale = 1): Promise<Session> {
  const s = await openSession();
  seedDemo(s.ctx, { scale });
  return s;
}

describe('villages.list', () => {
  it('searches names, clinic names and notes, LIKE characters taken literally', async () => {
    const s = await demo();
    expect((await call(s, 'villages.list', { search: '刘湾' })).rows.map((r) => r.name)).toEqual(['刘湾村']);
    // 褚河村 is found through its note, 周寨村 through its clinic's name.
    expect((await call(s, 'villages.list', { search: '周寨' })).rows.map((r) => r.name)).toEqual(['周寨村', '褚河村']);
    expect((await call(s, 'villages.list', { search: '%' })).total).toBe(0);
    await call(s, 'villages.create', village({ name: '百分百村', note: '覆盖率100%' }));
    expect((await call(s, 'villages.list', { search: '%' })).rows.map((r) => r.name)).toEqual(['百分百村']);
  });

  it('filters by enum, bool and number range', async () => {
    const s = await demo();
    const byKind = await call(s, 'villages.list', { filters: [{ id: 'coverageKind', value: ['patrol', 'dispatch'] }] });
    expect(byKind.rows.map((r) => r.name).sort()).toEqual(['卫岭村', '蒋沟村'].sort());
    const seat = await call(s, 'villages.list', { filters: [{ id: 'isCenterSeat', value: true }] });
    expect(seat.rows.map((r) => r.name)).toEqual(['河阳村']);
    const small = await call(s, 'villages.list', { filters: [{ id: 'servicePopulation', value: { max: 600 } }] });
    expect(small.rows.map((r) => r.name)).toEqual(['褚河村', '卫岭村', '蒋沟村', '沈洼村']);
    expect(small.total).toBe(4);
    const mid = await call(s, 'villages.list', { filters: [{ id: 'servicePopulation', value: { min: 600, max: 700 } }] });
    expect(mid.rows.map((r) => r.servicePopulation)).toEqual([700, 650, 600]);
    const none = await call(s, 'villages.list', { filters: [{ id: 'coverageKind', value: 'none' }] });
    expect(none.rows.map((r) => r.name)).toEqual(['沈洼村']);
  });

  it('sorts and pages with a stable order and the full total', async () => {
    const s = await demo(2);
    const all = await call(s, 'villages.list', { sort: [{ id: 'servicePopulation', desc: true }], limit: 1000 });
    expect(all.total).toBe(36);
    const pops = all.rows.map((r) => r.servicePopulation);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
    const pages = [];
    for (let offset = 0; offset < 36; offset += 10) {
      const page = await call(s, 'villages.list', { sort: [{ id: 'servicePopulation', desc: true }], offset, limit: 10 });
      expect(page.total).toBe(36);
      pages.push(...page.rows.map((r) => r.id));
    }
    expect(pages).toEqual(all.rows.map((r) => r.id));
    expect((await call(s, 'villages.list', { offset: 40 })).rows).toEqual([]);
  });

  it('refuses an unknown column and a bad page, naming them', async () => {
    const s = await demo();
    expect(await callFails(s, 'villages.list', { sort: [{ id: 'password', desc: false }] })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'password',
    });
    expect(await callFails(s, 'villages.list', { filters: [{ id: 'rowid', value: '1' }] })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await callFails(s, 'villages.list', { limit: 5000 })).toMatchObject({ code: 'VALIDATION', field: 'limit' });
    expect(await callFails(s, 'villages.list', { offset: -1 })).toMatchObject({ code: 'VALIDATION', field: 'offset' });
  });
});

describe('clinics.list', () => {
  it('searches codes, names and village names', async () => {
    const s = await demo();
    expect((await call(s, 'clinics.list', { search: 'HY001-07' })).rows.map((r) => r.name)).toEqual(['陈杨联合卫生室']);
    expect((await call(s, 'clinics.list', { search: '褚河' })).rows.map((r) => r.code)).toEqual(['HY001-09']);
  });

  it('filters by status, insurance point and village count', async () => {
    const s = await demo();
    const closed = await call(s, 'clinics.list', { filters: [{ id: 'status', value: 'closed' }] });
    expect(closed.rows.map((r) => r.name)).toEqual(['沈洼村卫生室']);
    const notInsured = await call(s, 'clinics.list', { filters: [{ id: 'insurancePoint', value: false }] });
    expect(notInsured.total).toBe(4);
    const multi = await call(s, 'clinics.list', { filters: [{ id: 'villageCount', value: { min: 2 } }] });
    expect(multi.rows.map((r) => r.code)).toEqual(['HY001-07', 'HY001-09']);
  });

  it('sorts by service population and pages', async () => {
    const s = await demo();
    const page = await call(s, 'clinics.list', { sort: [{ id: 'servicePopulation', desc: true }], limit: 3 });
    expect(page.total).toBe(14);
    expect(page.rows.map((r) => r.servicePopulation)).toEqual([2100, 1800, 1600]);
    const last = await call(s, 'clinics.list', { sort: [{ id: 'servicePopulation', desc: true }], offset: 13, limit: 3 });
    expect(last.rows.map((r) => [r.name, r.servicePopulation])).toEqual([['沈洼村卫生室', 0]]);
  });
});

describe('audit.list', () => {
  it('filters by entity and action, searches summaries, newest first, and pages', async () => {
    const s = await openSession();
    const v = await call(s, 'villages.create', village({ name: '甲村' }));
    await call(s, 'villages.update', { id: v.id, values: village({ name: '甲村', note: '改过' }) });
    const c = await call(s, 'clinics.create', clinic({ name: '甲村卫生室', hostVillageIds: [v.id] }));
    await call(s, 'clinics.close', { id: c.id, closedOn: '2026-01-31', reason: '村医退休' });

    // The registry's rows (the session's own account was made first, with its row).
    const registry = { filters: [{ id: 'entity', value: ['village', 'clinic'] }] };
    const all = await call(s, 'audit.list', registry);
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.action)).toEqual(['close', 'create', 'update', 'create']);
    const villages = await call(s, 'audit.list', { filters: [{ id: 'entity', value: 'village' }] });
    expect(villages.rows.map((r) => r.action)).toEqual(['update', 'create']);
    const creates = await call(s, 'audit.list', { filters: [{ id: 'action', value: ['create'] }], sort: [{ id: 'entity', desc: false }] });
    expect(creates.rows.map((r) => r.entity)).toEqual(['clinic', 'user', 'village']);
    expect((await call(s, 'audit.list', { search: '村医退休' })).rows.map((r) => r.action)).toEqual(['close']);
    const page = await call(s, 'audit.list', { ...registry, offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
    expect(await callFails(s, 'audit.list', { filters: [{ id: 'before', value: 'x' }] })).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
