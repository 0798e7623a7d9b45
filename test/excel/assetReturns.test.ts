/**
 * The asset returns (issue 4, item 7), built as data and written as county workbooks read back
 * with exceljs: the 固定资产台账's 合计 and 小计 rows are the sums of its asset rows and agree
 * with the JSON in 分; the 增减变动表 balances on every row, for the township and for a clinic
 * an asset was transferred out of or into within the period (a reduction or an addition
 * there, neither for the township); the 盘盈盘亏表 of a closed stocktake lists what was
 * missing, damaged and found over. Parameters are checked with Chinese messages.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, exportReturnFile } from '../../electron/app/returns';
import type { ChangeFiguresWithNet } from '../../electron/domains/assets/returns/types';
import type { ReportData } from '../../electron/app/returns';
import { isHeld, ledgerAsOf } from '../../electron/domains/assets/ledger';
import type { Session } from '../../electron/app/session';
import { addAsset, twoClinics } from '../helpers/assets';
import { call } from '../helpers/calls';
import { failsUnchanged, openSessionAt } from '../helpers/people';
import { findRow, freshDb, readBack, rowValues, sheet } from './support';

const TODAY = '2026-06-15';

async function workbookOf(
  s: Pick<Session, 'ctx'>,
  name: Parameters<typeof buildReport>[1],
  params: Parameters<typeof buildReport>[2],
): Promise<ExcelJS.Worksheet> {
  const file = await exportReturnFile(s.ctx, name, params);
  return sheet(await readBack(Buffer.from(file.base64, 'base64')));
}

/** A sheet amount (元) back in 分. */
const fen = (v: unknown) => Math.round(Number(v) * 100);

function balances(f: ChangeFiguresWithNet): void {
  expect(f.closingValue).toBe(f.openingValue + f.addedValue - f.reducedValue);
  expect(f.closingAccumulated).toBe(f.openingAccumulated + f.depreciation + f.addedAccumulated - f.reducedAccumulated);
  expect(f.openingNet).toBe(f.openingValue - f.openingAccumulated);
  expect(f.closingNet).toBe(f.closingValue - f.closingAccumulated);
}

/** The 12 amounts of a 增减变动表 sheet row, in 分: 期初 ×3, 增加 ×2, 减少 ×2, 计提, 期末 ×3. */
function sheetChanges(ws: ExcelJS.Worksheet, r: number): ChangeFiguresWithNet {
  const [
    openingValue,
    openingAccumulated,
    openingNet,
    addedValue,
    addedAccumulated,
    reducedValue,
    reducedAccumulated,
    depreciation,
    closingValue,
    closingAccumulated,
    closingNet,
  ] = rowValues(ws, r).slice(1, 12).map(fen) as number[];
  return {
    openingValue,
    openingAccumulated,
    openingNet,
    addedValue,
    addedAccumulated,
    reducedValue,
    reducedAccumulated,
    depreciation,
    closingValue,
    closingAccumulated,
    closingNet,
  } as ChangeFiguresWithNet;
}

