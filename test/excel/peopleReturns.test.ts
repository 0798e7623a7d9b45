/**
 * The two people returns on the demo township (seeded on 2026-03-05): 乡村医生花名册 and
 * 村卫生室人员配备情况, built as data and written as county workbooks, read back with exceljs.
 * The 合计 rows are the sums of the data rows, the JSON figures are the workbook's, the alerts
 * block lists every open alert with its rule ID, and --as-of moves the figures in time.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { allReturns, buildReport, exportReturnFile, returnCatalog } from '../../electron/app/returns';
import { computeAlerts } from '../../electron/domains/people/alerts';
import { returnNames } from '../../shared/schemas/app';
import { makeContext } from '../../electron/db/context';
import { seedDemo } from '../../electron/demo/seed';
import { call } from '../helpers/calls';
import { openSession } from '../helpers/tempDb';
import { findRow, findRowStarting, freshDb, merges, readBack, rowValues, sheet } from './support';

/** The data rows of a county sheet: from under the header to the 合计 row. */
function dataRows(ws: ExcelJS.Worksheet, firstData: number): unknown[][] {
  const total = findRow(ws, '合计');
  return Array.from({ length: total - firstData }, (_, i) => rowValues(ws, firstData + i));
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The first row whose cell in `column` starts with `prefix` (summary blocks start in column B). */
function findRowIn(ws: ExcelJS.Worksheet, column: number, prefix: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(column).value ?? '').startsWith(prefix)) return r;
  return -1;
}

describe('people returns in the catalog', () => {
  it('are built by the core and offered by the app as soon as the contract names them', () => {
    // The registry and asset returns first; the drug and supervision modules add theirs after them.
    expect(allReturns.map((r) => r.name).slice(0, 6)).toEqual([
      'clinic-roster',
      'roster',
      'staffing',
      'asset-ledger',
      'asset-changes',
      'stocktake-discrepancies',
    ]);
    expect(allReturns.map((r) => r.name)).toEqual(expect.arrayContaining(['purchase-plan', 'essential-share']));
    expect(returnCatalog.map((r) => r.name)).toEqual(
      allReturns.map((r) => r.name).filter((n) => (returnNames as readonly string[]).includes(n)),
    );
  });
});

describe('people returns through the app', () => {
  it('are listed and exported by returns.list and returns.export', async () => {
    const s = await openSession();
    seedDemo(makeContext(s.db, '测试'), { scale: 1 });
    const list = await call(s, 'returns.list', {});
    for (const [name, title] of [
      ['roster', '乡村医生花名册'],
      ['staffing', '村卫生室人员配备情况'],
    ] as const) {
      expect(list.map((r) => [r.name, r.title])).toContainEqual([name, title]);
      const file = await call(s, 'returns.export', { name });
      expect(file.fileName).toMatch(new RegExp(`^${title}-\\d{8}\\.xlsx$`));
      expect(sheet(await readBack(Buffer.from(file.base64, 'base64'))).getCell('A1').value).toBe(title);
    }
  });
});

