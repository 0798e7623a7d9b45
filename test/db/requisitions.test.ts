/**
 * Requisitions (D1, D3) and the purchase plan through the real dispatcher on a real file:
 * submitting within the share approves at once (D3 自动), exactly 10 % included; just above by
 * value or by items holds it; an approval needs a reason and the 'approve' access and is
 * audited; reopening is refused once the month's delivery began; the 结存 / 近三月用量 / 建议
 * figures come from real movements; the plan adds only approved lines and the center's own.
 */
import { describe, expect, it } from 'vitest';
import { signInTrusted } from '../../electron/app/signedIn';
import { call, callFails, expectChinese } from '../helpers/calls';
import { deliverAndUse, DOUBTFUL, ESSENTIAL, OUTSIDE, receive, seedCatalog } from '../helpers/drugs';
import { addClinic, openSessionAt } from '../helpers/people';
import { auditCount, dumpDb } from '../helpers/tempDb';

const MONTH = '2026-07';

async function setUp(prices: Record<string, number> = {}) {
  const s = await openSessionAt('2026-06-20');
  const east = await addClinic(s, '东庄', 1200, 'C001');
  const west = await addClinic(s, '西岗', 900, 'C002');
  const cat = seedCatalog(s, prices);
  return { s, east, west, cat };
}

const line = (drugId: number | undefined, packs = 1) => ({ drugId: drugId ?? 0, packs });

