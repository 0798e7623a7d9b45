/**
 * P4 on a real database file: a locked quarter refuses a direct edit; `visits.correct` changes
 * it with one reason, keeping the original in `corrections` (old value = what was there), and the
 * quarter's result (P6) follows the corrected values; an empty reason, a score above its maximum,
 * an unlocked quarter and a correction that changes nothing (a replay) are refused with nothing
 * written; a score row never entered and a finding are added through their own corrections.
 */
import { describe, expect, it } from 'vitest';
import { signInTrusted } from '../../electron/app/signedIn';
import { call } from '../helpers/calls';
import { addClinic, failsUnchanged, openSessionAt } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';

async function setUp() {
  const s = await openSessionAt('2026-10-05');
  const t = addTemplate(s.db, '2025-01');
  const a = await addClinic(s, '东坡', 1200, '01');
  await call(s, 'visits.save', visitIn(a, '2026-07-10', t.items, pointsTotalling(60)));
  await call(s, 'visits.save', visitIn(a, '2026-08-10', t.items, pointsTotalling(60)));
  await call(
    s,
    'visits.save',
    visitIn(a, '2026-09-10', t.items, pointsTotalling(61), {
      findings: [{ itemId: t.items['1'] ?? 0, text: '制度未上墙', owner: '赵医生', dueOn: '2026-09-30' }],
    }),
  );
  return { s, t, a };
}

const item = (t: { items: Record<string, number> }, seq: string) => t.items[seq] ?? 0;