describe('乡村医生花名册 (roster)', () => {
  it('lists every doctor and the dispatched staff, clinic by clinic, head first', async () => {
    const { ctx } = await freshDb();
    const r = buildReport(ctx, 'roster');
    const [table] = r.tables;
    expect(r).toMatchObject({ name: 'roster', title: '乡村医生花名册', date: '2026-03-05', asOf: '2026-03-05' });
    expect(table?.rows).toHaveLength(24);
    expect(table?.rows[0]).toMatchObject({
      index: 1,
      name: '张建国',
      sex: '男',
      birthDate: '1968-03-12',
      age: 57,
      clinic: '张庄村卫生室',
      role: '负责人',
      qualification: '执业助理医师',
    });
    expect(table?.rows[0]).toMatchObject({
      employment: '乡聘村用（劳动合同）',
      contract: '2023.06.01-2028.05.31',
      pension: '是',
      workInjury: '是',
      liability: '否',
    });
    expect(table?.rows.find((p) => p.name === '马晓东')).toMatchObject({ clinic: '吴岗村卫生室', employment: '卫生院派驻', role: '村医' });
    // S14 → S3: an expired certificate is no qualification at all.
    expect(table?.rows.find((p) => p.name === '赵军')).toMatchObject({ qualification: '无有效资格', certNumber: '' });
    expect(table?.rows.find((p) => p.name === '李明')).toMatchObject({ qualification: '乡村医生执业证书', certNumber: 'XC20260005' });
    expect(table?.totals).toEqual({
      name: 24,
      pension: 24,
      workInjury: 24,
      liability: table?.rows.filter((p) => p.liability === '是').length,
    });
    expect(r.figures).toMatchObject({ people: 24, villageDoctors: 23, centerStaff: 1, women: 8, withoutValidQualification: 1 });
  });

  it('writes the same figures into a county workbook with a two-level header', async () => {
    const { ctx } = await freshDb();
    const report = buildReport(ctx, 'roster');
    const file = await exportReturnFile(ctx, 'roster');
    expect(file.fileName).toBe('乡村医生花名册-20260305.xlsx');
    const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
    expect(ws.getCell('A1').value).toBe('乡村医生花名册');
    expect(rowValues(ws, 3)).toEqual([
      '序号',
      ...Array(6).fill('基本情况'),
      '执业资格',
      '执业资格',
      ...Array(4).fill('岗位与聘用'),
      '保险',
      '保险',
      '保险',
      '联系电话',
    ]);
    expect(rowValues(ws, 4).slice(1, 7)).toEqual(['姓名', '性别', '出生日期', '年龄', '身份证号', '学历']);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A3:A4', 'B3:G3', 'H3:I3', 'J3:M3', 'N3:P3', 'Q3:Q4']));
    const rows = dataRows(ws, 5);
    expect(rows).toHaveLength(24);
    expect(rows.map((r) => r[1])).toEqual(report.tables[0]?.rows.map((r) => r.name));
    const totals = rowValues(ws, findRow(ws, '合计'));
    expect(totals[1]).toBe(24);
    expect(ws.getRow(findRow(ws, '合计')).getCell(2).numFmt).toBe('0"人"');
    for (const c of [13, 14, 15]) expect(totals[c]).toBe(rows.filter((r) => r[c] === '是').length);
    expect(totals[15]).toBe(report.figures.liability);
    expect(findRowStarting(ws, '填报人：')).toBeGreaterThan(findRow(ws, '合计'));
  });
});

