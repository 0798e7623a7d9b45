import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/app/dispatch';
import { coverageKinds } from '../../shared/rules/coverage';
import { defaultSettings } from '../../shared/schemas/settings';
import type { Session } from '../../electron/app/session';
import { call, callFails, expectChinese, FIRST_ADMIN, firstRunInput, village } from '../helpers/calls';
import { auditCount, dumpDb, openSession } from '../helpers/tempDb';

async function failsWithoutChange(s: Session, op: string, input: unknown) {
  const before = dumpDb(s.db);
  const error = await callFails(s, op, input);
  expect(dumpDb(s.db)).toBe(before);
  expectChinese(error.message);
  return error;
}

describe('settings', () => {
  it('reads the documented defaults from a new database', async () => {
    const s = await openSession();
    expect(await call(s, 'settings.get', {})).toEqual(defaultSettings);
  });

  it('saves a change with one audit row naming the changed keys, and a no-op saves nothing', async () => {
    const s = await openSession();
    const n0 = auditCount(s.db);
    const after = await call(s, 'settings.update', { staffingPopulationPerDoctor: 1200, nearExpiryDays: 60 });
    expect(after).toMatchObject({ staffingPopulationPerDoctor: 1200, nearExpiryDays: 60, backupKeep: 10 });
    expect(await call(s, 'settings.get', {})).toEqual(after);
    expect(auditCount(s.db)).toBe(n0 + 1);
    const row = (await call(s, 'audit.list', { limit: 1 })).rows[0];
    expect(row).toMatchObject({ action: 'update', entity: 'settings' });
    expect(row?.summary).toContain('staffingPopulationPerDoctor');
    expect(row?.summary).toContain('nearExpiryDays');
    await call(s, 'settings.update', { staffingPopulationPerDoctor: 1200 });
    expect(auditCount(s.db)).toBe(n0 + 1);
  });

  it('writes are recorded under the signed-in user, whatever the 填报人 setting says', async () => {
    const s = await openSession();
    await call(s, 'settings.update', { operatorName: '刘晓梅' });
    await call(s, 'villages.create', village());
    expect((await call(s, 'audit.list', { limit: 1 })).rows[0]).toMatchObject({ actor: '管理员', actorLogin: 'admin' });
  });

  it.each([
    [{ staffingPopulationPerDoctor: 50 }, 'staffingPopulationPerDoctor', '每名村医服务人口'],
    [{ staffingPopulationPerDoctor: 1000.5 }, 'staffingPopulationPerDoctor', '每名村医服务人口'],
    [{ qualifiedRatioTarget: 1.5 }, 'qualifiedRatioTarget', '执业'],
    [{ trainingVariant: 'beijing' }, 'trainingVariant', '培训'],
    [{ backupKeep: 0 }, 'backupKeep', '备份'],
    [{ centerName: 'x'.repeat(61) }, 'centerName', '卫生院名称'],
  ])('refuses %j, naming the field', async (patch, field, label) => {
    const s = await openSession();
    const e = await failsWithoutChange(s, 'settings.update', patch);
    expect(e).toMatchObject({ code: 'VALIDATION', field });
    expect(e.message).toContain(label);
  });
});

describe('app', () => {
  it('info says first run until the center is named; firstRun names it, creates the administrator and signs them in', async () => {
    const s = await openSession(undefined, { as: null });
    const info = await call(s, 'app.info', {});
    expect(info).toMatchObject({ firstRun: true, isDemo: false, shell: 'browser', dbPath: s.realPath, centerName: '', user: null });
    const n0 = auditCount(s.db);
    const named = await call(s, 'app.firstRun', firstRunInput(' 河阳镇中心卫生院 ', '河阳县'));
    expect(named).toMatchObject({ firstRun: false, needsAdmin: false, centerName: '河阳镇中心卫生院', county: '河阳县' });
    expect(named.user).toMatchObject({ login: FIRST_ADMIN.adminLogin, name: FIRST_ADMIN.adminName, role: 'admin' });
    // The account, the center and the sign-in, each under the new administrator.
    const rows = (await call(s, 'audit.list', { limit: 10 })).rows.reverse();
    expect(auditCount(s.db)).toBe(n0 + 3);
    expect(rows.map((r) => [r.entity, r.action, r.actorLogin])).toEqual([
      ['user', 'create', 'zhangwei'],
      ['settings', 'update', 'zhangwei'],
      ['user', 'signIn', 'zhangwei'],
    ]);
  });

  it('firstRun refuses an empty center name, naming the field', async () => {
    const s = await openSession(undefined, { as: null });
    const e = await failsWithoutChange(s, 'app.firstRun', { ...firstRunInput('', '河阳县') });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'centerName' });
    expect(e.message).toContain('卫生院名称');
  });

  it('refuses unknown input keys on operations without input', async () => {
    const s = await openSession();
    expect((await failsWithoutChange(s, 'app.info', { drop: true })).code).toBe('VALIDATION');
    expect((await failsWithoutChange(s, 'app.nothing', {})).code).toBe('UNKNOWN_OP');
  });

  it('the dashboard of an empty township is all zeros', async () => {
    const s = await openSession();
    const d = await call(s, 'app.dashboard', {});
    expect(d).toMatchObject({ villageCount: 0, clinicCount: 0, closedClinicCount: 0, servicePopulation: 0, requiredDoctors: 0 });
    expect(d.byCoverage).toEqual(Object.fromEntries(coverageKinds.map((k) => [k, 0])));
  });
});

