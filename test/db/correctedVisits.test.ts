/**
 * P4 on a real database file: the month's visit list (`visits.month`) says which visits were
 * corrected after their quarter was locked, and how many fields — the 已更正（N 处） tag and the
 * 只看已更正 filter read it. A visit never corrected, or of another month, counts 0.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/calls';
import { addClinic, openSessionAt } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';

describe('the month list flags corrected visits (P4)', () => {
  it('counts each visit’s corrections, 0 for the rest', async () => {
    const s = await openSessionAt('2026-10-05');
    const t = addTemplate(s.db, '2025-01');
    const a = await addClinic(s, '东坡', 1200, '01');
    const b = await addClinic(s, '西沟', 900, '02');
    for (const c of [a, b]) {
      await call(s, 'visits.save', visitIn(c, '2026-08-10', t.items, pointsTotalling(70)));
      await call(s, 'visits.save', visitIn(c, '2026-09-10', t.items, pointsTotalling(70)));
    }
    await call(s, 'quarters.lock', { quarter: '2026Q3', note: '' });
    const before = await call(s, 'visits.month', { month: '2026-09' });
    expect(before.map((r) => r.corrections)).toEqual([0, 0]);

    // One score changed: its score and the month's total — 2 fields, as the audit counts them.
    await call(s, 'visits.correct', {
      clinicId: a,
      month: '2026-09',
      reason: '县复核：规章制度一项实际未全部上墙',
      scores: [{ itemId: t.items['1'] ?? 0, scoreTenths: 60, vetoed: false, note: '' }],
    });
    // A second correction of the same visit adds to the count.
    await call(s, 'visits.correct', { clinicId: a, month: '2026-09', reason: '督导人姓名写错', supervisors: '李明' });

    const sept = await call(s, 'visits.month', { month: '2026-09' });
    expect(sept.map((r) => [r.clinicName, r.corrections])).toEqual([
      ['东坡村卫生室', 3],
      ['西沟村卫生室', 0],
    ]);
    const stored = s.db.prepare('SELECT count(*) FROM corrections').pluck().get();
    expect(stored).toBe(3);
    // August of the same clinic was not corrected.
    expect((await call(s, 'visits.month', { month: '2026-08' })).map((r) => r.corrections)).toEqual([0, 0]);
  });
});