describe('村卫生室人员配备情况 (staffing)', () => {
  it('counts each open clinic as the alerts do, and the township as the sum', async () => {
    const { ctx, db } = await freshDb();
    const r = buildReport(ctx, 'staffing');
    const table = r.tables[0];
    const rows = table?.rows ?? [];
    expect(rows).toHaveLength(13);
    // S9a: on 5 March nobody has finished this year's two stints (March's runs 2–8 March, September's is ahead).
    expect(rows.find((c) => c.name === '张庄村卫生室')).toMatchObject({
      required: 3,
      actual: 3,
      gap: 0,
      women: 1,
      qualified: 2,
      qualifiedPct: 66.7,
      trainingCompliant: 0,
    });
    // S1: the demo's one short-staffed clinic.
    expect(rows.filter((c) => Number(c.gap) > 0).map((c) => c.name)).toEqual(['郑店村卫生室']);
    // The dispatched doctor counts at his clinic; he is not a village doctor, so no S9 count.
    expect(rows.find((c) => c.name === '吴岗村卫生室')).toMatchObject({ actual: 2, trainingCompliant: 0 });
    // By the year's end both stints are done: the two of 张庄 with two stints and 吴岗's village doctor.
    const december = buildReport(ctx, 'staffing', { asOf: '2026-12-31' }).tables[0]?.rows ?? [];
    expect(december.find((c) => c.name === '张庄村卫生室')).toMatchObject({ trainingCompliant: 2 });
    expect(december.find((c) => c.name === '吴岗村卫生室')).toMatchObject({ trainingCompliant: 1 });
    const sum = (k: string) => rows.reduce((s, c) => s + num(c[k]), 0);
    for (const k of [
      'required',
      'actual',
      'gap',
      'women',
      'villageDoctors',
      'qualified',
      'trainingCompliant',
      'ageUnder40',
      'age40to49',
      'age50to59',
      'age60to64',
      'age65up',
    ]) {
      expect(table?.totals?.[k], k).toBe(sum(k));
    }
    expect(sum('ageUnder40') + sum('age40to49') + sum('age50to59') + sum('age60to64') + sum('age65up')).toBe(sum('actual'));
    // The township's share is a share of the totals, not a sum of the clinics' shares; of village doctors (S4).
    expect(table?.totals?.qualifiedPct).toBe(Math.round((sum('qualified') / sum('villageDoctors')) * 1000) / 10);
    // The dispatched doctor at 吴岗 is on post (实有) but not a village doctor (S4 leaves him out).
    expect(rows.find((c) => c.name === '吴岗村卫生室')).toMatchObject({ actual: 2, villageDoctors: 1 });
    const alerts = computeAlerts(db, '2026-03-05').alerts;
    expect(r.alerts?.map((a) => [a.rule, a.kind, a.subject])).toEqual(alerts.map((a) => [a.rule, a.kind, a.subject]));
    expect(r.figures).toMatchObject({
      clinics: 13,
      required: sum('required'),
      actual: 24,
      gap: 1,
      trainingYear: 2026,
      s4Qualified: 11,
      s4Total: 23,
      alerts: alerts.length,
    });
    expect(r.figures['alerts.S1']).toBe(1);
  });

  it('puts the same figures and every alert with its rule ID in the workbook', async () => {
    const { ctx } = await freshDb();
    const report = buildReport(ctx, 'staffing');
    const file = await exportReturnFile(ctx, 'staffing');
    const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
    expect(ws.getCell('A1').value).toBe('村卫生室人员配备情况');
    expect(rowValues(ws, 3).slice(0, 11)).toEqual([
      '序号',
      '卫生室名称',
      '服务人口（人）',
      '人员配备（人）',
      '人员配备（人）',
      '人员配备（人）',
      '人员配备（人）',
      '执业（助理）医师（S4，只计村医）',
      '执业（助理）医师（S4，只计村医）',
      '执业（助理）医师（S4，只计村医）',
      '本年培训达标村医（人）',
    ]);
    expect(rowValues(ws, 4).slice(3, 10)).toEqual(['应配（S1）', '实有', '缺口', '女性', '在岗村医', '其中执业（助理）', '占村医（%）']);
    const rows = dataRows(ws, 5);
    expect(rows).toHaveLength(13);
    const totalRow = findRow(ws, '合计');
    const totals = rowValues(ws, totalRow);
    for (let c = 2; c < totals.length; c++) {
      if (c === 9) continue;
      expect(totals[c], `column ${c + 1}`).toBe(rows.reduce((s, r) => s + num(r[c]), 0));
    }
    expect(totals[9]).toBe(report.tables[0]?.totals?.qualifiedPct);
    // JSON and workbook agree on the township figures.
    expect([totals[3], totals[4], totals[5], totals[6], totals[7], totals[8], totals[10]]).toEqual([
      report.figures.required,
      report.figures.actual,
      report.figures.gap,
      report.figures.women,
      report.figures.villageDoctors,
      report.figures.qualified,
      report.figures.trainingCompliant,
    ]);
    const block = findRowIn(ws, 2, '预警事项');
    expect(block).toBeGreaterThan(totalRow);
    // The title sits in column B, like every summary block.
    expect(String(ws.getRow(block).getCell(2).value)).toBe(`预警事项（截至2026年3月5日，共 ${report.alerts?.length} 条）`);
    // 规则 in B, 事项 over C–E, 对象 over F–H, 说明 over I to the table's end, each merged.
    const cells = (n: number) => [2, 3, 6, 9].map((c) => ws.getRow(n).getCell(c).value);
    expect(cells(block + 1)).toEqual(['规则', '事项', '对象', '说明']);
    expect(merges(ws)).toEqual(
      expect.arrayContaining([`C${block + 2}:E${block + 2}`, `F${block + 2}:H${block + 2}`, `I${block + 2}:P${block + 2}`]),
    );
    const listed = Array.from({ length: report.alerts?.length ?? 0 }, (_, i) => cells(block + 2 + i).slice(0, 3));
    expect(listed).toEqual(report.alerts?.map((a) => [a.rule, a.title, a.subject]));
    for (const [rule] of listed) expect(String(rule)).toMatch(/^[SC]\d+$/);
    expect(listed.map((l) => l[0])).toEqual(expect.arrayContaining(['S1', 'S2', 'S3', 'S5', 'S6', 'S7', 'S9', 'S11', 'S14']));
  });

  it('takes the figures as of another day when asked', async () => {
    const { ctx } = await freshDb();
    // Before the dispatch to 吴岗 began (2026-02-05) and before 赵军's certificate ran out (2025-12-05 is still valid on 2025-11-30).
    const r = buildReport(ctx, 'staffing', '2025-11-30');
    expect(r).toMatchObject({ date: '2026-03-05', asOf: '2025-11-30' });
    expect(r.tables[0]?.rows.find((c) => c.name === '吴岗村卫生室')).toMatchObject({ actual: 1 });
    expect(r.alerts?.some((a) => a.kind === 'no_valid_qualification')).toBe(false);
    const ws = sheet(await readBack(Buffer.from((await exportReturnFile(ctx, 'staffing', '2025-11-30')).base64, 'base64')));
    expect(String(ws.getRow(2).getCell(9).value)).toBe('统计日期：2025年11月30日　　填报日期：2026年3月5日');
  });
});
