/**
 * Quarter results (P6) and P5 through the people alerts (S11, S11a) on a real database file:
 * 59.95 passes as 60.0, 未督导 months left out, failed quarters counted against every doctor
 * posted during the quarter, two in one calendar year raising the exit trigger (and Q4 + Q1 of
 * the next year not), the trigger open until a decision; money by score (P7, M3).
 */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/calls';
import { addClinic, addDoctor, alertsOn, failsUnchanged, openSessionAt, subjects } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import type { Session } from '../../electron/app/session';

async function visit(s: Session, items: Record<string, number>, clinicId: number, day: string, total: number) {
  await call(s, 'visits.save', visitIn(clinicId, day, items, pointsTotalling(total)));
}

describe('quarters (P6) and P5', () => {
  it('59.95 rounds to 60.0 and passes; a month not supervised is listed, not 0', async () => {
    const s = await openSessionAt('2026-10-05');
    const t = addTemplate(s.db, '2025-01');
    const a = await addClinic(s, '东坡', 1200, '01');
    const b = await addClinic(s, '西沟', 800, '02');
    await visit(s, t.items, a, '2026-07-10', 59.9);
    await visit(s, t.items, a, '2026-09-10', 60);
    await visit(s, t.items, b, '2026-07-11', 59.9);
    await visit(s, t.items, b, '2026-08-11', 59.9);
    await visit(s, t.items, b, '2026-09-11', 60);
    const q = await call(s, 'quarters.results', { quarter: '2026Q3' });
    const rowA = q.rows.find((r) => r.clinicId === a);
    expect(rowA).toMatchObject({ scoreTenths: 600, passed: true, grade: '合格', unsupervisedMonths: ['2026-08'] });
    expect(rowA?.months.map((m) => m.totalTenths)).toEqual([599, null, 600]);
    // (59.9 + 59.9 + 60.0) / 3 = 59.933… → 59.9, fails
    expect(q.rows.find((r) => r.clinicId === b)).toMatchObject({ scoreTenths: 599, passed: false, grade: '不合格' });
  });

  it('the pass line is a setting', async () => {
    const s = await openSessionAt('2026-10-05');
    const t = addTemplate(s.db, '2025-01');
    const a = await addClinic(s, '东坡', 1200, '01');
    await visit(s, t.items, a, '2026-07-10', 65);
    await call(s, 'settings.update', { assessmentPassLine: 70 });
    const q = await call(s, 'quarters.results', { quarter: '2026Q3' });
    expect(q.rows[0]).toMatchObject({ scoreTenths: 650, passed: false, grade: '不合格' });
  });

  it('two failed quarters in one year raise the S11 exit trigger for the doctors posted then; across a year boundary they do not', async () => {
    const s = await openSessionAt('2026-10-05');
    const t = addTemplate(s.db, '2025-01');
    const a = await addClinic(s, '东坡', 1200, '01');
    const b = await addClinic(s, '西沟', 800, '02');
    await addDoctor(s, { name: '赵医生', born: '1980-05-01', sex: 'M', clinicId: a, head: true });
    await addDoctor(s, { name: '钱医生', born: '1982-05-01', sex: 'F', clinicId: b, head: true });
    // 东坡: Q1 and Q3 of 2026 failed → P5.
    await visit(s, t.items, a, '2026-02-10', 50);
    await visit(s, t.items, a, '2026-05-10', 80);
    await visit(s, t.items, a, '2026-08-10', 55);
    // 西沟: Q4 2025 and Q1 2026 failed → one in each year, not P5.
    await visit(s, t.items, b, '2025-11-10', 50);
    await visit(s, t.items, b, '2026-01-10', 50);
    const alerts = await alertsOn(s, '2026-10-05');
    expect(subjects(alerts, 'assessment_exit')).toEqual(['赵医生']);
    const detail = alerts.alerts.find((x) => x.kind === 'assessment_exit')?.detail ?? '';
    expect(detail).toContain('2026 年考核不合格 2 次');
    const q = await call(s, 'quarters.results', { quarter: '2026Q3' });
    expect(q.p5.map((f) => [f.name, f.failedQuarters])).toEqual([['赵医生', ['2026Q1', '2026Q3']]]);
    // An unfinished quarter is not yet an assessment: on 2026-08-20 Q3 has not ended.
    expect(subjects(await alertsOn(s, '2026-08-20'), 'assessment_exit')).toEqual([]);
  });

  it('shares a pool by score × population among passing clinics, to the 分; refuses the essential-drug subsidy (M3)', async () => {
    const s = await openSessionAt('2026-10-05');
    const t = addTemplate(s.db, '2025-01');
    const a = await addClinic(s, '东坡', 1000, '01');
    const b = await addClinic(s, '西沟', 2000, '02');
    const c = await addClinic(s, '南岭', 3000, '03');
    await visit(s, t.items, a, '2026-07-10', 90);
    await visit(s, t.items, b, '2026-07-10', 90);
    await visit(s, t.items, c, '2026-07-10', 50);
    const req = { quarter: '2026Q3', poolYuan: '1000.01', fundName: '第三季度绩效考核资金', purpose: '' };
    const prev = await call(s, 'allocations.preview', req);
    expect(prev.poolFen).toBe(100_001);
    expect(prev.lines.map((l) => l.amountFen)).toEqual([33_334, 66_667, 0]);
    const saved = await call(s, 'allocations.save', req);
    expect(saved.id).not.toBeNull();
    const e = await failsUnchanged(s, 'allocations.save', { ...req, fundName: '2026年第三季度基药补助' });
    expect(e.message).toContain('M3');
  });
});

describe('locking a quarter (P4)', () => {
  it('locks an ended quarter without drafts; the locked quarter refuses a visit', async () => {
    const s = await openSessionAt('2026-10-05');
    const t = addTemplate(s.db, '2025-01');
    const a = await addClinic(s, '东坡', 1000, '01');
    await call(s, 'visits.save', { ...visitIn(a, '2026-08-10', t.items, pointsTotalling(70)), final: false });
    expect((await failsUnchanged(s, 'quarters.lock', { quarter: '2026Q3', note: '' })).message).toContain('还有 1 份督导草稿未完成');
    expect((await failsUnchanged(s, 'quarters.lock', { quarter: '2026Q4', note: '' })).message).toContain('尚未结束');
    // The draft given up: then the quarter can be locked.
    expect((await call(s, 'visits.discardDraft', { clinicId: a, month: '2026-08' })).visit).toBeNull();
    await visit(s, t.items, a, '2026-09-10', 70);
    const locked = await call(s, 'quarters.lock', { quarter: '2026Q3', note: '季度考核完成' });
    expect(locked.lock).toMatchObject({ by: '管理员', note: '季度考核完成' });
    const e = await failsUnchanged(s, 'visits.save', visitIn(a, '2026-09-10', t.items, pointsTotalling(90)));
    expect(e.message).toContain('已锁定');
    expect((await call(s, 'visits.form', { clinicId: a, month: '2026-09' })).locked).toBe(true);
    expect((await failsUnchanged(s, 'visits.discardDraft', { clinicId: a, month: '2026-09' })).message).toContain('已完成');
  });
});
