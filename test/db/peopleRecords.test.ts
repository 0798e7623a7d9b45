import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { call } from '../helpers/calls';
import { addClinic, addPerson, failsUnchanged, openSessionAt, save, type RecordIn } from '../helpers/people';

interface AuditLine {
  action: string;
  entity: string;
  entity_id: number | null;
  summary: string;
}

function audits(s: Session): AuditLine[] {
  return s.db.prepare('SELECT action, entity, entity_id, summary FROM audit_log ORDER BY id').all() as AuditLine[];
}

async function township(s: Session) {
  const clinicA = await addClinic(s, '张庄', 1500, 'A-01');
  const clinicB = await addClinic(s, '李营', 900, 'B-01');
  const p = await addPerson(s, '张建国', '1968-03-12', 'M');
  return { clinicA, clinicB, p };
}

describe('people.saveRecord: each of the five records, with history and audit', () => {
  const cases: {
    table: string;
    label: string;
    record: (clinicId: number) => RecordIn;
    changed: (clinicId: number) => RecordIn;
    text: string;
  }[] = [
    {
      table: 'qualifications',
      label: '资格证书',
      record: () => ({
        table: 'qualifications',
        kind: 'village_doctor_cert',
        certNumber: 'XC2021001',
        issuedOn: '2021-07-01',
        validUntil: '2026-06-30',
      }),
      changed: () => ({
        table: 'qualifications',
        kind: 'village_doctor_cert',
        certNumber: 'XC2021001',
        issuedOn: '2021-07-01',
        validUntil: '2031-06-30',
      }),
      text: '乡村医生执业证书 XC2021001 发证 2021-07-01 有效期至 2026-06-30',
    },
    {
      table: 'assignments',
      label: '岗位',
      record: (c) => ({ table: 'assignments', clinicId: c, role: 'doctor', startDate: '2020-03-01' }),
      changed: (c) => ({ table: 'assignments', clinicId: c, role: 'head', startDate: '2020-03-01' }),
      text: '村医 2020-03-01 至 今',
    },
    {
      table: 'employments',
      label: '聘用',
      record: () => ({
        table: 'employments',
        kind: 'township_hired',
        establishment: 'off',
        startDate: '2023-06-01',
        endDate: '2028-05-31',
        pension: true,
        workInjury: true,
      }),
      changed: () => ({
        table: 'employments',
        kind: 'township_hired',
        establishment: 'off',
        startDate: '2023-06-01',
        endDate: '2029-05-31',
        pension: true,
        workInjury: true,
      }),
      text: '乡聘村用（劳动合同） 编外 2023-06-01 至 2028-05-31',
    },
    {
      table: 'trainings',
      label: '培训进修',
      record: () => ({
        table: 'trainings',
        kind: 'clinical_practice',
        title: '临床进修',
        place: '卫生院',
        startDate: '2026-03-02',
        endDate: '2026-03-08',
        days: 7,
      }),
      changed: () => ({
        table: 'trainings',
        kind: 'clinical_practice',
        title: '临床进修',
        place: '卫生院',
        startDate: '2026-03-02',
        endDate: '2026-03-08',
        days: 6,
      }),
      text: '临床进修 卫生院 2026-03-02 至 2026-03-08',
    },
    {
      table: 'leaves',
      label: '请假与离岗',
      record: () => ({
        table: 'leaves',
        kind: 'leave',
        startDate: '2026-05-01',
        endDate: '2026-05-03',
        approved: true,
        approver: '张卫东',
        reason: '探亲',
      }),
      changed: () => ({ table: 'leaves', kind: 'absence', startDate: '2026-05-01', endDate: '2026-05-03', reason: '未请假' }),
      text: '请假 2026-05-01 至 2026-05-03',
    },
  ];

  it.each(cases)('$table: add then change, one history line and one audit row each', async ({ table, label, record, changed, text }) => {
    const s = await openSessionAt();
    const { clinicA, p } = await township(s);
    const n0 = audits(s).length;
    const added = await save(s, p.id, record(clinicA));
    const rows = added[table as 'qualifications'];
    expect(rows).toHaveLength(1);
    const rowId = rows[0]?.id ?? 0;
    expect(added.history).toHaveLength(1);
    expect(added.history[0]).toMatchObject({ field: label, oldValue: '', actor: '管理员' });
    expect(added.history[0]?.newValue).toContain(text);
    expect(audits(s).slice(n0)).toEqual([expect.objectContaining({ action: 'create', entity: table, entity_id: p.id })]);
    expect(audits(s).at(-1)?.summary).toContain('张建国');

    const edited = await save(s, p.id, changed(clinicA), rowId);
    expect(edited[table as 'qualifications']).toHaveLength(1);
    expect(edited.history).toHaveLength(2);
    expect(edited.history[0]).toMatchObject({ field: label, oldValue: added.history[0]?.newValue });
    expect(edited.history[0]?.newValue).not.toBe(edited.history[0]?.oldValue);
    expect(
      audits(s)
        .slice(n0)
        .map((a) => `${a.action}:${a.entity}`),
    ).toEqual([`create:${table}`, `update:${table}`]);
  });

  // BUG: the history line of a changed record describes only kind and dates (describeRecord), so
  // a change of establishment or insurance is logged with identical old and new values.
  it('employments: a change of establishment and liability insurance is visible in the history line', async () => {
    const s = await openSessionAt();
    const { p } = await township(s);
    const base = {
      table: 'employments',
      kind: 'township_hired',
      startDate: '2023-06-01',
      endDate: '2028-05-31',
      pension: true,
      workInjury: true,
    } as const;
    const d = await save(s, p.id, { ...base, establishment: 'off', liability: false });
    const e = await save(s, p.id, { ...base, establishment: 'spare', liability: true }, d.employments[0]?.id);
    expect(e.employments[0]).toMatchObject({ establishment: 'spare', liability: true });
    const line = e.history[0];
    expect(line?.field).toBe('聘用');
    expect(line?.newValue).not.toBe(line?.oldValue);
  });

  it('stores each record as typed and derives the list columns from them', async () => {
    const s = await openSessionAt();
    const { clinicA, p } = await township(s);
    await save(s, p.id, { table: 'qualifications', kind: 'village_doctor_cert', validUntil: '2029-01-01' });
    await save(s, p.id, { table: 'qualifications', kind: 'assistant_physician', certNumber: 'ZY1', scope: '全科' });
    await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2020-03-01' });
    const d = await save(s, p.id, {
      table: 'employments',
      kind: 'self_employed',
      establishment: 'spare',
      startDate: '2020-03-01',
      endDate: '2027-02-28',
    });
    // An establishment slot (余编/编外) belongs to a township-hired contract only.
    expect(d.employments[0]).toMatchObject({
      kind: 'self_employed',
      establishment: '',
      pension: false,
      liability: false,
      endDate: '2027-02-28',
    });
    expect(d).toMatchObject({
      clinicName: '张庄村卫生室',
      role: 'head',
      highestQualification: 'assistant_physician',
      employmentKind: 'self_employed',
      contractEnd: '2027-02-28',
    });
    expect(d.assignments[0]).toMatchObject({ clinicId: clinicA, clinicName: '张庄村卫生室', startDate: '2020-03-01', endDate: null });
  });

  it('a stand-in on a leave is another active person, shown by name', async () => {
    const s = await openSessionAt();
    const { p } = await township(s);
    const other = await addPerson(s, '李明', '1988-09-19', 'M');
    const d = await save(s, p.id, {
      table: 'leaves',
      kind: 'leave',
      startDate: '2026-05-01',
      endDate: '2026-05-02',
      standInId: other.id,
      approved: true,
    });
    expect(d.leaves[0]).toMatchObject({ standInId: other.id, standInName: '李明', approved: true });
  });
});