describe('requisitions (D3)', () => {
  it('exactly 10 % outside by value and by items is approved when submitted, by D3 自动', async () => {
    const { s, east, cat } = await setUp();
    const lines = [...ESSENTIAL.map((n) => line(cat.id[n])), line(cat.id[OUTSIDE])];
    const r = await call(s, 'requisitions.save', { clinicId: east, month: MONTH, lines, submit: true });
    expect(r.status).toBe('approved');
    expect(r.approvedBy).toBe('D3 自动');
    expect(r.share).toMatchObject({ totalFen: 10000, outsideFen: 1000, totalItems: 10, outsideItems: 1, over: false });
    const row = await s.db.prepare('SELECT status, total_fen, outside_fen, total_items, outside_items FROM requisitions').get();
    expect(row).toEqual({ status: 'approved', total_fen: 10000, outside_fen: 1000, total_items: 10, outside_items: 1 });
  });

  it('one 分 above by value is held; above by items alone is held too', async () => {
    const { s, east, west, cat } = await setUp({ [ESSENTIAL[0] as string]: 999 });
    // 8 × 1000 + 999 inside, 1000 outside: 1000 / 9999 > 10 %, items exactly 1 / 10.
    const byValue = await call(s, 'requisitions.save', {
      clinicId: east,
      month: MONTH,
      lines: [...ESSENTIAL.map((n) => line(cat.id[n])), line(cat.id[OUTSIDE])],
      submit: true,
    });
    expect(byValue.share).toMatchObject({ overByValue: true, overByItems: false, over: true });
    expect(byValue.status).toBe('held');
    // A doubtful drug counts outside: 1 of 9 items (11.1 %), its value tiny beside 8 × 10 packs.
    const byItems = await call(s, 'requisitions.save', {
      clinicId: west,
      month: MONTH,
      lines: [...ESSENTIAL.slice(1).map((n) => line(cat.id[n], 10)), line(cat.id[DOUBTFUL])],
      submit: true,
    });
    expect(byItems.lines.find((l) => l.genericName === DOUBTFUL)).toMatchObject({ status: 'doubtful', essential: false });
    expect(byItems.share).toMatchObject({ overByValue: false, overByItems: true, outsideItems: 1, totalItems: 9 });
    expect(byItems.status).toBe('held');
    const list = await call(s, 'requisitions.list', { month: MONTH });
    expect(list.rows.map((r) => [r.clinicName, r.status, r.over])).toEqual([
      ['东庄村卫生室', 'held', true],
      ['西岗村卫生室', 'held', true],
    ]);
  });

  it('a held requisition is approved with a reason, audited; no reason, a draft, or the 只读 role are refused and change nothing', async () => {
    const { s, east, west, cat } = await setUp();
    await call(s, 'requisitions.save', { clinicId: east, month: MONTH, lines: [line(cat.id[OUTSIDE], 5)], submit: true });
    await call(s, 'requisitions.save', { clinicId: west, month: MONTH, lines: [line(cat.id[OUTSIDE])], submit: false });
    signInTrusted(s, { login: 'chakan', name: '查看员', role: 'viewer' });
    const before = dumpDb(s.db);
    const ro = await callFails(s, 'requisitions.approve', { clinicId: east, month: MONTH, reason: '同意' });
    expect(ro.code).toBe('FORBIDDEN');
    expectChinese(ro.message);
    expect(dumpDb(s.db)).toBe(before);

    signInTrusted(s, { login: 'shenhe', name: '李审核', role: 'reviewer' });
    const unchanged = dumpDb(s.db);
    const empty = await callFails(s, 'requisitions.approve', { clinicId: east, month: MONTH, reason: '   ' });
    expect(empty.message).toContain('审批理由');
    const draft = await callFails(s, 'requisitions.approve', { clinicId: west, month: MONTH, reason: '同意' });
    expect(draft.message).toBe('西岗村卫生室 2026-07 的请领单还是草稿，尚未提交，不需要审批');
    const none = await callFails(s, 'requisitions.approve', { clinicId: east, month: '2026-08', reason: '同意' });
    expect(none.message).toBe('东庄村卫生室 没有 2026-08 的请领单');
    expect(dumpDb(s.db)).toBe(unchanged);

    const audits = auditCount(s.db);
    const ok = await call(s, 'requisitions.approve', { clinicId: east, month: MONTH, reason: '头孢克洛为该村慢病患者长期用药' });
    expect(ok).toMatchObject({ status: 'approved', approvedBy: '李审核', approvalReason: '头孢克洛为该村慢病患者长期用药' });
    expect(auditCount(s.db)).toBe(audits + 1);
    const a = s.db.prepare("SELECT actor, actor_login, summary FROM audit_log WHERE action = 'approve'").get() as Record<string, string>;
    expect(a).toMatchObject({ actor: '李审核', actor_login: 'shenhe' });
    expect(a.summary).toContain('头孢克洛为该村慢病患者长期用药');
    const again = await callFails(s, 'requisitions.approve', { clinicId: east, month: MONTH, reason: '同意' });
    expect(again.message).toContain('已经批准（李审核）');
  });

  it('an approved requisition is edited only after reopening, and reopening is refused once delivery began', async () => {
    const { s, east, cat } = await setUp();
    const drug = cat.id[ESSENTIAL[0] as string] ?? 0;
    await call(s, 'requisitions.save', { clinicId: east, month: MONTH, lines: [line(drug, 3)], submit: true });
    const edit = await callFails(s, 'requisitions.save', { clinicId: east, month: MONTH, lines: [line(drug, 4)], submit: false });
    expect(edit.message).toContain('请先点“撤回修改”');
    const reopened = await call(s, 'requisitions.reopen', { clinicId: east, month: MONTH });
    expect(reopened).toMatchObject({ status: 'draft', approvedBy: '' });
    await call(s, 'requisitions.save', { clinicId: east, month: MONTH, lines: [line(drug, 4)], submit: true });
    // The month's 配送单 for the clinic exists: what was approved is what is being served.
    s.db
      .prepare("INSERT INTO deliveries (month, delivered_on, clinic_id, created_at) VALUES (?, '2026-07-03', ?, '2026-07-03T02:00:00Z')")
      .run(MONTH, east);
    const before = dumpDb(s.db);
    const refused = await callFails(s, 'requisitions.reopen', { clinicId: east, month: MONTH });
    expect(refused.message).toBe('东庄村卫生室 2026-07 的请领单已经开始配送，不能撤回修改；缺的药品请下月请领或由卫生院补录采购计划');
    expect((await call(s, 'requisitions.get', { clinicId: east, month: MONTH })).delivered).toBe(true);
    expect(dumpDb(s.db)).toBe(before);
  });

  it('结存 at the end of the month before, 近三月用量 and the suggestion come from the movements', async () => {
    const { s, east, cat } = await setUp();
    const drug = cat.id[ESSENTIAL[1] as string] ?? 0;
    const batch = receive(cat.ctx, drug, 100, '2026-03-01');
    // Delivered 40 in March; used 6 in March (outside the window), 5 + 7 + 9 = 21 in April–June.
    deliverAndUse(cat.ctx, batch, east, 40, '2026-03-02', [
      ['2026-03-20', 6],
      ['2026-04-10', 5],
      ['2026-05-10', 7],
      ['2026-06-30', 9],
      ['2026-07-01', 2],
    ]);
    const f = await call(s, 'requisitions.lineFigures', { clinicId: east, month: MONTH, drugId: drug });
    // On hand at 2026-06-30: 40 − 6 − 21 = 13 (the use of 1 July is after it); ⌈21 / 2⌉ − 13 = −2 → 0.
    expect(f).toMatchObject({ onHand: 13, used3m: 21, suggested: 0, priceFen: 1000, essential: true, status: 'essential' });
    const aug = await call(s, 'requisitions.lineFigures', { clinicId: east, month: '2026-08', drugId: drug });
    // At 2026-07-31: 11 on hand; May–July use 7 + 9 + 2 = 18 → ⌈9⌉ − 11 → 0. Then a heavier quarter:
    expect(aug).toMatchObject({ onHand: 11, used3m: 18, suggested: 0 });
    deliverAndUse(cat.ctx, batch, east, 10, '2026-07-05', [['2026-07-20', 20]]);
    expect(await call(s, 'requisitions.lineFigures', { clinicId: east, month: '2026-08', drugId: drug })).toMatchObject({
      onHand: 1,
      used3m: 38,
      suggested: 18,
    });
    const saved = await call(s, 'requisitions.save', { clinicId: east, month: '2026-08', lines: [line(drug, 18)], submit: false });
    expect(saved.lines[0]).toMatchObject({ onHand: 1, used3m: 38, suggested: 18, packs: 18, amountFen: 18000 });
    expect(saved.onHandAsOf).toBe('2026-07-31');
  });
});

