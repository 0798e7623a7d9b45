/**
 * Asset cards and movements (A1–A3) through the real dispatcher on a real SQLite file: the
 * ledger as of any date across transfers and disposals, reversals, codes, and bad input that
 * changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { call, callFails } from '../helpers/calls';
import { addAsset, ledger, twoClinics } from '../helpers/assets';
import { failsUnchanged, openSessionAt } from '../helpers/people';

const TODAY = '2026-06-15';

describe('asset cards', () => {
  it('opens a card with a code from the clinic prefix, the category life and its 入账 movement', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    const b = await addAsset(s, { holderClinicId: c.zhang, name: '诊断床', category: 'furniture' });
    const center = await addAsset(s, { holderClinicId: null, name: '救护车', category: 'vehicle' });
    expect([a.code, b.code, center.code]).toEqual(['01-00001', '01-00002', 'WSY-00001']);
    expect(a.lifeMonths).toBe(60);
    expect(b.lifeMonths).toBe(180);
    expect(center.holderName).toBe('卫生院本部');
    expect(a.movements.map((m) => m.kind)).toEqual(['acquire']);
    expect(a.status).toBe('in_use');
    // March 2024 … June 2026: 28 months at ¥200.
    expect(a.accumulatedFen).toBe(28 * 20_000);
    expect(a.bookValueFen).toBe(1_200_000 - 28 * 20_000);
  });

  it('takes a new card’s default life from the settings (A4); cards already open keep theirs', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const before = await addAsset(s, { holderClinicId: c.zhang });
    await call(s, 'settings.update', { lifeMedical: 8 });
    const after = await addAsset(s, { holderClinicId: c.zhang });
    const land = await addAsset(s, { holderClinicId: null, name: '院区土地', category: 'land' });
    expect([before.lifeMonths, after.lifeMonths, land.lifeMonths]).toEqual([60, 96, 0]);
    expect((await call(s, 'assets.get', { id: before.id })).lifeMonths).toBe(60);
    expect(land.accumulatedFen).toBe(0);
  });

  it('refuses bad cards and changes nothing', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const base = {
      name: '心电图机',
      category: 'medical',
      funding: 'fiscal',
      acquiredOn: '2024-03-10',
      valueFen: 100,
      holderClinicId: c.zhang,
    };
    expect((await failsUnchanged(s, 'assets.create', { ...base, name: '' })).fields?.name).toBe('请填写资产名称');
    expect((await failsUnchanged(s, 'assets.create', { ...base, valueFen: 12.5 })).fields?.valueFen).toMatch(/分/);
    expect((await failsUnchanged(s, 'assets.create', { ...base, acquiredOn: '2026-07-01' })).fields?.acquiredOn).toBe(
      '购置日期不能晚于今天',
    );
    expect((await failsUnchanged(s, 'assets.create', { ...base, inServiceOn: '2024-01-01' })).fields?.inServiceOn).toMatch(
      /不能早于购置日期/,
    );
    expect((await failsUnchanged(s, 'assets.create', { ...base, holderClinicId: 999 })).field).toBe('holderClinicId');
  });

  it('never gives a code twice, even after a card is voided', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    const voided = await call(s, 'assets.reverse', { assetId: a.id, movementId: a.movements[0]!.id, reason: '重复登记' });
    expect(voided.status).toBe('void');
    expect((await addAsset(s, { holderClinicId: c.zhang })).code).toBe('01-00002');
    expect((await ledger(s, TODAY)).map((r) => r.code)).toEqual(['01-00002']);
  });

  it('edits descriptive fields only, with an audit row naming them', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    const after = await call(s, 'assets.update', {
      id: a.id,
      values: {
        name: '十二导心电图机',
        category: 'medical',
        model: 'ECG-1200',
        funding: 'fiscal',
        acquiredOn: '2024-03-10',
        location: '诊室',
      },
    });
    expect(after.name).toBe('十二导心电图机');
    const audit = s.db.prepare("SELECT summary FROM audit_log WHERE entity = 'asset' ORDER BY id DESC LIMIT 1").pluck().get();
    expect(audit).toBe(`修改资产卡片：${a.code} 十二导心电图机（资产名称、存放地点）`);
    // Value is not a card field: a strict schema refuses it.
    await failsUnchanged(s, 'assets.update', {
      id: a.id,
      values: { name: 'x', category: 'medical', funding: 'fiscal', acquiredOn: '2024-03-10', valueFen: 1 },
    });
  });
});

describe('the ledger as of a date (A3)', () => {
  it('follows transfers and disposals, and a transfer never loses or doubles an asset', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    await call(s, 'assets.move', {
      kind: 'transfer',
      assetId: a.id,
      date: '2025-01-20',
      toClinicId: c.li,
      reason: '调剂使用',
      sentBy: '张建国',
      receivedBy: '李秀英',
    });
    await call(s, 'assets.move', {
      kind: 'transfer',
      assetId: a.id,
      date: '2025-09-01',
      toClinicId: null,
      reason: '维修后收回',
      sentBy: '李秀英',
      receivedBy: '王会计',
    });
    await call(s, 'assets.move', {
      kind: 'dispose',
      assetId: a.id,
      date: '2026-03-05',
      method: 'scrap',
      approvalNo: '卫资〔2026〕3号',
      approvalDate: '2026-03-01',
    });
    const holderOn = async (day: string) => (await ledger(s, day)).filter((r) => r.id === a.id).map((r) => `${r.holderName}/${r.status}`);
    expect(await holderOn('2024-03-09')).toEqual([]);
    expect(await holderOn('2025-01-19')).toEqual(['张庄村卫生室/in_use']);
    expect(await holderOn('2025-01-20')).toEqual(['李营村卫生室/in_use']);
    expect(await holderOn('2025-12-31')).toEqual(['卫生院本部/in_use']);
    expect(await holderOn('2026-03-05')).toEqual(['卫生院本部/disposed']);
    // By clinic on each day: exactly one holder.
    for (const day of ['2024-06-01', '2025-02-01', '2025-10-01']) {
      const rows = (await ledger(s, day)).filter((r) => r.id === a.id);
      expect(rows).toHaveLength(1);
    }
    // Depreciation stopped in the month of disposal: March 2024 … February 2026 = 24 months.
    const disposed = (await ledger(s, TODAY)).find((r) => r.id === a.id);
    expect(disposed?.accumulatedFen).toBe(24 * 20_000);
  });

  it('refuses a movement dated before the latest one, a transfer to the same place, and anything after disposal', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    const move = { kind: 'transfer', assetId: a.id, toClinicId: c.li, reason: '调剂', sentBy: '甲', receivedBy: '乙' };
    expect((await failsUnchanged(s, 'assets.move', { ...move, date: '2024-01-01' })).message).toMatch(/不能早于该资产最近一次变动/);
    expect((await failsUnchanged(s, 'assets.move', { ...move, date: '2025-01-01', toClinicId: c.zhang })).field).toBe('toClinicId');
    expect((await failsUnchanged(s, 'assets.move', { ...move, date: '2025-01-01', sentBy: '' })).fields?.sentBy).toBe('请填写调出方签收人');
    expect(
      (
        await failsUnchanged(s, 'assets.move', {
          kind: 'dispose',
          assetId: a.id,
          date: '2025-01-01',
          method: 'scrap',
          approvalNo: 'X',
          approvalDate: '2025-02-01',
        })
      ).field,
    ).toBe('approvalDate');
    await call(s, 'assets.move', {
      kind: 'dispose',
      assetId: a.id,
      date: '2025-01-01',
      method: 'sell',
      approvalNo: 'X1',
      approvalDate: '2024-12-20',
      proceedsFen: 50_000,
    });
    expect((await failsUnchanged(s, 'assets.move', { ...move, date: '2025-02-01' })).message).toMatch(/已于 2025-01-01 处置/);
  });

  it('a reversed transfer restores the previous holder on every date; only the latest movement can be reversed', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    const t1 = await call(s, 'assets.move', {
      kind: 'transfer',
      assetId: a.id,
      date: '2025-01-20',
      toClinicId: c.li,
      reason: '调剂',
      sentBy: '甲',
      receivedBy: '乙',
    });
    const t2 = await call(s, 'assets.move', { kind: 'status', assetId: a.id, date: '2025-02-01', status: 'repair', reason: '送修' });
    const first = t1.movements[1]!.id;
    expect((await failsUnchanged(s, 'assets.reverse', { assetId: a.id, movementId: first, reason: '误登' })).message).toMatch(
      /只能冲销该资产最近一次有效的变动（状态变更，2025-02-01）/,
    );
    await call(s, 'assets.reverse', { assetId: a.id, movementId: t2.reversibleId!, reason: '误登' });
    const back = await call(s, 'assets.reverse', { assetId: a.id, movementId: first, reason: '调拨未执行' });
    expect(back.holderName).toBe('张庄村卫生室');
    expect(back.status).toBe('in_use');
    expect(back.movements.filter((m) => m.reversedById !== null).map((m) => m.kind)).toEqual(['transfer', 'status']);
    expect((await ledger(s, '2025-03-01')).find((r) => r.id === a.id)?.holderName).toBe('张庄村卫生室');
    // A reversal itself is not reversed.
    const reversal = back.movements.find((m) => m.kind === 'reversal')!;
    expect((await failsUnchanged(s, 'assets.reverse', { assetId: a.id, movementId: reversal.id, reason: 'x' })).message).toMatch(
      /冲销记录本身不能再冲销/,
    );
  });

  it('a clinic holding assets cannot close until they are transferred (A3)', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.li });
    const e = await failsUnchanged(s, 'clinics.close', { id: c.li, closedOn: TODAY, reason: '村医退休' });
    expect(e.message).toBe(
      '“李营村卫生室”还有 1 项固定资产在账。请先在“固定资产”中把它们调拨到卫生院本部或其他卫生室（或办理处置），再撤销卫生室',
    );
    await call(s, 'assets.move', {
      kind: 'transfer',
      assetId: a.id,
      date: TODAY,
      toClinicId: null,
      reason: '卫生室撤销，收回',
      sentBy: '李秀英',
      receivedBy: '王会计',
    });
    expect((await call(s, 'clinics.close', { id: c.li, closedOn: TODAY, reason: '村医退休' })).status).toBe('closed');
  });

  it('movements are append-only in the database itself', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    expect(() => s.db.prepare('UPDATE asset_movements SET value_fen = 1 WHERE asset_id = ?').run(a.id)).toThrow(/不能修改/);
    expect(() => s.db.prepare('DELETE FROM asset_movements WHERE asset_id = ?').run(a.id)).toThrow(/不能删除/);
    expect(() => s.db.prepare('DELETE FROM assets WHERE id = ?').run(a.id)).toThrow(/不能删除/);
  });

  it('a value change moves value and depreciation from its month on', async () => {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang });
    const v = await call(s, 'assets.move', {
      kind: 'value_change',
      assetId: a.id,
      date: '2026-03-10',
      method: 'improvement',
      deltaFen: 600_000,
      reason: '加装模块',
    });
    expect(v.valueFen).toBe(1_800_000);
    // 24 months at ¥200, then (18,000 − 4,800) / 36 a month for March … June 2026.
    expect(v.accumulatedFen).toBe(480_000 + Math.floor((1_320_000 * 4) / 36));
    expect((await ledger(s, '2026-02-28')).find((r) => r.id === a.id)?.valueFen).toBe(1_200_000);
    const e = await failsUnchanged(s, 'assets.move', {
      kind: 'value_change',
      assetId: a.id,
      date: '2026-06-01',
      method: 'revaluation',
      deltaFen: -1_700_000,
      reason: '重估',
    });
    expect(e.message).toMatch(/低于已提折旧/);
  });
});

describe('the value-change guard (A3, A4): the new 原值 against the depreciation accumulated before its month', () => {
  // ¥12,345.67 over 60 months from March 2024, ⌊value·k/60⌋ after k months: through April 2026
  // (26 months) 534,979 分, through May (27) 555,555 分, through June (28) 576,131 分. A change
  // takes effect in its own month, so one dated in June must leave at least what was
  // accumulated through May — not through June, nor only through April.
  const value = 1_234_567;
  const throughApril = 534_979;
  const throughMay = 555_555;
  const throughJune = 576_131;

  async function card() {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.zhang, acquiredOn: '2024-03-10', valueFen: value, lifeMonths: 60 });
    const at = async (day: string) => (await ledger(s, day)).find((r) => r.id === a.id)?.accumulatedFen;
    // The figures above are the ledger's own.
    expect([await at('2026-04-30'), await at('2026-05-31'), await at(TODAY)]).toEqual([throughApril, throughMay, throughJune]);
    return { s, a };
  }
  const revalue = (assetId: number, date: string, newValue: number) => ({
    kind: 'value_change' as const,
    assetId,
    date,
    method: 'revaluation' as const,
    deltaFen: newValue - value,
    reason: '资产评估',
  });

  it('a revaluation to exactly the accumulated amount is allowed; one 分 below is refused, naming the field, and changes nothing', async () => {
    const { s, a } = await card();
    const e = await failsUnchanged(s, 'assets.move', revalue(a.id, '2026-06-01', throughMay - 1));
    expect(e.field).toBe('deltaFen');
    expect(e.message).toBe('变动后原值 5,555.54 元 低于已提折旧 5,555.55 元，请核对金额');
    const v = await call(s, 'assets.move', revalue(a.id, '2026-06-01', throughMay));
    // Nothing is left to depreciate: June books nothing.
    expect(v).toMatchObject({ valueFen: throughMay, accumulatedFen: throughMay, bookValueFen: 0, monthlyFen: 0 });
  });

  it('a change dated in June counts the depreciation through May, not through June', async () => {
    const { s, a } = await card();
    // Below what was accumulated through May: refused mid-June as on the 1st.
    const e = await failsUnchanged(s, 'assets.move', revalue(a.id, TODAY, throughMay - 1));
    expect(e.field).toBe('deltaFen');
    // Between May's and June's figure: allowed (counting June would refuse it).
    const v = await call(s, 'assets.move', revalue(a.id, TODAY, throughJune - 1));
    // June spreads the book value left, 20,575 分, over the 33 months of life left.
    expect(v).toMatchObject({ valueFen: throughJune - 1, accumulatedFen: throughMay + Math.floor(20_575 / 33) });
  });

  it('a change dated on the last day of May counts the depreciation through April', async () => {
    const { s, a } = await card();
    const e = await failsUnchanged(s, 'assets.move', revalue(a.id, '2026-05-31', throughApril - 1));
    expect(e.message).toBe('变动后原值 5,349.78 元 低于已提折旧 5,349.79 元，请核对金额');
    // The amount refused in June is allowed in May.
    const v = await call(s, 'assets.move', revalue(a.id, '2026-05-31', throughMay - 1));
    // May and June spread the book value left, 20,575 分, over the 34 months of life left.
    expect(v).toMatchObject({ valueFen: throughMay - 1, accumulatedFen: throughApril + Math.floor((20_575 * 2) / 34) });
  });
});

describe('stocktakes (A3)', () => {
  async function township() {
    const s = await openSessionAt(TODAY);
    const c = await twoClinics(s);
    const a = await addAsset(s, { holderClinicId: c.li });
    const b = await addAsset(s, { holderClinicId: c.li, name: '药品柜', category: 'furniture' });
    const other = await addAsset(s, { holderClinicId: c.zhang, name: '血糖仪' });
    return { s, c, a, b, other };
  }

  it('lists what the ledger says is there; scanning marks found; a code from elsewhere is explained', async () => {
    const { s, c, a, b, other } = await township();
    const st = await call(s, 'stocktakes.create', { title: '2026年上半年盘点', scope: 'clinic', clinicId: c.li, startedOn: TODAY });
    expect(st.items.map((i) => i.code).sort()).toEqual([a.code, b.code].sort());
    const marked = await call(s, 'stocktakes.mark', { stocktakeId: st.id, code: ` ${a.code.toLowerCase()} `, result: 'found' });
    expect(marked.item.result).toBe('found');
    expect(marked.stocktake.counts).toMatchObject({ found: 1, pending: 1 });
    expect((await failsUnchanged(s, 'stocktakes.mark', { stocktakeId: st.id, code: other.code, result: 'found' })).message).toMatch(
      /登记在“张庄村卫生室”，不在本次盘点范围内/,
    );
    expect((await failsUnchanged(s, 'stocktakes.mark', { stocktakeId: st.id, code: 'NOPE-1', result: 'found' })).message).toMatch(
      /没有编号为“NOPE-1”的资产/,
    );
    expect((await failsUnchanged(s, 'stocktakes.create', { title: '重复', scope: 'all', startedOn: TODAY })).message).toMatch(/还在盘点中/);
  });

  it('closing needs every item marked, then locks; a missing asset stays on the books until an approved loss disposal', async () => {
    const { s, c, a, b } = await township();
    const st = await call(s, 'stocktakes.create', { title: '年终盘点', scope: 'clinic', clinicId: c.li, startedOn: TODAY });
    await call(s, 'stocktakes.mark', { stocktakeId: st.id, code: a.code, result: 'missing', note: '未找到' });
    expect((await failsUnchanged(s, 'stocktakes.close', { id: st.id, closedOn: TODAY })).message).toMatch(/还有 1 项未盘点/);
    await call(s, 'stocktakes.addSurplus', { stocktakeId: st.id, name: '雾化器', category: 'medical', valueFen: 45_000, clinicId: c.li });
    await call(s, 'stocktakes.markRest', { stocktakeId: st.id, result: 'found' });
    const closed = await call(s, 'stocktakes.close', { id: st.id, closedOn: TODAY });
    expect(closed.status).toBe('closed');
    expect(closed.counts).toMatchObject({ found: 1, missing: 1, surplus: 1, pending: 0 });
    // The surplus item now has a card at the clinic; the missing one is 丢失待处理 but still held.
    const rows = await ledger(s, TODAY);
    expect(rows.find((r) => r.name === '雾化器')).toMatchObject({ holderName: '李营村卫生室', funding: 'surplus', valueFen: 45_000 });
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ status: 'lost', holderName: '李营村卫生室' });
    expect(rows.find((r) => r.id === b.id)?.lastStocktakeOn).toBe(TODAY);
    // Locked.
    expect(
      (await failsUnchanged(s, 'stocktakes.mark', { stocktakeId: st.id, itemId: closed.items[0]!.id, result: 'pending' })).message,
    ).toMatch(/已于 2026-06-15 结束/);
    expect(() => s.db.prepare("UPDATE stocktake_items SET result = 'found' WHERE stocktake_id = ?").run(st.id)).toThrow(/盘点已结束/);
    // It leaves only by a disposal that names its approval.
    await failsUnchanged(s, 'assets.move', { kind: 'dispose', assetId: a.id, date: TODAY, method: 'loss', approvalDate: TODAY });
    const gone = await call(s, 'assets.move', {
      kind: 'dispose',
      assetId: a.id,
      date: TODAY,
      method: 'loss',
      approvalNo: '卫资〔2026〕9号',
      approvalDate: TODAY,
    });
    expect(gone.status).toBe('disposed');
  });

  it('lists assets never stocktaken or not in the last 12 months', async () => {
    const { s, c, a, b, other } = await township();
    const st = await call(s, 'stocktakes.create', { title: '盘点', scope: 'clinic', clinicId: c.li, startedOn: '2025-06-14' });
    await call(s, 'stocktakes.markRest', { stocktakeId: st.id, result: 'found' });
    await call(s, 'stocktakes.close', { id: st.id, closedOn: '2025-06-14' });
    const names = (await call(s, 'assets.uncounted', {})).rows.map((r) => r.code).sort();
    // Counted 2025-06-14: more than 12 months before 2026-06-15, so all three are due.
    expect(names).toEqual([a.code, b.code, other.code].sort());
    const st2 = await call(s, 'stocktakes.create', { title: '盘点二', scope: 'clinic', clinicId: c.li, startedOn: '2025-06-15' });
    await call(s, 'stocktakes.markRest', { stocktakeId: st2.id, result: 'found' });
    await call(s, 'stocktakes.close', { id: st2.id, closedOn: '2025-06-15' });
    expect((await call(s, 'assets.uncounted', {})).rows.map((r) => r.code)).toEqual([other.code]);
    expect(await callFails(s, 'stocktakes.close', { id: st2.id, closedOn: TODAY })).toMatchObject({ code: 'CONFLICT' });
  });
});
