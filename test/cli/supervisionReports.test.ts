/**
 * The assessment returns on the command line, each a child process on a real file:
 * `report quarter --quarter Q --format json` (P6: months × clinics, 未督导 left out, 59.95 →
 * 60.0 passes, P5 named) and `report allocation --quarter Q --pool 元 --format json` (P7:
 * amounts in 分 summing to the pool); the essential-drug subsidy refused (M3), a missing pool
 * refused naming --pool, nothing written; `report findings --quarter Q` (P8: each finding, its
 * owner, due date and re-check, overdue ones named).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../electron/app/returns';
import { call } from '../helpers/calls';
import { addClinic, addDoctor, openSessionAt } from '../helpers/people';
import { tempDir } from '../helpers/tempDb';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { cli, cliOk } from './run';

async function assessedFile(): Promise<string> {
  const db = path.join(tempDir(), 'township.sqlite');
  const s = await openSessionAt('2026-10-08', db);
  const t = addTemplate(s.db, '2025-01');
  const a = await addClinic(s, '东坡', 1000, 'C01');
  const b = await addClinic(s, '西沟', 3000, 'C02');
  await addDoctor(s, { name: '孙医生', born: '1975-01-01', sex: 'M', clinicId: b, head: true });
  const visit = (clinic: number, day: string, total: number) =>
    call(s, 'visits.save', visitIn(clinic, day, t.items, pointsTotalling(total)));
  await visit(a, '2026-07-10', 59.9);
  await visit(a, '2026-09-10', 60);
  await visit(b, '2026-04-10', 40);
  await visit(b, '2026-07-10', 50);
  // A finding at 西沟 in July, due in August, never re-checked: overdue on the filing day.
  await call(s, 'visits.save', {
    ...visitIn(b, '2026-07-10', t.items, pointsTotalling(50)),
    findings: [{ itemId: t.items['3'] ?? null, text: '处方无诊断', owner: '孙医生', dueOn: '2026-08-10' }],
  });
  s.close();
  return db;
}

describe('cli: assessment returns', () => {
  it('report quarter and report allocation --format json', { timeout: 120_000 }, async () => {
    const db = await assessedFile();
    const q = JSON.parse(cliOk('report', 'quarter', '--db', db, '--quarter', '2026Q3', '--format', 'json')) as ReportData;
    expect(q.title).toBe('村卫生室绩效考核结果汇总表');
    const rows = q.tables[0]?.rows ?? [];
    expect(rows.map((r) => [r.clinic, r.m1, r.m2, r.m3, r.score, r.grade, r.passed, r.note])).toEqual([
      ['东坡村卫生室', 59.9, null, 60, 60, '合格', '是', '8月未督导'],
      ['西沟村卫生室', 50, null, null, 50, '不合格', '否', '8月未督导；9月未督导'],
    ]);
    expect(q.figures).toMatchObject({ passed: 1, failed: 1, p5People: 1 });
    expect(q.tables[0]?.summary?.rows).toEqual([['孙医生', '西沟村卫生室', '2026Q2、2026Q3']]);

    const a = JSON.parse(
      cliOk('report', 'allocation', '--db', db, '--quarter', '2026Q3', '--pool', '5000.01', '--format', 'json'),
    ) as ReportData;
    expect(a.figures).toMatchObject({ poolFen: 500_001, allocatedFen: 500_001, sharing: 1 });
    expect(a.tables[0]?.rows.map((r) => [r.clinic, r.amount])).toEqual([
      ['东坡村卫生室', 500_001],
      ['西沟村卫生室', 0],
    ]);
  });

  it('report findings --quarter lists each finding with its rectification (P8)', { timeout: 120_000 }, async () => {
    const db = await assessedFile();
    const f = JSON.parse(cliOk('report', 'findings', '--db', db, '--quarter', '2026Q3', '--format', 'json')) as ReportData;
    expect(f.title).toBe('督导发现问题及整改台账');
    expect(f.tables[0]?.rows.map((r) => [r.clinic, r.item, r.text, r.owner, r.dueOn, r.status])).toEqual([
      ['西沟村卫生室', '3 处方书写规范，合理用药', '处方无诊断', '孙医生', '2026-08-10', '逾期未整改'],
    ]);
    expect(f.figures).toMatchObject({ findings: 1, rectified: 0, overdue: 1 });
  });

  it('refuses the essential-drug subsidy (M3) and a missing pool', { timeout: 120_000 }, async () => {
    const db = await assessedFile();
    const m3 = cli(
      'report',
      'allocation',
      '--db',
      db,
      '--quarter',
      '2026Q3',
      '--pool',
      '5000',
      '--fund',
      '第三季度基药补助',
      '--format',
      'json',
    );
    expect(m3.code).not.toBe(0);
    expect(m3.stderr).toContain('M3');
    const noPool = cli('report', 'allocation', '--db', db, '--quarter', '2026Q3', '--format', 'json');
    expect(noPool.code).not.toBe(0);
    expect(noPool.stderr).toContain('--pool');
  });
});
