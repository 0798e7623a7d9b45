import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { addDays } from '../../shared/rules/dates';
import { call } from '../helpers/calls';
import {
  addClinic,
  addDoctor,
  addPerson,
  addStints,
  alertsOn,
  openSessionAt,
  personIn,
  save,
  subjects,
  TODAY,
  type Person,
} from '../helpers/people';

const cert = (validUntil: string | null = null) =>
  ({ table: 'qualifications', kind: 'village_doctor_cert', certNumber: 'XC01', validUntil }) as const;

async function clinicOf(s: Session): Promise<number> {
  return addClinic(s, '王屯', 5000, 'A-01');
}

describe('S5: age', () => {
  it('a head of 65 without extension; 64 is not; a plain doctor of 66 is not a head', async () => {
    const s = await openSessionAt();
    const c = await clinicOf(s);
    const old = await addDoctor(s, { name: '王志强', born: '1961-06-15', sex: 'M', clinicId: c, head: true, qual: cert() });
    await addDoctor(s, { name: '王老', born: '1960-01-01', sex: 'M', clinicId: c });
    const out = await alertsOn(s);
    expect(subjects(out, 'head_over_age')).toEqual(['王志强']);
    expect(out.alerts.find((x) => x.kind === 'head_over_age')).toMatchObject({ rule: 'S5', level: 'error', personId: old.id });
    expect(subjects(await alertsOn(s, '2026-06-14'), 'head_over_age')).toEqual([]);
  });

  it('an extension clears it only with a licensed, assistant or TCM qualification (S5)', async () => {
    const s = await openSessionAt();
    const c = await clinicOf(s);
    const p = await addDoctor(s, { name: '刘德顺', born: '1960-08-30', sex: 'M', clinicId: c, head: true, qual: cert() });
    const values = { ...personIn('刘德顺', '1960-08-30', 'M'), idNumber: p.idNumber, headExtensionUntil: '2027-06-30' };
    await call(s, 'people.update', { id: p.id, values });
    expect(subjects(await alertsOn(s), 'head_over_age')).toEqual(['刘德顺']);
    await save(s, p.id, { table: 'qualifications', kind: 'tcm_specialty' });
    expect(subjects(await alertsOn(s), 'head_over_age')).toEqual([]);
    // The extension runs out: the alert is back the day after.
    expect(subjects(await alertsOn(s, '2027-06-30'), 'head_over_age')).toEqual([]);
    expect(subjects(await alertsOn(s, '2027-07-01'), 'head_over_age')).toEqual(['刘德顺']);
  });

  it('an extension with a licensed qualification; an expired licence does not count', async () => {
    const s = await openSessionAt();
    const c = await clinicOf(s);
    const p = await addDoctor(s, {
      name: '周明',
      born: '1958-12-01',
      sex: 'M',
      clinicId: c,
      head: true,
      qual: { table: 'qualifications', kind: 'licensed_physician', validUntil: '2026-06-14' },
      over: { headExtensionUntil: '2027-12-31' },
    });
    expect(subjects(await alertsOn(s), 'head_over_age')).toEqual(['周明']);
    await save(s, p.id, { table: 'qualifications', kind: 'licensed_physician', validUntil: '2031-06-14' }, p.qualifications[0]?.id);
    expect(subjects(await alertsOn(s), 'head_over_age')).toEqual([]);
  });

  it('reaching 60 or 65 within the next 12 months; not the day after the window', async () => {
    const s = await openSessionAt();
    await addPerson(s, '将满六十', '1967-06-15', 'F');
    await addPerson(s, '刚满六十', '1966-06-15', 'F');
    await addPerson(s, '尚早', '1967-06-16', 'M');
    await addPerson(s, '将满六五', '1961-06-16', 'M');
    await addPerson(s, '已满六五', '1961-06-15', 'M');
    await addPerson(s, '派驻人员', '1966-12-31', 'M', { category: 'center_staff' });
    const out = await alertsOn(s);
    expect(subjects(out, 'age_60_soon')).toEqual(['将满六十', '派驻人员'].sort());
    expect(subjects(out, 'age_65_soon')).toEqual(['将满六五']);
    expect(out.alerts.find((x) => x.kind === 'age_65_soon')?.detail).toContain('65');
  });
});

