/**
 * P4: the county re-check pack of one clinic and half-year as a real .xlsx — the six months
 * (未督导 ones listed), each item's score, the findings with their rectification, the
 * corrections with their reasons (a score corrected in a locked quarter through the database's
 * correction path: a `corrections` row, then the one update it opens) or 无更正, and the two
 * quarters with their locks; the same figures in `report recheck --format json`'s data.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../electron/app/returns';
import { call, callFails } from '../helpers/calls';
import { addClinic, openSessionAt } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { findRow, readBack } from './support';

async function seeded() {
  const s = await openSessionAt('2027-01-10');
  const t = addTemplate(s.db, '2026-01');
  const a = await addClinic(s, '东坡', 1200, '01');
  const b = await addClinic(s, '西沟', 800, '02');
  await call(s, 'visits.save', {
    ...visitIn(a, '2026-07-08', t.items, pointsTotalling(85)),
    findings: [{ itemId: t.items['4'] ?? null, text: '部分药品无进货票据', owner: '张村医', dueOn: '2026-07-31' }],
  });
  const aug = await call(s, 'visits.form', { clinicId: a, month: '2026-08' });
  await call(s, 'visits.save', {
    ...visitIn(a, '2026-08-12', t.items, pointsTotalling(78.5)),
    rechecks: [{ findingId: aug.openFindings[0]?.id ?? 0, result: 'rectified', note: '票据已补齐' }],
  });
  await call(s, 'visits.save', visitIn(a, '2026-09-10', t.items, pointsTotalling(90)));
  await call(s, 'visits.save', visitIn(a, '2026-11-09', t.items, pointsTotalling(70)));
  await call(s, 'visits.save', { ...visitIn(a, '2026-12-03', t.items, pointsTotalling(60)), final: false });
  await call(s, 'visits.save', visitIn(b, '2026-07-09', t.items, pointsTotalling(95)));
  await call(s, 'quarters.lock', { quarter: '2026Q3', note: '' });
  return { s, t, a, b };
}

/** Item 3's score of the August visit corrected from 30 to 25.5 the way the triggers allow it (migration 10). */
function correctAugustItem3(s: Awaited<ReturnType<typeof seeded>>['s'], clinicId: number, itemId: number): void {
  const row = s.db
    .prepare(
      `SELECT vs.id, vs.visit_id AS visitId, vs.score_tenths AS old FROM visit_scores vs JOIN visits v ON v.id = vs.visit_id
               WHERE v.clinic_id = ? AND v.month = '2026-08' AND vs.item_id = ?`,
    )
    .get(clinicId, itemId) as { id: number; visitId: number; old: number };
  s.db.transaction(() => {
    const k = s.db
      .prepare(
        `INSERT INTO corrections (entity, entity_id, visit_id, field, old_value, new_value, reason, at, by)
                VALUES ('visit_scores', ?, ?, 'score_tenths', ?, '255', '县复核发现处方点评记录缺 2 份', '2027-01-09T02:00:00.000Z', '王芳')`,
      )
      .run(row.id, row.visitId, String(row.old)).lastInsertRowid;
    s.db.prepare('UPDATE visit_scores SET score_tenths = 255, correction_id = ? WHERE id = ?').run(k, row.id);
  })();
}

function dataRows(ws: ExcelJS.Worksheet, firstHeader: string): unknown[][] {
  // A two-level header merges its first cell down, so both header rows read `firstHeader`.
  let r = findRow(ws, firstHeader);
  while (ws.getRow(r + 1).getCell(1).value === firstHeader) r++;
  const out: unknown[][] = [];
  // The data, up to the 合计 row or the first empty row.
  for (r++; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
    const first = values[0];
    if (values.every((v) => v === null || v === '')) break;
    if (typeof first === 'string' && first.startsWith('合计')) break;
    out.push(values);
  }
  return out;
}