describe('purchase plan', () => {
  it('adds only approved lines and the center’s own lines, priced on the 1st, sums exact in 分', async () => {
    const { s, east, west, cat } = await setUp({ [ESSENTIAL[0] as string]: 1234, [ESSENTIAL[1] as string]: 333 });
    const a = cat.id[ESSENTIAL[0] as string] ?? 0;
    const b = cat.id[ESSENTIAL[1] as string] ?? 0;
    await call(s, 'requisitions.save', { clinicId: east, month: MONTH, lines: [line(a, 3), line(b, 7)], submit: true });
    await call(s, 'requisitions.save', { clinicId: west, month: MONTH, lines: [line(a, 2)], submit: true });
    // Held (all outside the list) and a draft: not in the plan.
    const third = await addClinic(s, '南坡', 800, 'C003');
    await call(s, 'requisitions.save', { clinicId: third, month: MONTH, lines: [line(cat.id[OUTSIDE], 50)], submit: true });
    const fourth = await addClinic(s, '北沟', 700, 'C004');
    await call(s, 'requisitions.save', { clinicId: fourth, month: MONTH, lines: [line(a, 99)], submit: false });
    const plan = await call(s, 'purchase.saveExtra', { month: MONTH, drugId: b, packs: 10, note: '卫生院药房' });
    expect(plan.rows.map((r) => [r.genericName, r.requestedPacks, r.extraPacks, r.packs, r.priceFen, r.amountFen, r.clinics])).toEqual([
      ['阿莫西林胶囊', 5, 0, 5, 1234, 6170, 2],
      ['布洛芬片', 7, 10, 17, 333, 5661, 1],
    ]);
    expect(plan.totals).toEqual({ drugs: 2, packs: 22, amountFen: 11831, clinics: 2 });
    expect(plan.held).toEqual(['南坡村卫生室']);
    expect(plan.drafts).toEqual(['北沟村卫生室']);
    const extraId = plan.rows[1]?.extraId ?? 0;
    const after = await call(s, 'purchase.removeExtra', { id: extraId });
    expect(after.totals.amountFen).toBe(6170 + 7 * 333);

    await call(s, 'purchase.setColumns', { columns: ['platformCode', 'genericName', 'packs', 'amount'] });
    const report = await call(s, 'returns.export', { name: 'purchase-plan', month: MONTH });
    expect(report.rowCount).toBe(2);
    const up = await call(s, 'purchase.upload', { month: MONTH });
    expect(up.fileName).toBe('采购计划上传-202607.xlsx');
    expect((await callFails(s, 'purchase.setColumns', { columns: ['packs', 'packs'] })).message).toContain('同一列不能出现两次');
  });
});