describe('固定资产台账', () => {
  it('totals are the sums of the asset rows, per holder and for the township, in JSON and on paper', async () => {
    const { ctx } = await freshDb();
    const r = buildReport(ctx, 'asset-ledger', { asOf: '2026-02-28' });
    const ledger = r.ledger as NonNullable<ReportData['ledger']>;
    const held = ledgerAsOf(ctx.db, '2026-02-28').filter(isHeld);
    expect(ledger.assets.map((a) => a.id).sort((a, b) => a - b)).toEqual(held.map((a) => a.id).sort((a, b) => a - b));
    const sum = (k: 'valueFen' | 'accumulatedFen' | 'bookValueFen') => held.reduce((n, a) => n + a[k], 0);
    expect(r.figures).toMatchObject({
      assets: held.length,
      valueFen: sum('valueFen'),
      accumulatedFen: sum('accumulatedFen'),
      bookValueFen: sum('bookValueFen'),
    });
    expect(ledger.total.bookValueFen).toBe(ledger.total.valueFen - ledger.total.accumulatedFen);
    // Per holder and per category, the same totals.
    for (const part of [ledger.byHolder, ledger.byCategory, ledger.byTopClass]) {
      expect(part.reduce((n, h) => n + h.valueFen, 0)).toBe(ledger.total.valueFen);
      expect(part.reduce((n, h) => n + h.accumulatedFen, 0)).toBe(ledger.total.accumulatedFen);
    }
    // The center first, then the clinics; one 小计 row after each holder's assets.
    const table = r.tables[0];
    expect(ledger.byHolder[0]?.name).toBe('卫生院本部');
    expect(table?.emphasis?.length).toBe(ledger.byHolder.length);
    expect(table?.totals).toMatchObject({
      valueFen: ledger.total.valueFen,
      accumulatedFen: ledger.total.accumulatedFen,
      bookValueFen: ledger.total.bookValueFen,
    });

    const ws = await workbookOf({ ctx }, 'asset-ledger', { asOf: '2026-02-28' });
    expect(ws.getCell('A1').value).toBe('固定资产台账');
    expect(String(ws.getRow(2).values)).toContain('统计日期：2026年2月28日');
    expect([ws.getCell('J3').value, ws.getCell('J4').value, ws.getCell('K4').value, ws.getCell('L4').value]).toEqual([
      '价值（元）',
      '原值',
      '累计折旧',
      '净值',
    ]);
    expect(ws.getCell('J5').numFmt).toBe('#,##0.00');
    const total = findRow(ws, '合计');
    let assets = 0;
    const sums = [0, 0, 0];
    let subtotals = [0, 0, 0];
    for (let n = 5; n < total; n++) {
      const v = rowValues(ws, n);
      const money = [v[9], v[10], v[11]].map(fen);
      if (v[1] === '小计') {
        expect(money, `第 ${n} 行小计`).toEqual(subtotals);
        subtotals = [0, 0, 0];
        continue;
      }
      assets++;
      money.forEach((m, i) => (((sums[i] as number) += m), ((subtotals[i] as number) += m)));
    }
    expect(assets).toBe(held.length);
    expect(rowValues(ws, total).slice(9, 12).map(fen)).toEqual(sums);
    expect(sums).toEqual([ledger.total.valueFen, ledger.total.accumulatedFen, ledger.total.bookValueFen]);
    // The summary by top class ends with the same 合计.
    const summaryTotal = findRow(ws, '合计', 2);
    expect(summaryTotal).toBeGreaterThan(total);
  });

  it('for one clinic lists only its assets, without 小计 rows', async () => {
    const { ctx } = await freshDb();
    const zhang = Number(ctx.db.prepare("SELECT id FROM clinics WHERE name = '张庄村卫生室'").pluck().get());
    const r = buildReport(ctx, 'asset-ledger', { asOf: '2026-03-05', clinicId: zhang });
    expect(r.title).toBe('固定资产台账（张庄村卫生室）');
    expect(r.ledger?.assets.every((a) => a.holderClinicId === zhang)).toBe(true);
    expect(r.ledger?.assets.length).toBeGreaterThan(3);
    expect(r.tables[0]?.emphasis).toEqual([]);
    // The missing blood-pressure monitor stays on the books until its loss is approved (A3).
    expect(r.ledger?.assets.find((a) => a.name === '血压计')?.status).toBe('丢失待处理');
    const center = buildReport(ctx, 'asset-ledger', { clinicId: null });
    expect(center.ledger?.assets.every((a) => a.holderName === '卫生院本部')).toBe(true);
  });
});

