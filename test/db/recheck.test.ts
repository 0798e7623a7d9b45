/**
 * P4: the county's half-year re-check sample on a real database file — a random sample has the
 * size asked for, is drawn only from the clinics open in the half-year (not one closed before
 * it, not one already picked), is stored with its seed, who and when, and the same seed draws
 * the same clinics again; picks by hand are refused for a clinic already on the list.
 */
import { describe, expect, it } from 'vitest';
import { drawSample } from '../../electron/domains/supervision/recheck/sample';
import { call } from '../helpers/calls';
import { addClinic, failsUnchanged, openSessionAt } from '../helpers/people';

async function township() {
  const s = await openSessionAt('2027-01-10');
  const ids: number[] = [];
  for (const [i, name] of ['东坡', '西沟', '南岭', '北湾', '中庄', '前营', '后河', '李庄'].entries())
    ids.push(await addClinic(s, name, 800 + i * 100, String(i + 1).padStart(2, '0')));
  // 李庄 closed before the half-year began: not a clinic the county can re-check for 2026H2.
  const closed = ids[7] ?? 0;
  await call(s, 'clinics.close', { id: closed, closedOn: '2026-05-31', reason: '并入中心卫生院' });
  return { s, ids, open: ids.slice(0, 7), closed };
}

describe('county re-check sample (P4)', () => {
  it('draws the requested number from the open clinics and stores each pick with its seed, who and when', async () => {
    const { s, open, closed } = await township();
    const list = await call(s, 'rechecks.sample', { half: '2026H2', size: 3 });
    expect(list.openClinics).toBe(7);
    expect(list.rows).toHaveLength(3);
    expect(list.rows.every((r) => open.includes(r.clinicId))).toBe(true);
    expect(list.rows.map((r) => r.clinicId)).not.toContain(closed);
    const seed = list.rows[0]?.seed ?? '';
    expect(seed).toMatch(/^[0-9a-f]{16}$/);
    expect(list.rows.map((r) => [r.pickedHow, r.seed, r.sampleSize])).toEqual(Array(3).fill(['random', seed, 3]));
    const stored = s.db
      .prepare(`SELECT half, picked_how, seed, sample_size, picked_at, picked_by FROM rechecks ORDER BY clinic_id`)
      .all() as { half: string; picked_how: string; seed: string; sample_size: number; picked_at: string; picked_by: string }[];
    expect(stored).toHaveLength(3);
    expect(stored.every((r) => r.half === '2026H2' && r.picked_how === 'random' && r.seed === seed && r.sample_size === 3)).toBe(true);
    expect(stored.every((r) => r.picked_at.startsWith('2027-01-10') && r.picked_by !== '')).toBe(true);
    const audit = s.db.prepare(`SELECT summary FROM audit_log WHERE entity = 'rechecks'`).pluck().all() as string[];
    expect(audit).toEqual([expect.stringContaining(`随机抽取 3 家（共 7 家，种子 ${seed}）`)]);
    // The recorded seed redoes the draw: the same clinics come up.
    const candidates = s.db.prepare(`SELECT id, code FROM clinics WHERE status = 'open' ORDER BY code`).all() as {
      id: number;
      code: string;
    }[];
    expect(
      drawSample(candidates, 3, seed)
        .map((c) => c.id)
        .sort(),
    ).toEqual(list.rows.map((r) => r.clinicId).sort());
  });

  it('a second draw takes only clinics not yet picked, and refuses more than are left, changing nothing', async () => {
    const { s, open } = await township();
    await call(s, 'rechecks.pick', { half: '2026H2', clinicIds: [open[0] ?? 0, open[1] ?? 0] });
    const after = await call(s, 'rechecks.sample', { half: '2026H2', size: 4, seed: '0123456789abcdef' });
    expect(after.rows).toHaveLength(6);
    expect(new Set(after.rows.map((r) => r.clinicId)).size).toBe(6);
    expect(after.rows.filter((r) => r.pickedHow === 'hand').map((r) => r.clinicId)).toEqual([open[0], open[1]]);
    const e = await failsUnchanged(s, 'rechecks.sample', { half: '2026H2', size: 2 });
    expect(e.message).toBe('2026 年下半年可抽取的村卫生室只有 1 家（已选 6 家不再抽取），不能抽取 2 家');
    expect(e.field).toBe('size');
  });

  it('refuses a clinic picked twice or closed before the half-year, naming it; a pick can be taken back', async () => {
    const { s, open, closed } = await township();
    await call(s, 'rechecks.pick', { half: '2026H2', clinicIds: [open[2] ?? 0] });
    const twice = await failsUnchanged(s, 'rechecks.pick', { half: '2026H2', clinicIds: [open[3] ?? 0, open[2] ?? 0] });
    expect(twice.message).toBe('南岭村卫生室已在2026 年下半年的复核名单中');
    expect(twice.field).toBe('clinicIds.1');
    const gone = await failsUnchanged(s, 'rechecks.pick', { half: '2026H2', clinicIds: [closed] });
    expect(gone.message).toBe('第 1 个村卫生室在2026 年下半年没有运行，不能抽查');
    // 2026H1: 李庄 was still open until 31 May, so it may be picked for that half-year.
    expect((await call(s, 'rechecks.pick', { half: '2026H1', clinicIds: [closed] })).rows.map((r) => r.clinicName)).toEqual([
      '李庄村卫生室',
    ]);
    const bad = await failsUnchanged(s, 'rechecks.list', { half: '2026H3' });
    expect(bad.message).toContain('2026H2');
    const removed = await call(s, 'rechecks.remove', { half: '2026H2', clinicId: open[2] ?? 0 });
    expect(removed.rows).toEqual([]);
    expect(s.db.prepare(`SELECT action FROM audit_log WHERE entity = 'rechecks' ORDER BY id`).pluck().all()).toEqual([
      'create',
      'create',
      'delete',
    ]);
  });
});

describe('a random pick stands (P4)', () => {
  it('refuses to remove a clinic drawn at random, naming it and its seed, and changes nothing; a hand pick still goes', async () => {
    const { s, open } = await township();
    const drawn = await call(s, 'rechecks.sample', { half: '2026H2', size: 2, seed: '0123456789abcdef' });
    const first = drawn.rows[0];
    if (!first) throw new Error('the draw is empty');
    const left = open.find((id) => !drawn.rows.some((r) => r.clinicId === id)) ?? 0;
    await call(s, 'rechecks.pick', { half: '2026H2', clinicIds: [left] });
    const e = await failsUnchanged(s, 'rechecks.remove', { half: '2026H2', clinicId: first.clinicId });
    expect(e.message).toBe(
      `${first.clinicName}是随机抽取的（种子 0123456789abcdef），不能移出复核名单：随机抽取的结果须如实保留，供县级复核核对。只有指定的村卫生室可以移出`,
    );
    expect(e.field).toBe('clinicId');
    expect((await call(s, 'rechecks.list', { half: '2026H2' })).rows).toHaveLength(3);
    // The hand pick may be taken back; the drawn two stay, and nothing was audited as removed but it.
    const after = await call(s, 'rechecks.remove', { half: '2026H2', clinicId: left });
    expect(after.rows.map((r) => r.pickedHow)).toEqual(['random', 'random']);
    expect(s.db.prepare(`SELECT summary FROM audit_log WHERE entity = 'rechecks' AND action = 'delete'`).pluck().all()).toEqual([
      expect.stringContaining('（指定）'),
    ]);
  });
});