describe('S6 / S14: contracts and certificates ending within 90 days', () => {
  it('day 90 warns, day 91 does not, an ended one does not; renewal clears it', async () => {
    const s = await openSessionAt();
    const emp = (endDate: string) =>
      ({ table: 'employments', kind: 'township_hired', establishment: 'off', startDate: '2023-06-01', endDate }) as const;
    const a = await addPerson(s, '九十天', '1980-01-01', 'M');
    const a1 = await save(s, a.id, emp(addDays(TODAY, 90)));
    await save(s, (await addPerson(s, '九十一天', '1980-01-02', 'M')).id, emp(addDays(TODAY, 91)));
    await save(s, (await addPerson(s, '今天到期', '1980-01-03', 'M')).id, emp(TODAY));
    await save(s, (await addPerson(s, '昨天到期', '1980-01-04', 'M')).id, emp(addDays(TODAY, -1)));
    const out = await alertsOn(s);
    expect(subjects(out, 'contract_ending')).toEqual(['九十天', '今天到期'].sort());
    expect(out.alerts.find((x) => x.personId === a.id && x.kind === 'contract_ending')).toMatchObject({ rule: 'S6', level: 'warning' });
    await save(s, a.id, emp('2031-05-31'), a1.employments[0]?.id);
    expect(subjects(await alertsOn(s), 'contract_ending')).toEqual(['今天到期']);
  });

  it('certificates the same way, with the certificate named', async () => {
    const s = await openSessionAt();
    const a = await addPerson(s, '证九十天', '1980-01-01', 'F');
    const a1 = await save(s, a.id, cert(addDays(TODAY, 90)));
    await save(s, (await addPerson(s, '证九十一天', '1980-01-02', 'F')).id, cert(addDays(TODAY, 91)));
    await save(s, (await addPerson(s, '执业医师', '1980-01-03', 'F')).id, {
      table: 'qualifications',
      kind: 'licensed_physician',
      certNumber: 'ZY9',
      validUntil: addDays(TODAY, 30),
    });
    const out = await alertsOn(s);
    expect(subjects(out, 'certificate_ending')).toEqual(['执业医师', '证九十天'].sort());
    const alert = out.alerts.find((x) => x.kind === 'certificate_ending' && x.personId === a.id);
    expect(alert).toMatchObject({ rule: 'S14' });
    expect(alert?.detail).toContain('乡村医生执业证书 XC01');
    await save(s, a.id, cert('2031-09-13'), a1.qualifications[0]?.id);
    expect(subjects(await alertsOn(s), 'certificate_ending')).toEqual(['执业医师']);
  });
});

