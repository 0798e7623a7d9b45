/**
 * The drug returns of parts 3 and 8 built from real requisitions and movements, read back from
 * the workbooks: 药品采购计划表 (approved lines + the center's own, 元 on paper and 分 in JSON,
 * a 合计 row, the held requisition named, the signature line), 基本药物配备使用情况 (per clinic the
 * approved requisition's and the month's use's non-essential share, 超出 by value and by items,
 * the township total), and the platform upload file (a plain header in the setting's order).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, writeReturnFile } from '../../electron/app/returns';
import { makeContext } from '../../electron/db/context';
import { saveExtraLine } from '../../electron/domains/drugs/purchase/extra';
import { purchaseUploadBuffer } from '../../electron/domains/drugs/purchase/upload';
import { writeRequisition } from '../../electron/domains/drugs/requisitions/write';
import { updateSettings } from '../../electron/domains/settings/service';
import { deliverAndUse, ESSENTIAL, OUTSIDE, receive, seedCatalog } from '../helpers/drugs';
import { addClinic, clockAt, openSessionAt } from '../helpers/people';
import { tempDir } from '../helpers/tempDb';
import { findRow, findRowStarting, readBack, rowValues, sheet } from './support';

const MONTH = '2026-07';

async function setUp() {
  const s = await openSessionAt('2026-07-25');
  const ctx = makeContext(s.db, '测试', clockAt('2026-07-25'));
  updateSettings(ctx, { centerName: '河阳镇中心卫生院', operatorName: '刘晓梅', reviewerName: '王建华', directorName: '张卫东' });
  const east = await addClinic(s, '东庄', 1200, 'C001');
  const west = await addClinic(s, '西岗', 900, 'C002');
  const cat = seedCatalog(s, { [ESSENTIAL[0] as string]: 1234 });
  const id = (n: string | undefined) => cat.id[n ?? ''] ?? 0;
  s.db
    .transaction(() => {
      // 东庄: 9 essential drugs and one outside, exactly 10 % by items → approved.
      writeRequisition(ctx, east, MONTH, [...ESSENTIAL.map((n) => ({ drugId: id(n), packs: 2 })), { drugId: id(OUTSIDE), packs: 1 }], {
        submit: true,
      });
      // 西岗: only the outside drug → held, not in the plan.
      writeRequisition(ctx, west, MONTH, [{ drugId: id(OUTSIDE), packs: 4 }], { submit: true });
    })
    .immediate();
  saveExtraLine(ctx, { month: MONTH, drugId: id(ESSENTIAL[1]), packs: 6, note: '卫生院药房' });
  // 东庄's July use: 3 packs of an essential drug, 2 of the outside one (40 % by value, 50 % by items).
  const a = receive(ctx, id(ESSENTIAL[2]), 10, '2026-06-01');
  const o = receive(ctx, id(OUTSIDE), 10, '2026-06-01');
  deliverAndUse(ctx, a, east, 5, '2026-06-02', [['2026-07-10', 3]]);
  deliverAndUse(ctx, o, east, 5, '2026-06-02', [['2026-07-11', 2]]);
  return { s, ctx, east, west };
}

describe('drug returns of requisitions', () => {
  it('药品采购计划表: approved lines and the center’s own, totals in 元, held named, signatures', async () => {
    const { ctx } = await setUp();
    const file = path.join(tempDir(), '采购计划.xlsx');
    const report = await writeReturnFile(ctx, 'purchase-plan', file, { month: MONTH });
    // 1234×2 + 8 × 1000×2 + 1000×1 + 1000×6 = 2468 + 16000 + 1000 + 6000.
    expect(report.figures).toMatchObject({ drugs: 10, packs: 25, amountFen: 25468, clinics: 1, held: 1, extraPacks: 6 });
    const ws = sheet(await readBack(file));
    expect(String(rowValues(ws, 1)[0])).toBe('药品采购计划表（2026年7月）');
    const total = findRow(ws, '合计');
    expect(total).toBeGreaterThan(0);
    expect(rowValues(ws, total)).toContain(254.68);
    // The summary block under the table, from column B.
    expect(findRow(ws, '未计入本计划的请领单（D9：只有已批准的请领单计入）', 2)).toBeGreaterThan(total);
    expect(findRow(ws, '西岗村卫生室（待审批）', 2)).toBeGreaterThan(total);
    const sign = findRowStarting(ws, '填报人');
    expect(String(rowValues(ws, sign).join(''))).toContain('刘晓梅');
  });

  it('基本药物配备使用情况: equipment and use per clinic against D3, township total', async () => {
    const { ctx } = await setUp();
    const r = buildReport(ctx, 'essential-share', { month: MONTH });
    const rows = r.tables[0]?.rows ?? [];
    expect(
      rows.map((x) => [
        x.clinicName,
        x.reqItems,
        x.reqOutsideItems,
        x.reqItemPct,
        x.reqOver,
        x.useFen,
        x.useOutsideFen,
        x.useValuePct,
        x.useOver,
      ]),
    ).toEqual([
      ['东庄村卫生室', 10, 1, 10, '', 5000, 2000, 40, '金额、品种'],
      ['西岗村卫生室', 0, 0, null, '', 0, 0, null, ''],
    ]);
    expect(r.figures).toMatchObject({
      reqItems: 10,
      reqOutsideItems: 1,
      reqOverClinics: 0,
      useTotalFen: 5000,
      useOutsideFen: 2000,
      useOverClinics: 1,
    });
    const file = path.join(tempDir(), '基药.xlsx');
    await writeReturnFile(ctx, 'essential-share', file, { month: MONTH });
    const ws = sheet(await readBack(file));
    expect(String(rowValues(ws, 1)[0])).toBe('基本药物配备使用情况（2026年7月）');
    expect(findRow(ws, '合计')).toBeGreaterThan(0);
  });

  it('the upload file: one plain header row in the setting’s order, one row per drug, codes as text', async () => {
    const { ctx } = await setUp();
    updateSettings(ctx, { purchasePlanColumns: ['index', 'platformCode', 'genericName', 'packs', 'price', 'amount'] });
    const { buffer, rowCount } = await purchaseUploadBuffer(ctx, MONTH);
    expect(rowCount).toBe(10);
    const ws = sheet(await readBack(buffer));
    expect(rowValues(ws, 1)).toEqual(['序号', '平台编码', '通用名', '采购数量', '单价（元）', '金额（元）']);
    expect(rowValues(ws, 2)).toEqual([1, 'YP0001', ESSENTIAL[0], 2, 12.34, 24.68]);
    expect(ws.rowCount).toBe(11);
  });
});
