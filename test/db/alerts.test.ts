import { describe, expect, it } from 'vitest';
import { computeAlerts } from '../../electron/domains/people/alerts';
import { alertKindInfo, alertKinds } from '../../shared/schemas/personOutput';
import { call } from '../helpers/calls';
import { addClinic, addDoctor, addPerson, alertsOn, openSessionAt, save, subjects, TODAY } from '../helpers/people';

describe('clinic alerts: S1 staffing, S2 women, C2 head', () => {
  it('S1: a clinic of 1,500 people with one doctor is short; a second doctor clears it', async () => {
    const s = await openSessionAt();
    const a = await addClinic(s, '张庄', 1500, 'A-01');
    const b = await addClinic(s, '李营', 900, 'B-01');
    await addDoctor(s, { name: '张建国', born: '1968-03-12', sex: 'M', clinicId: a, head: true });
    await addDoctor(s, { name: '李秀英', born: '1972-05-08', sex: 'F', clinicId: b, head: true });
    const before = await alertsOn(s);
    expect(subjects(before, 'staffing_short')).toEqual(['张庄村卫生室']);
    const alert = before.alerts.find((x) => x.kind === 'staffing_short');
    expect(alert).toMatchObject({ rule: 'S1', level: 'error', clinicId: a, personId: null });
    expect(alert?.detail).toContain('应配 2 人，实有 1 人');
    await addDoctor(s, { name: '张丽华', born: '1985-07-21', sex: 'F', clinicId: a });
    expect(subjects(await alertsOn(s), 'staffing_short')).toEqual([]);
  });

  it('S1: an open clinic with nobody is short but has no C2 alert; a closed one raises nothing', async () => {
    const s = await openSessionAt();
    await addClinic(s, '王屯', 980, 'C-01');
    const closed = await addClinic(s, '沈洼', 450, 'D-01');
    await call(s, 'clinics.close', { id: closed, closedOn: '2025-12-31', reason: '村医退休' });
    const out = await alertsOn(s);
    expect(subjects(out, 'staffing_short')).toEqual(['王屯村卫生室']);
    expect(out.alerts.filter((x) => x.clinicId === closed)).toEqual([]);
    expect(subjects(out, 'no_head')).toEqual([]);
  });

  it('S1: a doctor counts from the first day of the post to the last, not before or after', async () => {
    const s = await openSessionAt();
    const a = await addClinic(s, '赵坡', 900, 'A-01');
    const p = await addPerson(s, '赵红梅', '1979-04-03', 'F');
    await save(s, p.id, { table: 'qualifications', kind: 'assistant_physician' });
    await save(s, p.id, { table: 'assignments', clinicId: a, role: 'head', startDate: '2026-06-15', endDate: '2026-09-30' });
    expect(subjects(await alertsOn(s, '2026-06-14'), 'staffing_short')).toEqual(['赵坡村卫生室']);
    expect(subjects(await alertsOn(s, '2026-06-15'), 'staffing_short')).toEqual([]);
    expect(subjects(await alertsOn(s, '2026-09-30'), 'staffing_short')).toEqual([]);
    expect(subjects(await alertsOn(s, '2026-10-01'), 'staffing_short')).toEqual(['赵坡村卫生室']);
  });

  it('S2: one man alone is fine, two men warn, a woman posted clears it', async () => {
    const s = await openSessionAt();
    const a = await addClinic(s, '刘湾', 2600, 'A-01');
    await addDoctor(s, { name: '刘德顺', born: '1970-08-30', sex: 'M', clinicId: a, head: true });
    expect(subjects(await alertsOn(s), 'no_woman')).toEqual([]);
    await addDoctor(s, { name: '刘洋', born: '1992-02-14', sex: 'M', clinicId: a });
    const two = await alertsOn(s);
    expect(subjects(two, 'no_woman')).toEqual(['刘湾村卫生室']);
    expect(two.alerts.find((x) => x.kind === 'no_woman')).toMatchObject({ rule: 'S2', level: 'warning', clinicId: a });
    await addDoctor(s, { name: '刘桂兰', born: '1976-06-18', sex: 'F', clinicId: a });
    expect(subjects(await alertsOn(s), 'no_woman')).toEqual([]);
  });

  it('C2: doctors without a head warn; making one of them head clears it', async () => {
    const s = await openSessionAt();
    const a = await addClinic(s, '郑店', 900, 'A-01');
    const p = await addDoctor(s, { name: '郑丽', born: '1982-11-11', sex: 'F', clinicId: a });
    const out = await alertsOn(s);
    expect(subjects(out, 'no_head')).toEqual(['郑店村卫生室']);
    expect(out.alerts.find((x) => x.kind === 'no_head')).toMatchObject({ rule: 'C2', clinicId: a });
    const post = p.assignments[0];
    await save(s, p.id, { table: 'assignments', clinicId: a, role: 'head', startDate: post?.startDate ?? '2020-03-01' }, post?.id);
    expect(subjects(await alertsOn(s), 'no_head')).toEqual([]);
  });
});

