/**
 * The stock returns (issue 10 part 8) as county workbooks read back with exceljs: the
 * 村卫生室药品进销存月报 has a row per clinic, the clinics' subtotal, the center on a row of its
 * own and a 合计 that is clinics + center; every row closes (期末 = 期初 + 入库 − 出库, in 数量
 * and 元), the clinics' rows add up to their subtotal, and the two-level header is merged. One
 * clinic's return is per drug. The 近效期/过期 list and the disposal record carry their batches.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportReturnFile, type ReturnKey } from '../../electron/app/returns';
import type { ReturnParamValues } from '../../shared/schemas/app';
import type { Session } from '../../electron/app/session';
import { makeContext } from '../../electron/db/context';
import { call } from '../helpers/calls';
import { addClinic, clockAt, openSessionAt } from '../helpers/people';
import { addBatch, addDrug, deliver, receive } from '../helpers/stock';
import { findRow, merges, readBack, rowValues, sheet } from './support';

async function workbookOf(s: Session, name: ReturnKey, params: ReturnParamValues): Promise<ExcelJS.Worksheet> {
  const file = await exportReturnFile(s.ctx, name, params);
  return sheet(await readBack(Buffer.from(file.base64, 'base64')));
}

const fen = (v: unknown) => Math.round(Number(v) * 100);

/** 期初/入库/出库/期末 × 数量/金额 of a sheet row, amounts back in 分. */
function figures(ws: ExcelJS.Worksheet, r: number, first: number) {
  const v = rowValues(ws, r);
  const at = (i: number) => v[first - 1 + i];
  return {
    openingPacks: Number(at(0)),
    openingFen: fen(at(1)),
    inPacks: Number(at(2)),
    inFen: fen(at(3)),
    outPacks: Number(at(4)),
    outFen: fen(at(5)),
    closingPacks: Number(at(6)),
    closingFen: fen(at(7)),
  };
}

function closes(f: ReturnType<typeof figures>): void {
  expect(f.closingPacks).toBe(f.openingPacks + f.inPacks - f.outPacks);
  expect(f.closingFen).toBe(f.openingFen + f.inFen - f.outFen);
}

async function township() {
  const s = await openSessionAt('2026-04-10');
  const ctx = makeContext(s.db, '测试', clockAt('2026-04-10'));
  const east = await addClinic(s, '东', 800, 'C01');
  const west = await addClinic(s, '西', 900, 'C02');
  const amox = addDrug(s.db, 'P001', '阿莫西林胶囊', 1250);
  const para = addDrug(s.db, 'P002', '对乙酰氨基酚片', 333, '0.5g*12片', '板');
  const a1 = addBatch(s.db, amox, 'A1', '2027-06-30', 1250);
  const p1 = addBatch(s.db, para, 'P1', '2026-04-30', 333);
  const old = addBatch(s.db, para, 'OLD', '2026-02-28', 300);
  receive(ctx, a1, 40, '2026-01-05');
  receive(ctx, p1, 30, '2026-01-05');
  receive(ctx, old, 6, '2026-01-05');
  deliver(ctx, a1, east, 10, '2026-01-20');
  deliver(ctx, a1, west, 8, '2026-02-03');
  deliver(ctx, p1, east, 12, '2026-02-03');
  await call(s, 'stock.recordUse', {
    clinicId: east,
    month: '2026-02',
    lines: [
      { drugId: amox, packs: 3, salePriceFen: 1250 },
      { drugId: para, packs: 5, salePriceFen: 333 },
    ],
  });
  await call(s, 'stock.returnToCenter', { clinicId: east, batchId: p1, packs: 2, movedOn: '2026-02-20' });
  await call(s, 'stock.transfer', { fromClinicId: east, toClinicId: west, batchId: a1, packs: 1, movedOn: '2026-02-21' });
  await call(s, 'stock.dispose', {
    disposedOn: '2026-03-02',
    method: '焚烧',
    witness1: '王会计',
    witness2: '李药师',
    lines: [{ batchId: old, packs: 6 }],
  });
  return { s, east, west, amox, para };
}

