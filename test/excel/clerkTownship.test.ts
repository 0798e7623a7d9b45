/**
 * Onboarding a township from its clerk's own files (issue 8): villages, clinics without codes
 * with a 覆盖行政村 column, a roster with 乡聘村用（编外） and 乡村医生执业证 and no 到岗时间, an
 * asset ledger without numbers — through the real command line, in order, with no editing.
 * Then the staffing return shows each clinic's service population and required doctors from
 * the villages it serves, importing every file again changes nothing, and a file with a bad
 * row names it and writes nothing.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../cli/run';
import { dumpFile, tempDirForFile, withRawDb } from '../helpers/tempDb';
import { assetSheet, CENTER, clinicSheet, doctorIds, rosterSheet, writeClerkTownship, writeSheet, type ClerkFiles } from './clerkTownship';

interface StaffingJson {
  tables: { rows: { name: string; servicePopulation: number; required: number; actual: number }[] }[];
}

let dir = '';
let db = '';
let files: ClerkFiles;

beforeAll(async () => {
  dir = tempDirForFile();
  db = path.join(dir, 'township.sqlite');
  files = await writeClerkTownship(dir);
  cliOk('init', '--db', db, '--center', CENTER, '--county', '林州市');
}, 60_000);

describe("a township's own files import as they are (CLI)", () => {
  it('villages: title rows, 序号, 常住人口 and a 合计 row', () => {
    expect(cliOk('import', 'villages', files.villages, '--db', db)).toContain('将新增 6 行，更新 0 行，已存在且无变化 0 行，有错误 0 行');
    withRawDb(db, (raw) => {
      // The center's seat is saved last (one seat per township is checked against the others).
      expect(raw.prepare('SELECT name, service_population FROM villages ORDER BY is_center_seat, id').all()).toEqual([
        { name: '东沟村', service_population: 1300 },
        { name: '西沟村', service_population: 650 },
        { name: '南坡村', service_population: 900 },
        { name: '北岭村', service_population: 1800 },
        { name: '杨庄村', service_population: 760 },
        { name: '柳林村', service_population: 2100 },
      ]);
    });
  });

  it('clinics: no 机构编码, the villages served read from 覆盖行政村', () => {
    const out = cliOk('import', 'clinics', files.clinics, '--db', db);
    expect(out).toContain('将新增 4 行');
    expect(out).not.toMatch(/未识别的列[^\n]*覆盖行政村/);
    withRawDb(db, (raw) => {
      expect(raw.prepare('SELECT name, code, service_population AS pop, required_doctors AS req FROM clinics ORDER BY id').all()).toEqual([
        { name: '东沟村卫生室', code: null, pop: 1950, req: 2 },
        { name: '南坡卫生室', code: null, pop: 900, req: 1 },
        { name: '北岭村卫生室', code: null, pop: 1800, req: 2 },
        { name: '杨庄村卫生室', code: null, pop: 760, req: 1 },
      ]);
      // Every village is covered: none left as 空白点 (the center's seat is covered by the center).
      expect(raw.prepare("SELECT name FROM villages WHERE coverage_kind = 'none'").pluck().all()).toEqual([]);
    });
  });

  it('roster: 乡聘村用（编外）/(余编), 乡村医生执业证, clinics named two ways, posts dated from the contract or 起始日期不详', () => {
    const out = cliOk('import', 'roster', files.roster, '--db', db);
    expect(out).toContain('将新增 5 行');
    const ids = doctorIds();
    withRawDb(db, (raw) => {
      const person = (name: string) => raw.prepare('SELECT id FROM people WHERE id_number = ?').pluck().get(ids[name]) as number;
      const job = (name: string) => raw.prepare('SELECT kind, establishment FROM employments WHERE person_id = ?').get(person(name));
      expect(job('赵德明')).toEqual({ kind: 'township_hired', establishment: 'off' });
      expect(job('钱晓燕')).toEqual({ kind: 'township_hired', establishment: 'spare' });
      expect(raw.prepare('SELECT kind FROM qualifications WHERE person_id = ?').pluck().all(person('赵德明'))).toEqual([
        'village_doctor_cert',
      ]);
      const post = (name: string) =>
        raw
          .prepare(
            'SELECT c.name AS clinic, a.role, a.start_date AS start, a.start_unknown AS unknown FROM assignments a JOIN clinics c ON c.id = a.clinic_id WHERE person_id = ?',
          )
          .get(person(name));
      expect(post('钱晓燕')).toEqual({ clinic: '东沟村卫生室', role: 'doctor', start: '2024-01-01', unknown: 0 });
      expect(post('孙丽')).toEqual({ clinic: '南坡卫生室', role: 'head', start: '2023-07-01', unknown: 0 });
      // 个体, no contract and no 到岗时间: held on every earlier date, marked 起始日期不详.
      expect(post('周强')).toMatchObject({ clinic: '北岭村卫生室', role: 'head', unknown: 1 });
    });
  });

  it("the staffing return for last month, made right after the import, shows every clinic's population, required and actual doctors", () => {
    const r = JSON.parse(cliOk('report', 'staffing', '--db', db, '--as-of', '2026-10-31', '--format', 'json')) as StaffingJson;
    const rows = r.tables[0]?.rows.map(({ name, servicePopulation, required, actual }) => ({ name, servicePopulation, required, actual }));
    expect(rows).toEqual([
      { name: '东沟村卫生室', servicePopulation: 1950, required: 2, actual: 2 },
      { name: '南坡卫生室', servicePopulation: 900, required: 1, actual: 1 },
      { name: '北岭村卫生室', servicePopulation: 1800, required: 2, actual: 2 },
      { name: '杨庄村卫生室', servicePopulation: 760, required: 1, actual: 0 },
    ]);
  });

  it('assets: no numbers, a merged 存放地点, two identical chairs, the center', () => {
    expect(cliOk('import', 'assets', files.assets, '--db', db)).toContain('将新增 7 行，更新 0 行，已存在且无变化 0 行，有错误 0 行');
    withRawDb(db, (raw) => {
      const rows = raw
        .prepare(
          `SELECT a.name, coalesce(c.name, '卫生院本部') AS holder, a.value_fen AS fen, a.old_code AS old FROM assets a LEFT JOIN clinics c ON c.id = a.holder_clinic_id ORDER BY a.id`,
        )
        .all();
      expect(rows).toEqual([
        { name: '心电图机', holder: '东沟村卫生室', fen: 1_280_000, old: '' },
        { name: '诊断床', holder: '东沟村卫生室', fen: 160_000, old: '' },
        { name: '办公椅', holder: '东沟村卫生室', fen: 26_000, old: '' },
        { name: '办公椅', holder: '东沟村卫生室', fen: 26_000, old: '' },
        { name: '台式电脑', holder: '北岭村卫生室', fen: 430_000, old: '' },
        { name: '冰箱', holder: '北岭村卫生室', fen: 219_900, old: '' },
        { name: '血压计', holder: '卫生院本部', fen: 39_800, old: '' },
      ]);
    });
  });

  it('importing every file again changes nothing (the asset ledger matched by its fingerprint, the chairs one to one)', () => {
    const before = dumpFile(db);
    for (const [kind, file, rows] of [
      ['villages', files.villages, 6],
      ['clinics', files.clinics, 4],
      ['roster', files.roster, 5],
      ['assets', files.assets, 7],
    ] as const) {
      expect(cliOk('import', kind, file, '--db', db, '--dry-run'), kind).toContain(
        `将新增 0 行，更新 0 行，已存在且无变化 ${rows} 行，有错误 0 行`,
      );
    }
    expect(dumpFile(db)).toBe(before);
  });

  it('a later list with 机构编码 fills the codes in, each clinic matched by its name however it is written (the name on file kept)', async () => {
    const renamed: Record<string, string> = { 东沟村卫生室: '东沟卫生室', 南坡卫生室: '南坡村卫生室' };
    const coded = await writeSheet(path.join(dir, '村卫生室-有编码.xlsx'), {
      ...clinicSheet,
      header: ['序号', '机构编码', ...clinicSheet.header.slice(1)],
      rows: clinicSheet.rows.map((r, i) => [r[0] ?? null, `LL-0${i + 1}`, renamed[String(r[1])] ?? r[1] ?? null, ...r.slice(2)]),
    });
    const out = cliOk('import', 'clinics', coded, '--db', db);
    expect(out).toContain('将新增 0 行，更新 4 行');
    expect(out).toContain('机构编码');
    withRawDb(db, (raw) => {
      expect(raw.prepare('SELECT name, code FROM clinics ORDER BY id').all()).toEqual([
        { name: '东沟村卫生室', code: 'LL-01' },
        { name: '南坡卫生室', code: 'LL-02' },
        { name: '北岭村卫生室', code: 'LL-03' },
        { name: '杨庄村卫生室', code: 'LL-04' },
      ]);
    });
  });

  it('a bad row is named with its reason, and nothing is written', async () => {
    const before = dumpFile(db);
    const roster = await writeSheet(
      path.join(dir, '花名册-有错.xlsx'),
      rosterSheet([
        [
          6,
          '郑红',
          '女',
          '411522199001011234',
          '1990.01',
          '大专',
          '乡村医生执业证',
          'XC4108009',
          '幸福村卫生室',
          '村医',
          '乡聘村用（编外）',
          '2025.1.1-2027.12.31',
          '',
        ],
      ]),
    );
    const r = cli('import', 'roster', roster, '--db', db);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/第 9 行/);
    expect(dumpFile(db)).toBe(before);

    const ledger = await writeSheet(path.join(dir, '台账-有错.xlsx'), {
      ...assetSheet,
      rows: [...assetSheet.rows, [8, '药品柜', '', 1, 900, '2022.5', '村委会仓库', '']],
    });
    const a = cli('import', 'assets', ledger, '--db', db);
    expect(a.code).not.toBe(0);
    expect(a.stdout + a.stderr).toMatch(/第 11 行：“存放地点”：“村委会仓库”没有写明是哪个村卫生室或卫生院本部/);
    expect(dumpFile(db)).toBe(before);
  });
});