describe('S3: no valid qualification', () => {
  it('an expired village doctor certificate or none at all; renewal clears it; staff are not village doctors', async () => {
    const s = await openSessionAt();
    const a = await addClinic(s, '赵坡', 2500, 'A-01');
    const expired = await addDoctor(s, {
      name: '赵军',
      born: '1983-12-25',
      sex: 'M',
      clinicId: a,
      head: true,
      qual: { table: 'qualifications', kind: 'village_doctor_cert', certNumber: 'XC1', validUntil: '2026-06-14' },
    });
    await addDoctor(s, {
      name: '赵敏',
      born: '1990-01-01',
      sex: 'F',
      clinicId: a,
      qual: { table: 'qualifications', kind: 'village_doctor_cert', certNumber: 'XC2', validUntil: TODAY },
    });
    const none = await addPerson(s, '赵新', '1995-02-02', 'M');
    const staff = await addPerson(s, '马晓东', '1989-06-06', 'M', { category: 'center_staff' });
    const out = await alertsOn(s);
    expect(subjects(out, 'no_valid_qualification')).toEqual(['赵军', '赵新'].sort());
    expect(out.alerts.find((x) => x.personId === expired.id && x.kind === 'no_valid_qualification')?.detail).toContain('过期');
    expect(out.alerts.find((x) => x.personId === none.id && x.kind === 'no_valid_qualification')?.detail).toContain('未登记');
    expect(out.alerts.filter((x) => x.personId === staff.id && x.kind === 'no_valid_qualification')).toEqual([]);
    // Re-registered: the same certificate, valid five more years.
    const q = expired.qualifications[0];
    await save(s, expired.id, { table: 'qualifications', kind: 'village_doctor_cert', certNumber: 'XC1', validUntil: '2031-06-14' }, q?.id);
    expect(subjects(await alertsOn(s), 'no_valid_qualification')).toEqual(['赵新']);
  });
});

