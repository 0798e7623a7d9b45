import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { onDuty } from '../../electron/domains/people/sql';
import { call } from '../helpers/calls';
import { tempDbPath } from '../helpers/tempDb';
import { addClinic, addPerson, failsUnchanged, openSessionAt, save } from '../helpers/people';

describe('people.exit (S11)', () => {
  async function headWithContract(s: Session) {
    const clinicId = await addClinic(s, '孙楼', 1800, 'S-01');
    const p = await addPerson(s, '孙海燕', '1977-07-07', 'F');
    await save(s, p.id, { table: 'assignments', clinicId, role: 'head', startDate: '2020-03-01' });
    await save(s, p.id, {
      table: 'employments',
      kind: 'township_hired',
      establishment: 'off',
      startDate: '2023-06-01',
      endDate: '2028-05-31',
      pension: true,
    });
    await save(s, p.id, { table: 'employments', kind: 'self_employed', startDate: '2018-01-01', endDate: '2023-05-31' });
    return { clinicId, p };
  }

  it('ends the open post and the running contract on the exit date, past records untouched', async () => {
    const s = await openSessionAt('2026-06-15');
    const { p } = await headWithContract(s);
    const n0 = Number(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get());
    const x = await call(s, 'people.exit', { id: p.id, exitDate: '2026-06-30', reason: 'absence', note: '擅自离岗 31 天' });
    expect(x).toMatchObject({ status: 'exited', exitDate: '2026-06-30', exitReason: 'absence', exitNote: '擅自离岗 31 天' });
    expect(x.assignments.map((a) => a.endDate)).toEqual(['2026-06-30']);
    expect(x.employments.map((e) => [e.kind, e.endDate])).toEqual([
      ['self_employed', '2023-05-31'],
      ['township_hired', '2026-06-30'],
    ]);
    expect(x.history[0]).toMatchObject({ field: '状态', oldValue: '在岗' });
    expect(x.history[0]?.newValue).toContain('2026-06-30');
    expect(x.history[0]?.newValue).toContain('30 天');
    const a = s.db.prepare('SELECT action, entity, entity_id, summary FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(a).toMatchObject({ action: 'exit', entity: 'person', entity_id: p.id });
    expect(Number(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get())).toBe(n0 + 1);
  });

  it('refuses a second exit and a new post for an exited person, changing nothing', async () => {
    const s = await openSessionAt();
    const { clinicId, p } = await headWithContract(s);
    await call(s, 'people.exit', { id: p.id, exitDate: '2026-06-01', reason: 'resigned' });
    const again = await failsUnchanged(s, 'people.exit', { id: p.id, exitDate: '2026-06-10', reason: 'other' });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('2026-06-01');
    const post = await failsUnchanged(s, 'people.saveRecord', {
      personId: p.id,
      record: { table: 'assignments', clinicId, role: 'doctor', startDate: '2026-07-01' },
    });
    expect(post.code).toBe('CONFLICT');
    expect((await failsUnchanged(s, 'people.exit', { id: p.id, exitDate: '2026-06-10' })).code).toBe('VALIDATION');
    expect((await failsUnchanged(s, 'people.exit', { id: 424242, exitDate: '2026-06-10', reason: 'other' })).code).toBe('NOT_FOUND');
  });

  it('frees the headship: after the exit date another head may start', async () => {
    const s = await openSessionAt();
    const { clinicId, p } = await headWithContract(s);
    await call(s, 'people.exit', { id: p.id, exitDate: '2026-06-30', reason: 'age_limit' });
    const q = await addPerson(s, '孙涛', '1991-05-05', 'M');
    await failsUnchanged(s, 'people.saveRecord', {
      personId: q.id,
      record: { table: 'assignments', clinicId, role: 'head', startDate: '2026-06-30' },
    });
    const d = await save(s, q.id, { table: 'assignments', clinicId, role: 'head', startDate: '2026-07-01' });
    expect(d.assignments[0]).toMatchObject({ role: 'head', startDate: '2026-07-01' });
  });
});

describe('people.exit: posts and figures around the exit date', () => {
  // A post starting after the exit date would stay open for an exited person; the exit is
  // refused until the clerk removes or corrects it, and then leaves nothing open.
  it('leaves no post open after the exit date, a transfer entered ahead included', async () => {
    const s = await openSessionAt('2026-06-15');
    const a = await addClinic(s, '张庄', 1500, 'A-01');
    const b = await addClinic(s, '李营', 900, 'B-01');
    const p = await addPerson(s, '张强', '1990-11-02', 'M');
    await save(s, p.id, { table: 'assignments', clinicId: a, role: 'doctor', startDate: '2020-03-01', endDate: '2026-06-30' });
    const planned = await save(s, p.id, { table: 'assignments', clinicId: b, role: 'head', startDate: '2026-07-01' });
    const err = await failsUnchanged(s, 'people.exit', { id: p.id, exitDate: '2026-06-20', reason: 'resigned' });
    expect(err.field).toBe('exitDate');
    expect(err.message).toContain('2026-07-01');
    const future = planned.assignments.find((x) => x.startDate === '2026-07-01');
    await call(s, 'people.removeRecord', { personId: p.id, table: 'assignments', id: future?.id ?? 0 });
    await call(s, 'people.exit', { id: p.id, exitDate: '2026-06-20', reason: 'resigned' });
    const open = s.db
      .prepare(`SELECT count(*) FROM assignments WHERE person_id = ? AND coalesce(end_date, '9999-12-31') > '2026-06-20'`)
      .pluck()
      .get(p.id);
    expect(open).toBe(0);
  });

  // An exit may be dated ahead; until then the person is still in post and counted as such.
  it('an exit dated ahead: until that day the clinic list shows the head and counts them alike', async () => {
    const s = await openSessionAt('2026-06-15');
    const clinicId = await addClinic(s, '孙楼', 900, 'S-01');
    const p = await addPerson(s, '孙海燕', '1977-07-07', 'F');
    await save(s, p.id, { table: 'assignments', clinicId, role: 'head', startDate: '2020-03-01' });
    await call(s, 'people.exit', { id: p.id, exitDate: '2026-06-30', reason: 'resigned' });
    const c = await call(s, 'clinics.get', { id: clinicId });
    expect(c.headName).toBe('孙海燕');
    expect(c.actualDoctors).toBe(1);
  });
});

describe('who worked where on a date', () => {
  /** A township written on 2026-06-15: 甲 moved from 张庄 to 李营 on 2024-07-01; 乙 left 张庄 on 2025-12-31. */
  async function history(dbPath: string) {
    const s = await openSessionAt('2026-06-15', dbPath);
    const a = await addClinic(s, '张庄', 1500, 'A-01');
    const b = await addClinic(s, '李营', 900, 'B-01');
    const jia = await addPerson(s, '甲', '1980-01-01', 'M');
    const yi = await addPerson(s, '乙', '1970-01-01', 'F');
    await save(s, jia.id, { table: 'assignments', clinicId: a, role: 'doctor', startDate: '2020-03-01', endDate: '2024-06-30' });
    await save(s, jia.id, { table: 'assignments', clinicId: b, role: 'head', startDate: '2024-07-01' });
    await save(s, yi.id, { table: 'assignments', clinicId: a, role: 'head', startDate: '2019-01-01' });
    await call(s, 'people.exit', { id: yi.id, exitDate: '2025-12-31', reason: 'resigned' });
    s.close();
  }

  function whoWhere(s: Session, date: string): string[] {
    const sql = `SELECT p.name || '@' || c.name || ':' || a.role FROM assignments a JOIN people p ON p.id = a.person_id
                 JOIN clinics c ON c.id = a.clinic_id WHERE ${onDuty('a')} ORDER BY p.name`;
    return s.db.prepare(sql).pluck().all({ asOf: date }) as string[];
  }

  it('answers from the assignments for any date, the exited person included while in post', async () => {
    const dbPath = tempDbPath();
    await history(dbPath);
    const s = await openSessionAt('2026-06-15', dbPath);
    expect(whoWhere(s, '2019-06-01')).toEqual(['乙@张庄村卫生室:head']);
    expect(whoWhere(s, '2024-06-30')).toEqual(['乙@张庄村卫生室:head', '甲@张庄村卫生室:doctor']);
    expect(whoWhere(s, '2024-07-01')).toEqual(['乙@张庄村卫生室:head', '甲@李营村卫生室:head']);
    expect(whoWhere(s, '2025-12-31')).toEqual(['乙@张庄村卫生室:head', '甲@李营村卫生室:head']);
    expect(whoWhere(s, '2026-01-01')).toEqual(['甲@李营村卫生室:head']);
  });

  it('people.list shows the post held on the session’s today', async () => {
    const dbPath = tempDbPath();
    await history(dbPath);
    const cases: [string, Record<string, string>][] = [
      ['2023-01-01', { 甲: '张庄村卫生室/doctor', 乙: '张庄村卫生室/head' }],
      ['2025-06-01', { 甲: '李营村卫生室/head', 乙: '张庄村卫生室/head' }],
      ['2026-06-15', { 甲: '李营村卫生室/head', 乙: '/' }],
    ];
    for (const [day, expected] of cases) {
      const s = await openSessionAt(day, dbPath);
      const rows = (await call(s, 'people.list', { sort: [{ id: 'name', desc: false }] })).rows;
      expect(Object.fromEntries(rows.map((r) => [r.name, `${r.clinicName}/${r.role}`])), day).toEqual(expected);
      const here = await call(s, 'people.list', { filters: [{ id: 'clinicName', value: '张庄' }] });
      expect(here.rows.map((r) => r.name).sort(), day).toEqual(
        Object.entries(expected)
          .filter(([, v]) => v.startsWith('张庄'))
          .map(([k]) => k)
          .sort(),
      );
      s.close();
    }
  });
});

describe('the clinic list follows the people module (C2)', () => {
  it('shows the head from the assignments, and the typed legacy head when there is none', async () => {
    const dbPath = tempDbPath();
    const s = await openSessionAt('2026-06-15', dbPath);
    const v = await call(s, 'villages.create', {
      name: '张庄村',
      residentPopulation: 1600,
      servicePopulation: 1500,
      isCenterSeat: false,
      distanceKm: 3,
      altCoverage: 'none',
      patrolVisitsPerMonth: 0,
      note: '',
    });
    const c = await call(s, 'clinics.create', {
      code: 'A-01',
      name: '张庄村卫生室',
      property: 'public',
      buildingArea: 90,
      insurancePoint: true,
      headName: '老张',
      hostVillageIds: [v.id],
    });
    expect(c).toMatchObject({ headName: '老张', headTyped: '老张', actualDoctors: 0, requiredDoctors: 2 });

    const head = await addPerson(s, '张建国', '1968-03-12', 'M');
    await save(s, head.id, { table: 'assignments', clinicId: c.id, role: 'head', startDate: '2026-01-01', endDate: '2026-12-31' });
    const doc = await addPerson(s, '张丽华', '1985-07-21', 'F');
    await save(s, doc.id, { table: 'assignments', clinicId: c.id, role: 'doctor', startDate: '2026-06-16' });
    expect(await call(s, 'clinics.get', { id: c.id })).toMatchObject({ headName: '张建国', headTyped: '老张', actualDoctors: 1 });
    const listed = (await call(s, 'clinics.list', { search: '张庄' })).rows[0];
    expect(listed).toMatchObject({ headName: '张建国', actualDoctors: 1 });
    expect((await call(s, 'clinics.list', { search: '张建国' })).rows.map((r) => r.id)).toEqual([c.id]);
    s.close();

    // The next day the doctor starts; the year after, the head's post has ended.
    const next = await openSessionAt('2026-06-16', dbPath);
    expect(await call(next, 'clinics.get', { id: c.id })).toMatchObject({ headName: '张建国', actualDoctors: 2 });
    next.close();
    const later = await openSessionAt('2027-01-01', dbPath);
    expect(await call(later, 'clinics.get', { id: c.id })).toMatchObject({ headName: '老张', actualDoctors: 1 });
    expect((await call(later, 'clinics.list', {})).rows[0]).toMatchObject({ headName: '老张', actualDoctors: 1 });
  });

  it('an exited person no longer counts among the actual doctors', async () => {
    const s = await openSessionAt();
    const clinicId = await addClinic(s, '李营', 1500, 'B-01');
    const a = await addPerson(s, '李秀英', '1972-05-08', 'F');
    const b = await addPerson(s, '李明', '1988-09-19', 'M');
    await save(s, a.id, { table: 'assignments', clinicId, role: 'head', startDate: '2020-03-01' });
    await save(s, b.id, { table: 'assignments', clinicId, role: 'doctor', startDate: '2020-03-01' });
    expect(await call(s, 'clinics.get', { id: clinicId })).toMatchObject({ headName: '李秀英', actualDoctors: 2 });
    await call(s, 'people.exit', { id: b.id, exitDate: '2026-06-14', reason: 'resigned' });
    expect(await call(s, 'clinics.get', { id: clinicId })).toMatchObject({ headName: '李秀英', actualDoctors: 1 });
  });
});