describe('S9: training this year, under either variant', () => {
  async function trainees(s: Session) {
    const make = async (name: string, i: number): Promise<Person> => addPerson(s, name, `1980-02-0${i}`, 'F');
    const twoStints = await make('进修两次', 1);
    await addStints(s, twoStints.id, '2026', [7, 7]);
    const shortStint = await make('进修七加六', 2);
    await addStints(s, shortStint.id, '2026', [7, 6]);
    const oneStint = await make('进修一次', 3);
    await addStints(s, oneStint.id, '2026', [7]);
    const lastYear = await make('去年进修', 4);
    await addStints(s, lastYear.id, '2025', [7, 7]);
    const trained14 = await make('培训十四天', 5);
    await addStints(s, trained14.id, '2026', [7, 7], 'training');
    const trained13 = await make('培训十三天', 6);
    await addStints(s, trained13.id, '2026', [7, 6], 'training');
    await addPerson(s, '派驻人员', '1980-02-07', 'M', { category: 'center_staff' });
  }

  it('Jiaozuo (default): two stints of a week; a 6-day stint, one stint, last year’s or plain training fall short', async () => {
    const s = await openSessionAt();
    await trainees(s);
    const out = await alertsOn(s);
    expect(subjects(out, 'training_short')).toEqual(['进修七加六', '进修一次', '去年进修', '培训十四天', '培训十三天'].sort());
    expect(out.alerts.find((x) => x.subject === '进修七加六' && x.kind === 'training_short')?.detail).toContain(
      '已完成 1 / 应完成 2 次，已安排 0 次',
    );
    // Last year's records count for last year only.
    const lastYear = subjects(await alertsOn(s, '2025-12-31'), 'training_short');
    expect(lastYear).not.toContain('去年进修');
    expect(lastYear).toContain('进修两次');
  });

  it('Sichuan (a setting): two trainings of 14 days in all; 13 days or clinical practice fall short', async () => {
    const s = await openSessionAt();
    await trainees(s);
    await call(s, 'settings.update', { trainingVariant: 'sichuan' });
    const out = await alertsOn(s);
    expect(subjects(out, 'training_short')).toEqual(['进修两次', '进修七加六', '进修一次', '去年进修', '培训十三天'].sort());
    expect(out.alerts.find((x) => x.kind === 'training_short')?.rule).toBe('S9');
    await call(s, 'settings.update', { trainingTotalMinDays: 13 });
    expect(subjects(await alertsOn(s), 'training_short')).not.toContain('培训十三天');
  });
});

describe('S11: unauthorised absence of 30 days in a year', () => {
  it('29 days do not trigger exit, 30 do; approved leave never counts', async () => {
    const s = await openSessionAt();
    const p = await addPerson(s, '孙海燕', '1977-07-07', 'F');
    await save(s, p.id, { table: 'leaves', kind: 'absence', startDate: '2026-04-01', endDate: '2026-04-29', reason: '外出务工' });
    const q = await addPerson(s, '请长假', '1978-07-07', 'F');
    await save(s, q.id, { table: 'leaves', kind: 'leave', startDate: '2026-01-01', endDate: '2026-03-31', approved: true });
    expect(subjects(await alertsOn(s), 'absence_exit')).toEqual([]);
    await save(s, p.id, { table: 'leaves', kind: 'absence', startDate: '2026-05-20', endDate: '2026-05-20' });
    const out = await alertsOn(s);
    expect(subjects(out, 'absence_exit')).toEqual(['孙海燕']);
    expect(out.alerts.find((x) => x.kind === 'absence_exit')).toMatchObject({ rule: 'S11', level: 'error', personId: p.id });
    expect(out.alerts.find((x) => x.kind === 'absence_exit')?.detail).toContain('30 天');
  });

  it('a period across New Year is split by year', async () => {
    const s = await openSessionAt();
    const p = await addPerson(s, '跨年', '1977-07-07', 'F');
    await save(s, p.id, { table: 'leaves', kind: 'absence', startDate: '2025-12-12', endDate: '2026-01-10' });
    await save(s, p.id, { table: 'leaves', kind: 'absence', startDate: '2026-03-01', endDate: '2026-03-19' });
    expect(subjects(await alertsOn(s, '2025-12-31'), 'absence_exit')).toEqual([]);
    expect(subjects(await alertsOn(s), 'absence_exit')).toEqual([]);
    await save(s, p.id, { table: 'leaves', kind: 'absence', startDate: '2026-06-01', endDate: '2026-06-01' });
    expect(subjects(await alertsOn(s), 'absence_exit')).toEqual(['跨年']);
  });
});