describe('S4: the licensed/assistant share and its trend', () => {
  /** `k` of `n` village doctors hold an assistant physician certificate, the rest a village certificate. */
  async function share(k: number, n: number) {
    const s = await openSessionAt();
    for (let i = 0; i < n; i++) {
      const p = await addPerson(s, `村医${i + 1}`, `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'F' : 'M');
      await save(s, p.id, { table: 'qualifications', kind: i < k ? 'assistant_physician' : 'village_doctor_cert' });
    }
    return s;
  }

  it('9 of 20 (45%) meets the target; 8 of 20 (40%) warns; a rural GP assistant counts, a TCM certificate does not', async () => {
    const s = await share(9, 20);
    const met = await alertsOn(s);
    expect(met.ratio).toMatchObject({ qualified: 9, total: 20, ratio: 0.45, target: 0.45 });
    expect(subjects(met, 'ratio_below_target')).toEqual([]);
    const extra = await addPerson(s, '新村医', '1990-03-03', 'F');
    await save(s, extra.id, { table: 'qualifications', kind: 'tcm_specialty' });
    const below = await alertsOn(s);
    expect(below.ratio).toMatchObject({ qualified: 9, total: 21 });
    expect(subjects(below, 'ratio_below_target')).toEqual(['全乡镇']);
    const alert = below.alerts.find((x) => x.kind === 'ratio_below_target');
    expect(alert).toMatchObject({ rule: 'S4', personId: null, clinicId: null });
    expect(alert?.detail).toContain('9/21');
    await save(s, extra.id, { table: 'qualifications', kind: 'rural_gp_assistant' });
    expect((await alertsOn(s)).ratio).toMatchObject({ qualified: 10, total: 21 });
    expect(subjects(await alertsOn(s), 'ratio_below_target')).toEqual([]);
  });

  it('8 of 20 is below 45% and clears when the target setting is lowered to 40%', async () => {
    const s = await share(8, 20);
    expect(subjects(await alertsOn(s), 'ratio_below_target')).toEqual(['全乡镇']);
    await call(s, 'settings.update', { qualifiedRatioTarget: 0.4 });
    const out = await alertsOn(s);
    expect(out.ratio.target).toBe(0.4);
    expect(subjects(out, 'ratio_below_target')).toEqual([]);
  });

  it('no village doctors, no ratio alert; center staff are not counted', async () => {
    const s = await openSessionAt();
    await addPerson(s, '马晓东', '1989-06-06', 'M', { category: 'center_staff' });
    const out = await alertsOn(s);
    expect(out.ratio).toMatchObject({ qualified: 0, total: 0, ratio: 0 });
    expect(subjects(out, 'ratio_below_target')).toEqual([]);
  });

  it('the trend gives the share at the end of each of the last five years, by issue date, start and exit', async () => {
    const s = await openSessionAt();
    const c = await addClinic(s, '孙楼', 5000, 'A-01');
    // A: working since 2015, assistant physician from 2023. B: village certificate since 2010.
    const a = await addPerson(s, '甲', '1980-01-01', 'M', { ruralWorkStart: '2015-03-01' });
    await save(s, a.id, { table: 'qualifications', kind: 'assistant_physician', issuedOn: '2023-07-01' });
    const b = await addPerson(s, '乙', '1975-01-01', 'F');
    await save(s, b.id, { table: 'assignments', clinicId: c, role: 'head', startDate: '2018-01-01' });
    await save(s, b.id, { table: 'qualifications', kind: 'village_doctor_cert', issuedOn: '2010-07-01' });
    // C: posted in 2025, licensed since 2019. D: licensed since 2010, left on 2024-06-30.
    const cc = await addPerson(s, '丙', '1990-01-01', 'M');
    await save(s, cc.id, { table: 'assignments', clinicId: c, role: 'doctor', startDate: '2025-03-01' });
    await save(s, cc.id, { table: 'qualifications', kind: 'licensed_physician', issuedOn: '2019-07-01' });
    const d = await addPerson(s, '丁', '1965-01-01', 'M');
    await save(s, d.id, { table: 'assignments', clinicId: c, role: 'doctor', startDate: '2016-01-01' });
    await save(s, d.id, { table: 'qualifications', kind: 'licensed_physician', issuedOn: '2010-07-01' });
    await call(s, 'people.exit', { id: d.id, exitDate: '2024-06-30', reason: 'age_limit' });

    const out = await alertsOn(s);
    expect(out.ratio.trend.map((t) => [t.year, t.qualified, t.total])).toEqual([
      [2022, 1, 3],
      [2023, 2, 3],
      [2024, 1, 2],
      [2025, 2, 3],
      [2026, 2, 3],
    ]);
    expect(out.ratio).toMatchObject({ qualified: 2, total: 3 });
    const last = out.ratio.trend.at(-1);
    expect(last?.ratio).toBeCloseTo(2 / 3, 10);
  });
});

describe('alerts.list answers in the contract’s shape', () => {
  it('counts every kind, zero included, and agrees with computeAlerts', async () => {
    const s = await openSessionAt();
    const a = await addClinic(s, '张庄', 1500, 'A-01');
    await addDoctor(s, {
      name: '张建国',
      born: '1961-06-15',
      sex: 'M',
      clinicId: a,
      head: true,
      qual: { table: 'qualifications', kind: 'village_doctor_cert', validUntil: '2026-08-01' },
    });
    const out = await alertsOn(s);
    expect(Object.keys(out.counts).sort()).toEqual([...alertKinds].sort());
    for (const k of alertKinds) expect(out.counts[k], k).toBe(out.alerts.filter((x) => x.kind === k).length);
    expect(out.counts).toMatchObject({ staffing_short: 1, head_over_age: 1, certificate_ending: 1, ratio_below_target: 1 });
    for (const x of out.alerts) expect(x.rule).toBe(alertKindInfo[x.kind].rule);
    expect(computeAlerts(s.db, TODAY)).toEqual(out);
    expect(out.asOf).toBe(TODAY);
    // Without asOf, the session's today.
    expect((await call(s, 'alerts.list', {})).asOf).toBe(TODAY);
  });
});