describe('people.saveRecord: C2, one head per clinic at a time', () => {
  it('refuses a second head at the same clinic for overlapping dates, naming role and the current head', async () => {
    const s = await openSessionAt();
    const { clinicA, p } = await township(s);
    await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2020-03-01' });
    const q = await addPerson(s, '赵红梅', '1979-04-03', 'F');
    const e = await failsUnchanged(s, 'people.saveRecord', {
      personId: q.id,
      record: { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2026-01-01' },
    });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'role' });
    expect(e.message).toContain('张建国');
    expect(e.message).toContain('C2');
    // A past post overlapping the current head's term is refused as well.
    const past = { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2019-01-01', endDate: '2020-03-01' };
    expect(await failsUnchanged(s, 'people.saveRecord', { personId: q.id, record: past })).toMatchObject({ field: 'role' });
    // As a plain doctor she is welcome.
    const d = await save(s, q.id, { table: 'assignments', clinicId: clinicA, role: 'doctor', startDate: '2026-01-01' });
    expect(d.role).toBe('doctor');
  });

  it('allows sequential heads, one ending the day before the next starts; refuses a one-day overlap', async () => {
    const s = await openSessionAt();
    const { clinicA, p } = await township(s);
    await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2020-03-01', endDate: '2025-12-31' });
    const q = await addPerson(s, '赵红梅', '1979-04-03', 'F');
    const overlap = { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2025-12-31' };
    expect(await failsUnchanged(s, 'people.saveRecord', { personId: q.id, record: overlap })).toMatchObject({
      code: 'VALIDATION',
      field: 'role',
    });
    const d = await save(s, q.id, { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2026-01-01' });
    expect(d).toMatchObject({ role: 'head', clinicName: '张庄村卫生室' });
    // Heads of different clinics do not collide.
    const r = await addPerson(s, '周明', '1966-12-01', 'M');
    const clinicC = await addClinic(s, '王屯', 980, 'C-01');
    expect((await save(s, r.id, { table: 'assignments', clinicId: clinicC, role: 'head', startDate: '2020-03-01' })).role).toBe('head');
  });

  it('lets the head edit their own post (the record is not compared with itself)', async () => {
    const s = await openSessionAt();
    const { clinicA, p } = await township(s);
    const d = await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2020-03-01' });
    const id = d.assignments[0]?.id ?? 0;
    const e = await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'head', startDate: '2019-03-01', note: '补录' }, id);
    expect(e.assignments).toEqual([expect.objectContaining({ id, startDate: '2019-03-01', note: '补录' })]);
  });
});

describe('people.saveRecord: refusals name the field and change nothing', () => {
  it('overlapping posts of one person (a transfer needs the old post ended first)', async () => {
    const s = await openSessionAt();
    const { clinicA, clinicB, p } = await township(s);
    await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'doctor', startDate: '2020-03-01' });
    const e = await failsUnchanged(s, 'people.saveRecord', {
      personId: p.id,
      record: { table: 'assignments', clinicId: clinicB, role: 'doctor', startDate: '2026-01-01' },
    });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'startDate' });
    expect(e.message).toContain('张庄村卫生室');
    const id = (await call(s, 'people.get', { id: p.id })).assignments[0]?.id ?? 0;
    await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'doctor', startDate: '2020-03-01', endDate: '2025-12-31' }, id);
    const moved = await save(s, p.id, { table: 'assignments', clinicId: clinicB, role: 'doctor', startDate: '2026-01-01' });
    expect(moved.clinicName).toBe('李营村卫生室');
  });

  it('a post at a closed clinic', async () => {
    const s = await openSessionAt();
    const { clinicB, p } = await township(s);
    await call(s, 'clinics.close', { id: clinicB, closedOn: '2026-01-31', reason: '撤并' });
    const e = await failsUnchanged(s, 'people.saveRecord', {
      personId: p.id,
      record: { table: 'assignments', clinicId: clinicB, role: 'doctor', startDate: '2026-03-01' },
    });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'clinicId' });
    expect(e.message).toContain('李营村卫生室');
    expect(
      await failsUnchanged(s, 'people.saveRecord', {
        personId: p.id,
        record: { table: 'assignments', clinicId: 424242, role: 'doctor', startDate: '2026-03-01' },
      }),
    ).toMatchObject({ field: 'clinicId' });
  });

  it('a stand-in who is the person on leave, or who does not exist', async () => {
    const s = await openSessionAt();
    const { p } = await township(s);
    const self = await failsUnchanged(s, 'people.saveRecord', {
      personId: p.id,
      record: { table: 'leaves', kind: 'leave', startDate: '2026-05-01', endDate: '2026-05-02', standInId: p.id },
    });
    expect(self).toMatchObject({ code: 'VALIDATION', field: 'standInId' });
    expect(self.message).toContain('本人');
    expect(
      await failsUnchanged(s, 'people.saveRecord', {
        personId: p.id,
        record: { table: 'leaves', kind: 'leave', startDate: '2026-05-01', endDate: '2026-05-02', standInId: 424242 },
      }),
    ).toMatchObject({ field: 'standInId' });
  });

  it('training days longer than the date span; as many days as the span is fine', async () => {
    const s = await openSessionAt();
    const { p } = await township(s);
    const e = await failsUnchanged(s, 'people.saveRecord', {
      personId: p.id,
      record: { table: 'trainings', kind: 'training', startDate: '2026-03-02', endDate: '2026-03-08', days: 8 },
    });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'days' });
    expect(e.message).toContain('天数');
    const ok = await save(s, p.id, { table: 'trainings', kind: 'training', startDate: '2026-03-02', endDate: '2026-03-08', days: 7 });
    expect(ok.trainings[0]?.days).toBe(7);
  });

  it.each([
    ['assignments', { table: 'assignments', clinicId: 1, role: 'doctor', startDate: '2026-03-01', endDate: '2026-02-28' }],
    ['employments', { table: 'employments', kind: 'township_hired', startDate: '2026-03-01', endDate: '2026-02-28' }],
    ['trainings', { table: 'trainings', kind: 'training', startDate: '2026-03-01', endDate: '2026-02-28', days: 1 }],
    ['leaves', { table: 'leaves', kind: 'absence', startDate: '2026-03-01', endDate: '2026-02-28' }],
  ])('%s: an end before the start, on endDate', async (_t, record) => {
    const s = await openSessionAt();
    const { p } = await township(s);
    const e = await failsUnchanged(s, 'people.saveRecord', { personId: p.id, record });
    expect(e.code).toBe('VALIDATION');
    expect(e.field?.split('.').pop()).toBe('endDate');
    expect(e.message).toContain('结束日期');
  });

  // BUG (minor): zodToError strips a `values.` prefix but not `record.`, so schema refusals of a
  // record name `record.endDate` while the service's own refusals name `role`, `startDate`, `days`;
  // the record form (field names without prefix) cannot mark the field.
  it('an end before the start is reported on the form field endDate, like the service refusals', async () => {
    const s = await openSessionAt();
    const { p } = await township(s);
    const e = await failsUnchanged(s, 'people.saveRecord', {
      personId: p.id,
      record: { table: 'leaves', kind: 'absence', startDate: '2026-03-01', endDate: '2026-02-28' },
    });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'endDate' });
  });

  it('a record of another person, and a person who does not exist', async () => {
    const s = await openSessionAt();
    const { p } = await township(s);
    const q = await addPerson(s, '赵红梅', '1979-04-03', 'F');
    const mine = await save(s, p.id, { table: 'qualifications', kind: 'village_doctor_cert' });
    const qid = mine.qualifications[0]?.id ?? 0;
    expect(
      (
        await failsUnchanged(s, 'people.saveRecord', {
          personId: q.id,
          id: qid,
          record: { table: 'qualifications', kind: 'licensed_physician' },
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect((await failsUnchanged(s, 'people.removeRecord', { personId: q.id, table: 'qualifications', id: qid })).code).toBe('NOT_FOUND');
    expect(
      (await failsUnchanged(s, 'people.saveRecord', { personId: 424242, record: { table: 'qualifications', kind: 'licensed_physician' } }))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('people.removeRecord', () => {
  it('deletes the record, keeps a history line of what it was, and audits it with the old row', async () => {
    const s = await openSessionAt();
    const { clinicA, p } = await township(s);
    const d = await save(s, p.id, { table: 'assignments', clinicId: clinicA, role: 'doctor', startDate: '2020-03-01' });
    const id = d.assignments[0]?.id ?? 0;
    const r = await call(s, 'people.removeRecord', { personId: p.id, table: 'assignments', id });
    expect(r.assignments).toEqual([]);
    expect(r.clinicName).toBe('');
    expect(r.history[0]).toMatchObject({ field: '岗位', oldValue: '村医 2020-03-01 至 今', newValue: '（已删除）' });
    const a = s.db.prepare('SELECT action, entity, entity_id, before FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      action: string;
      entity: string;
      entity_id: number;
      before: string;
    };
    expect(a).toMatchObject({ action: 'delete', entity: 'assignments', entity_id: p.id });
    expect(JSON.parse(a.before)).toMatchObject({ clinic_id: clinicA, role: 'doctor', start_date: '2020-03-01' });
    expect(await failsUnchanged(s, 'people.removeRecord', { personId: p.id, table: 'assignments', id })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
