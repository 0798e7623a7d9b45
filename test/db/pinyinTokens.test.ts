/**
 * Issue 12: pinyin search by prefix on a token index (migration 13), not a scan. On a real file
 * with a few hundred villages written by plain SQL (the triggers, not the app, keep the keys and
 * tokens): initials, full pinyin from a middle syllable, either reading of a polyphonic character,
 * letters in a note; renames and deletes keep the index current; the plan looks rows up by id.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/db/identity';
import { migrations } from '../../electron/db/migrations';
import { buildWhere, runList } from '../../electron/db/listQuery';
import { openDatabase, type Db } from '../../electron/db/open';
import { pinyinSearchKey, pinyinSortKey, registerPinyinFunctions } from '../../electron/db/pinyin';
import { clinicSource } from '../../electron/domains/clinics/service';
import { villageSource } from '../../electron/domains/villages/service';
import { listQuery, type ListQuery } from '../../shared/schemas/common';
import { tempDbPath } from '../helpers/tempDb';

// Fillers none of whose readings starts a search below (屯 is also zhun, 许 also hu, 彭 also bang: left out).
const FIRST = '王杨吴马郭高谢唐冯邓田万魏姜蒋金贾范方孟毛武夏';
const SECOND = '营店岗坡沟桥集铺园洼台坪口';
const fillers = [...FIRST].flatMap((a) => [...SECOND].map((b) => `${a}${b}湾`));
const named = ['张庄村', '周寨村', '长寿村', '重庆路', '乐平村', '李家村'];

let db: Db;
const ids = new Map<string, number>();

function insert(name: string, note = '', population = 800): number {
  // Plain SQL, no keys given: the database fills them (every write path keeps them).
  return Number(
    db
      .prepare(
        `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
           patrol_visits_per_month, note, created_at, updated_at)
         VALUES (?, ?, 700, 0, 3, 'none', 0, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      )
      .run(name, population, note).lastInsertRowid,
  );
}

function found(q: ListQuery): string[] {
  return runList(db, villageSource, 'v.name', listQuery.parse({ limit: 500, ...q }), (r) => String(r.name)).rows.sort();
}

beforeEach(async () => {
  db = (await openDatabase(tempDbPath())).db;
  db.transaction(() => {
    for (const n of fillers) insert(n);
    for (const n of named) ids.set(n, insert(n, '', n === '周寨村' ? 1500 : 800));
    ids.set('卫生院驻地', insert('河阳村', '驻地 HY-07，B超'));
  })();
});
afterEach(() => db.close());

describe('pinyin token index (migration 13)', () => {
  it('has a few hundred rows whose fillers none of the searches match', () => {
    expect(fillers.length).toBeGreaterThan(200);
    for (const q of ['zzc', 'zhuang', 'shoucun', 'zhongqing', 'chongqing', 'yueping', 'leping']) {
      expect(found({ search: q }).filter((n) => fillers.includes(n))).toEqual([]);
    }
  });

  it('finds by initials, by full pinyin from a middle syllable and by either reading of a polyphonic character', () => {
    expect(found({ search: 'zzc' })).toEqual(['周寨村', '张庄村'].sort());
    expect(found({ search: 'zz' })).toEqual(['周寨村', '张庄村'].sort());
    expect(found({ search: 'zhangzhuang' })).toEqual(['张庄村']);
    expect(found({ search: 'zhuang' })).toEqual(['张庄村']);
    expect(found({ search: 'zhaicun' })).toEqual(['周寨村']);
    expect(found({ search: 'shoucun' })).toEqual(['长寿村']);
    expect(found({ search: 'sc' })).toEqual(['长寿村']);
    // 长 chang/zhang, 重 chong/zhong, 乐 le/yue: every reading finds the name.
    expect(found({ search: 'changshou' })).toEqual(['长寿村']);
    expect(found({ search: 'zhangshou' })).toEqual(['长寿村']);
    expect(found({ search: 'chongqing' })).toEqual(['重庆路']);
    expect(found({ search: 'zhongqing' })).toEqual(['重庆路']);
    expect(found({ search: 'zql' })).toEqual(['重庆路']);
    expect(found({ search: 'yueping' })).toEqual(['乐平村']);
    expect(found({ search: 'leping' })).toEqual(['乐平村']);
    // Typed as a clerk types: capitals, a space, ü as v.
    expect(found({ search: 'Zhang Zhuang' })).toEqual(['张庄村']);
    // A prefix from a syllable's start, not any substring: hang is inside zhang, starts nothing.
    expect(found({ search: 'hangzhuang' })).toEqual([]);
  });

  it('finds letters in the note as its LIKE did, combines with filters, sort and paging, and still searches characters', () => {
    expect(found({ search: 'hy' })).toEqual(['河阳村']);
    expect(found({ search: 'y' }).includes('河阳村')).toBe(true); // the Y of HY-07, as LIKE '%y%'
    expect(found({ search: 'hy07' })).toEqual([]); // HY-07: not one run of letters, as LIKE '%hy07%'
    expect(found({ search: 'b' })).toEqual(['河阳村']); // the B of B超
    expect(found({ search: '庄村' })).toEqual(['张庄村']);
    expect(found({ search: 'zzc', filters: [{ id: 'residentPopulation', value: { min: 1000 } }] })).toEqual(['周寨村']);
    const q = listQuery.parse({ limit: 1, offset: 1, search: 'zzc', sort: [{ id: 'name', desc: false }] });
    const page = runList(db, villageSource, 'v.name', q, (r) => String(r.name));
    expect(page).toEqual({ rows: ['周寨村'], total: 2 });
  });

  it('is kept by the database: keys and tokens on a plain insert, wrong keys corrected, renames and deletes followed', () => {
    const key = (id: number) => db.prepare('SELECT name_py, name_order FROM villages WHERE id = ?').get(id);
    const zhang = ids.get('张庄村') ?? 0;
    expect(key(zhang)).toEqual({ name_py: pinyinSearchKey('张庄村'), name_order: pinyinSortKey('张庄村') });
    const tokens = (id: number) => db.prepare('SELECT name FROM villages_tokens WHERE rowid = ?').pluck().get(id);
    expect(String(tokens(zhang)).split(' ')).toEqual(expect.arrayContaining(['zhangzhuangcun', 'zhuangcun', 'zzc', 'zc']));

    const wrong = db
      .prepare(
        `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
           patrol_visits_per_month, note, created_at, updated_at, name_py, name_order)
         VALUES ('孙集村', 1, 1, 0, 1, 'none', 0, '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'xyz', 'xyz')`,
      )
      .run().lastInsertRowid;
    expect(key(Number(wrong))).toEqual({ name_py: pinyinSearchKey('孙集村'), name_order: pinyinSortKey('孙集村') });
    expect(found({ search: 'sunji' })).toEqual(['孙集村']);
    db.prepare("UPDATE villages SET name_py = 'tampered' WHERE id = ?").run(zhang);
    expect(key(zhang)).toEqual({ name_py: pinyinSearchKey('张庄村'), name_order: pinyinSortKey('张庄村') });

    db.prepare("UPDATE villages SET name = '王庄村' WHERE id = ?").run(zhang);
    expect(found({ search: 'zhangzhuang' })).toEqual([]);
    expect(found({ search: 'wzc' })).toEqual(['王庄村']);
    expect(found({ search: 'zhuangcun' })).toEqual(['王庄村']);
    expect(key(zhang)).toEqual({ name_py: pinyinSearchKey('王庄村'), name_order: pinyinSortKey('王庄村') });

    db.prepare("UPDATE villages SET note = 'DR 室' WHERE id = ?").run(ids.get('周寨村') ?? 0);
    expect(found({ search: 'dr' })).toEqual(['周寨村']);

    db.prepare('DELETE FROM villages WHERE id = ?').run(zhang);
    expect(tokens(zhang)).toBeUndefined();
    expect(found({ search: 'wzc' })).toEqual([]);
  });

  it('looks typed letters up in the index instead of scanning the villages', () => {
    const where = buildWhere(villageSource, listQuery.parse({ limit: 100, search: 'zzc' }));
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM villages v ${where.sql}`).all(...where.params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH v USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN v\b/);
  });
});

describe('migration 13 on a file written before it', () => {
  it('indexes the rows already there, names and codes, and keeps them on later writes', async () => {
    const file = tempDbPath('before14.sqlite');
    const old = new Database(file);
    registerPinyinFunctions(old); // migration 11 calls them, as open.ts does
    for (const m of migrations.filter((x) => x.version <= 12)) m.up(old);
    const at = '2026-01-01T00:00:00.000Z';
    old.exec(`
      INSERT INTO villages (id, name, resident_population, service_population, is_center_seat, distance_km, alt_coverage, patrol_visits_per_month, created_at, updated_at)
        VALUES (1, '张庄村', 900, 900, 0, 3, 'none', 0, '${at}', '${at}');
      INSERT INTO clinics (id, code, name, property, building_area, insurance_point, status, service_population, created_at, updated_at)
        VALUES (7, 'HY-07', '重庆村卫生室', 'public', 60, 1, 'open', 900, '${at}', '${at}');
    `);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 12');
    old.close();
    db.close(); // the one beforeEach opened: this test reads its own file
    const opened = await openDatabase(file);
    db = opened.db;
    expect(opened.migratedFrom).toBe(12);
    expect(found({ search: 'zhuang' })).toEqual(['张庄村']);
    const clinics = (search: string) =>
      runList(db, clinicSource, 'c.name', listQuery.parse({ limit: 50, search }), (r) => String(r.name)).rows;
    expect(clinics('zhongqing')).toEqual(['重庆村卫生室']);
    expect(clinics('wss')).toEqual(['重庆村卫生室']);
    expect(clinics('hy')).toEqual(['重庆村卫生室']);
    db.prepare("UPDATE clinics SET code = 'LY-01' WHERE id = 7").run();
    expect(clinics('hy')).toEqual([]);
    expect(clinics('ly')).toEqual(['重庆村卫生室']);
  });
});