describe('re-check pack workbook (P4)', () => {
  it('has the half-year’s visits, item scores, findings, corrections with reasons and quarters', async () => {
    const { s, t, a } = await seeded();
    correctAugustItem3(s, a, t.items['3'] ?? 0);
    const file = await call(s, 'returns.export', { name: 'recheck', half: '2026H2', clinicId: a });
    expect(file.fileName).toMatch(/^东坡村卫生室2026 年下半年督导考核复核材料-\d{8}\.xlsx$/);
    const wb = await readBack(Buffer.from(file.base64, 'base64'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督导情况', '逐项得分', '发现问题及整改', '更正记录', '季度考核']);

    const visits = dataRows(wb.getWorksheet('督导情况') as ExcelJS.Worksheet, '序号');
    expect(visits.map((r) => [r[1], r[5], r[9]])).toEqual([
      ['2026 年 7 月', '已完成', 85],
      ['2026 年 8 月', '已完成', 78.5],
      ['2026 年 9 月', '已完成', 90],
      ['2026 年 10 月', '未督导', null],
      ['2026 年 11 月', '已完成', 70],
      ['2026 年 12 月', '草稿', 60],
    ]);
    expect(visits[5]?.[11]).toBe('草稿，不计入季度得分');

    const scores = dataRows(wb.getWorksheet('逐项得分') as ExcelJS.Worksheet, '月份');
    // Five visits (the draft included) × seven items, and a 本月合计 line each.
    expect(scores).toHaveLength(5 * 7 + 5);
    expect(scores.find((r) => r[0] === '2026 年 8 月' && r[1] === '3')?.[5]).toBe(25.5);

    const findings = dataRows(wb.getWorksheet('发现问题及整改') as ExcelJS.Worksheet, '序号');
    expect(findings.map((r) => [r[3], r[4], r[6], r[8]])).toEqual([
      ['部分药品无进货票据', '张村医', '已整改', '2026 年 8 月复查：已整改：票据已补齐'],
    ]);

    const corrections = dataRows(wb.getWorksheet('更正记录') as ExcelJS.Worksheet, '序号');
    expect(corrections).toEqual([
      [
        1,
        '2027年1月9日 10:00',
        '王芳',
        '2026 年 8 月',
        '逐项得分',
        '3 处方书写规范，合理用药',
        '得分',
        '30',
        '25.5',
        '县复核发现处方点评记录缺 2 份',
      ],
    ]);

    const quarters = dataRows(wb.getWorksheet('季度考核') as ExcelJS.Worksheet, '季度');
    expect(quarters.map((r) => [r[0], r[4], r[6], String(r[7]).slice(0, 3)])).toEqual([
      ['2026 年第三季度（2026Q3）', 84.5, '是', '已锁定'],
      ['2026 年第四季度（2026Q4）', 70, '是', '未锁定'],
    ]);

    const data = buildReport(s.ctx, 'recheck', { half: '2026H2', clinicId: a });
    expect(data.figures).toEqual({ months: 6, visits: 4, drafts: 1, itemScores: 35, findings: 1, corrections: 1 });
    // The same data for the 报表 page's print preview, checked against the contract.
    const paper = await call(s, 'returns.data', { name: 'recheck', half: '2026H2', clinicId: a });
    expect(paper.figures).toEqual(data.figures);
    expect(paper.tables.map((x) => x.rows.length)).toEqual([6, 40, 1, 1, 2]);
  });

  it('says 无更正 on its own line when the clinic has no correction, and refuses a pack without a clinic', async () => {
    const { s, b } = await seeded();
    const file = await call(s, 'returns.export', { name: 'recheck', half: '2026H2', clinicId: b });
    const wb = await readBack(Buffer.from(file.base64, 'base64'));
    const ws = wb.getWorksheet('更正记录') as ExcelJS.Worksheet;
    expect(dataRows(ws, '序号').map((r) => r.filter((v) => v !== null && v !== ''))).toEqual([['无更正']]);
    const noClinic = await callFails(s, 'returns.export', { name: 'recheck', half: '2026H2' });
    expect(noClinic.message).toContain('复核材料按村卫生室出，请选择村卫生室');
    const noHalf = await callFails(s, 'returns.export', { name: 'recheck', clinicId: b });
    expect(noHalf.message).toContain('请选择半年');
  });
});
