/**
 * "Export this view to Excel" through the real dispatcher (input validated by the contract,
 * handler, list query, writer), read back: chosen columns in the chosen order, values shown as
 * on screen (是/否, enum labels), numbers as numbers, the filter and sort of the view honoured.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/app/dispatch';
import type { Session } from '../../electron/app/session';
import { makeContext } from '../../electron/db/context';
import { seedDemo } from '../../electron/demo/seed';
import { exportFileName, pickColumns } from '../../electron/excel/exportView';
import { villageView } from '../../shared/views';
import type { FileResult } from '../../shared/schemas/common';
import { openSession } from '../helpers/tempDb';
import { findRowStarting, readBack, rowValues, sheet } from './support';

async function demoSession(): Promise<Session> {
  const s = await openSession();
  seedDemo(makeContext(s.db, '测试'), { scale: 1 });
  return s;
}

async function exportOf(s: Session, op: 'villages.export' | 'clinics.export' | 'audit.export', input: object): Promise<FileResult> {
  const res = await dispatch(s, op, input);
  if (!res.ok) throw new Error(res.error.message);
  return res.value as FileResult;
}

describe('export a view to Excel', () => {
  it('honours the chosen columns and their order, ignoring unknown ids', async () => {
    const s = await demoSession();
    const file = await exportOf(s, 'villages.export', { columns: ['servicePopulation', 'name', 'nope', 'isCenterSeat', 'coverageKind'] });
    expect(file.fileName).toMatch(/^行政村名册-\d{8}\.xlsx$/);
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.rowCount).toBe(18);
    const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
    expect(ws.getCell('A1').value).toBe('行政村名册');
    expect(ws.getCell('A2').value).toBe('填报单位：河阳镇中心卫生院');
    expect(rowValues(ws, 3)).toEqual(['服务人口', '村名', '卫生院驻地', '覆盖方式']);
    expect(rowValues(ws, 4)).toEqual([3200, '河阳村', '是', '卫生院驻地']);
    expect(rowValues(ws, 5)).toEqual([2100, '张庄村', '否', '本村卫生室']);
    expect(typeof ws.getCell('A4').value).toBe('number');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '3:3' });
    expect(String(ws.getRow(findRowStarting(ws, '填报人：')).getCell(1).value)).toContain('审核人：王建华');
  });

  it('exports the filtered, sorted view with every column when none are chosen', async () => {
    const s = await demoSession();
    const file = await exportOf(s, 'clinics.export', {
      filters: [{ id: 'status', value: 'open' }],
      sort: [{ id: 'servicePopulation', desc: true }],
    });
    expect(file.rowCount).toBe(13);
    const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
    expect(rowValues(ws, 3)).toEqual([
      '机构编码',
      '卫生室名称',
      '状态',
      '服务的村',
      '服务人口',
      '应配村医',
      '实有村医',
      '负责人',
      '产权',
      '业务用房(㎡)',
      '医保定点',
      '地址',
      '撤销日期',
    ]);
    const first = rowValues(ws, 4);
    expect(first.slice(0, 3)).toEqual(['HY001-01', '张庄村卫生室', '运行']);
    expect(first[4]).toBe(2100);
    expect(first[8]).toBe('公有产权');
    expect(first[10]).toBe('是');
    const statuses = Array.from({ length: 13 }, (_, i) => ws.getRow(4 + i).getCell(3).value);
    expect(new Set(statuses)).toEqual(new Set(['运行']));
  });

  it('shows audit actions and entities by their Chinese labels', async () => {
    const s = await demoSession();
    const file = await exportOf(s, 'audit.export', {
      columns: ['action', 'entity', 'summary'],
      // The demo's clinics were created (新增) and later had their month's drug use recorded (登记使用).
      filters: [
        { id: 'entity', value: 'clinic' },
        { id: 'action', value: 'create' },
      ],
    });
    const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
    expect(rowValues(ws, 4)[0]).toBe('新增');
    expect(rowValues(ws, 4)[1]).toBe('村卫生室');
    expect(file.rowCount).toBe(14);
  });

  it('keeps the requested order and falls back to every column when none is known', () => {
    expect(pickColumns(villageView, ['note', 'name', 'note']).map((c) => c.id)).toEqual(['note', 'name']);
    expect(pickColumns(villageView, ['x']).length).toBe(villageView.columns.length);
    expect(exportFileName('行政村名册', '2026-11-22')).toBe('行政村名册-20261122.xlsx');
  });
});