describe('S7 / S8: dispatch under six months, county-hired service under a year', () => {
  it('a five-month dispatch warns, six months do not; an ended dispatch is history', async () => {
    const s = await openSessionAt();
    const c = await clinicOf(s);
    const p = await addPerson(s, '马晓东', '1989-06-06', 'M', { category: 'center_staff' });
    await save(s, p.id, { table: 'assignments', clinicId: c, role: 'doctor', startDate: '2026-06-01' });
    const d = await save(s, p.id, { table: 'employments', kind: 'dispatched', startDate: '2026-06-01', endDate: '2026-11-01' });
    const out = await alertsOn(s);
    expect(subjects(out, 'dispatch_short')).toEqual(['马晓东']);
    expect(out.alerts.find((x) => x.kind === 'dispatch_short')).toMatchObject({ rule: 'S7', personId: p.id });
    await save(s, p.id, { table: 'employments', kind: 'dispatched', startDate: '2026-06-01', endDate: '2026-12-01' }, d.employments[0]?.id);
    expect(subjects(await alertsOn(s), 'dispatch_short')).toEqual([]);
    const q = await addPerson(s, '旧派驻', '1985-06-06', 'M', { category: 'center_staff' });
    await save(s, q.id, { table: 'employments', kind: 'dispatched', startDate: '2025-01-01', endDate: '2025-03-01' });
    expect(subjects(await alertsOn(s), 'dispatch_short')).toEqual([]);
    // Entered ahead: not running yet on the 15th of June, so not short yet; it is once it starts.
    const r = await addPerson(s, '将派驻', '1986-06-06', 'M', { category: 'center_staff' });
    await save(s, r.id, { table: 'employments', kind: 'dispatched', startDate: '2026-07-01', endDate: '2026-10-01' });
    expect(subjects(await alertsOn(s), 'dispatch_short')).toEqual([]);
    expect(subjects(await alertsOn(s, '2026-07-01'), 'dispatch_short')).toEqual(['将派驻']);
  });

  it('11 months of county-hired service warn, 12 do not', async () => {
    const s = await openSessionAt();
    const p = await addPerson(s, '县医院医生', '1985-03-03', 'M', { category: 'county_hired' });
    const d = await save(s, p.id, {
      table: 'employments',
      kind: 'county_hired',
      startDate: '2026-01-15',
      endDate: '2026-12-15',
      assessment: '合格',
    });
    const out = await alertsOn(s);
    expect(subjects(out, 'county_hired_short')).toEqual(['县医院医生']);
    expect(out.alerts.find((x) => x.kind === 'county_hired_short')).toMatchObject({ rule: 'S8', personId: p.id });
    await save(
      s,
      p.id,
      { table: 'employments', kind: 'county_hired', startDate: '2026-01-15', endDate: '2027-01-15' },
      d.employments[0]?.id,
    );
    expect(subjects(await alertsOn(s), 'county_hired_short')).toEqual([]);
  });
});

describe('exited people raise no alerts', () => {
  it('a person with every kind of problem is silent after exit', async () => {
    const s = await openSessionAt();
    const c = await clinicOf(s);
    const p = await addDoctor(s, {
      name: '问题多',
      born: '1961-06-15',
      sex: 'M',
      clinicId: c,
      head: true,
      qual: cert('2026-06-14'),
      trained: false,
    });
    await save(s, p.id, { table: 'employments', kind: 'dispatched', startDate: '2026-06-01', endDate: '2026-08-01' });
    await save(s, p.id, { table: 'leaves', kind: 'absence', startDate: '2026-03-01', endDate: '2026-04-15' });
    const before = await alertsOn(s);
    const mine = before.alerts
      .filter((x) => x.personId === p.id)
      .map((x) => x.kind)
      .sort();
    expect(mine).toEqual(
      ['absence_exit', 'contract_ending', 'dispatch_short', 'head_over_age', 'no_valid_qualification', 'training_short'].sort(),
    );
    await call(s, 'people.exit', { id: p.id, exitDate: '2026-06-14', reason: 'absence' });
    const after = await alertsOn(s);
    expect(after.alerts.filter((x) => x.personId === p.id)).toEqual([]);
    expect(after.ratio.total).toBe(0);
    // The clinic, now without anyone, is short again (a clinic alert, not the person's).
    expect(subjects(after, 'staffing_short')).toEqual(['王屯村卫生室']);
  });
});
