/**
 * The clinic-roster return on the demo township: the data (what `report --format json` prints)
 * and the workbook agree, the 合计 rows are the sums of the data rows, and the figures are the
 * demo's known ones (13 open clinics + 1 closed, one 空白点: 沈洼村).
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../electron/db/context';
import { dispatch } from '../../electron/app/dispatch';
import { seedDemo } from '../../electron/demo/seed';
import { buildReport, exportReturnFile, returnCatalog } from '../../electron/app/returns';
import { fitWidths, textWidth } from '../../electron/excel/returns/types';
import { openSession } from '../helpers/tempDb';
import { findRow, findRowStarting, freshDb, merges, readBack, rowValues, sheet } from './support';

describe('clinic-roster return', () => {
  it('is listed in the catalog', () => {
    expect(returnCatalog[0]).toMatchObject({ name: 'clinic-roster', title: '村卫生室及覆盖情况统计表' });
  });

  it('builds the demo figures as data', async () => {
    const { ctx } = await freshDb();
    const r = buildReport(ctx, 'clinic-roster');
    expect(r.unit).toBe('河阳镇中心卫生院');
    expect(r.date).toBe('2026-03-05');
    expect(r.figures).toMatchObject({
      clinics: 14,
      openClinics: 13,
      villages: 18,
      blankVillages: 1,
      'villagesCoveredBy.center_seat': 1,
      'villagesCoveredBy.shared_clinic': 2,
      'villagesCoveredBy.neighbor_extension': 1,
      'villagesCoveredBy.patrol': 1,
      'villagesCoveredBy.dispatch': 1,
    });
    const [clinics, villages] = r.tables;
    // Open clinics first, then the closed one with its date and reason.
    expect(clinics?.rows.at(-1)).toMatchObject({ name: '沈洼村卫生室', status: '已撤销', servicePopulation: 0, requiredDoctors: 0 });
    expect(String(clinics?.rows.at(-1)?.note)).toContain('2025-12-31撤销');
    expect(clinics?.rows.find((c) => c.code === 'HY001-09')?.villages).toBe('周寨村、褚河村（延伸）');
    // S1: a clinic serving 2,100 people needs three doctors.
    expect(clinics?.rows.find((c) => c.code === 'HY001-01')).toMatchObject({ servicePopulation: 2100, requiredDoctors: 3 });
    const sum = (key: string) => clinics?.rows.reduce((s, c) => s + Number(c[key]), 0);
    expect(clinics?.totals).toEqual({
      name: 14,
      servicePopulation: sum('servicePopulation'),
      requiredDoctors: sum('requiredDoctors'),
      buildingArea: sum('buildingArea'),
    });
    const blank = villages?.summary?.rows.find((row) => row[0] === '空白点');
    expect(blank).toEqual(['空白点', 1, 450, '须逐步消除：沈洼村']);
    const counted = villages?.summary?.rows.reduce((s, row) => s + Number(row[1]), 0);
    expect(counted).toBe(18);
  });

  it('writes the same figures into a two-sheet county workbook', async () => {
    const { ctx } = await freshDb();
    const report = buildReport(ctx, 'clinic-roster');
    const file = await exportReturnFile(ctx, 'clinic-roster');
    expect(file.fileName).toBe('村卫生室及覆盖情况统计表-20260305.xlsx');
    expect(file.rowCount).toBe(14 + 18);
    const wb = await readBack(Buffer.from(file.base64, 'base64'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['村卫生室', '行政村覆盖情况']);

    const ws = sheet(wb, 0);
    expect(ws.getCell('A1').value).toBe('村卫生室及覆盖情况统计表');
    expect(ws.getCell('A2').value).toBe('填报单位：河阳镇中心卫生院');
    expect(rowValues(ws, 3).slice(0, 5)).toEqual(['序号', '基本情况', '基本情况', '基本情况', '服务范围']);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:L1', 'A3:A4', 'B3:D3', 'E3:G3', 'H3:K3', 'L3:L4']));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });

    const totals = findRow(ws, '合计');
    expect(totals).toBe(5 + 14);
    const column = (c: number) => Array.from({ length: 14 }, (_, i) => Number(ws.getRow(5 + i).getCell(c).value));
    const sum = (c: number) => column(c).reduce((s, v) => s + v, 0);
    expect(ws.getRow(totals).getCell(6).value).toBe(sum(6));
    expect(ws.getRow(totals).getCell(7).value).toBe(sum(7));
    expect(ws.getRow(totals).getCell(9).value).toBe(sum(9));
    expect(ws.getRow(totals).getCell(3).value).toBe(14);
    expect(ws.getRow(totals).getCell(6).value).toBe(report.figures.servicePopulation);
    expect(ws.getRow(totals).getCell(7).value).toBe(report.figures.requiredDoctors);
    expect(String(ws.getRow(findRowStarting(ws, '填报人：')).getCell(1).value)).toBe(
      '填报人：刘晓梅　　　　审核人：王建华　　　　单位负责人：张卫东　　　　填报日期：2026年3月5日',
    );

    const vs = sheet(wb, 1);
    expect(rowValues(vs, 3)).toEqual(['序号', '村名', '服务人口（人）', '覆盖方式', '服务的卫生室', '卫生院驻地', '距卫生院（公里）']);
    const vTotals = findRow(vs, '合计');
    expect(vTotals).toBe(4 + 18);
    expect(vs.getRow(vTotals).getCell(2).value).toBe(18);
    expect(vs.getRow(vTotals).getCell(3).value).toBe(
      Array.from({ length: 18 }, (_, i) => Number(vs.getRow(4 + i).getCell(3).value)).reduce((a, b) => a + b, 0),
    );
    const blankRow = findRow(vs, '空白点', 2);
    expect(rowValues(vs, blankRow).slice(1, 5)).toEqual(['空白点', 1, 450, '须逐步消除：沈洼村']);
  });

  it('is served by the returns operations, checked against the contract', async () => {
    const s = await openSession();
    seedDemo(makeContext(s.db, '测试'), { scale: 1 });
    const list = await dispatch(s, 'returns.list', {});
    expect(list).toEqual({
      ok: true,
      value: returnCatalog.map(({ name, title, description, params }) => ({ name, title, description, params })),
    });
    expect(list.ok && list.value).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'clinic-roster', title: '村卫生室及覆盖情况统计表' })]),
    );
    const file = await dispatch(s, 'returns.export', { name: 'clinic-roster' });
    expect(file.ok && (file.value as { rowCount: number }).rowCount).toBe(32);
    const wrong = await dispatch(s, 'returns.export', { name: 'nope' });
    expect(wrong.ok ? '' : wrong.error.message).toContain('没有这张报表');
  });

  it('sizes columns to their content, a Chinese character counting two', () => {
    expect(textWidth('ab张')).toBe(4);
    const [col] = fitWidths([{ key: 'v', header: '服务的村', kind: 'text', width: 6 }], [{ v: '张庄村、李营村、王屯村' }]);
    expect(col?.width).toBe(24);
    const [capped] = fitWidths([{ key: 'v', header: 'x', kind: 'text', width: 6 }], [{ v: '长'.repeat(100) }]);
    expect(capped?.width).toBe(40);
  });
});