describe('demo township', () => {
  it('openDemo seeds 18 villages and 14 clinics with every coverage kind and exactly one 空白点', async () => {
    const s = await openSession();
    const info = await call(s, 'app.openDemo', {});
    expect(info).toMatchObject({ isDemo: true, firstRun: false, centerName: '河阳镇中心卫生院' });
    expect(info.dbPath).toBe(path.join(path.dirname(s.realPath), 'demo.sqlite'));

    const d = await call(s, 'app.dashboard', {});
    expect(d.villageCount).toBe(18);
    expect(d.clinicCount + d.closedClinicCount).toBe(14);
    expect(d.closedClinicCount).toBe(1);
    for (const k of coverageKinds) expect({ kind: k, n: d.byCoverage[k] ?? 0 }).not.toEqual({ kind: k, n: 0 });
    expect(d.byCoverage.none).toBe(1);
    expect(d.blankVillages.map((v) => v.name)).toEqual(['沈洼村']);
    expect(d.clinicsWithoutVillage).toEqual([]);

    const liuwan = (await call(s, 'clinics.list', { search: '刘湾村' })).rows;
    expect(liuwan.map((c) => [c.servicePopulation, c.requiredDoctors])).toEqual([
      [1300, 2],
      [1300, 2],
    ]);
    const shared = (await call(s, 'clinics.list', { search: '陈杨联合' })).rows[0];
    expect([shared?.servicePopulation, shared?.requiredDoctors]).toEqual([1350, 2]);
  });

  it('openDemo and leaveDemo switch databases and leave the real one untouched', async () => {
    const s = await openSession(undefined, { as: null });
    await call(s, 'app.firstRun', firstRunInput('甲镇卫生院', '甲县'));
    await call(s, 'villages.create', village({ name: '正式村' }));
    let real = dumpDb(s.db);

    // The demo opens signed in as its own administrator.
    expect((await call(s, 'app.openDemo', {})).user).toMatchObject({ login: 'admin', name: '刘晓梅', role: 'admin' });
    await call(s, 'villages.create', village({ name: '演示里新加的村' }));
    expect((await call(s, 'app.dashboard', {})).villageCount).toBe(19);

    // Back in the real database nobody is signed in until someone signs in there.
    const back = await call(s, 'app.leaveDemo', {});
    expect(back).toMatchObject({ isDemo: false, centerName: '甲镇卫生院', dbPath: s.realPath, user: null });
    expect(dumpDb(s.db)).toBe(real);
    expect((await callFails(s, 'villages.all', {})).code).toBe('SIGNED_OUT');
    await call(s, 'accounts.signIn', { login: FIRST_ADMIN.adminLogin, password: FIRST_ADMIN.password });
    expect((await call(s, 'villages.all', {})).map((v) => v.name)).toEqual(['正式村']);
    real = dumpDb(s.db);

    // The demo keeps its own changes and is not seeded twice.
    await call(s, 'app.openDemo', {});
    expect((await call(s, 'app.dashboard', {})).villageCount).toBe(19);
    const firstRun = await failsWithoutChange(s, 'app.firstRun', firstRunInput('乙镇', '乙县'));
    expect(firstRun.code).toBe('CONFLICT');
    await call(s, 'app.leaveDemo', {});
    expect(dumpDb(s.db)).toBe(real);
    expect(fs.existsSync(path.join(path.dirname(s.realPath), 'demo.sqlite'))).toBe(true);
  });
});

describe('settings errors speak Chinese and name the setting', () => {
  it('a too-small S1 divisor is refused with the label and the bound', async () => {
    const s = await openSession();
    const r = await dispatch(s, 'settings.update', { staffingPopulationPerDoctor: 50 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('staffingPopulationPerDoctor');
      expect(r.error.message).toContain('每名村医服务人口不能小于 100');
      expect(r.error.message).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
