/**
 * P4 on the command line, child processes on a real file: `report recheck --half 2026H2
 * --clinic NAME --format json` gives one clinic's half-year pack as data, `export recheck … --out
 * FILE.xlsx` writes its workbook (five sheets); a malformed --half and a missing --clinic are
 * refused naming the option, nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../electron/app/returns';
import { call } from '../helpers/calls';
import { addClinic, openSessionAt } from '../helpers/people';
import { tempDir } from '../helpers/tempDb';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { cli, cliOk } from './run';

async function supervisedFile(): Promise<string> {
  const db = path.join(tempDir(), 'township.sqlite');
  const s = await openSessionAt('2027-01-08', db);
  const t = addTemplate(s.db, '2025-01');
  const a = await addClinic(s, '东坡', 1000, 'C01');
  await addClinic(s, '西沟', 3000, 'C02');
  await call(s, 'visits.save', visitIn(a, '2026-07-10', t.items, pointsTotalling(81)));
  await call(s, 'visits.save', visitIn(a, '2026-10-10', t.items, pointsTotalling(66.5)));
  s.close();
  return db;
}

describe('cli: the re-check pack (P4)', () => {
  it('report recheck --format json and export recheck --out', { timeout: 120_000 }, async () => {
    const db = await supervisedFile();
    const r = JSON.parse(
      cliOk('report', 'recheck', '--db', db, '--half', '2026H2', '--clinic', '东坡村卫生室', '--format', 'json'),
    ) as ReportData;
    expect(r.title).toBe('东坡村卫生室2026 年下半年督导考核复核材料');
    expect(r.figures).toEqual({ months: 6, visits: 2, drafts: 0, itemScores: 14, findings: 0, corrections: 0 });
    expect(r.tables[0]?.rows.map((x) => [x.month, x.status, x.total ?? null])).toEqual([
      ['2026 年 7 月', '已完成', 81],
      ['2026 年 8 月', '未督导', null],
      ['2026 年 9 月', '未督导', null],
      ['2026 年 10 月', '已完成', 66.5],
      ['2026 年 11 月', '未督导', null],
      ['2026 年 12 月', '未督导', null],
    ]);
    expect(r.tables[4]?.rows.map((x) => [x.score, x.passed])).toEqual([
      [81, '是'],
      [66.5, '是'],
    ]);

    const out = path.join(tempDir(), '复核.xlsx');
    expect(cliOk('export', 'recheck', '--db', db, '--half', '2026下半年', '--clinic', 'C01', '--out', out)).toContain('督导情况 6 行');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督导情况', '逐项得分', '发现问题及整改', '更正记录', '季度考核']);

    const bad = cli('report', 'recheck', '--db', db, '--half', '2026H3', '--clinic', '东坡村卫生室', '--format', 'json');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--half 应为 年H半，如 2026H2');
    const noClinic = cli('export', 'recheck', '--db', db, '--half', '2026H2', '--out', path.join(tempDir(), 'x.xlsx'));
    expect(noClinic.code).not.toBe(0);
    expect(noClinic.stderr).toContain('请选择村卫生室（--clinic）');
    expect(fs.existsSync(path.join(tempDir(), 'x.xlsx'))).toBe(false);
  });
});
