/**
 * S9a / S11a through the real services on a SQLite file: planned training is not done, a planned
 * training removed (cancelled) brings the alert back, the alert month, last year's shortfall
 * until 31 March, absence counted up to the day, and an S11 exit trigger open into the next year
 * until a decision (留用说明) or an exit closes it.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { computeAlerts } from '../../electron/domains/people/alerts';
import { call } from '../helpers/calls';
import { addPerson, alertsOn, failsUnchanged, openSessionAt, save, subjects, type Person } from '../helpers/people';

const stint = (startDate: string, endDate: string) =>
  ({ table: 'trainings', kind: 'clinical_practice', title: '临床进修', place: '卫生院', startDate, endDate, days: 7 }) as const;
const absence = (startDate: string, endDate: string) =>
  ({ table: 'leaves', kind: 'absence', startDate, endDate, reason: '外出务工' }) as const;

describe('S9a: training done by the day, planned after it', () => {
  it('a planned stint keeps a shortfall off the list until October; removing it (cancelled) brings the alert back', async () => {
    const s = await openSessionAt('2026-06-15');
    const p = await addPerson(s, '计划进修', '1980-02-01', 'F');
    await save(s, p.id, stint('2026-03-02', '2026-03-08'));
    expect(subjects(computeAlerts(s.db, '2026-06-15'), 'training_short')).toEqual(['计划进修']);
    const planned = await save(s, p.id, stint('2026-11-02', '2026-11-08'));
    expect(planned.year.training).toMatchObject({ done: { count: 1 }, planned: { count: 1 }, status: 'progress' });
    expect(subjects(computeAlerts(s.db, '2026-06-15'), 'training_short')).toEqual([]);
    // 30 September: still progress; 1 October (the setting's default month): an alert; once it has ended: met.
    expect(subjects(computeAlerts(s.db, '2026-09-30'), 'training_short')).toEqual([]);
    const oct = computeAlerts(s.db, '2026-10-01');
    expect(subjects(oct, 'training_short')).toEqual(['计划进修']);
    expect(oct.alerts.find((a) => a.kind === 'training_short')).toMatchObject({ rule: 'S9', personId: p.id });
    expect(oct.alerts.find((a) => a.kind === 'training_short')?.detail).toContain('已完成 1 / 应完成 2 次，已安排 1 次');
    expect(subjects(computeAlerts(s.db, '2026-11-08'), 'training_short')).toEqual([]);
    // The alert month is a setting.
    await call(s, 'settings.update', { trainingAlertMonth: 11 });
    expect(subjects(computeAlerts(s.db, '2026-10-01'), 'training_short')).toEqual([]);
    await call(s, 'settings.update', { trainingAlertMonth: 10 });
    // Cancelled: the planned record is removed (trainings have no cancelled state), and the shortfall is an alert again.
    const id = planned.trainings.find((t) => t.startDate === '2026-11-02')?.id ?? 0;
    const after = await call(s, 'people.removeRecord', { personId: p.id, table: 'trainings', id });
    expect(after.year.training).toMatchObject({ planned: { count: 0 }, status: 'alert' });
    expect(after.history[0]).toMatchObject({ field: '培训进修', newValue: '（已删除）' });
    expect(subjects(computeAlerts(s.db, '2026-06-15'), 'training_short')).toEqual(['计划进修']);
  });

  it('Sichuan: trainings and days; a planned training counts toward reaching, not toward done', async () => {
    const s = await openSessionAt('2026-06-15');
    await call(s, 'settings.update', { trainingVariant: 'sichuan' });
    const p = await addPerson(s, '四川培训', '1980-02-02', 'F');
    await save(s, p.id, { table: 'trainings', kind: 'training', startDate: '2026-03-02', endDate: '2026-03-08', days: 7 });
    const d = await save(s, p.id, { table: 'trainings', kind: 'training', startDate: '2026-08-03', endDate: '2026-08-09', days: 7 });
    expect(d.year.training).toMatchObject({
      variant: 'sichuan',
      done: { count: 1, days: 7 },
      planned: { count: 1, days: 7 },
      required: { count: 2, days: 14 },
      status: 'progress',
    });
    expect(d.year.training.text).toBe('已完成 1 次 7 天 / 应完成 2 次 14 天，已安排 1 次 7 天');
    expect(subjects(await alertsOn(s), 'training_short')).toEqual([]);
    expect(subjects(await alertsOn(s, '2026-10-01'), 'training_short')).toEqual([]);
    await call(s, 'settings.update', { trainingTotalMinDays: 15 });
    expect(subjects(await alertsOn(s), 'training_short')).toEqual(['四川培训']);
  });

  it('1 January to 31 March: last year’s final shortfall is listed; from 1 April it is not', async () => {
    const s = await openSessionAt('2026-06-15');
    const short = await addPerson(s, '去年差一次', '1980-02-03', 'M');
    await save(s, short.id, stint('2026-03-02', '2026-03-08'));
    const met = await addPerson(s, '去年达标', '1980-02-04', 'M');
    await save(s, met.id, stint('2026-03-02', '2026-03-08'));
    await save(s, met.id, stint('2026-09-07', '2026-09-13'));
    expect(subjects(computeAlerts(s.db, '2026-12-31'), 'training_short_last_year')).toEqual([]);
    const jan1 = computeAlerts(s.db, '2027-01-01');
    expect(subjects(jan1, 'training_short_last_year')).toEqual(['去年差一次']);
    expect(jan1.alerts.find((a) => a.kind === 'training_short_last_year')).toMatchObject({
      rule: 'S9',
      level: 'warning',
      personId: short.id,
    });
    expect(jan1.alerts.find((a) => a.kind === 'training_short_last_year')?.detail).toContain('2026 年未达标：已完成 1 / 应完成 2 次');
    // On 1 January nobody has anything done or planned for 2027 yet: this year's shortfall cannot be made up by what is planned.
    expect(subjects(jan1, 'training_short')).toEqual(['去年差一次', '去年达标'].sort());
    expect(subjects(computeAlerts(s.db, '2027-03-31'), 'training_short_last_year')).toEqual(['去年差一次']);
    expect(subjects(computeAlerts(s.db, '2027-04-01'), 'training_short_last_year')).toEqual([]);
  });
});

describe('S11a: unauthorised absence, counted up to the day, open until closed', () => {
  async function absent(s: Session, name = '孙海燕'): Promise<Person> {
    const p = await addPerson(s, name, '1977-07-07', 'F');
    await save(s, p.id, absence('2026-04-01', '2026-04-29'));
    return save(s, p.id, absence('2026-06-01', '2026-06-30'));
  }

  it('a period running past the day counts only its days up to the day', async () => {
    const s = await openSessionAt('2026-06-15');
    const p = await absent(s);
    expect(p.year.absenceDays).toBe(29 + 15);
    expect(subjects(computeAlerts(s.db, '2026-05-31'), 'absence_exit')).toEqual([]);
    expect(subjects(computeAlerts(s.db, '2026-06-01'), 'absence_exit')).toEqual(['孙海燕']);
    expect(computeAlerts(s.db, '2026-06-01').alerts.find((a) => a.kind === 'absence_exit')?.detail).toBe(
      '2026 年擅自离岗累计 30 天（满 30 天应退出），尚未办理退出或记录留用说明',
    );
  });

  it('stays open into the next year, until a 留用说明 closes it — from its date on', async () => {
    const s = await openSessionAt('2027-02-01');
    const p = await absent(s);
    const opened = computeAlerts(s.db, '2027-02-01');
    expect(subjects(opened, 'absence_exit')).toEqual(['孙海燕']);
    expect(opened.alerts.find((a) => a.kind === 'absence_exit')?.detail).toContain('2026 年擅自离岗累计 59 天');
    expect(subjects(computeAlerts(s.db, '2028-06-30'), 'absence_exit')).toEqual(['孙海燕']);
    const file = await call(s, 'people.get', { id: p.id });
    expect(file.exitTriggers).toMatchObject([{ rule: 'S11-absence', year: 2026, count: 59, state: 'open' }]);
    expect(file.year).toMatchObject({ year: 2027, absenceDays: 0 });

    const audits = Number(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get());
    const kept = await call(s, 'people.recordExitDecision', {
      personId: p.id,
      rule: 'S11-absence',
      triggerYear: 2026,
      decidedOn: '2027-01-20',
      reason: '  家中老人重病，事后补假；给予警告，继续留用  ',
    });
    expect(kept.exitDecisions).toMatchObject([
      {
        rule: 'S11-absence',
        triggerYear: 2026,
        decidedOn: '2027-01-20',
        reason: '家中老人重病，事后补假；给予警告，继续留用',
        createdBy: expect.any(String),
      },
    ]);
    expect(kept.exitTriggers).toMatchObject([{ year: 2026, state: 'decided', decidedOn: '2027-01-20' }]);
    expect(kept.exitTriggers[0]?.detail).toContain('已于 2027年1月20日 记录留用说明');
    expect(kept.history[0]).toMatchObject({ field: '留用说明', oldValue: '' });
    expect(kept.history[0]?.newValue).toContain('2026 年一年内擅自离岗累计满 30 天（S11-absence）：2027-01-20 决定留用');
    expect(Number(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get())).toBe(audits + 1);
    expect(s.db.prepare('SELECT action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({
      action: 'create',
      entity: 'exit_decisions',
      entity_id: p.id,
    });

    expect(subjects(computeAlerts(s.db, '2027-02-01'), 'absence_exit')).toEqual([]);
    expect(subjects(computeAlerts(s.db, '2028-06-30'), 'absence_exit')).toEqual([]);
    // Before the decision's date the trigger was open, and a past view shows it so.
    expect(subjects(computeAlerts(s.db, '2027-01-19'), 'absence_exit')).toEqual(['孙海燕']);
    // A new year's absence is a new trigger; the 2026 decision does not close it.
    await save(s, p.id, absence('2027-01-02', '2027-01-31'));
    expect(
      computeAlerts(s.db, '2027-02-01')
        .alerts.filter((a) => a.kind === 'absence_exit')
        .map((a) => a.detail),
    ).toEqual(['2027 年擅自离岗累计 30 天（满 30 天应退出），尚未办理退出或记录留用说明']);
  });

  it('a recorded exit closes it', async () => {
    const s = await openSessionAt('2027-02-01');
    const p = await absent(s);
    expect(subjects(await alertsOn(s, '2027-02-01'), 'absence_exit')).toEqual(['孙海燕']);
    const out = await call(s, 'people.exit', { id: p.id, exitDate: '2027-02-01', reason: 'absence' });
    expect(out.exitTriggers).toMatchObject([{ year: 2026, state: 'exited' }]);
    expect(subjects(await alertsOn(s, '2027-02-01'), 'absence_exit')).toEqual([]);
    // Nothing to decide any more.
    const e = await failsUnchanged(s, 'people.recordExitDecision', {
      personId: p.id,
      rule: 'S11-absence',
      triggerYear: 2026,
      decidedOn: '2027-02-01',
      reason: '留用',
    });
    expect(e.code).toBe('CONFLICT');
  });

  it('a decision is refused, changing nothing, without a trigger reached by its date, twice, ahead of today or without a reason', async () => {
    const s = await openSessionAt('2026-06-15');
    const p = await absent(s);
    const base = { personId: p.id, rule: 'S11-absence', triggerYear: 2026, reason: '留用' } as const;
    const early = await failsUnchanged(s, 'people.recordExitDecision', { ...base, decidedOn: '2026-05-31' });
    expect(early).toMatchObject({ code: 'VALIDATION', field: 'triggerYear' });
    expect(early.message).toContain('截至 2026年5月31日，2026 年擅自离岗累计 29 天，未满 30 天');
    expect((await failsUnchanged(s, 'people.recordExitDecision', { ...base, triggerYear: 2025, decidedOn: '2026-06-15' })).field).toBe(
      'triggerYear',
    );
    expect(
      (await failsUnchanged(s, 'people.recordExitDecision', { ...base, rule: 'S11-assessment', decidedOn: '2026-06-15' })).message,
    ).toContain('没有两次考核不合格');
    expect((await failsUnchanged(s, 'people.recordExitDecision', { ...base, decidedOn: '2026-06-16' })).field).toBe('decidedOn');
    const blank = await failsUnchanged(s, 'people.recordExitDecision', { ...base, decidedOn: '2026-06-15', reason: '   ' });
    expect(blank).toMatchObject({ code: 'VALIDATION' });
    expect(blank.fields?.reason).toBe('请填写留用理由');
    expect((await failsUnchanged(s, 'people.recordExitDecision', { ...base, rule: 'S11-accident', decidedOn: '2026-06-15' })).code).toBe(
      'VALIDATION',
    );
    await call(s, 'people.recordExitDecision', { ...base, decidedOn: '2026-06-01' });
    const twice = await failsUnchanged(s, 'people.recordExitDecision', { ...base, decidedOn: '2026-06-15' });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain('已于 2026-06-01 记录过留用说明');
  });
});