describe('corrections to a locked quarter (P4)', () => {
  it('refuses a direct edit once locked; a correction keeps the original and moves the quarter result (P6)', async () => {
    const { s, t, a } = await setUp();
    const before = await call(s, 'quarters.results', { quarter: '2026Q3' });
    // (60 + 60 + 61) / 3 = 60.33… → 60.3, passes
    expect(before.rows[0]).toMatchObject({ scoreTenths: 603, passed: true });
    await call(s, 'quarters.lock', { quarter: '2026Q3', note: '' });

    // The save path and a plain SQL update are both refused.
    expect((await failsUnchanged(s, 'visits.save', visitIn(a, '2026-09-10', t.items, pointsTotalling(57)))).message).toContain('已锁定');
    expect(() => s.db.prepare('UPDATE visit_scores SET score_tenths = 60 WHERE item_id = ?').run(item(t, '1'))).toThrow('已锁定');

    const out = await call(s, 'visits.correct', {
      clinicId: a,
      month: '2026-09',
      reason: '县复核：规章制度一项实际未全部上墙',
      scores: [{ itemId: item(t, '1'), scoreTenths: 60, vetoed: false, note: '制度缺两项' }],
    });
    // The form shows the corrected values.
    expect(out.form.visit?.totalTenths).toBe(570);
    expect(out.form.visit?.scores.find((x) => x.itemId === item(t, '1'))).toMatchObject({ scoreTenths: 60, note: '制度缺两项' });
    // The original is kept: one row per changed field, old = what was there.
    expect(out.corrections.map((c) => [c.entity, c.field, c.oldValue, c.newValue])).toEqual([
      ['visit_scores', 'score_tenths', '100', '60'],
      ['visit_scores', 'note', '', '制度缺两项'],
      ['visits', 'total_tenths', '610', '570'],
    ]);
    expect(out.corrections[0]).toMatchObject({
      label: '1 规章制度上墙，岗位职责明确 · 得分',
      oldText: '10.0',
      newText: '6.0',
      reason: '县复核：规章制度一项实际未全部上墙',
      by: '管理员',
      clinicName: '东坡村卫生室',
      month: '2026-09',
    });
    const stored = s.db.prepare('SELECT old_value, new_value, reason FROM corrections ORDER BY id').all();
    expect(stored).toHaveLength(3);
    // The visit's row points at its newest correction.
    const visitRow = s.db.prepare("SELECT total_tenths AS t, correction_id AS c FROM visits WHERE month = '2026-09'").get() as {
      t: number;
      c: number;
    };
    expect(visitRow).toEqual({ t: 570, c: out.corrections[2]?.id });

    // P6 reads the current rows: (60 + 60 + 57) / 3 = 59.0, now fails.
    const after = await call(s, 'quarters.results', { quarter: '2026Q3' });
    expect(after.rows[0]).toMatchObject({ scoreTenths: 590, passed: false, grade: '不合格' });

    // The audit trail names it, with the reason.
    const log = s.db.prepare("SELECT action, entity, summary FROM audit_log WHERE action = 'correct'").all() as { summary: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]?.summary).toContain('总分 61.0 → 57.0');
    expect(log[0]?.summary).toContain('县复核');

    // The quarter's list and the month's list read the same rows.
    expect((await call(s, 'visits.corrections', { quarter: '2026Q3' })).map((c) => c.id)).toEqual(out.corrections.map((c) => c.id));
    expect(await call(s, 'visits.corrections', { quarter: '2026Q2' })).toEqual([]);
  });

  it('refuses an empty reason, a score above the maximum, an unlocked quarter and a month without a visit — nothing written', async () => {
    const { s, t, a } = await setUp();
    const req = { clinicId: a, month: '2026-09', scores: [{ itemId: item(t, '1'), scoreTenths: 60, vetoed: false, note: '' }] };
    // Not locked yet: the visit is simply saved.
    expect((await failsUnchanged(s, 'visits.correct', { ...req, reason: '复核' })).message).toContain('尚未锁定');
    await call(s, 'quarters.lock', { quarter: '2026Q3', note: '' });
    expect((await failsUnchanged(s, 'visits.correct', { ...req, reason: '' })).message).toContain('更正原因');
    expect((await failsUnchanged(s, 'visits.correct', { ...req, reason: '  \u200b ' })).message).toContain('更正原因');
    const over = { ...req, reason: '复核', scores: [{ itemId: item(t, '1'), scoreTenths: 110, vetoed: false, note: '' }] };
    expect((await failsUnchanged(s, 'visits.correct', over)).message).toContain('超过该项分值 10.0 分');
    const blank = { ...req, reason: '复核', scores: [{ itemId: item(t, '3'), scoreTenths: null, vetoed: false, note: '' }] };
    expect((await failsUnchanged(s, 'visits.correct', blank)).message).toContain('不能更正为空');
    const none = { ...req, reason: '复核', month: '2026-06' };
    expect((await failsUnchanged(s, 'visits.correct', none)).message).toMatch(/没有督导记录|尚未锁定/);
    expect(s.db.prepare('SELECT count(*) FROM corrections').pluck().get()).toBe(0);
  });

  it('cannot be replayed: the same correction again changes nothing and is refused; its id opens no second write', async () => {
    const { s, t, a } = await setUp();
    await call(s, 'quarters.lock', { quarter: '2026Q3', note: '' });
    const req = {
      clinicId: a,
      month: '2026-09',
      reason: '复核更正',
      scores: [{ itemId: item(t, '1'), scoreTenths: 60, vetoed: false, note: '' }],
    };
    const first = await call(s, 'visits.correct', req);
    expect((await failsUnchanged(s, 'visits.correct', req)).message).toContain('没有任何改动');
    const used = first.corrections.find((c) => c.entity === 'visit_scores')?.id;
    expect(() =>
      s.db.prepare('UPDATE visit_scores SET score_tenths = 100, correction_id = ? WHERE item_id = ?').run(used, item(t, '1')),
    ).toThrow('已锁定');
    // A second, different correction of the same item is a new correction, the first kept.
    const second = await call(s, 'visits.correct', { ...req, reason: '再次复核', scores: [{ ...req.scores[0]!, scoreTenths: 80 }] });
    const trail = second.corrections.filter((c) => c.field === 'score_tenths').map((c) => [c.oldText, c.newText, c.reason]);
    expect(trail).toEqual([
      ['10.0', '6.0', '复核更正'],
      ['6.0', '8.0', '再次复核'],
    ]);
  });

  it('adds a score row never entered, corrects visit fields and findings, adds a finding, removes none', async () => {
    const { s, t, a } = await setUp();
    // An imported visit may lack a row: the bonus item's row is missing.
    s.db.prepare('DELETE FROM visit_scores WHERE item_id = ?').run(item(t, '6'));
    await call(s, 'quarters.lock', { quarter: '2026Q3', note: '' });
    const form = await call(s, 'visits.form', { clinicId: a, month: '2026-09' });
    const finding = form.visit?.findings[0];
    expect(finding?.text).toBe('制度未上墙');
    const out = await call(s, 'visits.correct', {
      clinicId: a,
      month: '2026-09',
      reason: '补录县表彰加分，核对督导人员',
      supervisors: '王芳、李强、张敏',
      scores: [{ itemId: item(t, '6'), scoreTenths: 30, vetoed: false, note: '' }],
      findings: [
        { id: finding?.id ?? 0, itemId: item(t, '1'), text: '制度未上墙', owner: '钱医生', dueOn: '2026-09-30' },
        { itemId: null, text: '处方未签名', owner: '赵医生', dueOn: null },
      ],
    });
    expect(out.form.visit).toMatchObject({ totalTenths: 640, bonusTenths: 30, supervisors: '王芳、李强、张敏' });
    expect(out.form.visit?.findings.map((f) => [f.text, f.owner])).toEqual([
      ['制度未上墙', '钱医生'],
      ['处方未签名', '赵医生'],
    ]);
    expect(out.corrections.map((c) => [c.label, c.oldText, c.newText])).toEqual([
      ['6 受到县级以上表彰 · 补录评分项目', '（空）', '补录'],
      ['6 受到县级以上表彰 · 得分', '（空）', '3.0'],
      ['问题“制度未上墙” · 整改责任人', '赵医生', '钱医生'],
      ['发现问题', '（空）', '处方未签名'],
      ['问题“处方未签名” · 整改责任人', '（空）', '赵医生'],
      ['督导人', '王芳、李强', '王芳、李强、张敏'],
      ['本月总分', '61.0', '64.0'],
    ]);
    // Every row names its visit (the re-check pack reads them by visit).
    expect(s.db.prepare('SELECT count(*) FROM corrections WHERE visit_id IS NULL').pluck().get()).toBe(0);
    expect((await call(s, 'quarters.results', { quarter: '2026Q3' })).rows[0]?.scoreTenths).toBe(613);
  });

  it('needs 审核 (approve), as the lock does: a 录入员 is refused, a 审核 corrects and is named as the one who did', async () => {
    const { s, t, a } = await setUp();
    await call(s, 'quarters.lock', { quarter: '2026Q3', note: '' });
    const req = {
      clinicId: a,
      month: '2026-09',
      reason: '复核',
      scores: [{ itemId: item(t, '1'), scoreTenths: 60, vetoed: false, note: '' }],
    };
    signInTrusted(s, { login: 'clerk1', name: '录入甲', role: 'clerk' });
    expect((await failsUnchanged(s, 'visits.correct', req)).code).toBe('FORBIDDEN');
    // Reading the corrections is open to every role that reads.
    expect(await call(s, 'visits.corrections', { quarter: '2026Q3' })).toEqual([]);
    signInTrusted(s, { login: 'rev1', name: '审核乙', role: 'reviewer' });
    const out = await call(s, 'visits.correct', req);
    expect(out.corrections.map((c) => c.by)).toEqual(['审核乙', '审核乙']);
  });
});
