/**
 * Issue 12 item 9: every list's search finds names by pinyin initials and full pinyin, and
 * sorting by name is by pinyin — through the real dispatcher on a real file. Keys are kept by
 * triggers (migration 11), so renames, imports and any later write path stay findable; a file
 * from before migration 11 is backfilled on opening.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { APPLICATION_ID } from '../../electron/db/identity';
import { seedCatalog } from '../helpers/drugs';
import { addAsset } from '../helpers/assets';
import { call, village } from '../helpers/calls';
import { addClinic, addPerson } from '../helpers/people';
import { openSession, tempDbPath } from '../helpers/tempDb';
import type { Session } from '../../electron/app/session';

async function villageNames(s: Session, search?: string, sort?: { id: string; desc: boolean }[]): Promise<string[]> {
  return (await call(s, 'villages.list', { limit: 100, search, sort })).rows.map((r) => r.name);
}

describe('pinyin search in the lists', () => {
  it('finds villages by initials and full pinyin, either reading of a polyphonic name, and sorts by pinyin', async () => {
    const s = await openSession();
    for (const name of ['周庄村', '张庄村', '长寿村', '阿里村', '李家村', '梁庄村']) await call(s, 'villages.create', village({ name }));
    // Initials are shared: zzc is 周庄村 and 张庄村, as a clerk expects; zhz or the full pinyin tells them apart.
    expect((await villageNames(s, 'zzc')).sort()).toEqual(['周庄村', '张庄村'].sort());
    expect(await villageNames(s, 'zhangzhuang')).toEqual(['张庄村']);
    expect(await villageNames(s, 'zhouz')).toEqual(['周庄村']);
    expect(await villageNames(s, 'ZhangZhuang')).toEqual(['张庄村']);
    // 长 is chang or zhang: both find 长寿村.
    expect(await villageNames(s, 'changshou')).toEqual(['长寿村']);
    expect(await villageNames(s, 'zsc')).toEqual(['长寿村']);
    // Characters still search as before.
    expect(await villageNames(s, '庄村')).toEqual(['周庄村', '张庄村', '梁庄村']);
    // 长寿村 reads changshou in context, so it sorts under c.
    expect(await villageNames(s, undefined, [{ id: 'name', desc: false }])).toEqual([
      '阿里村',
      '长寿村',
      '李家村',
      '梁庄村',
      '张庄村',
      '周庄村',
    ]);
    expect(await villageNames(s, undefined, [{ id: 'name', desc: true }])).toEqual([
      '周庄村',
      '张庄村',
      '梁庄村',
      '李家村',
      '长寿村',
      '阿里村',
    ]);
  });

  it('keeps the keys current when a name changes', async () => {
    const s = await openSession();
    const v = await call(s, 'villages.create', village({ name: '张庄村' }));
    await call(s, 'villages.update', { id: v.id, values: village({ name: '王庄村' }) });
    expect(await villageNames(s, 'zzc')).toEqual([]);
    expect(await villageNames(s, 'wzc')).toEqual(['王庄村']);
  });

  it('works in the clinic, people, asset and drug lists', async () => {
    const s = await openSession();
    const zhang = await addClinic(s, '张庄', 1200, '01');
    await addClinic(s, '李营', 900, '02');
    await addPerson(s, '赵德山', '1970-03-01', 'M');
    await addPerson(s, '钱秀英', '1975-03-01', 'F');
    await addAsset(s, { name: '心电图机', holderClinicId: zhang });
    await addAsset(s, { name: '血压计' });
    seedCatalog(s);
    const clinics = await call(s, 'clinics.list', { limit: 50, search: 'zzcwss' });
    expect(clinics.rows.map((r) => r.name)).toEqual(['张庄村卫生室']);
    const people = await call(s, 'people.list', { limit: 50, search: 'zds' });
    expect(people.rows.map((r) => r.name)).toEqual(['赵德山']);
    const assets = await call(s, 'assets.list', { limit: 50, search: 'xdt' });
    expect(assets.rows.map((r) => r.name)).toEqual(['心电图机']);
    const drugs = await call(s, 'drugs.list', { limit: 50, search: 'amoxilin' });
    expect(drugs.rows.length).toBeGreaterThan(0);
    for (const d of drugs.rows) expect(d.genericName).toContain('阿莫西林');
    const sorted = await call(s, 'drugs.list', { limit: 500, sort: [{ id: 'genericName', desc: false }] });
    const orders = sorted.rows.map((d) => s.db.prepare('SELECT name_order FROM drugs WHERE id = ?').pluck().get(d.id) as string);
    expect(orders).toEqual([...orders].sort());
  });
});

describe('migration 11 backfills the keys of a file written before it', () => {
  it('fills every named table and then keeps the keys on later writes', async () => {
    const file = tempDbPath();
    const old = new Database(file);
    for (const m of migrations.filter((x) => x.version <= 10)) m.up(old);
    const at = '2026-01-01T00:00:00.000Z';
    old.exec(`
      INSERT INTO villages (id, name, resident_population, service_population, is_center_seat, distance_km, alt_coverage, patrol_visits_per_month, created_at, updated_at)
        VALUES (1, '张庄村', 900, 900, 0, 3, 'none', 0, '${at}', '${at}');
      INSERT INTO clinics (id, code, name, property, building_area, insurance_point, status, service_population, created_at, updated_at)
        VALUES (7, 'HY-07', '重庆村卫生室', 'public', 60, 1, 'open', 900, '${at}', '${at}');
      INSERT INTO people (id, name, sex, birth_date, id_number, category, status, created_at, updated_at)
        VALUES (3, '李明', 'M', '1980-01-01', '110101198001010011', 'village_doctor', 'active', '${at}', '${at}');
    `);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 10');
    old.close();
    const { db, migratedFrom } = await openDatabase(file);
    try {
      expect(migratedFrom).toBe(10);
      const key = (table: string) => String(db.prepare(`SELECT name_py FROM ${table}`).pluck().get()).split(' ');
      expect(key('villages')).toEqual(expect.arrayContaining(['zhangzhuangcun', 'zzc']));
      expect(key('clinics')).toEqual(expect.arrayContaining(['chongqingcunweishengshi', 'cqcwss', 'zqcwss']));
      expect(key('people')).toEqual(expect.arrayContaining(['liming', 'lm']));
      expect(db.prepare('SELECT name_order FROM villages').pluck().get()).toBe('zhang zhuang cun\u0001张庄村');
      db.prepare("UPDATE people SET name = '王芳' WHERE id = 3").run();
      expect(key('people')).toEqual(expect.arrayContaining(['wangfang', 'wf']));
    } finally {
      db.close();
    }
  });
});