describe('固定资产增减变动表', () => {
  it('balances for the township and for both clinics of a transfer, which only the clinics show', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const ecg = await addAsset(s, { holderClinicId: c.zhang, acquiredOn: '2024-03-10' });
    await addAsset(s, { holderClinicId: c.zhang, name: '诊断床', category: 'furniture', acquiredOn: '2025-01-05', valueFen: 160_000 });
    await addAsset(s, { holderClinicId: c.li, name: '电脑', category: 'computer_office', acquiredOn: '2026-02-01', valueFen: 450_000 });
    const old = await addAsset(s, {
      holderClinicId: c.li,
      name: '旧电脑',
      category: 'computer_office',
      acquiredOn: '2019-01-01',
      valueFen: 390_000,
    });
    await call(s, 'assets.move', {
      kind: 'transfer',
      assetId: ecg.id,
      date: '2026-02-10',
      toClinicId: c.li,
      reason: '调剂',
      sentBy: '张建国',
      receivedBy: '李秀英',
    });
    await call(s, 'assets.move', {
      kind: 'dispose',
      assetId: old.id,
      date: '2026-03-20',
      method: 'scrap',
      approvalNo: '河卫资〔2026〕1号',
      approvalDate: '2026-03-18',
    });
    const period = { from: '2026-01-01', to: '2026-03-31' };

    const township = buildReport(s.ctx, 'asset-changes', period);
    const zhang = buildReport(s.ctx, 'asset-changes', { ...period, clinicId: c.zhang });
    const li = buildReport(s.ctx, 'asset-changes', { ...period, clinicId: c.li });
    for (const r of [township, zhang, li]) {
      const ch = r.changes as NonNullable<ReportData['changes']>;
      balances(ch.total);
      for (const row of [...ch.byCategory, ...ch.byTopClass]) balances(row);
      expect(r.figures.closingValue).toBe(ch.total.closingValue);
    }
    const medical = (r: ReportData) => r.changes?.byCategory.find((x) => x.category === 'medical');
    // Through January 2026: 23 months at ¥200 carried with the transfer.
    expect(medical(zhang)).toMatchObject({ reducedValue: 1_200_000, reducedAccumulated: 23 * 20_000, closingValue: 0 });
    expect(medical(li)).toMatchObject({ addedValue: 1_200_000, addedAccumulated: 23 * 20_000, closingValue: 1_200_000 });
    expect(medical(township)).toMatchObject({
      addedValue: 0,
      reducedValue: 0,
      addedAccumulated: 0,
      reducedAccumulated: 0,
      openingValue: 1_200_000,
      closingValue: 1_200_000,
    });
    // The township's additions and reductions are the new computer and the scrapped one.
    expect(township.changes?.total).toMatchObject({ addedValue: 450_000, reducedValue: 390_000 });
    // Depreciation of the clinics adds up to the township's.
    expect((zhang.changes?.total.depreciation ?? 0) + (li.changes?.total.depreciation ?? 0)).toBe(township.changes?.total.depreciation);

    // On paper: every row balances too, the classes' rows are bold, the 合计 is the total.
    for (const [r, params] of [
      [township, period],
      [zhang, { ...period, clinicId: c.zhang }],
    ] as const) {
      const ws = await workbookOf(s, 'asset-changes', params);
      expect(ws.getCell('A1').value).toBe(r.title);
      expect(String(ws.getRow(2).values)).toContain('统计期间：2026年1月1日至2026年3月31日');
      expect([
        ws.getCell('B3').value,
        ws.getCell('E3').value,
        ws.getCell('G3').value,
        ws.getCell('I3').value,
        ws.getCell('J3').value,
      ]).toEqual(['期初', '本期增加', '本期减少', '本期计提折旧', '期末']);
      const total = findRow(ws, '合计');
      expect(total).toBe(5 + (r.tables[0]?.rows.length ?? 0));
      for (let n = 5; n <= total; n++) balances(sheetChanges(ws, n));
      expect(sheetChanges(ws, total)).toEqual(r.changes?.total);
      expect(ws.getCell('A5').value).toMatch(/^一、/);
      expect(ws.getCell('A5').font?.bold).toBe(true);
    }
  });

  it('needs a period, in order, and no parameters it does not take', async () => {
    const s = await openSessionAt(TODAY);
    expect((await failsUnchanged(s, 'returns.export', { name: 'asset-changes' })).fields).toMatchObject({
      from: '请选择统计期间的开始日期',
      to: '请选择统计期间的结束日期',
    });
    expect((await failsUnchanged(s, 'returns.export', { name: 'asset-changes', from: '2026-03-01', to: '2026-01-01' })).message).toContain(
      '结束日期 2026-01-01 早于开始日期 2026-03-01',
    );
    expect((await failsUnchanged(s, 'returns.export', { name: 'asset-ledger', from: '2026-03-01' })).message).toContain('不按期间统计');
    expect((await failsUnchanged(s, 'returns.export', { name: 'clinic-roster', asOf: '2026-03-01' })).message).toContain(
      '不能指定统计日期',
    );
    expect((await failsUnchanged(s, 'returns.export', { name: 'stocktake-discrepancies' })).message).toContain('请选择要出表的盘点');
    expect((await failsUnchanged(s, 'returns.export', { name: 'asset-ledger', clinicId: 999 })).message).toContain('没有这个卫生室');
    expect(() => buildReport(s.ctx, 'asset-changes', { from: '2026-01-01' })).toThrow('请选择统计期间的结束日期');
    const file = await call(s, 'returns.export', { name: 'asset-changes', from: '2026-01-01', to: '2026-03-31' });
    expect(file.fileName).toBe('固定资产增减变动表-20260331.xlsx');
  });
});

