/**
 * The command line end to end, each command a child process on a real SQLite file:
 * init, seed, export and report (same figures), import (dry run, refused, committed),
 * and the errors an administrator may meet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpFile, tempDir } from '../helpers/tempDb';
import { findRow, readBack, sheet } from '../excel/support';
import { messyVillages } from '../excel/messy';
import { cli, cliOk } from './run';

function demoDb(): { dir: string; db: string } {
  const dir = tempDir();
  const db = path.join(dir, 'township.sqlite');
  expect(cliOk('init', '--db', db, '--center', '河阳镇中心卫生院', '--county', '河阳县')).toContain('已创建数据库');
  expect(cliOk('seed', '--db', db, '--demo')).toContain('18 个行政村，14 个村卫生室');
  return { dir, db };
}

describe('cli: export and report', () => {
  it('exports the clinic-roster workbook and reports the same figures as JSON', async () => {
    const { dir, db } = demoDb();
    const out = path.join(dir, '报表.xlsx');
    expect(cliOk('export', 'clinic-roster', '--db', db, '--out', out)).toContain('村卫生室 14 行，行政村覆盖情况 18 行');
    const report = JSON.parse(cliOk('report', 'clinic-roster', '--db', db, '--format', 'json')) as {
      figures: Record<string, number>;
      tables: { totals: Record<string, number> }[];
    };
    const wb = await readBack(out);
    const clinics = sheet(wb, 0);
    const totals = clinics.getRow(findRow(clinics, '合计'));
    expect(totals.getCell(3).value).toBe(report.figures.clinics);
    expect(totals.getCell(6).value).toBe(report.figures.servicePopulation);
    expect(totals.getCell(7).value).toBe(report.figures.requiredDoctors);
    expect(totals.getCell(9).value).toBe(report.figures.buildingArea);
    const villages = sheet(wb, 1);
    const vTotals = villages.getRow(findRow(villages, '合计'));
    expect(vTotals.getCell(3).value).toBe(report.tables[1]?.totals.servicePopulation);
    expect(report.figures.blankVillages).toBe(1);
    expect(villages.getRow(findRow(villages, '空白点', 2)).getCell(3).value).toBe(report.figures.blankVillages);
  });

  it('exports a register list and refuses to overwrite or to guess', async () => {
    const { dir, db } = demoDb();
    const out = path.join(dir, 'v.xlsx');
    expect(cliOk('export', 'villages', '--db', db, '--out', out)).toContain('（18 行）');
    expect(sheet(await readBack(out)).getCell('A1').value).toBe('行政村名册');
    const again = cli('export', 'villages', '--db', db, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在，请换一个文件名');
    const noOut = cli('export', 'clinic-roster', '--db', db);
    expect([noOut.code, noOut.stderr.trim()]).toEqual([2, '错误：缺少 --out（导出的 .xlsx 文件）']);
    const unknown = cli('report', 'nothing', '--db', db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('clinic-roster');
    const missingDb = cli('report', 'clinic-roster', '--db', path.join(dir, 'typo.sqlite'));
    expect(missingDb.code).toBe(1);
    expect(missingDb.stderr).toContain('找不到数据库文件');
    expect(fs.existsSync(path.join(dir, 'typo.sqlite'))).toBe(false);
  });
});

describe('cli: import', () => {
  it('previews with --dry-run, row errors included, and writes nothing', async () => {
    const { dir, db } = demoDb();
    const file = await messyVillages(path.join(dir, '行政村.xlsx'));
    const before = dumpFile(db);
    const r = cli('import', 'villages', file, '--db', db, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('表头在第 3 行');
    expect(r.stdout).toContain('未识别的列（已忽略）：联系电话（D列）');
    expect(r.stdout).toContain('将新增 3 行，更新 1 行，已存在且无变化 0 行，有错误 3 行');
    expect(r.stdout).toContain('第 6 行：“服务人口 （人）”：应填数字，实际是“一千”');
    expect(r.stdout).toContain('试运行，未写入任何数据');
    expect(dumpFile(db)).toBe(before);
    const json = JSON.parse(cliOk('import', 'villages', file, '--db', db, '--dry-run', '--format', 'json')) as {
      preview: { errors: { row: number }[] };
    };
    expect(json.preview.errors.map((e) => e.row)).toEqual([6, 7, 8]);
  });

  it('refuses a file with bad rows: Chinese errors on stderr, non-zero exit, nothing written', async () => {
    const { dir, db } = demoDb();
    const file = await messyVillages(path.join(dir, '行政村.xlsx'));
    const before = dumpFile(db);
    const r = cli('import', 'villages', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：行政村表中有 3 行有错误，未导入任何数据/);
    expect(r.stderr).toContain('第 7 行：“*村名”：新增时必须填写');
    expect(r.stderr).toContain('第 8 行');
    expect(dumpFile(db)).toBe(before);
  });

  it('imports a clean file and says what it did', async () => {
    const { dir, db } = demoDb();
    const file = await messyVillages(path.join(dir, '行政村.xlsx'), false);
    expect(cliOk('import', 'villages', file, '--db', db)).toContain('已导入：新增 3 个，更新 1 个行政村');
    const report = JSON.parse(cliOk('report', 'clinic-roster', '--db', db)) as { figures: Record<string, number> };
    expect(report.figures.villages).toBe(21);
    expect(report.figures.blankVillages).toBe(2);
  });

  it('explains the kinds when the kind is missing or unknown', () => {
    const r = cli('import', 'people', 'x.xlsx', '--db', 'x.sqlite');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('villages');
    expect(r.stderr).toContain('clinics');
  });
});
