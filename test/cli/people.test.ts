/**
 * The people module on the command line, each command a child process on a real SQLite file:
 * importing a 花名册 (dry run, refused, committed), the two people returns as workbooks, and
 * `report staffing --as-of --format json` carrying every alert the demo is built to show.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { dumpFile, tempDir, withRawDb } from '../helpers/tempDb';
import { findRow, readBack, rowValues, sheet } from '../excel/support';
import { messyRoster } from '../excel/messyRoster';
import { cli, cliOk } from './run';

function demoDb(): { dir: string; db: string } {
  const dir = tempDir();
  const db = path.join(dir, 'township.sqlite');
  cliOk('init', '--db', db, '--center', '河阳镇中心卫生院', '--county', '河阳县');
  expect(cliOk('seed', '--db', db, '--demo')).toContain('24 名人员');
  return { dir, db };
}

/** The messy roster of test/excel, with the demo's 李明 as the person already on file. */
async function roster(dir: string, db: string, withBadRows: boolean): Promise<string> {
  const liMing = withRawDb(db, (d) => String(d.prepare("SELECT id_number FROM people WHERE name = '李明'").pluck().get()));
  return messyRoster(path.join(dir, '花名册.xlsx'), liMing, todayIso().slice(0, 4), withBadRows);
}

interface StaffingJson {
  asOf: string;
  figures: Record<string, number>;
  tables: { rows: Record<string, number | string>[]; totals: Record<string, number> }[];
  alerts: { rule: string; kind: string; subject: string }[];
}

describe('cli: import roster', () => {
  it('previews with --dry-run, row errors included, and writes nothing', async () => {
    const { dir, db } = demoDb();
    const file = await roster(dir, db, true);
    const before = dumpFile(db);
    const r = cli('import', 'roster', file, '--db', db, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('导入预览：乡村医生花名册，工作表“花名册”，表头在第 4 行');
    expect(r.stdout).toContain('未识别的列（已忽略）：年龄（G列）、家庭住址（V列）');
    expect(r.stdout).toContain('将新增 4 行，更新 1 行，已存在且无变化 0 行，有错误 3 行');
    expect(r.stdout).toContain('第 10 行：“身份证号码”：身份证号校验位不对');
    expect(r.stdout).toContain('第 13 行：“工作单位”：没有名为“幸福村卫生室”的村卫生室');
    expect(r.stdout).toContain('试运行，未写入任何数据');
    expect(dumpFile(db)).toBe(before);
  });

  it('refuses a file with bad rows: Chinese errors on stderr, non-zero exit, nothing written', async () => {
    const { dir, db } = demoDb();
    const file = await roster(dir, db, true);
    const before = dumpFile(db);
    const r = cli('import', 'roster', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：乡村医生花名册表中有 3 行有错误，未导入任何数据/);
    expect(r.stderr).toContain('第 11 行：“性别”：性别与身份证号不符');
    expect(dumpFile(db)).toBe(before);
  });

  it('imports a clean file, and the people appear in the returns', async () => {
    const { dir, db } = demoDb();
    expect(cliOk('import', 'roster', await roster(dir, db, false), '--db', db)).toContain('已导入：新增 4 个，更新 1 个乡村医生花名册');
    const report = JSON.parse(cliOk('report', 'roster', '--db', db, '--format', 'json')) as { figures: Record<string, number> };
    expect(report.figures.people).toBe(28);
  });
});

describe('cli: people returns', () => {
  it('report staffing --as-of --format json carries every alert the demo is built to show', () => {
    const { db } = demoDb();
    const today = todayIso();
    const r = JSON.parse(cliOk('report', 'staffing', '--db', db, '--as-of', today, '--format', 'json')) as StaffingJson;
    expect(r.asOf).toBe(today);
    // seedPeople.ts: S1 short clinic, S2 all-male clinic, S3 expired certificate, S5 ageing head,
    // S6 contract ending, S7 short dispatch, S9 training shortfall, S11 absence (and S14 certificate ending).
    const kinds = new Set(r.alerts.map((a) => a.kind));
    for (const k of [
      'staffing_short',
      'no_woman',
      'no_valid_qualification',
      'head_over_age',
      'contract_ending',
      'dispatch_short',
      'training_short',
      'absence_exit',
      'certificate_ending',
    ]) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(r.alerts.find((a) => a.kind === 'staffing_short')).toMatchObject({ rule: 'S1', subject: '郑店村卫生室' });
    expect(r.alerts.find((a) => a.kind === 'absence_exit')).toMatchObject({ rule: 'S11', subject: '孙海燕' });
    const [table] = r.tables;
    expect(table?.rows).toHaveLength(13);
    expect(table?.rows.find((c) => c.name === '郑店村卫生室')).toMatchObject({ required: 2, actual: 1, gap: 1 });
    expect(r.figures).toMatchObject({
      clinics: 13,
      actual: table?.totals.actual,
      women: table?.totals.women,
      qualified: table?.totals.qualified,
      trainingCompliant: table?.totals.trainingCompliant,
    });
    expect(r.figures.alerts).toBe(r.alerts.length);
  });

  it('exports both returns as workbooks with the figures the JSON reports', async () => {
    const { dir, db } = demoDb();
    const out = path.join(dir, '配备.xlsx');
    expect(cliOk('export', 'staffing', '--db', db, '--out', out, '--as-of', '2026-06-30')).toContain(
      '（人员配备 13 行，统计日期 2026-06-30）',
    );
    const json = JSON.parse(cliOk('report', 'staffing', '--db', db, '--as-of', '2026-06-30')) as StaffingJson;
    const ws = sheet(await readBack(out));
    const totals = rowValues(ws, findRow(ws, '合计'));
    // Column C is 服务人口 (since the clerk's-files import); 应配 … 女性, then 在岗村医 and the
    // 执业（助理）医师 among them (S4 counts village doctors only, issue 12 item 6) follow it.
    expect(totals.slice(3, 9)).toEqual([
      json.figures.required,
      json.figures.actual,
      json.figures.gap,
      json.figures.women,
      json.figures.villageDoctors,
      json.figures.qualified,
    ]);
    const rosterOut = path.join(dir, '花名册.xlsx');
    expect(cliOk('export', 'roster', '--db', db, '--out', rosterOut)).toContain('（花名册 24 行）');
    const rs = sheet(await readBack(rosterOut));
    expect(rs.getCell('A1').value).toBe('乡村医生花名册');
    expect(rowValues(rs, findRow(rs, '合计'))[1]).toBe(24);
  });

  it('checks --as-of and refuses it where figures cannot be taken back in time', () => {
    const { dir, db } = demoDb();
    const wrong = cli('report', 'staffing', '--db', db, '--as-of', '2026-02-30');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--as-of 应为有效日期');
    const registry = cli('export', 'clinic-roster', '--db', db, '--out', path.join(dir, 'x.xlsx'), '--as-of', '2026-01-01');
    expect(registry.code).toBe(2);
    expect(registry.stderr).toContain('反映当前登记的情况，不能指定统计日期（--as-of）');
    const help = cliOk('--help');
    expect(help).toContain('roster');
    expect(help).toContain('人员按身份证号更新');
  });
});