describe('固定资产盘盈盘亏表', () => {
  it('lists the missing, damaged and surplus items of a closed stocktake, with the counts', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const ecg = await addAsset(s, { holderClinicId: c.li, acquiredOn: '2024-03-10' });
    const bed = await addAsset(s, {
      holderClinicId: c.li,
      name: '诊断床',
      category: 'furniture',
      acquiredOn: '2025-01-05',
      valueFen: 160_000,
    });
    await addAsset(s, { holderClinicId: c.li, name: '电脑', category: 'computer_office', acquiredOn: '2026-02-01', valueFen: 450_000 });
    const st = await call(s, 'stocktakes.create', { title: '2026年上半年盘点', scope: 'clinic', clinicId: c.li, startedOn: TODAY });
    await call(s, 'stocktakes.mark', { stocktakeId: st.id, code: ecg.code, result: 'missing', note: '未找到' });
    await call(s, 'stocktakes.mark', { stocktakeId: st.id, code: bed.code, result: 'damaged', note: '床腿断裂' });
    await call(s, 'stocktakes.addSurplus', { stocktakeId: st.id, name: '雾化器', category: 'medical', valueFen: 45_000, clinicId: c.li });
    const open = buildReport(s.ctx, 'stocktake-discrepancies', { stocktakeId: st.id });
    expect(open.period).toContain('盘点中，本表为临时清单');
    await call(s, 'stocktakes.markRest', { stocktakeId: st.id, result: 'found' });
    await call(s, 'stocktakes.close', { id: st.id, closedOn: TODAY });

    const r = buildReport(s.ctx, 'stocktake-discrepancies', { stocktakeId: st.id });
    const ecgBook = (await call(s, 'assets.get', { id: ecg.id })).bookValueFen;
    expect(r.discrepancies?.items.map((i) => [i.result, i.name, i.valueFen])).toEqual([
      ['missing', '心电图机', 1_200_000],
      ['damaged', '诊断床', 160_000],
      ['surplus', '雾化器', 45_000],
    ]);
    expect(r.discrepancies?.items[0]?.bookValueFen).toBe(ecgBook);
    expect(r.figures).toMatchObject({
      items: 4,
      found: 1,
      missing: 1,
      damaged: 1,
      surplus: 1,
      missingValueFen: 1_200_000,
      surplusEstimateFen: 45_000,
    });
    // Closing gave the surplus item a card: its code is on the list.
    const surplusCode = r.discrepancies?.items[2]?.code ?? '';
    expect(surplusCode).toMatch(/-\d{5}$/);

    const ws = await workbookOf(s, 'stocktake-discrepancies', { stocktakeId: st.id });
    expect(ws.getCell('A1').value).toBe('固定资产盘盈盘亏表（2026年上半年盘点）');
    expect(String(ws.getRow(2).values)).toContain('盘点范围：李营村卫生室');
    const sections = ['一、盘亏', '二、毁损', '三、盘盈'].map((t) => findRow(ws, t, 2));
    expect(sections.every((n) => n > 0)).toBe(true);
    expect(rowValues(ws, (sections[0] as number) + 1).slice(1, 3)).toEqual([ecg.code, '心电图机']);
    expect(rowValues(ws, (sections[2] as number) + 1).slice(1, 3)).toEqual([surplusCode, '雾化器']);
    expect(fen(rowValues(ws, (sections[2] as number) + 1)[8])).toBe(45_000);
    const total = findRow(ws, '合计');
    expect(rowValues(ws, total).slice(6, 9).map(fen)).toEqual([
      1_360_000,
      ecgBook + (r.discrepancies?.items[1]?.bookValueFen ?? 0),
      45_000,
    ]);
    expect(findRow(ws, '盘亏（未找到）', 2)).toBeGreaterThan(total);
  });

  it('of the demo township’s last-year stocktake shows its missing blood-pressure monitor', async () => {
    const { ctx } = await freshDb();
    const id = Number(ctx.db.prepare('SELECT id FROM stocktakes ORDER BY id LIMIT 1').pluck().get());
    const r = buildReport(ctx, 'stocktake-discrepancies', { stocktakeId: id });
    expect(r.discrepancies?.items.map((i) => [i.result, i.name])).toEqual([['missing', '血压计']]);
    expect(r.discrepancies?.stocktake.status).toBe('closed');
  });
});
