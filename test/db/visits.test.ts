/**
 * Monthly visits (P2, P6, P8) on a real database file: saving, the maximum enforced with the
 * item named, veto, drafts counted nowhere, findings re-checked at a later visit, and the
 * month's list of clinics with their status.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/calls';
import { addClinic, failsUnchanged, openSessionAt } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';

async function setUp() {
  const s = await openSessionAt('2026-09-20');
  const t = addTemplate(s.db, '2026-01');
  const a = await addClinic(s, '东坡', 1200, '01');
  const b = await addClinic(s, '西沟', 800, '02');
  return { s, t, a, b };
}

describe('visits (P2, P8)', () => {
  it('saves a visit with its total, shows it in the month list, and leaves the others 未督导', async () => {
    const { s, t, a } = await setUp();
    const form = await call(s, 'visits.save', visitIn(a, '2026-09-08', t.items, { ...pointsTotalling(85.5), '6': 10 }));
    // base 85.5 + bonus 10 capped at 5 (P6)
    expect(form.visit?.totalTenths).toBe(905);
    expect(form.visit?.bonusTenths).toBe(50);
    const month = await call(s, 'visits.month', { month: '2026-09' });
    expect(month.map((r) => [r.clinicName, r.status, r.totalTenths])).toEqual([
      ['东坡村卫生室', 'final', 905],
      ['西沟村卫生室', 'none', null],
    ]);
  });

  it('refuses a score above the item maximum, naming the item, and changes nothing', async () => {
    const { s, t, a } = await setUp();
    const e = await failsUnchanged(s, 'visits.save', visitIn(a, '2026-09-08', t.items, { ...pointsTotalling(80), '3': 31 }));
    expect(e.message).toBe('“3 处方书写规范，合理用药”的得分 31.0 超过该项分值 30.0 分');
    expect(e.field).toBe('scores.2');
  });

  it('refuses a date outside the month and a final visit with unscored items', async () => {
    const { s, t, a } = await setUp();
    const wrongDay = { ...visitIn(a, '2026-09-08', t.items, pointsTotalling(80)), visitedOn: '2026-10-02' };
    expect((await failsUnchanged(s, 'visits.save', wrongDay)).message).toContain('不在2026 年 9 月内');
    const blank = visitIn(a, '2026-09-08', t.items, { ...pointsTotalling(80), '4': null });
    expect((await failsUnchanged(s, 'visits.save', blank)).message).toContain('还有 1 项没有评分（4）');
  });

  it('a draft keeps what was typed but counts nowhere; a veto makes the month 0', async () => {
    const { s, t, a, b } = await setUp();
    await call(s, 'visits.save', { ...visitIn(a, '2026-09-08', t.items, { '1': 9 }), final: false });
    await call(s, 'visits.save', visitIn(b, '2026-09-09', t.items, pointsTotalling(95), { veto: true }));
    const month = await call(s, 'visits.month', { month: '2026-09' });
    expect(month.map((r) => [r.status, r.totalTenths, r.vetoed])).toEqual([
      ['draft', 90, false],
      ['final', 0, true],
    ]);
    const q = await call(s, 'quarters.results', { quarter: '2026Q3' });
    const dongpo = q.rows.find((r) => r.clinicId === a);
    expect(dongpo?.months.map((m) => m.totalTenths)).toEqual([null, null, null]);
    expect(dongpo?.unsupervisedMonths).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(q.rows.find((r) => r.clinicId === b)?.scoreTenths).toBe(0);
  });

  it('findings carry their rectification and are re-checked at the next visit (P8)', async () => {
    const { s, t, a } = await setUp();
    await call(s, 'visits.save', {
      ...visitIn(a, '2026-08-10', t.items, pointsTotalling(78)),
      findings: [{ itemId: t.items['4'] ?? null, text: '部分药品无进货票据', owner: '张村医', dueOn: '2026-08-31' }],
    });
    const next = await call(s, 'visits.form', { clinicId: a, month: '2026-09' });
    expect(next.previous?.totalTenths).toBe(780);
    expect(next.openFindings.map((f) => [f.text, f.owner, f.dueOn, f.status])).toEqual([
      ['部分药品无进货票据', '张村医', '2026-08-31', 'open'],
    ]);
    const findingId = next.openFindings[0]?.id ?? 0;
    const saved = await call(s, 'visits.save', {
      ...visitIn(a, '2026-09-12', t.items, pointsTotalling(88)),
      rechecks: [{ findingId, result: 'rectified', note: '票据已补齐' }],
    });
    expect(saved.openFindings.map((f) => [f.status, f.rectifiedOn, f.recheckMonth])).toEqual([['rectified', '2026-09-12', '2026-09']]);
    const october = await call(s, 'visits.form', { clinicId: a, month: '2026-10' });
    expect(october.openFindings).toEqual([]);
  });

  it('refuses a visit in a locked quarter (P4)', async () => {
    const { s, t, a } = await setUp();
    s.db.prepare(`INSERT INTO quarter_locks (quarter, locked_at) VALUES ('2026Q3', '2026-10-01T00:00:00Z')`).run();
    const e = await failsUnchanged(s, 'visits.save', visitIn(a, '2026-09-08', t.items, pointsTotalling(80)));
    expect(e.message).toContain('已锁定');
  });
});