describe('村卫生室药品进销存月报', () => {
  it('township: a row per clinic, the clinics’ subtotal, the center on its own row, a 合计 that adds up; every row closes', async () => {
    const { s } = await township();
    const ws = await workbookOf(s, 'stock', { month: '2026-02' });
    expect(String(ws.getCell('A1').value)).toBe('村卫生室药品进销存月报');
    const header = findRow(ws, '单位');
    expect(rowValues(ws, header).slice(1, 9)).toEqual(['期初', '期初', '入库', '入库', '出库', '出库', '期末', '期末']);
    expect(rowValues(ws, header + 1).slice(1, 3)).toEqual(['数量', '金额(元)']);
    expect(merges(ws)).toEqual(expect.arrayContaining(['B3:C3', 'D3:E3', 'F3:G3', 'H3:I3'].map((m) => m.replace(/3/g, String(header)))));

    const east = figures(ws, findRow(ws, '东村卫生室'), 2);
    const west = figures(ws, findRow(ws, '西村卫生室'), 2);
    const sub = figures(ws, findRow(ws, '村卫生室小计'), 2);
    const center = figures(ws, findRow(ws, '中心药库'), 2);
    const total = figures(ws, findRow(ws, '合计'), 2);
    for (const f of [east, west, sub, center, total]) closes(f);
    expect(east).toEqual({
      openingPacks: 10,
      openingFen: 12500,
      inPacks: 12,
      inFen: 3996,
      outPacks: 11,
      outFen: 3750 + 1665 + 666 + 1250,
      closingPacks: 11,
      closingFen: 12500 + 3996 - 7331,
    });
    for (const k of Object.keys(sub) as (keyof typeof sub)[]) {
      expect(sub[k]).toBe(east[k] + west[k]);
      expect(total[k]).toBe(sub[k] + center[k]);
    }
    // The center's store: 76 received in January, 10 delivered; in February 20 delivered, 2 back.
    expect(center).toMatchObject({ openingPacks: 66, inPacks: 2, outPacks: 20, closingPacks: 48 });
    const below = Array.from({ length: 4 }, (_, i) => JSON.stringify(rowValues(ws, findRow(ws, '合计') + 1 + i))).join('');
    expect(below).toMatch(/填报人/);
    expect(below).toMatch(/审核人/);
  });

  it('one clinic: a row per drug that closes, the 合计 the clinic’s own figures', async () => {
    const { s, east } = await township();
    const ws = await workbookOf(s, 'stock', { month: '2026-02', clinicId: east });
    expect(String(ws.getCell('A1').value)).toBe('村卫生室药品进销存月报（东村卫生室）');
    const amox = figures(ws, findRow(ws, 'P001'), 5);
    const para = figures(ws, findRow(ws, 'P002'), 5);
    closes(amox);
    closes(para);
    expect(para).toEqual({
      openingPacks: 0,
      openingFen: 0,
      inPacks: 12,
      inFen: 3996,
      outPacks: 7,
      outFen: 2331,
      closingPacks: 5,
      closingFen: 1665,
    });
    const total = figures(ws, findRow(ws, '合计'), 5);
    expect(total.closingFen).toBe(amox.closingFen + para.closingFen);
  });

  it('refuses a stock return without a month, in Chinese', async () => {
    const { s } = await township();
    await expect(exportReturnFile(s.ctx, 'stock', {})).rejects.toThrow('请选择统计月份');
  });
});

describe('expiry list and disposal record', () => {
  it('lists expired and near-expiry batches per place with days left; the disposal record names both witnesses', async () => {
    const { s } = await township();
    const ws = await workbookOf(s, 'expiry', { asOf: '2026-03-15' });
    const rows = [findRow(ws, '中心药库'), findRow(ws, '东村卫生室')].map((r) => rowValues(ws, r));
    expect(rows.map((r) => [r[0], r[1], r[4], r[6], r[7], r[9]])).toEqual([
      ['中心药库', '对乙酰氨基酚片', 'P1', 46, '近效期', 20],
      ['东村卫生室', '对乙酰氨基酚片', 'P1', 46, '近效期', 5],
    ]);
    const d = await workbookOf(s, 'disposals', {});
    const r = rowValues(d, findRow(d, 'OLD', 5));
    // The 销毁日期 is a real Excel date (issue 12 item 4), shown 2026年3月2日 by its format.
    expect(r[0]).toBeInstanceOf(Date);
    expect((r[0] as Date).toISOString().slice(0, 10)).toBe('2026-03-02');
    expect([r[1], r[4], r[6], r[8], r[9], r[10]]).toEqual(['对乙酰氨基酚片', 'OLD', 6, 18, '焚烧', '王会计、李药师']);
  });
});
